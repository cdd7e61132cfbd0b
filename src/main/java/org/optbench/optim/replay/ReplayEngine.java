package org.optbench.optim.replay;

/**
 * Something that can run an optimizer over a case's gradients: the native Java optimizers, or an
 * engine such as DJL's PyTorch. Other packages implement it and register it through
 * {@code META-INF/services/org.optbench.optim.replay.ReplayEngine}.
 *
 * <p>An engine only takes steps; {@link #replay} drives them and applies the one overflow policy
 * every engine shares ({@link ReplayLoop}), so engines cannot disagree on what a case means.
 */
public interface ReplayEngine {

  /** The name {@code --engine} selects it by. */
  String name();

  /**
   * Sets up the case's optimizer and clipping at the case's initial parameters.
   *
   * @throws ReplayException if this engine cannot run the case (an unsupported optimizer, ...)
   */
  ReplayRun start(ReplayCase replayCase) throws ReplayException;

  /** Runs the case from its initial parameters under the overflow policy. */
  default ReplayResult replay(ReplayCase replayCase) throws ReplayException {
    return ReplayLoop.run(this, replayCase);
  }
}
