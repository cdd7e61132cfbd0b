package org.optbench.report;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a report page gets plotly.js from.
 *
 * <p>{@link #INLINE} makes the page one file that opens from any folder, copied or mailed alone:
 * plotly travels inside it gzip-compressed (10.8 MB of script as 3.2 MB of base64), and the page
 * decompresses it with the browser's own {@code DecompressionStream}. {@link #SHARED} keeps one copy
 * of the script in the reports root (or beside a report of its own), which many reports side by
 * side load by a relative path: 11 MB once instead of 3.2 MB per page.
 */
public enum PlotlyPlacement {
  /** plotly compressed inside the page. */
  INLINE,
  /** plotly in {@code plotly-<version>.js} beside the reports, loaded by a relative path. */
  SHARED;

  /** The option value that names this placement. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The placement named {@code word} ({@code inline} or {@code shared}), or empty. */
  public static Optional<PlotlyPlacement> parse(String word) {
    for (PlotlyPlacement p : values()) {
      if (p.word().equals(word)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
