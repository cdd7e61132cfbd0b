package org.optbench.report;

import java.text.Normalizer;
import java.util.Map;

/**
 * Text as pdflatex reads it without {@code inputenc} tricks: plain ASCII, LaTeX's special
 * characters escaped, and the Unicode the report writes (Greek letters, sub- and superscript
 * digits, ±, ≤, ×, ·, −, ∞, dashes, accented letters) spelled as LaTeX commands, math symbols in
 * math mode. Only the LaTeX kernel is needed: no {@code textcomp}, no {@code fontenc}, and the same
 * output under OT1 and T1 fonts ({@code <}, {@code >}, {@code |} go to math mode because OT1 text
 * fonts print other glyphs at those positions; LaTeX Companion, 2nd ed., section 7.3).
 *
 * <p>A character with no mapping becomes {@link #UNMAPPED}, visible in the PDF, never a pdflatex
 * error ("Unicode character ... not set up for use with LaTeX").
 */
final class LatexText {

  /** What a character without a LaTeX spelling becomes. */
  static final String UNMAPPED = "?";

  /** Text-mode spellings. */
  private static final Map<Character, String> TEXT =
      Map.ofEntries(
          Map.entry('\\', "\\textbackslash{}"),
          Map.entry('#', "\\#"),
          Map.entry('$', "\\$"),
          Map.entry('%', "\\%"),
          Map.entry('&', "\\&"),
          Map.entry('_', "\\_"),
          Map.entry('{', "\\{"),
          Map.entry('}', "\\}"),
          Map.entry('~', "\\textasciitilde{}"),
          Map.entry('^', "\\textasciicircum{}"),
          Map.entry('"', "''"),
          Map.entry('\n', " "),
          Map.entry('\r', " "),
          Map.entry('\t', " "),
          Map.entry('\u00a0', "~"),
          Map.entry('\u2009', "\\,"),
          Map.entry('\u202f', "\\,"),
          Map.entry('\u2013', "--"),
          Map.entry('\u2014', "---"),
          Map.entry('\u2018', "`"),
          Map.entry('\u2019', "'"),
          Map.entry('\u201c', "``"),
          Map.entry('\u201d', "''"),
          Map.entry('\u2026', "\\ldots{}"),
          Map.entry('\u2022', "\\textbullet{}"),
          Map.entry('\u00df', "\\ss{}"),
          Map.entry('\u00e6', "\\ae{}"),
          Map.entry('\u00c6', "\\AE{}"),
          Map.entry('\u00f8', "\\o{}"),
          Map.entry('\u00d8', "\\O{}"),
          Map.entry('\u00a7', "\\S{}"));

  /** Math-mode spellings, written inside one {@code $...$} with their neighbours. */
  private static final Map<Character, String> MATH =
      Map.ofEntries(
          Map.entry('<', "<"),
          Map.entry('>', ">"),
          Map.entry('|', "|"),
          Map.entry('\u00b1', "\\pm"),
          Map.entry('\u2213', "\\mp"),
          Map.entry('\u00d7', "\\times"),
          Map.entry('\u2715', "\\times"),  // ✕, the report's divergence marker
          Map.entry('\u00b7', "\\cdot"),
          Map.entry('\u22c5', "\\cdot"),
          Map.entry('\u00f7', "\\div"),
          Map.entry('\u2212', "-"),
          Map.entry('\u2264', "\\leq"),
          Map.entry('\u2265', "\\geq"),
          Map.entry('\u2260', "\\neq"),
          Map.entry('\u2248', "\\approx"),
          Map.entry('\u221e', "\\infty"),
          Map.entry('\u2192', "\\rightarrow"),
          Map.entry('\u2190', "\\leftarrow"),
          Map.entry('\u21d2', "\\Rightarrow"),
          Map.entry('\u2208', "\\in"),
          Map.entry('\u2211', "\\sum"),
          Map.entry('\u221a', "\\surd"),
          Map.entry('\u2202', "\\partial"),
          Map.entry('\u2207', "\\nabla"),
          Map.entry('\u00b5', "\\mu"),
          Map.entry('\u00b0', "^{\\circ}"),
          Map.entry('\u2032', "'"));

  /** Greek letters: the names LaTeX's math fonts know them by. */
  private static final String[] GREEK_LOWER = {
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
    "lambda", "mu", "nu", "xi", "o", "pi", "rho", "varsigma", "sigma", "tau", "upsilon", "phi",
    "chi", "psi", "omega"
  };

  /**
   * Capital Greek letters; those that look like Latin capitals have no math command and are the
   * Latin letter.
   */
  private static final String[] GREEK_UPPER = {
    "A", "B", "\\Gamma", "\\Delta", "E", "Z", "H", "\\Theta", "I", "K", "\\Lambda", "M", "N",
    "\\Xi", "O", "\\Pi", "P", null, "\\Sigma", "T", "\\Upsilon", "\\Phi", "X", "\\Psi", "\\Omega"
  };

