package org.optbench.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.optbench.io.AtomicFiles;

/**
 * plotly.js from its webjar on the class path, either inside a page ({@link #inlineElement}: gzip
 * and base64 in a data script element, which the page's script decompresses) or copied to {@code
 * plotly-<version>.js} in a reports root, where every report of the root loads it from with a
 * relative path ({@link #install}). Either way the pages draw from {@code file://} with no network.
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

  /** The id of the data element that holds the compressed script in an inline page. */
  static final String INLINE_ID = "plotly-gzip-base64";

  /** The compressed, base64-encoded script: computed once per process (about 0.6 s). */
  private static volatile String inlineBase64;

  private PlotlyAsset() {}

  /**
   * The element that carries plotly inside a page: {@code <script type="application/gzip"
   * id="plotly-gzip-base64">BASE64</script>}. The browser does not run a script of an unknown type;
   * report.js decodes it (atob, then {@code DecompressionStream('gzip')}) and runs the result. Base64
   * has no {@code <} or {@code &}, so nothing in it can end the element early.
   */
  static String inlineElement() throws IOException {
    return "<script type=\"application/gzip\" id=\"" + INLINE_ID + "\" data-plotly-version=\""
        + VERSION + "\">" + inlineBase64() + "</script>\n";
  }

  private static String inlineBase64() throws IOException {
    String cached = inlineBase64;
    if (cached != null) {
      return cached;
    }
    synchronized (PlotlyAsset.class) {
      if (inlineBase64 == null) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(3 << 20);
        try (InputStream in = source().openStream();
            GZIPOutputStream gzip = new GZIPOutputStream(compressed, 1 << 16)) {
          in.transferTo(gzip);
        }
        inlineBase64 = Base64.getEncoder().encodeToString(compressed.toByteArray());
      }
      return inlineBase64;
    }
  }

  private static URL source() throws IOException {
    URL source = PlotlyAsset.class.getClassLoader().getResource(RESOURCE);
    if (source == null) {
      throw new IOException(
          RESOURCE
              + " is not on the class path: the org.webjars.npm:plotly.js-dist:"
              + VERSION
              + " dependency is missing");
    }
    return source;
  }

  /**
   * Makes sure {@code folder/plotly-<version>.js} is there, writing it only when it is missing or
   * its size differs from the webjar's copy (a partial or foreign file).
   *
   * @return the script's path
   */
  static Path install(Path folder) throws IOException {
    URL source = source();
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
