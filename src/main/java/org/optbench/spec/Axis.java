package org.optbench.spec;

/** The component axes of a grid; each has its own section of the {@link Catalog}. */
public enum Axis {
  WORKLOAD("workload", "model"),
  OPTIMIZER("optimizer", "name"),
  CLIP("clip", "name"),
  SCHEDULE("schedule", "name");

  private final String label;
  private final String nameKey;

  Axis(String label, String nameKey) {
    this.label = label;
    this.nameKey = nameKey;
  }

  /** Singular noun for messages ("unknown optimizer 'adma'"). */
  public String label() {
    return label;
  }

  /** The YAML key that names the component ({@code model} for workloads, else {@code name}). */
  public String nameKey() {
    return nameKey;
  }
}
