package org.optbench.report;

/**
 * How wide text sets in Computer Modern, for laying out the LaTeX tables before TeX sees them.
 *
 * <p>The widths are those of {@code cmr8.tfm} (TeX Live, read with {@code tftopl}), in ems. The
 * 8 pt design is the widest per em of the sizes a table uses (cmr8 digits are 0.531 em, cmr10's
 * 0.500 em), so the estimate is an upper bound at 9 pt and 10 pt too, up to kerning. Characters a
 * table prints in math mode ({@code < > = +}) take their math widths; any other non-ASCII
 * character counts one em, wider than every glyph {@link LatexText} maps it to.
 */
final class TextWidth {

  /** Widths in em of ASCII 32 (space) to 126, from cmr8.tfm, math ones where LatexText uses math. */
  private static final double[] ASCII_EM = {
    0.3542, 0.2951, 0.5900, 0.8854, 0.5313, 0.8854, 0.8264, 0.2951, // space ! " # $ % & '
    0.4132, 0.4132, 0.5313, 0.8264, 0.2951, 0.3542, 0.2951, 0.5313, // ( ) * + , - . /
    0.5313, 0.5313, 0.5313, 0.5313, 0.5313, 0.5313, 0.5313, 0.5313, // 0-7
    0.5313, 0.5313, 0.2951, 0.2951, 0.8264, 0.8264, 0.8264, 0.5017, // 8 9 : ; < = > ?
    0.8264, 0.7958, 0.7521, 0.7674, 0.8111, 0.7226, 0.6931, 0.8335, // @ A-G
    0.7958, 0.3826, 0.5455, 0.8254, 0.6636, 0.9729, 0.7958, 0.8264, // H-O
    0.7226, 0.8264, 0.7816, 0.5903, 0.7674, 0.7958, 0.7958, 1.0910, // P-W
    0.7958, 0.7958, 0.6493, 0.2951, 0.5313, 0.2951, 0.5313, 0.5500, // X Y Z [ \ ] ^ _
    0.2951, 0.5313, 0.5903, 0.4722, 0.5903, 0.4722, 0.3247, 0.5313, // ` a-g
    0.5903, 0.2951, 0.3247, 0.5608, 0.2951, 0.8854, 0.5903, 0.5313, // h-o
    0.5903, 0.5608, 0.4141, 0.4191, 0.4132, 0.5903, 0.5608, 0.7674, // p-w
    0.5608, 0.5608, 0.4722, 0.5313, 0.3100, 0.5313, 0.5313 // x y z { | } ~
  };

  private TextWidth() {}

  /** The width of {@code text} in points at font size {@code sizePt}. */
  static double points(String text, double sizePt) {
    double em = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      em += c >= 32 && c < 127 ? ASCII_EM[c - 32] : 1.0;
    }
    return em * sizePt;
  }
}
