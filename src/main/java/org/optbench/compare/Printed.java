package org.optbench.compare;

import org.optbench.stats.Format;

/** Numbers as {@code compare} prints them: four significant digits, plain or scientific. */
final class Printed {

  private Printed() {}

  /** As {@link Format#number}, with a missing value printed as a dash. */
  static String number(double x) {
    return Double.isNaN(x) ? "–" : Format.number(x);
  }

  /** With an explicit sign: a change. */
  static String signed(double x) {
    return (x > 0 ? "+" : "") + number(x);
  }
}
