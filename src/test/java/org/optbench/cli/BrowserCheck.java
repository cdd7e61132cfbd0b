package org.optbench.cli;

import org.optbench.testing.PageDom;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.optbench.testing.Chromium;

/**
 * Opens a report in headless Chromium and checks that it has no JavaScript error and that plotly
 * drew every chart; does nothing where Chromium is not installed (the report package's browser
 * test says so then).
 */
final class BrowserCheck {

  private BrowserCheck() {}

  static void assertChartsDrawn(Path index, Path scratch) throws Exception {
    if (!Chromium.available()) {
      return;
    }
    String dom = Chromium.run(scratch, "--dump-dom", index.toUri() + "?charts=all");
    PageDom.assertEveryChartDrawn(dom, "every chart drawn");
    assertTrue(Pattern.compile("<div id=\"benchmark-profile\"[^>]*data-rendered=\"true\"")
        .matcher(dom).find(), "performance profile drawn");
  }
}
