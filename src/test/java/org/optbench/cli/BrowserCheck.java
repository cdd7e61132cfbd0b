package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
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
    Matcher errors = Pattern.compile("<pre id=\"js-errors\"[^>]*>([^<]*)</pre>").matcher(dom);
    assertTrue(errors.find(), "error log element");
    assertEquals("", errors.group(1).strip(), "JavaScript errors");
    Matcher total = Pattern.compile("data-charts=\"(\\d+)\"").matcher(dom);
    Matcher rendered = Pattern.compile("data-charts-rendered=\"(\\d+)\"").matcher(dom);
    assertTrue(total.find() && rendered.find(), "chart counters");
    assertEquals(total.group(1), rendered.group(1), "every chart drawn");
    assertTrue(Pattern.compile("<div id=\"benchmark-profile\"[^>]*data-rendered=\"true\"")
        .matcher(dom).find(), "performance profile drawn");
  }
}
