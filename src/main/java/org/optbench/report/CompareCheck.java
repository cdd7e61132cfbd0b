package org.optbench.report;

/**
 * One row of a comparison page: what {@code compare} found for one metric of one cell, with the
 * numbers already written as the console writes them, so that page and console agree digit for
 * digit.
 *
 * @param verdict the verdict word ({@code regression}, {@code changed}, {@code missing}, {@code
 *     improvement}, {@code new}, {@code ok}); also the row's CSS class
 * @param metric the metric, or "-" for a missing or new cell or seed
 * @param method how it was decided (per-seed exact, paired t, ...)
 * @param n seed pairs compared, or "–"
 * @param baseline the baseline mean
 * @param current the current mean
 * @param detail the interval against its margin, or the largest per-seed change
 */
public record CompareCheck(
    String verdict,
    String metric,
    String method,
    String n,
    String baseline,
    String current,
    String detail) {}
