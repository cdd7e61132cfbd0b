/**
 * Small dense linear algebra for the matrix-preconditioned optimizers (Shampoo, SOAP): a tensor
 * seen as a matrix, products accumulated in float64 and rounded once, symmetric inverse roots and
 * eigenbases. Shared by the native library and the engine, which copies its matrices to the host
 * for what libtorch does not expose through DJL (eigendecomposition, QR). Depends on nothing in
 * optbench; uses commons-math3's {@code EigenDecomposition} and {@code QRDecomposition}.
 */
package org.optbench.optim.linalg;
