package org.optbench.spec;

import java.util.List;

/**
 * The schema of one hyperparameter: its spec name, type, default and allowed range.
 *
 * <p>A {@code null} default with {@code optional == false} makes the parameter required; with
 * {@code optional == true} it may stay unset (as Adafactor's {@code lr: null}, meaning "relative
 * step").
 *
 * @param name snake_case key as written in specs (torch.optim's name where one exists)
 * @param type value type
 * @param defaultValue value used when the spec omits the key
 * @param optional whether {@code null} is a legal value
 * @param range allowed numeric range, or {@link Range#ANY}
 * @param choices allowed words for {@link ParamType#STRING}; empty means free text
 * @param description one line for {@code list}
 */
public record ParamDef(
    String name,
    ParamType type,
    Object defaultValue,
    boolean optional,
    Range range,
    List<String> choices,
    String description) {

  public ParamDef {
    choices = List.copyOf(choices);
  }

  /** A real-valued parameter. */
  public static ParamDef real(String name, Double defaultValue, Range range, String description) {
    return new ParamDef(name, ParamType.FLOAT, defaultValue, false, range, List.of(), description);
  }

  /** A real-valued parameter whose {@code null} has a meaning of its own. */
  public static ParamDef optionalReal(
      String name, Double defaultValue, Range range, String description) {
    return new ParamDef(name, ParamType.FLOAT, defaultValue, true, range, List.of(), description);
  }

  /** A whole-number parameter. */
  public static ParamDef integer(String name, Integer defaultValue, Range range, String description) {
    return new ParamDef(name, ParamType.INT, defaultValue, false, range, List.of(), description);
  }

  /** A whole-number parameter whose {@code null} has a meaning of its own. */
  public static ParamDef optionalInteger(
      String name, Integer defaultValue, Range range, String description) {
    return new ParamDef(name, ParamType.INT, defaultValue, true, range, List.of(), description);
  }

  /** A boolean flag. */
  public static ParamDef flag(String name, boolean defaultValue, String description) {
    return new ParamDef(name, ParamType.BOOL, defaultValue, false, Range.ANY, List.of(), description);
  }

  /** A word from a fixed set. */
  public static ParamDef choice(
      String name, String defaultValue, List<String> choices, String description) {
    return new ParamDef(name, ParamType.STRING, defaultValue, false, Range.ANY, choices, description);
  }

  /** Free text, such as a file path or a prompt. */
  public static ParamDef text(String name, String defaultValue, String description) {
    return new ParamDef(name, ParamType.STRING, defaultValue, false, Range.ANY, List.of(), description);
  }

  /** A list of whole numbers, each within the range. */
  public static ParamDef integers(
      String name, List<Integer> defaultValue, Range range, String description) {
    return new ParamDef(name, ParamType.INT_LIST, defaultValue, false, range, List.of(), description);
  }

  /** Whether a spec must give this parameter. */
  public boolean required() {
    return defaultValue == null && !optional;
  }
}
