package org.optbench.optim.replay;

import java.util.List;
import org.optbench.optim.TreeMath;

/**
 * The replay contract's per-step check: every step restarts from the reference's previous iterate
 * (the initial parameters for step 1), so each comparison is of one update, measured against that
 * update's own size ({@link UpdateError}), as the lockstep cross-check measures engine against
 * native. The trajectory check ({@link TrajectoryCheck}) bounds errors by the parameter's size,
 * which for small steps can exceed the whole update; this one does not.
 *
 * <p>Optimizer and clipping state are not restarted: they follow the engine's own steps from the
 * reference's iterates, which is the state the reference had up to float32 rounding.
 *
 * @param maxRelError the largest per-step, per-tensor relative update error
 * @param withinTolerance whether every step of every tensor is within the tolerance
 * @param worst where the largest error is, e.g. {@code step 3, tensor 'w': update off by 2.1e-3}
 */
public record StepwiseCheck(double maxRelError, boolean withinTolerance, String worst) {

  /**
   * Default per-step tolerance: 1e-5 of the update. A float32 update computed in another order
   * errs by a few ulps of its operands (≈ 1e-7 relative each), and float32 state against a float64
   * reference drifts by about that much per step; the worst over every conformance vector on both
   * engines is 7.1e-7 (docs/optimizers.md, "Conformance replay"). An update wrong by 0.001% of its
   * size fails, where float32 can represent that on the parameter.
   */
  public static final double RTOL = 1e-5;

  /** Replays {@code c} on {@code engine} step by step from the reference's iterates. */
  public static StepwiseCheck run(ReplayEngine engine, ReplayCase c, double rtol)
      throws ReplayException {
    List<float[][]> expected = c.expected();
    if (expected == null) {
      throw new ReplayException(c.name(), "expected", "required by the stepwise check");
    }
    double maxRel = 0;
    String worst = "";
    try (ReplayRun run = engine.start(c)) {
      float[][] start = c.initial().values();
      for (int t = 1; t <= c.steps(); t++) {
        float[][] grads = c.grads().get(t - 1);
        if (!Double.isFinite(TreeMath.float32Norm(sumOfSquares(grads)))) {
          break; // the trajectory check reports the overflow; nothing further to compare
        }
        run.restart(start);
        run.step(t, grads, c.losses() == null ? Double.NaN : c.losses()[t - 1],
            c.hessianDiagonal(t));
        float[][] actual = run.params();
        float[][] reference = expected.get(t - 1);
        for (int i = 0; i < reference.length; i++) {
          double rel = UpdateError.of(start[i], actual[i], reference[i])[1];
          double comparable = Double.isNaN(rel) ? Double.POSITIVE_INFINITY : rel;
          if (comparable > maxRel || worst.isEmpty()) {
            maxRel = Math.max(maxRel, comparable);
            worst = "step " + t + ", tensor '" + c.initial().get(i).name()
                + "': update off by " + String.format("%.3g", comparable) + " of its size";
          }
        }
        start = reference;
      }
    }
    return new StepwiseCheck(maxRel, maxRel <= rtol, worst);
  }

  private static double sumOfSquares(float[][] grads) {
    double sum = 0;
    for (float[] g : grads) {
      sum += TreeMath.sumOfSquares(g);
    }
    return sum;
  }
}
