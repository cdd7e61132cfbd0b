package org.optbench.spec;

/** The value types a hyperparameter can take in a spec. */
public enum ParamType {
  /** A real number; YAML integers are accepted and widened. */
  FLOAT,
  /** A whole number. */
  INT,
  /** true or false. */
  BOOL,
  /** A word from a fixed set, or free text where no set is given. */
  STRING,
  /** A list of whole numbers, such as layer widths. */
  INT_LIST;

  /** The name used in error messages and in {@code list}. */
  public String label() {
    return switch (this) {
      case FLOAT -> "number";
      case INT -> "integer";
      case BOOL -> "boolean";
      case STRING -> "string";
      case INT_LIST -> "list of integers";
    };
  }
}
