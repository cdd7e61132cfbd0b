package org.optbench.compare;

import java.util.Locale;

/** Numbers as {@code compare} prints them: four significant digits, plain or scientific. */
final class Printed {

  private Printed() {}

  static String number(double x) {
    if (Double.isNaN(x)) {
      return "–";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    double a = Math.abs(x);
    if (a != 0 && (a < 1e-3 || a >= 1e5)) {
      return String.format(Locale.ROOT, "%.3e", x);
    }
    return String.format(Locale.ROOT, "%.4g", x);
  }

  /** With an explicit sign: a change. */
  static String signed(double x) {
    return (x > 0 ? "+" : "") + number(x);
  }
}
