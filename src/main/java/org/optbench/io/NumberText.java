package org.optbench.io;

/**
 * Strict reading of the numbers in result files. {@link Double#parseDouble} alone would also take
 * {@code "1d"}, {@code "0x1p3"} or surrounding blanks, and a cast to {@code int} would silently
 * turn {@code 99999999999} into another number; here a cell is a number only when it is written
 * as one, and an integer only when it fits.
 */
final class NumberText {

  private NumberText() {}

  /**
   * The decimal number {@code text}: digits with an optional sign, point and exponent, or one of
   * {@code NaN}, {@code Infinity}, {@code -Infinity} (what {@link Double#toString} writes).
   *
   * @throws NumberFormatException when {@code text} is anything else
   */
  static double parseDouble(String text) {
    switch (text) {
      case "NaN":
        return Double.NaN;
      case "Infinity":
      case "+Infinity":
        return Double.POSITIVE_INFINITY;
      case "-Infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        if (!isDecimal(text)) {
          throw new NumberFormatException(text);
        }
        return Double.parseDouble(text);
    }
  }

  /** Whether {@code text} is {@code [+-]digits[.digits][(e|E)[+-]digits]} with some digit. */
  static boolean isDecimal(String text) {
    int i = 0;
    int n = text.length();
    if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(text.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && text.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        i++;
      }
      int exponentDigits = 0;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
        exponentDigits++;
      }
      if (exponentDigits == 0) {
        return false;
      }
    }
    return i == n;
  }

  /** Why {@code text} is not a {@code bits}-bit integer: not an integer at all, or too large. */
  static String notAnInteger(String text, int bits) {
    boolean integer = !text.isEmpty() && text.chars().skip(text.charAt(0) == '-' ? 1 : 0)
        .allMatch(NumberText::isDigit) && !text.equals("-");
    return integer
        ? FileCheck.shown(text) + " does not fit a " + bits + "-bit integer"
        : FileCheck.shown(text) + " is not an integer";
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
