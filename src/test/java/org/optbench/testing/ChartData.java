package org.optbench.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The charts of a report page as tests read them: the figure JSON of each chart's data block. */
public final class ChartData {

  /** What opens a chart's data block, up to its id. */
  public static final String OPENING = "<script type=\"application/json\" class=\"chart-data\" data-chart=\"";

  private ChartData() {}

  /** Whether {@code html} has a chart with id {@code id}. */
  public static boolean has(String html, String id) {
    return html.contains(OPENING + id + "\">");
  }

  /** How many charts {@code html} has. */
  public static int count(String html) {
    int n = 0;
    for (int i = html.indexOf(OPENING); i >= 0; i = html.indexOf(OPENING, i + 1)) {
      n++;
    }
    return n;
  }

  /** The JSON text of chart {@code id}'s figure; fails when there is none. */
  public static String text(String html, String id) {
    String start = OPENING + id + "\">";
    int from = html.indexOf(start);
    if (from < 0) {
      throw new AssertionError("no chart " + id);
    }
    from += start.length();
    return html.substring(from, html.indexOf("</script>", from));
  }

  /** The figure of chart {@code id}. */
  public static JsonNode figure(String html, String id) throws IOException {
    return new ObjectMapper().readTree(text(html, id));
  }

  /** The figure of the first chart whose id matches {@code idPattern}. */
  public static JsonNode first(String html, String idPattern) throws IOException {
    Matcher m = Pattern.compile(Pattern.quote(OPENING) + "(" + idPattern + ")\">").matcher(html);
    if (!m.find()) {
      throw new AssertionError("no chart matching " + idPattern);
    }
    return figure(html, m.group(1));
  }
}
