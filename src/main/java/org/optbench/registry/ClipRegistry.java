package org.optbench.registry;

import java.util.List;
import java.util.Optional;

/** The clipping methods, one {@link ClipEntry} each, in the order {@code list} shows them. */
public final class ClipRegistry {

  private static final List<ClipEntry> ENTRIES = List.of(
      new NoClipEntry(),
      new GlobalNormClipEntry(),
      new ValueClipEntry(),
      new ParamNormClipEntry(),
      new AgcClipEntry(),
      new AutoClipEntry(),
      new ZClipEntry(),
      new StatClipEntry(),
      new LrScaledClipEntry(),
      new LossFeedbackClipEntry());

  private ClipRegistry() {}

  /** Every entry, in listing order. */
  public static List<ClipEntry> entries() {
    return ENTRIES;
  }

  /** The entry called {@code name}, if there is one. */
  public static Optional<ClipEntry> find(String name) {
    return ENTRIES.stream().filter(e -> e.name().equals(name)).findFirst();
  }
}
