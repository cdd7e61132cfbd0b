package org.optbench.optim.linalg;

import java.util.Arrays;

/**
 * Matrix products on row-major float32 matrices, accumulated in float64 and rounded once.
 *
 * <p>Why float64: each element of GGᵀ or Q·G·R sums rows·cols products whose magnitudes can
 * exceed the result's by orders (the roots and bases have entries of both signs). In float32,
 * two summation orders (a Java loop here, a BLAS kernel on the engine) then differ by several
 * 1e-7 of the result, beyond the engines' 1e-6 agreement. Products of float32 values are exact
 * in float64 and the float64 sums differ by ~1e-16, so both engines round to the same float32
 * but in the rarest ties.
 *
 * <p>Nothing here allocates: every result goes into an array the caller made once (its
 * scratch), which must not be an input of the same call.
 */
public final class DoubleProducts {

  private DoubleProducts() {}

  /** G·Gᵀ (rows × rows) of G (rows × cols), rounded to float32 into {@code out}. */
  public static void gramOfRows(float[] g, int rows, int cols, float[] out) {
    for (int i = 0; i < rows; i++) {
      for (int j = i; j < rows; j++) {
        double sum = 0;
        for (int k = 0; k < cols; k++) {
          sum += (double) g[i * cols + k] * g[j * cols + k];
        }
        out[i * rows + j] = (float) sum;
        out[j * rows + i] = (float) sum;
      }
    }
  }

  /**
   * Gᵀ·G (cols × cols) of G (rows × cols), rounded to float32 into {@code out}; {@code acc}
   * (cols × cols, overwritten) holds the float64 sums.
   */
  public static void gramOfCols(float[] g, int rows, int cols, double[] acc, float[] out) {
    int size = cols * cols;
    Arrays.fill(acc, 0, size, 0);
    for (int i = 0; i < rows; i++) {
      int row = i * cols;
      for (int a = 0; a < cols; a++) {
        double ga = g[row + a];
        int base = a * cols;
        for (int b = 0; b < cols; b++) {
          acc[base + b] += ga * g[row + b];
        }
      }
    }
    for (int k = 0; k < size; k++) {
      out[k] = (float) acc[k];
    }
  }

  /** diag(G·Gᵀ): Σ_k G[i,k]² per row, in float64, into {@code out} (rows values). */
  public static void rowSquares(float[] g, int rows, int cols, double[] out) {
    for (int i = 0; i < rows; i++) {
      double sum = 0;
      for (int k = 0; k < cols; k++) {
        double x = g[i * cols + k];
        sum += x * x;
      }
      out[i] = sum;
    }
  }

  /** diag(Gᵀ·G): Σ_i G[i,k]² per column, in float64, into {@code out} (cols values). */
  public static void colSquares(float[] g, int rows, int cols, double[] out) {
    Arrays.fill(out, 0, cols, 0);
    for (int i = 0; i < rows; i++) {
      for (int k = 0; k < cols; k++) {
        double x = g[i * cols + k];
        out[k] += x * x;
      }
    }
  }

  /**
   * op(A)·X for X (rows × cols) in float64; A is rows × rows, a diagonal of length rows
   * ({@code diagonal}), or null for the identity; op transposes when {@code transpose}.
   *
   * @param out rows × cols, overwritten, not {@code x}
   * @return {@code out}, or {@code x} itself when A is the identity
   */
  public static double[] left(float[] a, boolean diagonal, boolean transpose, double[] x,
      int rows, int cols, double[] out) {
    if (a == null) {
      return x;
    }
    if (diagonal) {
      for (int i = 0; i < rows; i++) {
        for (int k = 0; k < cols; k++) {
          out[i * cols + k] = a[i] * x[i * cols + k];
        }
      }
      return out;
    }
    Arrays.fill(out, 0, rows * cols, 0);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < rows; j++) {
        double aij = transpose ? a[j * rows + i] : a[i * rows + j];
        int xr = j * cols;
        int or = i * cols;
        for (int k = 0; k < cols; k++) {
          out[or + k] += aij * x[xr + k];
        }
      }
    }
    return out;
  }

  /**
   * X·op(B) for X (rows × cols), B cols × cols, a diagonal of length cols, or null.
   *
   * @param out rows × cols, overwritten, not {@code x}
   * @return {@code out}, or {@code x} itself when B is the identity
   */
  public static double[] right(double[] x, int rows, int cols, float[] b, boolean diagonal,
      boolean transpose, double[] out) {
    if (b == null) {
      return x;
    }
    if (diagonal) {
      for (int i = 0; i < rows; i++) {
        for (int k = 0; k < cols; k++) {
          out[i * cols + k] = x[i * cols + k] * b[k];
        }
      }
      return out;
    }
    Arrays.fill(out, 0, rows * cols, 0);
    for (int i = 0; i < rows; i++) {
      int xr = i * cols;
      for (int j = 0; j < cols; j++) {
        double xij = x[xr + j];
        for (int k = 0; k < cols; k++) {
          out[xr + k] += xij * (transpose ? b[k * cols + j] : b[j * cols + k]);
        }
      }
    }
    return out;
  }

  /** The float32 values of {@code x} widened to float64 into {@code out}, which is returned. */
  public static double[] widen(float[] x, double[] out) {
    for (int k = 0; k < x.length; k++) {
      out[k] = x[k];
    }
    return out;
  }

  /** {@code x} rounded to float32 into {@code out}. */
  public static void round(double[] x, float[] out) {
    for (int k = 0; k < x.length; k++) {
      out[k] = (float) x[k];
    }
  }
}
