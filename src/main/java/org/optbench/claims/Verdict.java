package org.optbench.claims;

/** What the runs say about a claim. */
public enum Verdict {
  /** The check holds, and still holds at the unfavourable ends of the seed bands. */
  REPRODUCED("reproduced"),
  /** The check fails, and still fails at the favourable ends of the seed bands. */
  NOT_REPRODUCED("not reproduced"),
  /** The seed bands overlap the decision, or there is nothing to measure. */
  INCONCLUSIVE("inconclusive");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  /** The verdict as written in tables and reports. */
  public String label() {
    return label;
  }
}
