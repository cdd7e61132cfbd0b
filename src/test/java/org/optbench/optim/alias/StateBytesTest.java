package org.optbench.optim.alias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.optim.Trees;
import org.optbench.spec.Component;

/**
 * The state formulas on w [4, 3] + b [3] (n = 15 floats): SGD 0, momentum 1× = 60 B,
 * Adam/AdamW 2× = 120 B, AMSGrad 3× = 180 B; Adafactor (4 + 3) + 3 = 10 floats = 40 B, +60 B
 * with β1; NAdam, NAdamW, RAdam, Adamax (m and u), Adadelta (two averages) and Rprop (previous
 * gradient, step size) 2× = 120 B; ASGD 1× = 60 B (the average; η and μ are scalars); Prodigy
 * 4× = 240 B (m, v, s and the initial parameters x₀), D-Adaptation AdamW 3× = 180 B (m, v, s;
 * d and the numerator are scalars). The arrays really allocated, the formula and the hand
 * figure must all agree.
 */
class StateBytesTest {

  @ParameterizedTest(name = "{0} {1}={2}: {3} B")
  @CsvSource({
    "sgd, weight_decay, 0.1, 0",
    "sgd, momentum, 0.9, 60",
    "adam, amsgrad, false, 120",
    "adamw, amsgrad, false, 120",
    "adam, amsgrad, true, 180",
    "amsgrad, eps, 1e-8, 180",
    "adagrad, lr_decay, 0.0, 60",
    "rmsprop, centered, false, 60",
    "rmsprop, centered, true, 120",
    "rmsprop, momentum, 0.9, 120",
    "yogi, eps, 1e-3, 120",
    "lion, beta1, 0.9, 60",
    "adafactor, beta1, , 40",
    "adafactor, beta1, 0.9, 100",
    "adafactor_torch, d, 1.0, 40",
    "nadam, decoupled_weight_decay, true, 120",
    "nadamw, weight_decay, 0.1, 120",
    "radam, decoupled_weight_decay, false, 120",
    "adamax, eps, 1e-8, 120",
    "adadelta, rho, 0.9, 120",
    "asgd, t0, 10.0, 60",
    "rprop, eta_minus, 0.5, 120",
    "prodigy, weight_decay, 0.1, 240",
    "dadapt_adamw, weight_decay, 0.1, 180",
  })
  void allocatedEqualsFormulaEqualsHandCount(String name, String key, String value, long bytes) {
    Component o = Components.optimizer(name, key, parse(value));
    NativeOptimizer opt = NativeOptimizers.create(o, Components.clip("none"),
        Components.schedule("constant"));
    ParamTree params = Trees.wb(1);
    opt.init(params);
    assertEquals(bytes, opt.optimizerStateBytes(), "allocated");
    assertEquals(bytes, opt.stateFormula().evaluate(params), "formula " + opt.stateFormula().text());
  }

  /** A batch of matrices [2, 4, 3] is factored per matrix: 2·(4 + 3) floats = 56 B. */
  @ParameterizedTest
  @CsvSource({"adafactor", "adafactor_torch"})
  void adafactorFactorsTheLastTwoDimensions(String name) {
    NativeOptimizer opt = NativeOptimizers.create(Components.optimizer(name),
        Components.clip("none"), Components.schedule("constant"));
    ParamTree params = ParamTree.of(Tensor.zeros("k", 2, 4, 3));
    opt.init(params);
    assertEquals(56, opt.optimizerStateBytes());
    assertEquals(56, opt.stateFormula().evaluate(params));
  }

  private static Object parse(String value) {
    if (value == null) {
      return null;
    }
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    return Double.parseDouble(value);
  }

  /** The formula's text, as the memory report prints it, and each recipe's reference. */
  @org.junit.jupiter.api.Test
  void formulasAndReferencesReadAsTheyShould() {
    assertEquals("0", Optimizers.sgd(0, 0, false, 0).stateFormula().text());
    assertEquals("12·n (square avg, grad avg, momentum)",
        Optimizers.rmsprop(0.99, 1e-8, 0.9, true, 0).stateFormula().text());
    assertEquals("4·n (square avg)", Optimizers.rmsprop(0.99, 1e-8, 0, false, 0)
        .stateFormula().text());
    assertEquals("torch.optim.Adam(amsgrad=True)",
        Optimizers.adam(0.9, 0.999, 1e-8, 0, false, true, true).reference());
    assertEquals("torch.optim.Adam", Optimizers.adam(0.9, 0.999, 1e-8, 0, false, false, true)
        .reference());
    assertEquals("torch.optim.AdamW", Optimizers.adam(0.9, 0.999, 1e-8, 0, true, false, true)
        .reference());
    String withMoment = NativeOptimizers.recipe(Components.optimizer("adafactor", "beta1", 0.9))
        .stateFormula().text();
    assertTrue(withMoment.endsWith(" + 4·n (first moment)"), withMoment);
    String without = NativeOptimizers.recipe(Components.optimizer("adafactor")).stateFormula()
        .text();
    assertTrue(!without.contains("first moment"), without);
  }
}
