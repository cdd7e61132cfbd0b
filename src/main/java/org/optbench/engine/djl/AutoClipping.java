package org.optbench.engine.djl;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.List;
import org.optbench.optim.StepContext;
import org.optbench.spec.Component;

/**
 * AutoClip (Seetharaman et al. 2020, §3): the threshold is the p-th percentile (numpy's linear
 * interpolation) of every global norm seen so far, this step's included; then
 * clip_grad_norm_'s rescaling. The history is a sorted array of doubles (8 B per step seen).
 */
public final class AutoClipping implements GradientClipping {

  private final double percentile;
  private double[] sorted = new double[1024];
  private int size;
  private double threshold = Double.NaN;

  /** The engine clipping of a resolved autoclip component. */
  public static GradientClipping create(Component clip) {
    return new AutoClipping(clip.number("percentile"));
  }

  AutoClipping(double percentile) {
    this.percentile = percentile;
  }

  @Override
  public double apply(List<NDArray> grads, List<NDArray> weights, double norm, StepContext c) {
    insert(norm);
    double rank = percentile / 100 * (size - 1);
    int lo = (int) Math.floor(rank);
    int hi = Math.min(lo + 1, size - 1);
    threshold = sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    return GradientClipping.clipToNorm(grads, norm, threshold);
  }

  private void insert(double value) {
    if (size == sorted.length) {
      sorted = Arrays.copyOf(sorted, size * 2);
    }
    int at = Arrays.binarySearch(sorted, 0, size, value);
    at = at < 0 ? -at - 1 : at;
    System.arraycopy(sorted, at, sorted, at + 1, size - at);
    sorted[at] = value;
    size++;
  }

  @Override
  public double threshold() {
    return threshold;
  }
}
