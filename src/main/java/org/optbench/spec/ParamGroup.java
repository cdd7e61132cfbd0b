package org.optbench.spec;

import java.util.Objects;

/**
 * A parameter group of an optimizer entry, as torch's {@code param_groups}: the tensors {@link
 * #select} picks train with {@link #optimizer} instead of the entry's own settings. The optimizer
 * is either the entry's with some hyperparameters overridden (LAMB without weight decay on
 * biases) or another one (AdamW for what Muon cannot take), always fully resolved.
 *
 * @param select the tensors of the group
 * @param optimizer the optimizer and hyperparameters they train with
 */
public record ParamGroup(ParamSelector select, Component optimizer) {

  public ParamGroup {
    Objects.requireNonNull(select, "select");
    Objects.requireNonNull(optimizer, "optimizer");
    if (!optimizer.groups().isEmpty()) {
      throw new IllegalArgumentException("a group's optimizer has no groups of its own");
    }
  }

  /** The group as labels and identities show it: {@code rank=1:adamw(lr=0.001)}. */
  public String label() {
    return select.label() + ":" + optimizer.label();
  }

  /** The group's exact identity: selector and every hyperparameter of its optimizer. */
  public String config() {
    return select.label() + ":" + optimizer.name() + "(" + optimizer.config() + ")";
  }
}
