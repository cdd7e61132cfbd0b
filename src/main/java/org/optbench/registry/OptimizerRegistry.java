package org.optbench.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The optimizers, one {@link OptimizerEntry} each, in the order {@code list} shows them. The spec
 * layer, the native library and the engine reach it through {@link Providers}, so adding an
 * optimizer is adding its entry here.
 */
public final class OptimizerRegistry {

  private static final List<OptimizerEntry> ENTRIES = List.of(
      new SgdEntry(),
      new AdamEntry(),
      new AdamWEntry(),
      new AmsgradEntry(),
      new AdagradEntry(),
      new RmspropEntry(),
      new YogiEntry(),
      new AdafactorEntry(),
      new AdafactorTorchEntry(),
      new LionEntry(),
      new NadamEntry(),
      new NadamWEntry(),
      new RadamEntry(),
      new AdamaxEntry(),
      new AdadeltaEntry(),
      new AsgdEntry(),
      new RpropEntry(),
      new AdaBeliefEntry(),
      new AdoptEntry(),
      new AdEMAMixEntry(),
      new MuonEntry(),
      new AdanEntry(),
      new LambEntry(),
      new LarsEntry(),
      new ShampooEntry(),
      new SoapEntry(),
      new ProdigyEntry(),
      new DAdaptAdamWEntry(),
      new ScheduleFreeSgdEntry(),
      new ScheduleFreeAdamWEntry(),
      new SophiaEntry());

  /**
   * torch.optim's optimizers optbench does not run, with the reason {@code list} and spec errors
   * give.
   */
  private static final Map<String, String> UNSUPPORTED = Map.of(
      "lbfgs", "L-BFGS (torch.optim.LBFGS) re-evaluates the loss several times per step in its"
          + " line search, through a closure; optbench's steps take one gradient of one batch,"
          + " which is what the lockstep and replay cross-checks compare. Use a first-order"
          + " optimizer (e.g. adam) instead");

  private OptimizerRegistry() {}

  /** Every entry, in listing order. */
  public static List<OptimizerEntry> entries() {
    return ENTRIES;
  }

  /** The entry called {@code name}, if there is one. */
  public static Optional<OptimizerEntry> find(String name) {
    return ENTRIES.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** torch.optim's optimizers optbench does not run, each with the reason. */
  public static Map<String, String> unsupported() {
    return UNSUPPORTED;
  }
}
