/**
 * Experiment specs: the YAML language, its validation with file:line:column errors, the
 * {@link org.optbench.spec.Catalog} of what a spec may name, and the expansion of a spec into
 * grid {@link org.optbench.spec.Cell}s. Depends on nothing else in optbench.
 */
package org.optbench.spec;
