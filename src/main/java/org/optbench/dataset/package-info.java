/**
 * Engine-free data sources and the deterministic batch order every engine shares: synthetic sets
 * generated from a seed (linear, blobs, spirals), MNIST-format IDX image sets such as Debian's
 * Fashion-MNIST, and text corpora split into contiguous training and held-out blocks. Nothing is
 * downloaded; data that cannot be read raises {@link
 * org.optbench.dataset.DatasetUnavailableException}, whose message says how to get it. Nothing
 * here imports a deep-learning library.
 */
package org.optbench.dataset;
