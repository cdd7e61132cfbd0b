package org.optbench.spec;

import java.util.Set;

/**
 * The tensor ranks an optimizer can update, and which optimizer takes the others when no
 * parameter group claims them. Most optimizers take every rank ({@link #ALL}); Muon
 * orthogonalises matrices, so it takes rank 2 only and leaves the rest to AdamW (torch.optim.Muon's
 * documented pairing).
 *
 * @param ranks the ranks the optimizer updates; empty for every rank
 * @param others the optimizer (at its defaults) for unclaimed tensors of other ranks; null with
 *     every rank
 * @param why one phrase for messages: why the other ranks are excluded
 */
public record ParamScope(Set<Integer> ranks, String others, String why) {

  /** Every rank. */
  public static final ParamScope ALL = new ParamScope(Set.of(), null, null);

  public ParamScope {
    ranks = Set.copyOf(ranks);
  }

  /** Whether the optimizer can update a tensor of {@code rank} dimensions. */
  public boolean accepts(int rank) {
    return ranks.isEmpty() || ranks.contains(rank);
  }
}
