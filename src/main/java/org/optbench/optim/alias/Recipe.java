package org.optbench.optim.alias;

import org.optbench.optim.GradientTransform;

/**
 * An optimizer as a transform producing {@code Δp} from gradients (learning rate included, read
 * from the step's context), with its state formula and the reference whose semantics it follows.
 */
public record Recipe(String name, GradientTransform transform, StateFormula stateFormula,
    String reference) {}
