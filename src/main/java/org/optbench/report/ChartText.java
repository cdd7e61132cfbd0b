package org.optbench.report;

/**
 * Makes a label safe to hand to jsplot, which pastes trace names and titles into single-quoted
 * JavaScript strings after HTML-escaping them (its Pebble templates autoescape): a backslash or a
 * line break would then end the string or the script with a syntax error, and the entities it
 * produces show up literally in plotly's legend. Characters that could matter are replaced by
 * look-alikes, so the label still reads the same; the exact text stays in the HTML tables.
 */
public final class ChartText {

  private ChartText() {}

  /**
   * {@code label} with {@code \ ' " < > &} replaced by look-alikes and control characters by
   * spaces.
   */
  public static String sanitize(String label) {
    if (label == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(label.length());
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      switch (c) {
        case '\\' -> out.append('\u2216'); // set minus, looks like a backslash
        case '\'' -> out.append('\u2019');
        case '"' -> out.append('\u201d');
        case '<' -> out.append('\u2039');
        case '>' -> out.append('\u203a');
        case '&' -> out.append('\uff06');
        // U+2028/2029 end a line in JavaScript source before ES2019.
        case '\u2028', '\u2029' -> out.append(' ');
        default -> out.append(Character.isISOControl(c) ? ' ' : c);
      }
    }
    return out.toString();
  }
}
