package org.optbench.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which optimizer updates each parameter tensor, from an optimizer entry's {@link ParamGroup}s
 * and its {@link ParamScope}: a tensor claimed by a group trains with the group's optimizer; an
 * unclaimed one with the entry's own, or, when the entry's optimizer cannot take its rank, with
 * the scope's fallback at its defaults. The spec check ({@code validate}, {@code run}) and both
 * engines assign through this one class, so they agree on every tensor.
 */
public final class ParamAssignment {

  /** One parameter tensor: its name and number of dimensions. */
  public record Param(String name, int rank) {}

  private final List<Component> perTensor;

  private ParamAssignment(List<Component> perTensor) {
    this.perTensor = List.copyOf(perTensor);
  }

  /**
   * Assigns every tensor of {@code params}.
   *
   * @throws IllegalArgumentException naming the group, the tensor and the fix when a group
   *     selects nothing, two groups claim one tensor, a tensor's optimizer cannot take its rank,
   *     or the entry's optimizer is left with no tensor it can take
   */
  public static ParamAssignment of(Component optimizer, List<Param> params) {
    List<ParamGroup> groups = optimizer.groups();
    int[] claims = new int[groups.size()];
    List<Component> perTensor = new ArrayList<>();
    boolean mainUsed = false;
    for (Param p : params) {
      int owner = -1;
      for (int g = 0; g < groups.size(); g++) {
        if (groups.get(g).select().matches(p.name(), p.rank())) {
          if (owner >= 0) {
            throw new IllegalArgumentException("parameter " + p.name() + " is claimed by "
                + where(groups, owner) + " and by " + where(groups, g)
                + "; make the selectors disjoint so that each tensor has one optimizer");
          }
          owner = g;
          claims[g]++;
        }
      }
      Component chosen = owner >= 0 ? groups.get(owner).optimizer() : optimizer;
      ParamScope scope = chosen.def().scope();
      if (!scope.accepts(p.rank())) {
        if (owner >= 0) {
          throw new IllegalArgumentException(where(groups, owner) + " gives the rank-" + p.rank()
              + " parameter " + p.name() + " to " + chosen.name() + ", which " + scope.why()
              + "; narrow the selector (e.g. add rank: " + scope.ranks().iterator().next() + ")");
        }
        chosen = Component.withDefaults(Catalog.find(Axis.OPTIMIZER, scope.others())
            .orElseThrow());
      } else if (owner < 0) {
        mainUsed = true;
      }
      perTensor.add(chosen);
    }
    for (int g = 0; g < groups.size(); g++) {
      if (claims[g] == 0) {
        throw new IllegalArgumentException(where(groups, g) + " selects no parameter; the"
            + " parameters are " + describe(params) + "; fix the name pattern or rank");
      }
    }
    ParamScope own = optimizer.def().scope();
    if (!mainUsed && !own.ranks().isEmpty() && groups.stream()
        .noneMatch(g -> g.optimizer().name().equals(optimizer.name()))) {
      throw new IllegalArgumentException(optimizer.name() + " " + own.why()
          + " and none of the parameters (" + describe(params) + ") is one it can take;"
          + " choose another optimizer for this workload");
    }
    return new ParamAssignment(perTensor);
  }

  /** The optimizer of tensor {@code i}. */
  public Component optimizerOf(int i) {
    return perTensor.get(i);
  }

  /** Number of tensors assigned. */
  public int size() {
    return perTensor.size();
  }

  /** The distinct optimizers, in the order of their first tensor. */
  public List<Component> distinct() {
    return perTensor.stream().distinct().toList();
  }

  /** Indices of the tensors {@code optimizer} updates, in order. */
  public int[] tensorsOf(Component optimizer) {
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < perTensor.size(); i++) {
      if (perTensor.get(i).equals(optimizer)) {
        indices.add(i);
      }
    }
    return indices.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Whether {@code optimizer} needs an assignment at all: it has groups, or it cannot take every
   * rank. Without either, every tensor trains with it and engines skip the routing.
   */
  public static boolean needed(Component optimizer) {
    return !optimizer.groups().isEmpty() || !optimizer.def().scope().ranks().isEmpty();
  }

  /** The problem with {@code optimizer} on these parameters, if any (for spec checks). */
  public static Optional<String> problem(Component optimizer, List<Param> params) {
    try {
      of(optimizer, params);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static String where(List<ParamGroup> groups, int g) {
    return "groups[" + g + "] (" + groups.get(g).select().label() + ")";
  }

  private static String describe(List<Param> params) {
    List<String> parts = new ArrayList<>();
    for (Param p : params) {
      parts.add(p.name() + " (rank " + p.rank() + ")");
    }
    return String.join(", ", parts);
  }
}
