package org.optbench.figures;

import java.util.Locale;
import java.util.Optional;

/**
 * The size of a figure on paper, in inches. The presets are the two usual column widths:
 *
 * <ul>
 *   <li>{@link #SINGLE}: 3.25 in × 2.5 in (aspect 13:10), one column of the ACM and IEEE
 *       two-column templates (3.33 in and 3.5 in wide), and under the 345 pt (4.79 in) text width
 *       of LaTeX's one-column article;
 *   <li>{@link #DOUBLE}: 6.75 in × 3 in (aspect 9:4), both columns of those templates (7 in
 *       text width); wider than tall, as a figure across the page usually is.
 * </ul>
 *
 * <p>Both heights are whole quarter inches because Chromium's PDF pages land on a grid of 1/300 in:
 * multiples of 1/4 in come out exact (234 × 180 pt and 486 × 216 pt), other sizes within about
 * 1 pt of the request.
 *
 * @param width width in inches, positive
 * @param height height in inches, positive
 */
public record FigureSize(double width, double height) {

  /** CSS pixels per inch (CSS Values and Units, §6.2: 1in = 96px); plotly sizes are CSS pixels. */
  public static final double PX_PER_INCH = 96;
  /** PostScript points per inch, the unit of PDF page sizes and of LaTeX's {@code bp}. */
  public static final double PT_PER_INCH = 72;

  public static final FigureSize SINGLE = new FigureSize(3.25, 2.5);
  public static final FigureSize DOUBLE = new FigureSize(6.75, 3.0);

  public FigureSize {
    if (!(width > 0) || !(height > 0) || !Double.isFinite(width) || !Double.isFinite(height)) {
      throw new IllegalArgumentException("figure size must be positive: " + width + " × " + height);
    }
  }

  /** The preset named {@code name} ({@code single} or {@code double}), or empty. */
  public static Optional<FigureSize> preset(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "single" -> Optional.of(SINGLE);
      case "double" -> Optional.of(DOUBLE);
      default -> Optional.empty();
    };
  }

  /**
   * A length given as inches ({@code 3.25} or {@code 3.25in}) or points ({@code 234pt}), in
   * inches; empty when {@code text} is no such length.
   */
  public static Optional<Double> inches(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    double perInch = 1;
    if (t.endsWith("pt")) {
      perInch = PT_PER_INCH;
      t = t.substring(0, t.length() - 2);
    } else if (t.endsWith("in")) {
      t = t.substring(0, t.length() - 2);
    }
    try {
      return Optional.of(Double.parseDouble(t.strip()) / perInch);
    } catch (NumberFormatException notANumber) {
      return Optional.empty();
    }
  }

  /** Width in CSS pixels, the unit plotly lays out in. */
  public int widthPx() {
    return (int) Math.round(width * PX_PER_INCH);
  }

  /** Height in CSS pixels. */
  public int heightPx() {
    return (int) Math.round(height * PX_PER_INCH);
  }

  /** E.g. {@code 3.25 × 2.5 in}. */
  @Override
  public String toString() {
    return trim(width) + " × " + trim(height) + " in";
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
