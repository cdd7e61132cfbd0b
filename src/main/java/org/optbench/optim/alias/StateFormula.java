package org.optbench.optim.alias;

import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.optbench.optim.ParamTree;

/**
 * How many bytes of state an optimizer needs, as a formula in the parameter shapes, computed
 * independently of the arrays the state really allocates so that tests can compare the two.
 *
 * @param text the formula for humans, n being the number of parameters ("8·n (m, v)")
 * @param bytes the formula evaluated on a parameter tree
 * @param parts each part's share on a parameter tree, for formulas that add up parts (an entry's
 *     parameter groups); empty when there is one part
 */
public record StateFormula(String text, ToLongFunction<ParamTree> bytes,
    Function<ParamTree, String> parts) {

  /** A formula with no parts to name (one optimizer for every tensor). */
  public StateFormula(String text, ToLongFunction<ParamTree> bytes) {
    this(text, bytes, params -> "");
  }

  /** {@code floatsPerParam} float buffers shaped like the parameters. */
  public static StateFormula perParam(int floatsPerParam, String buffers) {
    String text = floatsPerParam == 0 ? "0" : (4 * floatsPerParam) + "·n (" + buffers + ")";
    return new StateFormula(text, params -> 4L * floatsPerParam * params.numel());
  }

  /** The formula with each part's bytes on {@code params}, when it has parts. */
  public String describe(ParamTree params) {
    String shares = parts.apply(params);
    return shares.isEmpty() ? text : text + " — on this model: " + shares;
  }

  /** The formula's value for {@code params}. */
  public long evaluate(ParamTree params) {
    return bytes.applyAsLong(params);
  }
}
