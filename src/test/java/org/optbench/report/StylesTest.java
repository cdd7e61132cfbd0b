package org.optbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Colour encodes what varies among the compared cells; many cells become small multiples. */
class StylesTest {

  /** The first four colours of Okabe and Ito's palette, in its order. */
  private static final List<String> FIRST_FOUR = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7");

  private static List<CellInfo> cells(List<String> optimizers, List<String> clips) {
    return CellInfo.of(CellTables.runs(optimizers, clips, List.of(0L), (o, c, s) -> 1.0));
  }

  @Test
  void fourSettingsOfOneOptimizerGetFourColoursNotFourShades() {
    List<CellInfo> cells = cells(
        List.of("adam(lr=0.1)", "adam(lr=0.01)", "adam(lr=0.001)", "adam(lr=0.0001)"), List.of("none"));
    Styles styles = new Styles(cells);
    assertEquals(FIRST_FOUR, cells.stream().map(styles::colour).toList());
    assertFalse(styles.faceted());
    assertEquals("Colour and marker: optimizer setting.", styles.encoding());
  }

  @Test
  void whenOnlyTheClipVariesColourEncodesTheClip() {
    List<CellInfo> cells = cells(List.of("adam(lr=0.01)"),
        List.of("none", "global_norm(max_norm=1.0)", "value(clip_value=0.5)"));
    Styles styles = new Styles(cells);
    assertEquals(FIRST_FOUR.subList(0, 3), cells.stream().map(styles::colour).toList());
    assertTrue(cells.stream().allMatch(c -> styles.of(c).dash().equals("solid")));
    assertEquals("Colour and marker: clipping.", styles.encoding());
  }

  @Test
  void twoVaryingAxesGiveColourAndDash() {
    List<CellInfo> cells = cells(List.of("sgd(lr=0.1)", "adam(lr=0.01)"),
        List.of("none", "global_norm(max_norm=1.0)"));
    Styles styles = new Styles(cells);
    // Grid order: sgd·none, sgd·global, adam·none, adam·global.
    assertEquals(List.of("#0072B2", "#0072B2", "#D55E00", "#D55E00"),
        cells.stream().map(styles::colour).toList());
    assertEquals(List.of("solid", "dash", "solid", "dash"),
        cells.stream().map(c -> styles.of(c).dash()).toList());
    assertEquals("Colour and marker: optimizer setting; dash pattern: clipping.", styles.encoding());
  }

  @Test
  void moreCellsThanAChartHoldsBecomeOneSmallChartPerValueOfTheLargerAxis() {
    List<String> optimizers = new ArrayList<>();
    IntStream.range(0, 12).forEach(i -> optimizers.add("sgd(lr=0." + (i + 1) + ")"));
    List<CellInfo> cells = cells(optimizers, List.of("none", "global_norm(max_norm=1.0)", "agc(clip_factor=0.01)"));
    assertEquals(36, cells.size());
    Styles styles = new Styles(cells);
    assertTrue(styles.faceted());
    Map<String, List<CellInfo>> facets = styles.facets(cells);
    assertEquals(12, facets.size(), "one small chart per optimizer setting");
    assertEquals(List.of("sgd(lr=0.1)", "sgd(lr=0.2)"), facets.keySet().stream().limit(2).toList());
    facets.values().forEach(f -> assertEquals(3, f.size(), "the three clips in each"));
    // Colour encodes the clip, the same in every small chart.
    for (List<CellInfo> facet : facets.values()) {
      assertEquals(FIRST_FOUR.subList(0, 3), facet.stream().map(styles::colour).toList());
    }
    assertEquals(3, new HashSet<>(cells.stream().map(styles::colour).toList()).size());
    assertEquals("One small chart per optimizer setting, all on the same y axis; colour and"
        + " marker: clipping.", styles.encoding());
  }

  @Test
  void pastEightColoursTheDashPatternTakesOver() {
    List<String> clips = new ArrayList<>();
    IntStream.range(0, 10).forEach(i -> clips.add("value(clip_value=" + (i + 1) + ".0)"));
    List<CellInfo> cells = cells(List.of("sgd(lr=0.1)"), clips);
    Styles styles = new Styles(cells);
    // One axis varies: nothing to split the ten lines by, so one chart holds them.
    assertFalse(styles.faceted());
    Styles.Style first = styles.of(cells.get(0));
    Styles.Style ninth = styles.of(cells.get(8));
    assertEquals(first.colour(), ninth.colour());
    assertEquals("solid", first.dash());
    assertEquals("dash", ninth.dash());
  }
}
