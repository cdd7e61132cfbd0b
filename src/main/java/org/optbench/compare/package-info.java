/**
 * Regression checks between two result sets: {@code baseline update} keeps a small summary of a
 * trusted result set ({@link org.optbench.compare.Baseline}), and {@code compare} matches the runs
 * of a new result set to it cell by cell and flags every metric whose seed median leaves the
 * baseline's tolerance band ({@link org.optbench.compare.Comparison}).
 */
package org.optbench.compare;
