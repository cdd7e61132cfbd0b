package org.optbench.spec;

import java.util.regex.Pattern;

/**
 * Which parameter tensors a {@link ParamGroup} takes: those whose name contains a match of a
 * regular expression ({@code name: "bias|norm"}, Java syntax, searched anywhere in the name as
 * torch users filter {@code named_parameters()}), those of one rank ({@code rank: 1} for biases
 * and norm scales), or those that satisfy both.
 *
 * @param pattern the name pattern, or null to accept every name
 * @param rank the tensor rank, or null to accept every rank
 */
public record ParamSelector(Pattern pattern, Integer rank) {

  public ParamSelector {
    if (pattern == null && rank == null) {
      throw new IllegalArgumentException("a selector needs a name pattern, a rank or both");
    }
  }

  /** Whether a tensor called {@code name} with {@code rank} dimensions is selected. */
  public boolean matches(String name, int rank) {
    return (pattern == null || pattern.matcher(name).find())
        && (this.rank == null || this.rank == rank);
  }

  /** The selector as a spec writes it, e.g. {@code name=bias,rank=1}. */
  public String label() {
    String byName = pattern == null ? "" : "name=" + pattern.pattern();
    String byRank = rank == null ? "" : "rank=" + rank;
    return byName.isEmpty() ? byRank : byRank.isEmpty() ? byName : byName + "," + byRank;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ParamSelector that && label().equals(that.label());
  }

  @Override
  public int hashCode() {
    return label().hashCode();
  }
}
