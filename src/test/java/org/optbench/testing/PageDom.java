package org.optbench.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks of a report page's DOM as headless Chromium dumps it after report.js has run: the page
 * writes JavaScript errors into {@code <pre id="js-errors">} and counts its charts on {@code
 * <body data-charts data-charts-rendered>}.
 */
public final class PageDom {

  private PageDom() {}

  /**
   * Asserts that the page logged no JavaScript error and that plotly drew every chart.
   *
   * @return how many charts the page has
   */
  public static int assertEveryChartDrawn(String dom, String what) {
    Matcher errors = Pattern.compile("<pre id=\"js-errors\"[^>]*>([^<]*)</pre>").matcher(dom);
    assertTrue(errors.find(), "error log element");
    assertEquals("", errors.group(1).strip(), "JavaScript errors");
    Matcher total = Pattern.compile("data-charts=\"(\\d+)\"").matcher(dom);
    Matcher rendered = Pattern.compile("data-charts-rendered=\"(\\d+)\"").matcher(dom);
    assertTrue(total.find() && rendered.find(), "chart counters");
    assertEquals(total.group(1), rendered.group(1), what);
    return Integer.parseInt(total.group(1));
  }
}
