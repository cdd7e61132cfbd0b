package org.optbench.optim.replay;

import java.util.List;

/**
 * Something that can run an optimizer over a case's gradients: the native Java optimizers, or an
 * engine such as DJL's PyTorch. Other packages implement it and register it through
 * {@code META-INF/services/org.optbench.optim.replay.ReplayEngine}.
 */
public interface ReplayEngine {

  /** The name {@code --engine} selects it by. */
  String name();

  /**
   * Runs the case from its initial parameters.
   *
   * @return per step, per tensor, the parameters after that step
   * @throws ReplayException if this engine cannot run the case (unsupported optimizer, NaN, ...)
   */
  List<float[][]> replay(ReplayCase replayCase) throws ReplayException;
}
