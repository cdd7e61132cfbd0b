package org.optbench.stats;

import java.util.Locale;

/** Numbers as statistics are printed: four significant digits, plain or scientific. */
final class Format {

  private Format() {}

  static String number(double x) {
    if (Double.isNaN(x)) {
      return "NaN";
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
}
