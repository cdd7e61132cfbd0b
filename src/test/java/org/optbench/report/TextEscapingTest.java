package org.optbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Html#escape} and {@link ChartText#sanitize}. */
class TextEscapingTest {

  @Test
  void htmlEscapesTheFiveSpecialCharacters() {
    assertEquals(
        "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;",
        Html.escape("<script>alert(\"x\" & 'y')</script>"));
    assertEquals("sgd(lr=0.1) · none", Html.escape("sgd(lr=0.1) · none"));
    assertEquals("", Html.escape(null));
  }

  @Test
  void chartTextLeavesNothingThatCanEndAJavaScriptString() {
    String hostile = "a'b\"c\\d<e>f&g\nh\ri\u2028j";
    String safe = ChartText.sanitize(hostile);
    assertEquals("a’b”c∖d‹e›f＆g h i j", safe);
    assertEquals(safe, Html.escape(safe), "nothing left for jsplot's HTML escaping to change");
    assertEquals(
        "adam(lr=0.001) · global_norm(max_norm=1.0) · djl",
        ChartText.sanitize("adam(lr=0.001) · global_norm(max_norm=1.0) · djl"));
  }
}
