package org.optbench.report;

import java.util.Locale;

/** How numbers read in the report's tables. */
final class Numbers {

  private Numbers() {}

  /** Four significant digits, scientific outside [1e-3, 1e5); NaN (no value) as a dash. */
  static String format(double value) {
    if (Double.isNaN(value)) {
      return "–";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "∞" : "−∞";
    }
    double magnitude = Math.abs(value);
    if (value != 0 && (magnitude < 1e-3 || magnitude >= 1e5)) {
      return String.format(Locale.ROOT, "%.3e", value);
    }
    return String.format(Locale.ROOT, "%.4g", value);
  }

  /** A byte count in binary units (KiB, MiB, ...). */
  static String bytes(double bytes) {
    if (Double.isNaN(bytes)) {
      return "–";
    }
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    double value = bytes;
    while (Math.abs(value) >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0
        ? String.format(Locale.ROOT, "%.0f B", value)
        : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  /** Full precision, for data attributes that tests and scripts read back. */
  static String exact(double value) {
    return Double.toString(value);
  }
}
