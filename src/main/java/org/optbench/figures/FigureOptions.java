package org.optbench.figures;

/**
 * How figures are exported.
 *
 * @param format the file format
 * @param size the size on paper
 * @param fontPoints the size of every text, in points as on paper (72 per inch)
 * @param font the family of every text
 * @param scale device pixels per CSS pixel of a PNG (1 = 96 dpi, 3 = 288 dpi); 1 for vector formats
 */
public record FigureOptions(
    FigureFormat format, FigureSize size, double fontPoints, PaperFont font, int scale) {

  /** 8 pt: the usual size of figure text beside a 9–10 pt two-column body. */
  public static final double DEFAULT_FONT_POINTS = 8;
  /** PNG scale: 3 × 96 = 288 dpi, above the 250–300 dpi printers and publishers ask for. */
  public static final int DEFAULT_SCALE = 3;

  public FigureOptions {
    if (!(fontPoints > 0) || !Double.isFinite(fontPoints)) {
      throw new IllegalArgumentException("font size must be positive: " + fontPoints);
    }
    if (scale < 1) {
      throw new IllegalArgumentException("scale must be at least 1: " + scale);
    }
  }

  /**
   * The font size in CSS pixels, plotly's unit: a figure of {@code size} is laid out at 96 px per
   * inch and placed at its own size on paper, so 1 pt on paper is 96/72 px.
   */
  public double fontPixels() {
    return fontPoints * FigureSize.PX_PER_INCH / FigureSize.PT_PER_INCH;
  }
}
