/**
 * Engine-free data sources: synthetic datasets generated from a seed, and the deterministic batch
 * order every engine shares. Nothing here imports a deep-learning library.
 */
package org.optbench.dataset;
