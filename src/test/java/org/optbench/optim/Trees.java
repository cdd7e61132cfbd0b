package org.optbench.optim;

/** Small parameter trees for hand-computed tests. */
public final class Trees {

  private Trees() {}

  /** One vector tensor named "x". */
  public static ParamTree vector(float... values) {
    return ParamTree.of(new Tensor("x", new int[] {values.length}, values));
  }

  /** One tensor named "w" of the given shape. */
  public static ParamTree tensor(int[] shape, float... values) {
    return ParamTree.of(new Tensor("w", shape, values));
  }

  /** The golden-vector layout: w [4, 3] and b [3], values from a simple formula. */
  public static ParamTree wb(float scale) {
    float[] w = new float[12];
    float[] b = new float[3];
    for (int i = 0; i < w.length; i++) {
      w[i] = scale * (i - 5.5f) / 6;
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = scale * (i - 1) / 2f;
    }
    return ParamTree.of(new Tensor("w", new int[] {4, 3}, w), new Tensor("b", new int[] {3}, b));
  }

  /** Applies one transform step as the optimizer does: params += update(grads). */
  public static void step(GradientTransform t, TransformState s, ParamTree params, ParamTree grads,
      StepContext c) {
    TreeMath.applyUpdates(params, t.update(grads, s, params, c));
  }
}
