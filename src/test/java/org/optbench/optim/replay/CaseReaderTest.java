package org.optbench.optim.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed cases: each message names the case and the field (torch's ErrorOptimizerInput idea). */
class CaseReaderTest {

  private static final String PARAMS =
      "\"params\":[{\"name\":\"w\",\"shape\":[2],\"values\":[1,2]}]";
  private static final String GRADS = "\"grads\":[[[0.1,0.2]]]";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "unknown optimizer|{\"name\":\"adma\"}|optimizer.name: unknown optimizer 'adma'; known: sgd, adam, adamw, amsgrad, adagrad, rmsprop, yogi, adafactor, adafactor_torch, lion",
    "unknown parameter|{\"name\":\"adam\",\"betas\":[0.9,0.99]}|optimizer.betas: unknown parameter of adam; known: lr, beta1, beta2, eps, weight_decay, amsgrad, impl",
    "wrong type|{\"name\":\"adam\",\"lr\":\"fast\"}|optimizer.lr: expected a number, got string \"fast\"",
    "negative lr|{\"name\":\"sgd\",\"lr\":-0.1}|optimizer.lr: -0.1 is out of range; allowed: > 0",
    "beta of one|{\"name\":\"adam\",\"beta2\":1.0}|optimizer.beta2: 1.0 is out of range; allowed: [0, 1)",
    "zero eps|{\"name\":\"adam\",\"eps\":0}|optimizer.eps: 0.0 is out of range; allowed: > 0",
    "boolean as number|{\"name\":\"adam\",\"amsgrad\":1}|optimizer.amsgrad: expected a boolean, got number 1",
  })
  void badOptimizerIsNamed(String what, String optimizer, String message) {
    String json = "{\"optimizer\":" + optimizer + "," + PARAMS + "," + GRADS + "}";
    var e = assertThrows(ReplayException.class, () -> CaseReader.parse("c.json", json));
    assertEquals("c.json: " + message, e.getMessage());
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
}
