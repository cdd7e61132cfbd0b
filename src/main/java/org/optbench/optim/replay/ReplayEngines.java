package org.optbench.optim.replay;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The engines a build can replay on: the native one, plus any registered through
 * {@link ServiceLoader} (an engine package lists its class in
 * {@code META-INF/services/org.optbench.optim.replay.ReplayEngine}).
 */
public final class ReplayEngines {

  /** Engines the project knows of, whether or not this build includes them. */
  public static final String KNOWN = "native, djl";

  private ReplayEngines() {}

  /** The engine called {@code name}, if this build has it. */
  public static Optional<ReplayEngine> find(String name) {
    Map<String, ReplayEngine> engines = new LinkedHashMap<>();
    engines.put("native", new NativeReplayEngine());
    for (ReplayEngine e : ServiceLoader.load(ReplayEngine.class)) {
      engines.putIfAbsent(e.name(), e);
    }
    return Optional.ofNullable(engines.get(name));
  }
}
