package org.optbench.compare;

/**
 * One line of a comparison.
 *
 * @param cell the cell's label
 * @param metric the metric, or "-" for a missing or new cell or seed
 * @param judgement what was found
 */
public record Finding(String cell, String metric, Judgement judgement) {

  public Judgement.Verdict verdict() {
    return judgement.verdict();
  }
}
