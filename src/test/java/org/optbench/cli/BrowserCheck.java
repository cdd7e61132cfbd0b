package org.optbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a report in headless Chromium and checks that it has no JavaScript error and that plotly
 * drew every chart; does nothing where Chromium is not installed (the report package's browser
 * test says so then).
 */
final class BrowserCheck {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private BrowserCheck() {}

  static void assertChartsDrawn(Path index, Path scratch) throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      return;
    }
    Process p = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--run-all-compositor-stages-before-draw",
        "--virtual-time-budget=30000",
        "--user-data-dir=" + Files.createTempDirectory(scratch, "profile"), "--dump-dom",
        index.toUri() + "?charts=all"))
        .redirectError(scratch.resolve("chromium.err").toFile()).start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
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