  /** Text accents by their Unicode combining mark (U+0300 ...). */
  private static final Map<Character, String> ACCENTS =
      Map.of(
          '\u0300', "\\`",
          '\u0301', "\\'",
          '\u0302', "\\^",
          '\u0303', "\\~",
          '\u0308', "\\\"",
          '\u0327', "\\c",
          '\u030a', "\\r",
          '\u030c', "\\v",
          '\u0304', "\\=");

  private static final String SUBSCRIPT_DIGITS = "₀₁₂₃₄₅₆₇₈₉";
  private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

  private LatexText() {}

  /** {@code text} as pdflatex-safe ASCII LaTeX, for text mode (table cells, captions). */
  static String of(String text) {
    Writer out = new Writer();
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      char next = i + 1 < decomposed.length() ? decomposed.charAt(i + 1) : 0;
      if (Character.isSurrogate(c)) {
        // Outside the Basic Multilingual Plane (emoji, math alphanumerics): one mark per character.
        out.text(UNMAPPED);
        i += Character.isHighSurrogate(c) && Character.isLowSurrogate(next) ? 1 : 0;
      } else if (c < 0x7f && Character.isLetter(c) && ACCENTS.containsKey(next)) {
        out.text(ACCENTS.get(next) + "{" + (c == 'i' ? "\\i" : String.valueOf(c)) + "}");
        i++;
      } else if (c == '-' && next == '-') {
        // LaTeX joins "--" to an en dash; a literal "--option" keeps its two hyphens.
        out.text("-{}");
      } else if (c >= 0x20 && c < 0x7f && !TEXT.containsKey(c) && !MATH.containsKey(c)) {
        out.text(String.valueOf(c));
      } else if (TEXT.containsKey(c)) {
        out.text(TEXT.get(c));
      } else if (MATH.containsKey(c)) {
        out.math(MATH.get(c));
      } else if (SUBSCRIPT_DIGITS.indexOf(c) >= 0) {
        out.script('_', SUBSCRIPT_DIGITS.indexOf(c));
      } else if (SUPERSCRIPT_DIGITS.indexOf(c) >= 0) {
        out.script('^', SUPERSCRIPT_DIGITS.indexOf(c));
      } else if (greek(c) != null) {
        out.math(greek(c));
      } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
        // A combining mark on a letter without a LaTeX accent: the letter alone is the best text.
        continue;
      } else {
        out.text(UNMAPPED);
      }
    }
    return out.finish();
  }

  /** Whether {@code c} has a LaTeX spelling ({@link #of} writes no {@link #UNMAPPED} for it). */
  static boolean isMapped(char c) {
    return c == UNMAPPED.charAt(0) || !of(String.valueOf(c)).contains(UNMAPPED);
  }

  /** The math spelling of a Greek letter, or null for other characters. */
  private static String greek(char c) {
    if (c >= '\u03b1' && c <= '\u03c9') {
      String name = GREEK_LOWER[c - '\u03b1'];
      return name.equals("o") ? "o" : "\\" + name;
    }
    if (c >= '\u0391' && c <= '\u03a9' && GREEK_UPPER[c - '\u0391'] != null) {
      return GREEK_UPPER[c - '\u0391'];
    }
    return null;
  }

  /**
   * Joins math pieces into one {@code $...$} and runs of sub- or superscript digits into one
   * script: "ρ₁₂" is {@code $\rho_{12}$}, never {@code $\rho$$_{1}$$_{2}$} (a double subscript).
   */
  private static final class Writer {
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder math = new StringBuilder();
    private char script;
    private final StringBuilder scriptDigits = new StringBuilder();

    void text(String piece) {
      closeMath();
      out.append(piece);
    }

    void math(String piece) {
      closeScript();
      // A command followed by a letter would run into it (\rho then x is \rhox).
      if (math.length() > 0 && Character.isLetter(piece.charAt(0))
          && Character.isLetter(math.charAt(math.length() - 1))) {
        math.append(' ');
      }
      math.append(piece);
    }

    void script(char kind, int digit) {
      if (script != kind) {
        closeScript();
        script = kind;
      }
      scriptDigits.append(digit);
    }

    private void closeScript() {
      if (script != 0) {
        math.append(script).append('{').append(scriptDigits).append('}');
        script = 0;
        scriptDigits.setLength(0);
      }
    }

    private void closeMath() {
      closeScript();
      if (math.length() > 0) {
        out.append('$').append(math).append('$');
        math.setLength(0);
      }
    }

    String finish() {
      closeMath();
      return out.toString();
    }
  }
}
