package org.optbench.optim;

import java.util.List;

/**
 * Applies transforms one after another (optax {@code chain}): the output updates of one are the
 * input of the next. The chain's state holds each transform's state, in order.
 */
public final class Chain implements GradientTransform {

  private final GradientTransform[] transforms;

  private Chain(GradientTransform[] transforms) {
    this.transforms = transforms;
  }

  /** The composition of {@code transforms}, first applied first. */
  public static GradientTransform chain(GradientTransform... transforms) {
    if (transforms.length == 1) {
      return transforms[0];
    }
    return new Chain(transforms.clone());
  }

  /** Same as {@link #chain(GradientTransform...)} for a list built step by step. */
  public static GradientTransform chain(List<GradientTransform> transforms) {
    return chain(transforms.toArray(new GradientTransform[0]));
  }

  /** The links, in order. */
  public List<GradientTransform> transforms() {
    return List.of(transforms);
  }

  @Override
  public TransformState init(ParamTree params) {
    TransformState[] states = new TransformState[transforms.length];
    for (int i = 0; i < states.length; i++) {
      states[i] = transforms[i].init(params);
    }
    return new ChainState(states);
  }

  @Override
  public ParamTree update(
      ParamTree updates, TransformState state, ParamTree params, StepContext context) {
    TransformState[] states = ((ChainState) state).states;
    for (int i = 0; i < transforms.length; i++) {
      updates = transforms[i].update(updates, states[i], params, context);
    }
    return updates;
  }

  /** The states of a chain's links, in order. */
  public static final class ChainState implements TransformState {
    private final TransformState[] states;

    ChainState(TransformState[] states) {
      this.states = states;
    }

    /** The state of link {@code i}. */
    public TransformState get(int i) {
      return states[i];
    }

    @Override
    public void tensorArrays(int tensor, List<float[]> out) {
      for (TransformState s : states) {
        s.tensorArrays(tensor, out);
      }
    }

    @Override
    public long stateBytes() {
      long total = 0;
      for (TransformState s : states) {
        total += s.stateBytes();
      }
      return total;
    }
  }
}
