package org.optbench.optim.transform;

import java.util.Arrays;
import org.optbench.optim.GradientTransform;
import org.optbench.optim.ParamTree;
import org.optbench.optim.StepContext;
import org.optbench.optim.TransformState;
import org.optbench.optim.TreeMath;

/**
 * AutoClip (Seetharaman et al. 2020, "AutoClip: Adaptive Gradient Clipping for Source Separation
 * Networks", §3): append this step's global gradient norm to the history of all norms seen so
 * far, take its p-th percentile (numpy's default linear interpolation) as the threshold and clip
 * as torch.nn.utils.clip_grad_norm_ does. As in the paper the current norm is part of the
 * history it is compared with.
 *
 * <p>The history is kept sorted (binary search and one array shift per step: O(steps) time), so
 * the percentile is a lookup. Built with the run's length, {@link #init} allocates the whole
 * history (8 B per step) and steps allocate nothing; without it, or past it, the array doubles
 * from {@value #INITIAL_CAPACITY}.
 */
public final class AutoClip implements GradientTransform {

  private static final int INITIAL_CAPACITY = 1024;

  private final double percentile;
  private final int capacity;

  private AutoClip(double percentile, int capacity) {
    this.percentile = percentile;
    this.capacity = capacity;
  }

  /** AutoClip for a run of unknown length: the history starts at 1024 norms and doubles. */
  public static GradientTransform autoClip(double percentile) {
    return new AutoClip(percentile, INITIAL_CAPACITY);
  }

  /**
   * AutoClip whose history holds {@code steps} norms from the start, so a run of that many steps
   * allocates nothing after {@code init}.
   *
   * @param steps the run's length; below 1 means unknown
   */
  public static GradientTransform autoClip(double percentile, int steps) {
    return new AutoClip(percentile, steps < 1 ? INITIAL_CAPACITY : steps);
  }

  @Override
  public TransformState init(ParamTree params) {
    return new History(capacity);
  }

  @Override
  public ParamTree update(ParamTree updates, TransformState state, ParamTree params, StepContext c) {
    History h = (History) state;
    double norm = TreeMath.globalNorm(updates);
    h.insert(norm);
    NormClipping.clipToNorm(updates, norm, h.percentile(percentile), h.report());
    return updates;
  }

  /** The sorted history of global norms. */
  static final class History extends ClipState {
    private double[] sorted;
    private int size;

    History(int capacity) {
      sorted = new double[capacity];
    }

    void insert(double value) {
      if (size == sorted.length) {
        sorted = Arrays.copyOf(sorted, Math.max(INITIAL_CAPACITY, size * 2));
      }
      int at = Arrays.binarySearch(sorted, 0, size, value);
      if (at < 0) {
        at = -at - 1;
      }
      System.arraycopy(sorted, at, sorted, at + 1, size - at);
      sorted[at] = value;
      size++;
    }

    /** numpy.percentile(history, p) with linear interpolation. */
    double percentile(double p) {
      double rank = p / 100 * (size - 1);
      int lo = (int) Math.floor(rank);
      int hi = Math.min(lo + 1, size - 1);
      return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    @Override
    public long stateBytes() {
      return 8L * sorted.length;
    }
  }
}
