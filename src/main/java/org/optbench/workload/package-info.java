/**
 * Workloads: model architecture + dataset + loss + batch size, described without any engine so
 * that every engine trains exactly the same problem. Registered by the spec's {@code model} name.
 */
package org.optbench.workload;
