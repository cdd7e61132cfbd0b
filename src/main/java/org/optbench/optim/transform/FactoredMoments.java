package org.optbench.optim.transform;

import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.optim.TransformState;
import org.optbench.optim.TreeMath;

/**
 * Adafactor's second-moment memory: for a tensor of rank ≥ 2 seen as B matrices of n × m (the
 * last two dimensions), one row vector (B·n) and one column vector (B·m); for vectors and scalars
 * the full second moment. Optionally a full first moment. Shared by both Adafactor variants.
 */
final class FactoredMoments implements TransformState {

  final float[][] rows;
  final float[][] cols;
  final float[][] full;
  final float[][] firstMoment;
  int count;

  /**
   * @param factor whether tensors of rank ≥ 2 get row and column factors (false: a full second
   *     moment for every tensor, the unfactored ablation of Shazeer &amp; Stern 2018, Table 2)
   */
  FactoredMoments(ParamTree params, boolean withFirstMoment, boolean factor) {
    int k = params.size();
    rows = new float[k][];
    cols = new float[k][];
    full = new float[k][];
    firstMoment = withFirstMoment ? new float[k][] : null;
    for (int i = 0; i < k; i++) {
      Tensor t = params.get(i);
      if (factor && factored(t)) {
        int n = t.dim(-2);
        int m = t.dim(-1);
        int batches = n == 0 || m == 0 ? 0 : t.size() / (n * m);
        rows[i] = new float[batches * n];
        cols[i] = new float[batches * m];
      } else {
        full[i] = new float[t.size()];
      }
      if (withFirstMoment) {
        firstMoment[i] = new float[t.size()];
      }
    }
  }

  /** Whether this tensor's second moment is kept as row and column factors. */
  boolean isFactored(int tensor) {
    return full[tensor] == null;
  }

  /** Whether Adafactor factors this tensor's second moment (rank ≥ 2, as transformers does). */
  static boolean factored(Tensor t) {
    return t.rank() >= 2;
  }

  /** RMS of an array, in double: √(Σx²/n). */
  static double rms(float[] x) {
    if (x.length == 0) {
      return 0;
    }
    return Math.sqrt(TreeMath.sumOfSquares(x) / x.length);
  }

  /** Row and column factors (or the full second moment), then the first moment. */
  @Override
  public void tensorArrays(int tensor, java.util.List<float[]> out) {
    if (full[tensor] == null) {
      out.add(rows[tensor]);
      out.add(cols[tensor]);
    } else {
      out.add(full[tensor]);
    }
    if (firstMoment != null) {
      out.add(firstMoment[tensor]);
    }
  }

  @Override
  public long stateBytes() {
    long bytes = 0;
    for (float[][] group : new float[][][] {rows, cols, full, firstMoment}) {
      if (group == null) {
        continue;
      }
      for (float[] a : group) {
        bytes += a == null ? 0 : 4L * a.length;
      }
    }
    return bytes;
  }
}
