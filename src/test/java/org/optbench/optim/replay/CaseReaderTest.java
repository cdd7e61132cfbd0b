package org.optbench.optim.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;

/** Malformed cases: each message names the case and the field (torch's ErrorOptimizerInput idea). */
class CaseReaderTest {

  private static final String PARAMS =
      "\"params\":[{\"name\":\"w\",\"shape\":[2],\"values\":[1,2]}]";
  private static final String GRADS = "\"grads\":[[[0.1,0.2]]]";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "unknown parameter|{\"name\":\"adam\",\"betas\":[0.9,0.99]}|optimizer.betas: unknown parameter of adam; known: lr, beta1, beta2, eps, weight_decay, amsgrad, impl",
    "wrong type|{\"name\":\"adam\",\"lr\":\"fast\"}|optimizer.lr: expected a number, got string \"fast\"",
    "negative lr|{\"name\":\"sgd\",\"lr\":-0.1}|optimizer.lr: -0.1 is out of range; allowed: > 0",
    "beta of one|{\"name\":\"adam\",\"beta2\":1.0}|optimizer.beta2: 1.0 is out of range; allowed: [0, 1)",
    "zero eps|{\"name\":\"adam\",\"eps\":0}|optimizer.eps: 0.0 is out of range; allowed: > 0",
    "boolean as number|{\"name\":\"adam\",\"amsgrad\":1}|optimizer.amsgrad: expected a boolean, got number 1",
    "choice not offered|{\"name\":\"adam\",\"impl\":\"fast\"}|optimizer.impl: 'fast' is not one of torch, djl_builtin",
    "choice as number|{\"name\":\"adam\",\"impl\":3}|optimizer.impl: expected a string, got number 3",
    "null where not optional|{\"name\":\"adam\",\"lr\":null}|optimizer.lr: must not be null",
  })
  void badOptimizerIsNamed(String what, String optimizer, String message) {
    String json = "{\"optimizer\":" + optimizer + "," + PARAMS + "," + GRADS + "}";
    var e = assertThrows(ReplayException.class, () -> CaseReader.parse("c.json", json));
    assertEquals("c.json: " + message, e.getMessage());
  }

  @Test
  void unknownOptimizerListsTheRegistry() {
    String json = "{\"optimizer\":{\"name\":\"adma\"}," + PARAMS + "," + GRADS + "}";
    var e = assertThrows(ReplayException.class, () -> CaseReader.parse("c.json", json));
    assertEquals("c.json: optimizer.name: unknown optimizer 'adma'; known: "
        + Catalog.names(Axis.OPTIMIZER), e.getMessage());
  }

  /** A tensor without a name is called param0, param1, ... after its position. */
  @Test
  void unnamedTensorsAreNumbered() throws Exception {
    String json = "{\"optimizer\":{\"name\":\"sgd\"},\"params\":[{\"shape\":[2],"
        + "\"values\":[1,2]}]," + GRADS + "}";
    assertEquals("param0", CaseReader.parse("c.json", json).initial().get(0).name());
  }

  /** The exception names the case and the field apart, for callers that format them. */
  @Test
  void anErrorCarriesTheCaseAndTheField() {
    String json = "{\"optimizer\":{\"name\":\"sgd\",\"lr\":-1}," + PARAMS + "," + GRADS + "}";
    var e = assertThrows(ReplayException.class, () -> CaseReader.parse("c.json", json));
    assertEquals("c.json", e.caseName());
    assertEquals("optimizer.lr", e.field());
    assertEquals("native", ReplayEngines.find("native").orElseThrow().name());
  }

  @Test
  void aChoiceIsReadAsText() throws Exception {
    String json = "{\"optimizer\":{\"name\":\"adam\",\"impl\":\"djl_builtin\"}," + PARAMS
        + "," + GRADS + "}";
    assertEquals("djl_builtin", CaseReader.parse("c.json", json).optimizer().text("impl"));
  }

  /** An optional hyperparameter given as null keeps its meaning (Adafactor: the relative step). */
  @Test
  void nullSetsAnOptionalHyperparameter() throws Exception {
    String json = "{\"optimizer\":{\"name\":\"adafactor\",\"lr\":null,\"beta1\":null},"
        + PARAMS + "," + GRADS + "}";
    ReplayCase c = CaseReader.parse("c.json", json);
    assertEquals(null, c.optimizer().optionalNumber("lr"));
    assertTrue(c.optimizer().flag("relative_step"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "values short|{\"name\":\"w\",\"shape\":[2,2],\"values\":[1,2,3]}|[[1,2,3]]|params[0].values: shape [2, 2] needs 4 values, got 3",
    "grad short|{\"name\":\"w\",\"shape\":[2],\"values\":[1,2]}|[[[1,2]],[[1]]]|grads[1][0]: tensor 'w' has 2 values, got 1",
    "grad per tensor|{\"name\":\"w\",\"shape\":[2],\"values\":[1,2]}|[[[1,2],[3]]]|grads[0]: expected 1 arrays, one per tensor in params",
    "grad not number|{\"name\":\"w\",\"shape\":[2],\"values\":[1,2]}|[[[1,\"x\"]]]|grads[0][0][1]: expected a number, got \"x\"",
  })
  void badTensorsAreNamed(String what, String param, String grads, String message) {
    String json = "{\"optimizer\":{\"name\":\"sgd\"},\"params\":[" + param + "],\"grads\":" + grads + "}";
    var e = assertThrows(ReplayException.class, () -> CaseReader.parse("c.json", json));
    assertEquals("c.json: " + message, e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "unknown clip|{\"name\":\"norm\"}|clip.name: unknown clip 'norm'; known: none, global_norm, value, param_norm, agc, autoclip, zclip, stat, lr_scaled, loss_feedback",
    "bad max_norm|{\"name\":\"global_norm\",\"max_norm\":0}|clip.max_norm: 0.0 is out of range; allowed: > 0",
  })
  void badClipIsNamed(String what, String clip, String message) {
    String json = "{\"optimizer\":{\"name\":\"sgd\"},\"clip\":" + clip + "," + PARAMS + "," + GRADS + "}";
    var e = assertThrows(ReplayException.class, () -> CaseReader.parse("c.json", json));
    assertEquals("c.json: " + message, e.getMessage());
  }

  private static final String SGD = "\"optimizer\":{\"name\":\"sgd\"}";

  static Stream<Arguments> malformedJson() {
    return Stream.of(
        Arguments.of("a shape beyond int",
            "{" + SGD + ",\"params\":[{\"name\":\"w\",\"shape\":[4294967300],"
                + "\"values\":[1,2,3,4]}],\"grads\":[[[1,2,3,4]]]}",
            "params[0].shape[0]: 4294967300 does not fit a 32-bit integer"),
        Arguments.of("a shape whose product overflows an array",
            "{" + SGD + ",\"params\":[{\"name\":\"w\",\"shape\":[65536,65536,2],"
                + "\"values\":[1,2]}],\"grads\":[]}",
            "params[0].shape: shape [65536,65536,2] has more elements than a tensor can hold"
                + " (2147483639)"),
        Arguments.of("5000-deep nesting",
            "{\"optimizer\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
            "(json): nested deeper than 16 levels, which no case needs"),
        Arguments.of("a value beyond float range",
            "{" + SGD + ",\"params\":[{\"name\":\"w\",\"shape\":[2],\"values\":[1e39,2]}],"
                + "\"grads\":[[[1,2]]]}",
            "params[0].values[0]: 1.0E39 does not fit a 32-bit float"),
        Arguments.of("a loss beyond double range",
            "{" + SGD + "," + PARAMS + "," + GRADS + ",\"losses\":[1e400]}",
            "losses[0]: too large to be a finite number"),
        Arguments.of("NaN as a string",
            "{" + SGD + ",\"params\":[{\"name\":\"w\",\"shape\":[2],\"values\":[\"NaN\",2]}],"
                + GRADS + "}",
            "params[0].values[0]: expected a number, got \"NaN\""),
        Arguments.of("a key given twice",
            "{" + SGD + "," + SGD + "," + PARAMS + "," + GRADS + "}",
            "(json): Duplicate field 'optimizer' at line 1, column 40"),
        Arguments.of("text after the case",
            "{" + SGD + "," + PARAMS + "," + GRADS + "} more",
            "(json): Unrecognized token 'more'"),
        Arguments.of("two tensors of one name",
            "{" + SGD + ",\"params\":[{\"name\":\"w\",\"shape\":[1],\"values\":[1]},"
                + "{\"name\":\"w\",\"shape\":[1],\"values\":[2]}],\"grads\":[]}",
            "params[1].name: 'w' names an earlier tensor too; tensor names must differ"),
        Arguments.of("a name that is not text",
            "{" + SGD + ",\"params\":[{\"name\":{\"a\":1},\"shape\":[1],\"values\":[1]}],"
                + "\"grads\":[]}",
            "params[0].name: expected text, got {\"a\":1}"),
        Arguments.of("params null", "{" + SGD + ",\"params\":null," + GRADS + "}",
            "params: required"),
        Arguments.of("an empty file", "", "(json): expected a JSON object"),
        Arguments.of("null", "null", "(json): expected a JSON object"),
        Arguments.of("a cut file", "{" + SGD + "," + PARAMS,
            "(json): Unexpected end-of-input"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedJson")
  void malformedJsonIsNamedNeverCrashes(String what, String json, String message) {
    var e = assertThrows(ReplayException.class, () -> CaseReader.parse("c.json", json));
    assertTrue(e.getMessage().startsWith("c.json: " + message), e.getMessage());
  }

  @TempDir Path dir;

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // opening it would block
  void aPipeIsRefusedBeforeItIsOpened() throws Exception {
    Path fifo = dir.resolve("case.json");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
        "mkfifo available (POSIX)");
    // Opening a FIFO for reading blocks until a writer comes: the check must come first.
    var e = assertThrows(ReplayException.class, () -> CaseReader.read(fifo));
    assertEquals("case.json: (file): " + fifo + " is not a regular file (a pipe, device or"
        + " socket)", e.getMessage());
  }

  @Test
  void aFileOverTheCapIsRefusedUnread() throws Exception {
    Path big = dir.resolve("big.json");
    try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(CaseReader.MAX_BYTES + 1); // sparse: nothing is written
    }
    var e = assertThrows(ReplayException.class, () -> CaseReader.read(big));
    assertEquals("big.json: (file): " + big + " is " + (CaseReader.MAX_BYTES + 1)
        + " bytes, more than the " + CaseReader.MAX_BYTES + " a case file may have",
        e.getMessage());
    assertTrue(Files.size(big) > CaseReader.MAX_BYTES);
  }
}
