package org.optbench.figures;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one font family of every text in a figure, as a CSS font list: the family a paper's body
 * text is likely set in, then metric-compatible fallbacks. Chromium on Debian sets them in
 * Liberation Sans and Liberation Serif (metric-compatible with Arial and Times New Roman), which a
 * PDF embeds as subsets.
 */
public enum PaperFont {
  SANS("Helvetica, Arial, sans-serif"),
  SERIF("Times New Roman, Times, serif");

  private final String family;

  PaperFont(String family) {
    this.family = family;
  }

  /** The CSS font list handed to plotly, e.g. {@code Helvetica, Arial, sans-serif}. */
  public String family() {
    return family;
  }

  /** The option value naming this font: {@code sans} or {@code serif}. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The font named {@code name} ({@code sans} or {@code serif}), or empty. */
  public static Optional<PaperFont> named(String name) {
    return Arrays.stream(values()).filter(f -> f.optionName().equalsIgnoreCase(name)).findFirst();
  }

  /** The accepted names, e.g. {@code sans, serif}. */
  public static String names() {
    return Arrays.stream(values()).map(PaperFont::optionName).collect(Collectors.joining(", "));
  }
}
