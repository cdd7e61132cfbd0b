package org.optbench.optim.transform;

import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.optim.TransformState;

/**
 * Adafactor's second-moment memory: for a tensor of rank ≥ 2 seen as B matrices of n × m (the
 * last two dimensions), one row vector (B·n) and one column vector (B·m); for vectors and scalars
 * the full second moment. Optionally a full first moment. Shared by both Adafactor variants.
 *
 * <p>Beside the state, each factored tensor has scratch of the same size as its factors: the
 * step's row and column multipliers of G (U = G·rowFactor·colFactor), computed once after the
 * statistics pass and read by the passes after it. They are derived afresh every step, so they
 * are neither state bytes nor state arrays; kept here so that a step allocates nothing.
 */
final class FactoredMoments implements TransformState {

  final float[][] rows;
  final float[][] cols;
  final float[][] full;
  final float[][] firstMoment;
  /** Scratch: the step's multiplier per row (B·n); see the variants for its exact meaning. */
  final float[][] rowFactors;
  /** Scratch: the step's multiplier per column, 1/√C (B·m). */
  final float[][] colFactors;
  /** Scratch: row chunks for the loops that write memory. */
  final RowScratch chunks = new RowScratch();
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
    rowFactors = new float[k][];
    colFactors = new float[k][];
    firstMoment = withFirstMoment ? new float[k][] : null;
    for (int i = 0; i < k; i++) {
      Tensor t = params.get(i);
      if (factor && factored(t)) {
        int n = t.dim(-2);
        int m = t.dim(-1);
        int batches = n == 0 || m == 0 ? 0 : t.size() / (n * m);
        rows[i] = new float[batches * n];
        cols[i] = new float[batches * m];
        rowFactors[i] = new float[batches * n];
        colFactors[i] = new float[batches * m];
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

  /** √(sum/n), 0 for an empty tensor: the RMS from a sum of squares. */
  static double rms(double sumOfSquares, int n) {
    return n == 0 ? 0 : Math.sqrt(sumOfSquares / n);
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
