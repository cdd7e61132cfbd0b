package org.optbench.report;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.optbench.io.AtomicFiles;

/**
 * plotly.js, copied from its webjar on the class path to {@code reports/plotly-<version>.js}, where
 * every report in {@code reports/} loads it from with a relative path: the pages then draw from
 * {@code file://} with no network, and the 11 MB script is stored once, not per report. A
 * self-contained report ({@code report --out DIR}) gets its own copy in DIR.
 *
 * <p>A file of that name with another size is replaced: the name fixes its content (the webjar's
 * script of that version), so a different file there is a damaged copy, not someone's work.
 */
final class PlotlyAsset {

  /** The webjar's version; 3.x drops the titles Tablesaw writes (see DESIGN.md). */
  static final String VERSION = "2.35.3";

  static final String FILE_NAME = "plotly-" + VERSION + ".js";

  private static final String RESOURCE =
      "META-INF/resources/webjars/plotly.js-dist/" + VERSION + "/plotly.js";

  private PlotlyAsset() {}

  /**
   * Makes sure {@code folder/plotly-<version>.js} is there, writing it only when it is missing or
   * its size differs from the webjar's copy (a partial or foreign file).
   *
   * @return the script's path
   */
  static Path install(Path folder) throws IOException {
    URL source = PlotlyAsset.class.getClassLoader().getResource(RESOURCE);
    if (source == null) {
      throw new IOException(
          RESOURCE
              + " is not on the class path: the org.webjars.npm:plotly.js-dist:"
              + VERSION
              + " dependency is missing");
    }
    Path target = folder.resolve(FILE_NAME);
    URLConnection connection = source.openConnection();
    long size = connection.getContentLengthLong();
    if (Files.isRegularFile(target) && Files.size(target) == size) {
      return target;
    }
    try (InputStream in = connection.getInputStream()) {
      AtomicFiles.write(target, temp -> Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING));
    }
    return target;
  }
}
