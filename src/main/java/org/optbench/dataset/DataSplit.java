package org.optbench.dataset;

/**
 * Training examples and a disjoint held-out set drawn from the same distribution.
 *
 * @param train examples the optimizer sees
 * @param eval examples used only for evaluation
 */
public record DataSplit(TabularData train, TabularData eval) {}
