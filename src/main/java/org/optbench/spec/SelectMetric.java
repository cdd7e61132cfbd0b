package org.optbench.spec;

import java.util.Arrays;
import java.util.List;

/**
 * The runs.csv value a tuning study selects its trial by (a held-out metric unless a spec says
 * otherwise): the best trial's setting is the one rerun on the spec's seeds.
 */
public enum SelectMetric {
  FINAL_EVAL_LOSS("final_eval_loss", false),
  FINAL_ACCURACY("final_accuracy", true),
  FINAL_LOSS_AVG("final_loss_avg", false);

  private final String column;
  private final boolean higherIsBetter;

  SelectMetric(String column, boolean higherIsBetter) {
    this.column = column;
    this.higherIsBetter = higherIsBetter;
  }

  public String column() {
    return column;
  }

  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /**
   * Whether {@code a} is strictly better than {@code b}. NaN (a diverged trial, or a metric the
   * workload lacks) is worse than any number, so a diverged trial is never selected over one
   * that finished.
   */
  public boolean better(double a, double b) {
    if (Double.isNaN(a)) {
      return false;
    }
    if (Double.isNaN(b)) {
      return true;
    }
    return higherIsBetter ? a > b : a < b;
  }

  public static SelectMetric parse(String word) {
    for (SelectMetric m : values()) {
      if (m.column.equals(word)) {
        return m;
      }
    }
    return null;
  }

  public static List<String> words() {
    return Arrays.stream(values()).map(SelectMetric::column).toList();
  }
}
