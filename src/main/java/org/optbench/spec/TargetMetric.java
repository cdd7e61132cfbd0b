package org.optbench.spec;

import java.util.List;

/**
 * A held-out metric a workload's target is set on: a column of steps.csv that evaluations fill.
 */
public enum TargetMetric {
  EVAL_LOSS("eval_loss", false),
  EVAL_ACCURACY("eval_accuracy", true);

  private final String column;
  private final boolean higherIsBetter;

  TargetMetric(String column, boolean higherIsBetter) {
    this.column = column;
    this.higherIsBetter = higherIsBetter;
  }

  /** The steps.csv column, also the word specs use. */
  public String column() {
    return column;
  }

  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** The metric a word names, or null. */
  public static TargetMetric parse(String word) {
    for (TargetMetric m : values()) {
      if (m.column.equals(word)) {
        return m;
      }
    }
    return null;
  }

  public static List<String> words() {
    return java.util.Arrays.stream(values()).map(TargetMetric::column).toList();
  }
}
