package org.optbench.score;

/**
 * The time a run took to reach a target on a held-out metric: the first evaluation whose value
 * reaches the target (Dahl et al. 2023, AlgoPerf: "the first time the validation target is
 * reached in a trial").
 *
 * <p>The target is only seen at evaluations, so a run that crosses it between two evaluations is
 * credited with the later one: the curve is not interpolated, because the model at the earlier
 * evaluation did not reach the target and no model in between was measured. Evaluation cadence
 * therefore bounds the resolution of every time to target; compare optimizers at equal cadence.
 */
public final class TimeToTarget {

  private TimeToTarget() {}

  /**
   * The first evaluation that reaches {@code target}.
   *
   * @param steps the step number of each evaluation, strictly increasing
   * @param seconds cumulative training seconds at each evaluation, non-decreasing and finite;
   *     evaluation and warm-up time already left out by the caller
   * @param values the held-out metric at each evaluation; NaN (a diverged or failed evaluation)
   *     never reaches
   * @return the step and seconds of that evaluation, or {@link Reach#NEVER}
   */
  public static Reach first(
      int[] steps, double[] seconds, double[] values, double target, Direction direction) {
    if (steps.length != seconds.length || steps.length != values.length) {
      throw new IllegalArgumentException("one step, time and value per evaluation: got "
          + steps.length + " steps, " + seconds.length + " times, " + values.length + " values");
    }
    if (Double.isNaN(target)) {
      throw new IllegalArgumentException("the target is NaN");
    }
    for (int i = 0; i < steps.length; i++) {
      if (steps[i] < 0 || (i > 0 && steps[i] <= steps[i - 1])) {
        throw new IllegalArgumentException("evaluation steps must be ≥ 0 and strictly increasing; "
            + "evaluation " + i + " is at step " + steps[i]);
      }
      if (!(seconds[i] >= 0 && seconds[i] < Double.POSITIVE_INFINITY)
          || (i > 0 && seconds[i] < seconds[i - 1])) {
        throw new IllegalArgumentException("cumulative seconds must be finite, ≥ 0 and "
            + "non-decreasing; evaluation " + i + " has " + seconds[i]);
      }
    }
    for (int i = 0; i < values.length; i++) {
      if (direction.reached(values[i], target)) {
        return new Reach(steps[i], seconds[i]);
      }
    }
    return Reach.NEVER;
  }
}
