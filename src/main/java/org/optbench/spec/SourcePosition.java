package org.optbench.spec;

/**
 * Where something was written in a spec, for messages found after parsing (a dataset file that
 * turns out malformed, a model too large for the limits).
 *
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record SourcePosition(int line, int column) {

  /** For what was not written at all (a default). */
  public static final SourcePosition UNKNOWN = new SourcePosition(0, 0);
}
