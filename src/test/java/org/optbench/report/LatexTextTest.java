package org.optbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Unicode-to-LaTeX mapping, case by case against the LaTeX each character is spelled as. */
class LatexTextTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "ρ | $\\rho$",
      "x₁ | x$_{1}$",
      "β₁₂ | $\\beta_{12}$",
      "σ² | $\\sigma^{2}$",
      "ρτ | $\\rho\\tau$",
      "Δx | $\\Delta$x",
      "0.1 ± 0.02 | 0.1 $\\pm$ 0.02",
      "a ≤ b ≥ c | a $\\leq$ b $\\geq$ c",
      "2×3 | 2$\\times$3",
      "✕ diverged | $\\times$ diverged",
      "a · b | a $\\cdot$ b",
      "−1 | $-$1",
      "∞ | $\\infty$",
      "a → b | a $\\rightarrow$ b",
      "10–20 | 10--20",
      "a — b | a --- b",
      "wait… | wait\\ldots{}",
      "--seed | -{}-seed",
      "x < y > z | x $<$ y $>$ z",
      "Schrödinger | Schr\\\"{o}dinger",
      "café | caf\\'{e}",
      "naïve | na\\\"{\\i}ve",
      "µs | $\\mu$s",
      "漢 | ?",
  })
  void mapsUnicode(String text, String latex) {
    assertEquals(latex, LatexText.of(text));
  }

  @Test
  void escapesLatexSpecialCharacters() {
    assertEquals("\\# \\$ \\% \\& \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}",
        LatexText.of("# $ % & _ { } ~ ^ \\"));
    assertEquals("''quoted''", LatexText.of("\"quoted\""));
    assertEquals("two lines", LatexText.of("two\nlines"));
    assertEquals("a$|$b", LatexText.of("a|b"));
  }

  @Test
  void unmappedCharactersShowOneMarkEach() {
    // U+1F642 (a surrogate pair) is one character, one mark.
    assertEquals("ok ? ?", LatexText.of("ok \uD83D\uDE42 漢"));
    assertFalse(LatexText.isMapped('漢'));
    assertTrue(LatexText.isMapped('ρ'));
    assertTrue(LatexText.isMapped('?'));
  }

  @Test
  void outputIsPlainAscii() {
    String all = "αβγδεζηθικλμνξοπρςστυφχψω ΓΔΘΛΞΠΣΥΦΨΩ ₀₁₂₃₄₅₆₇₈₉ ⁰¹²³⁴⁵⁶⁷⁸⁹ ±×·−≤≥≠≈∞→←⇒∈∑√∂∇°′"
        + " –—‘’“”…• ßæÆøØ§ àéîõüçåčā";
    String latex = LatexText.of(all);
    assertTrue(latex.chars().allMatch(c -> c >= 0x20 && c < 0x7f), latex);
    assertFalse(latex.contains(LatexText.UNMAPPED), latex);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "0.2000 | 0.2000",
      "-0.04841 | $-$0.04841",
      "0.2000 [-0.04841, 0.4484] | 0.2000 [$-$0.04841, 0.4484]",
      "1.234e-05 | $1.234\\times10^{-5}$",
      "-1.200e+03 | $-1.200\\times10^{3}$",
      "– | --",
      "−∞ | $-\\infty$",
      "10 (1×) | 10 (1$\\times$)",
      "426.0 KiB | 426.0 KiB",
  })
  void setsNumbersInPlainMath(String text, String latex) {
    assertEquals(latex, LatexTable.number(text));
  }

  @Test
  void wrappingTextBreaksInsideSettingsLists() {
    assertEquals("adam\\allowbreak{}(lr=\\allowbreak{}0.1,\\allowbreak{}beta1=\\allowbreak{}0.9)",
        LatexTable.breakable("adam(lr=0.1,beta1=0.9)"));
    // No break beside a space: TeX breaks there anyway.
    assertEquals("a, b = c", LatexTable.breakable("a, b = c"));
  }
}
