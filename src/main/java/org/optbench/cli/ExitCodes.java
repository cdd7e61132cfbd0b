package org.optbench.cli;

/** Exit codes shared by every command. */
final class ExitCodes {

  private ExitCodes() {}

  /** Everything ran (diverged runs included: divergence is a result, not an error). */
  static final int OK = 0;
  /** Something failed while running, or a check did not pass. */
  static final int FAILURE = 1;
  /** The input was wrong: a spec, a path, an option. Nothing was written. */
  static final int BAD_INPUT = 2;
}
