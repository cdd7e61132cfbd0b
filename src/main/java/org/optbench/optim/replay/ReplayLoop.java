package org.optbench.optim.replay;

import java.util.ArrayList;
import java.util.List;
import org.optbench.optim.TreeMath;

/**
 * Drives a {@link ReplayRun} through a case and applies the overflow policy, the same for every
 * engine and the same as the training loop's divergence policy (docs/optimizers.md):
 *
 * <ul>
 *   <li>A NaN or ±Inf initial parameter or gradient element (a JSON number beyond float32's range
 *       reads as ±Inf) is malformed input ({@link ReplayException}, naming the field).
 *   <li>Any finite gradient is legal input. When its global norm overflows float32
 *       ({@link TreeMath#float32Norm}: Σg² beyond 3.4e38), the step is not taken and the replay
 *       has diverged at that step.
 *   <li>When an update leaves a parameter or an optimizer-state value NaN or ±Inf, the replay has
 *       diverged at that step.
 * </ul>
 *
 * A diverged replay keeps the steps before the diverged one and says which step and value.
 */
final class ReplayLoop {

  private ReplayLoop() {}

  static ReplayResult run(ReplayEngine engine, ReplayCase c) throws ReplayException {
    requireFiniteParams(c);
    List<float[][]> trajectory = new ArrayList<>(c.steps());
    try (ReplayRun run = engine.start(c)) {
      for (int t = 1; t <= c.steps(); t++) {
        float[][] grads = c.grads().get(t - 1);
        requireFinite(c, t, grads);
        double norm = TreeMath.float32Norm(sumOfSquares(grads));
        if (!Double.isFinite(norm)) {
          return new ReplayResult(trajectory, new ReplayResult.Divergence(t, String.format(
              "gradient norm overflows float32 (Σg² = %.4g > %.4g); step not taken",
              sumOfSquares(grads), Float.MAX_VALUE)));
        }
        run.step(t, grads, c.losses() == null ? Double.NaN : c.losses()[t - 1],
            c.hessianDiagonal(t));
        float[][] params = run.params();
        String bad = firstNonFinite(c, params, run);
        if (bad != null) {
          return new ReplayResult(trajectory,
              new ReplayResult.Divergence(t, bad + " after the update"));
        }
        trajectory.add(params);
      }
    }
    return new ReplayResult(trajectory, null);
  }

  private static void requireFiniteParams(ReplayCase c) throws ReplayException {
    for (int i = 0; i < c.initial().size(); i++) {
      float[] values = c.initial().data(i);
      for (int j = 0; j < values.length; j++) {
        if (!Float.isFinite(values[j])) {
          throw new ReplayException(c.name(), "params[" + i + "].values[" + j + "]",
              values[j] + " is not a finite float32 (beyond ±3.4028235e38 or NaN)");
        }
      }
    }
  }

  private static void requireFinite(ReplayCase c, int step, float[][] grads)
      throws ReplayException {
    for (int i = 0; i < grads.length; i++) {
      for (int j = 0; j < grads[i].length; j++) {
        if (!Float.isFinite(grads[i][j])) {
          throw new ReplayException(c.name(), "grads[" + (step - 1) + "]",
              "non-finite gradient at step " + step + ": " + c.initial().get(i).name() + "[" + j
                  + "] = " + grads[i][j]);
        }
      }
    }
  }

  private static double sumOfSquares(float[][] grads) {
    double sum = 0;
    for (float[] g : grads) {
      sum += TreeMath.sumOfSquares(g);
    }
    return sum;
  }

  /**
   * The first non-finite parameter or state value, as {@code w[3]} or {@code w:state1[3]} (state
   * arrays numbered from 0 as in crosscheck.csv: Adam's m is state0, v state1).
   */
  private static String firstNonFinite(ReplayCase c, float[][] params, ReplayRun run) {
    for (int i = 0; i < params.length; i++) {
      String name = c.initial().get(i).name();
      String bad = firstNonFinite(name, params[i]);
      if (bad != null) {
        return bad;
      }
      List<float[]> state = run.state(i);
      for (int k = 0; k < state.size(); k++) {
        bad = firstNonFinite(name + ":state" + k, state.get(k));
        if (bad != null) {
          return bad;
        }
      }
    }
    return null;
  }

  private static String firstNonFinite(String name, float[] values) {
    for (int j = 0; j < values.length; j++) {
      if (!Float.isFinite(values[j])) {
        return name + "[" + j + "] = " + values[j];
      }
    }
    return null;
  }
}
