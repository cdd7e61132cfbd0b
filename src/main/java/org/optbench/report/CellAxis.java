package org.optbench.report;

/**
 * The axes a grid varies: which of them vary in a result set decides what a chart's colour, dash
 * pattern and small multiples encode ({@link Styles}), and the page filters by them.
 */
enum CellAxis {
  WORKLOAD("workload", "workload"),
  OPTIMIZER("optimizer", "optimizer setting"),
  CLIP("clip", "clipping"),
  SCHEDULE("schedule", "schedule"),
  ENGINE("engine", "engine");

  private final String key;
  private final String noun;

  CellAxis(String key, String noun) {
    this.key = key;
    this.noun = noun;
  }

  /** The name used in the page's filter data and controls. */
  String key() {
    return key;
  }

  /** What the axis is, for captions ("colour: clipping"). */
  String noun() {
    return noun;
  }
}
