package org.optbench.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every component a spec may name, by axis. The spec parser validates against it, {@code list}
 * prints it, and the engines build their objects from the {@link Component}s it resolves.
 */
public final class Catalog {

  private Catalog() {}

  /** The components available on an axis, in the order {@code list} shows them. */
  public static List<ComponentDef> components(Axis axis) {
    return switch (axis) {
      case WORKLOAD -> WorkloadDefs.ALL;
      case OPTIMIZER -> Registered.OPTIMIZERS;
      case CLIP -> Registered.CLIPS;
      case SCHEDULE -> ScheduleDefs.ALL;
    };
  }

  /** The component called {@code name} on {@code axis}, if there is one. */
  public static Optional<ComponentDef> find(Axis axis, String name) {
    return components(axis).stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The component called {@code name}; for names that code (not a spec) supplies. */
  public static ComponentDef require(Axis axis, String name) {
    return find(axis, name)
        .orElseThrow(() -> new IllegalArgumentException("unknown " + axis.label() + " " + name));
  }

  /** Known names on an axis, comma separated, for "known: ..." messages. */
  public static String names(Axis axis) {
    return String.join(", ", components(axis).stream().map(ComponentDef::name).toList());
  }

  /**
   * Names a user may write on {@code axis} that optbench knows but does not run, each with the
   * reason; empty on every axis but the optimizers.
   */
  public static Map<String, String> unsupported(Axis axis) {
    return axis == Axis.OPTIMIZER ? Registered.PROVIDER.unsupportedOptimizers() : Map.of();
  }

  /**
   * "unknown optimizer 'x'; known: ..." for a name not in the catalogue, or, for one optbench
   * knows but does not run, "optimizer 'lbfgs' is not supported: why".
   */
  public static String unknownName(Axis axis, String name) {
    String reason = unsupported(axis).get(name);
    return reason != null
        ? axis.label() + " '" + name + "' is not supported: " + reason
        : "unknown " + axis.label() + " '" + name + "'; known: " + names(axis);
  }

  /** The registry's definitions, loaded on first use (see {@link CatalogueProvider}). */
  private static final class Registered {
    static final CatalogueProvider PROVIDER = ServiceLoader
        .load(CatalogueProvider.class, CatalogueProvider.class.getClassLoader())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no optimizer registry on the class path"
            + " (META-INF/services/" + CatalogueProvider.class.getName() + " is missing)"));
    static final List<ComponentDef> OPTIMIZERS = PROVIDER.optimizers();
    static final List<ComponentDef> CLIPS = PROVIDER.clips();
  }

  /** The engines a cell can run on. */
  public static final List<String> ENGINES = List.of("djl", "native");
}
