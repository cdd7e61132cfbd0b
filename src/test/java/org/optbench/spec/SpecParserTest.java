package org.optbench.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing valid specs: what the parser fills in and how the grid comes out. */
class SpecParserTest {

  private static final Path QUICKSTART = Path.of("experiments/quickstart.yaml");

  @Test
  void quickstartHasTheGridItsCommentsDescribe() throws SpecException {
    ExperimentSpec spec = SpecParser.parse(QUICKSTART);

    assertEquals("quickstart", spec.name());
    assertEquals(2, spec.workloads().size());
    assertEquals(
        List.of("sgd(lr=0.1,momentum=0.9)", "sgd(lr=0.01,momentum=0.9)", "adam(lr=0.01)",
            "adam(lr=0.001)"),
        spec.optimizers().stream().map(Component::label).toList());
    assertEquals(List.of("none", "global_norm"), spec.clips().stream().map(Component::name).toList());
    assertEquals(List.of("constant"), spec.schedules().stream().map(Component::name).toList());
    assertEquals(List.of(0L, 1L, 2L), spec.seeds());
    assertEquals(List.of("djl"), spec.engines());
    assertEquals(300, spec.steps());
    assertEquals(25, spec.evalEvery());
    // 2 workloads x 4 optimizers x 2 clips x 1 schedule x 3 seeds x 1 engine
    assertEquals(48, spec.cells().size());
  }

  @Test
  void quickstartFillsDefaultsFromTheCatalog() throws SpecException {
    ExperimentSpec spec = SpecParser.parse(QUICKSTART);
    Component sgd = spec.optimizers().get(0);
    Component adam = spec.optimizers().get(2);

    assertEquals(0.0, sgd.number("dampening"));
    assertEquals(false, sgd.flag("nesterov"));
    assertEquals(0.999, adam.number("beta2"));
    assertEquals(1e-8, adam.number("eps"));
    assertEquals(1.0, spec.clips().get(1).number("max_norm"));
    assertEquals(List.of(64), spec.workloads().get(1).integers("hidden"));
    assertEquals(1000, spec.workloads().get(0).integer("train_size"));
  }

  @Test
  void keepsTheSourceAsGivenAndTheTextAsWritten() throws SpecException {
    String text = "name: t\nworkloads: [linear_regression]\nsteps: 5\ngrid: {optimizer: [adam]}\n";
    ExperimentSpec spec = SpecParser.parse(Path.of("experiments/t.yaml"), text);

    assertEquals(Path.of("experiments/t.yaml"), spec.source());
    assertEquals(text, spec.text());
  }

  @Test
  void fillsTopLevelDefaults() throws SpecException {
    ExperimentSpec spec =
        SpecParser.parse(
            Path.of("t.yaml"), "name: t\nworkloads: [mlp]\nsteps: 95\ngrid: {optimizer: [sgd]}\n");

    assertEquals("", spec.description());
    assertEquals(9, spec.evalEvery()); // max(1, 95 / 10)
    assertEquals(List.of(0L), spec.seeds());
    assertEquals(List.of("djl"), spec.engines());
    assertEquals(List.of("none"), spec.clips().stream().map(Component::name).toList());
    assertEquals(List.of("constant"), spec.schedules().stream().map(Component::name).toList());
  }

  @Test
  void evalEveryIsAtLeastOneForShortRuns() throws SpecException {
    ExperimentSpec spec =
        SpecParser.parse(
            Path.of("t.yaml"), "name: t\nworkloads: [mlp]\nsteps: 3\ngrid: {optimizer: [sgd]}\n");

    assertEquals(1, spec.evalEvery());
  }

  @Test
  void acceptsASingleSeedAndASingleEngine() throws SpecException {
    ExperimentSpec spec =
        SpecParser.parse(
            Path.of("t.yaml"),
            "name: t\nworkloads: [mlp]\nsteps: 3\nseeds: 7\nengines: djl\ngrid: {optimizer: [sgd]}\n");

    assertEquals(List.of(7L), spec.seeds());
    assertEquals(List.of("djl"), spec.engines());
  }

  @Test
  void readsExponentsAndIntegersAsFloats() throws SpecException {
    ExperimentSpec spec =
        SpecParser.parse(
            Path.of("t.yaml"),
            "name: t\nworkloads: [mlp]\nsteps: 3\n"
                + "grid: {optimizer: [{name: adam, lr: [1e-3, '2e-4', 1], eps: 1.0e-6}]}\n");

    assertEquals(
        List.of(1e-3, 2e-4, 1.0),
        spec.optimizers().stream().map(o -> o.number("lr")).toList());
    assertEquals(1e-6, spec.optimizers().get(0).number("eps"));
  }

  @Test
  void missingFileIsReportedWithoutALine() {
    Path missing = Path.of("experiments/no-such-spec.yaml");
    SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(missing));

    assertEquals(0, e.line());
    assertEquals(
        "experiments/no-such-spec.yaml: no such file; relative paths start at "
            + Path.of("").toAbsolutePath(),
        e.getMessage());
  }

  @Test
  void textThatIsNotUtf8IsReportedWithoutALine(@TempDir Path dir) throws IOException {
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(latin1));

    assertEquals(latin1 + ": not UTF-8 text; save the spec as UTF-8", e.getMessage());
  }

  @Test
  void aFolderIsNotASpec(@TempDir Path dir) {
    SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(dir));

    assertEquals(0, e.line());
    assertEquals("not a regular file (a folder); give the path of a YAML spec such as"
        + " experiments/quickstart.yaml", e.problem());
  }

  @Test
  void readsSpecFixturesFromFiles() throws SpecException {
    ExperimentSpec spec = SpecParser.parse(Path.of("src/test/resources/specs/full.yaml"));

    assertEquals("full-grid.v2", spec.name());
    assertEquals(List.of(3L, 1L), spec.seeds());
    assertEquals(3, spec.workloads().size());
    assertEquals(6, spec.optimizers().size());
    // 3 workloads x 6 optimizers x 3 clips x 1 schedule x 2 seeds x 1 engine
    assertEquals(108, spec.cells().size());
  }
}
