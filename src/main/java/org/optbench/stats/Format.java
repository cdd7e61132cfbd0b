package org.optbench.stats;

import java.util.Locale;

/** Numbers as statistics are printed: four significant digits, plain or scientific. */
public final class Format {

  private Format() {}

  /** E.g. {@code 0.1235}, {@code 1.235e-05}, {@code NaN}, {@code inf}. */
  public static String number(double x) {
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
