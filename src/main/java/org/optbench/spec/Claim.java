package org.optbench.spec;

import org.optbench.spec.check.CheckExpr;

/**
 * One entry of a spec's {@code expect:} section: what a run should show, where the statement
 * comes from, and the check that decides it.
 *
 * @param claim the statement in words
 * @param source where it comes from (paper, section), or "" when not given
 * @param checkText the check as written
 * @param check the parsed check
 * @param line 1-based line of the check in the spec
 * @param column 1-based column of the check
 */
public record Claim(
    String claim, String source, String checkText, CheckExpr check, int line, int column) {}
