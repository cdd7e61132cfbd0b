/**
 * Regression checks between two result sets: {@code baseline update} keeps a small summary of a
 * trusted result set ({@link org.optbench.compare.Baseline}), and {@code compare} matches the runs
 * of a new result set to it by cell and seed ({@link org.optbench.compare.Comparison}). Runs from
 * one bit-reproducible code path ({@link org.optbench.compare.Determinism}) must reproduce every
 * seed ({@link org.optbench.compare.PerSeedJudge}); elsewhere a metric regresses when the 95%
 * t-interval of its per-seed change lies beyond a practical margin ({@link
 * org.optbench.compare.IntervalJudge}, {@link org.optbench.compare.Tolerance}). The console
 * table and the HTML page are {@link org.optbench.compare.ComparisonReport}; the page's order
 * (most severe cell first) is {@code ComparisonPage}'s, its drawing {@link
 * org.optbench.report.ComparePage}'s.
 */
package org.optbench.compare;
