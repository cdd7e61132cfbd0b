package org.optbench.stats;

/**
 * An estimate as a table cell: {@code mean [low, high]}, four significant digits, the form the
 * console summary and the report's tables share. The statistic, level and n belong in the
 * table's heading or caption, said once rather than in every cell.
 */
public final class EstimateText {

  /** What a cell shows when no seed has a value. */
  public static final String NO_VALUE = "–";

  private EstimateText() {}

  /**
   * E.g. {@code 0.2000 [-0.04841, 0.4484]}; the value alone when there is no interval (one seed),
   * {@link #NO_VALUE} when there is no value (no seed).
   */
  public static String valueAndInterval(Estimate estimate) {
    if (Double.isNaN(estimate.value())) {
      return NO_VALUE;
    }
    String value = Format.number(estimate.value());
    Interval interval = estimate.interval();
    if (!interval.defined()) {
      return value;
    }
    return value + " [" + Format.number(interval.low()) + ", " + Format.number(interval.high()) + "]";
  }
}
