/**
 * Claims: evaluating a spec's {@code expect:} checks against a result set into verdicts
 * (reproduced, not reproduced, inconclusive) with the numbers behind them.
 */
package org.optbench.claims;
