package org.optbench.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Edit distances counted by hand, and when a hint is offered. */
class SuggestionsTest {

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
    "adam, adam, 0",
    "adma, adam, 1", // one swap of neighbours
    "adm, adam, 1", // one deletion
    "adamw, adam, 1", // one insertion
    "sdg, sgd, 1",
    "stpes, steps, 1",
    "beta3, beta1, 1", // one substitution
    "lion, adam, 4",
    "'', sgd, 3",
  })
  void distance(String a, String b, int expected) {
    assertEquals(expected, Suggestions.distance(a, b));
    assertEquals(expected, Suggestions.distance(b, a));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "adma, ' (did you mean ''adam''?)'",
    "ada, ' (did you mean ''adam''?)'",
    "sdg, ' (did you mean ''sgd''?)'",
    "lion, ''",
    "x, ''", // one letter from anything short is no typo
    "ab, ''", // distance 2 from a two-letter word changes every letter
  })
  void hintsOnlyForNearMisses(String word, String hint) {
    assertEquals(hint, Suggestions.didYouMean(word, List.of("sgd", "adam")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"beta3, beta1", "betas, beta1"})
  void tiesGoToTheNameListedFirst(String word, String expected) {
    assertEquals(
        " (did you mean '" + expected + "'?)",
        Suggestions.didYouMean(word, List.of("lr", "beta1", "beta2", "eps")));
  }
}
