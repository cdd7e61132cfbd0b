package org.optbench.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optbench.spec.check.CheckExpr;
import org.optbench.spec.check.CheckParser;
import org.optbench.spec.check.CheckSyntaxException;

/** The check language's grammar, and where its syntax errors point. */
class CheckParserTest {

  @Test
  void withinParsesAbsoluteAndRelativeMargins() throws Exception {
    CheckExpr.Within relative = assertInstanceOf(CheckExpr.Within.class,
        CheckParser.parse("within(median(final_loss | optimizer=adam), median(final_loss | optimizer=yogi), 5%)"));
    assertEquals(0.05, relative.margin(), 1e-15);
    assertEquals(true, relative.relative());
    CheckExpr.Within absolute = assertInstanceOf(CheckExpr.Within.class,
        CheckParser.parse("within(mean(final_loss), 0.3, 0.01)"));
    assertEquals(0.01, absolute.margin(), 1e-15);
    assertEquals(false, absolute.relative());
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "within(mean(final_loss), 0.3, 0%)", "within(mean(final_loss), 0.3, -5%)",
      "within(mean(final_loss), 0.3, 0)", "within(mean(final_loss), 0.3)"})
  void withinRefusesAMarginThatIsNotPositive(String check) {
    CheckSyntaxException e = assertThrows(CheckSyntaxException.class, () -> CheckParser.parse(check));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("margin"), e.getMessage());
  }

  @Test
  void aComparisonOfTwoFilteredMedians() throws Exception {
    CheckExpr expr =
        CheckParser.parse("median(final_loss | optimizer=adam) < median(final_loss | optimizer=sgd)");
    CheckExpr.Comparison comparison = assertInstanceOf(CheckExpr.Comparison.class, expr);
    assertEquals("<", comparison.op());
    CheckExpr.Aggregate left = assertInstanceOf(CheckExpr.Aggregate.class, comparison.left());
    assertEquals("median", left.function());
    assertEquals("final_loss", left.metric());
    assertEquals(List.of(new CheckExpr.Filter("optimizer", "=", "adam")), left.filters());
    assertEquals("median(final_loss | optimizer=adam)", left.text());
  }

  @Test
  void arithmeticBindsTighterThanComparisonAndAndTighterThanOr() throws Exception {
    CheckExpr expr = CheckParser.parse(
        "max(grad_norm_after_clip | clip=global_norm, lr!=0.1) <= 1.0 + 1e-6 or not count(loss) > 2"
            + " and min(loss) >= -2 * 3");
    CheckExpr.Logical or = assertInstanceOf(CheckExpr.Logical.class, expr);
    assertEquals("or", or.op());
    CheckExpr.Comparison first = assertInstanceOf(CheckExpr.Comparison.class, or.left());
    CheckExpr.Arithmetic bound = assertInstanceOf(CheckExpr.Arithmetic.class, first.right());
    assertEquals('+', bound.op());
    assertEquals(new CheckExpr.Number(1e-6), bound.right());
    CheckExpr.Aggregate max = assertInstanceOf(CheckExpr.Aggregate.class, first.left());
    assertEquals(new CheckExpr.Filter("lr", "!=", "0.1"), max.filters().get(1));
    CheckExpr.Logical and = assertInstanceOf(CheckExpr.Logical.class, or.right());
    assertEquals("and", and.op());
    assertInstanceOf(CheckExpr.Not.class, and.left());
  }

  static Stream<Arguments> malformedChecks() {
    return Stream.of(
        Arguments.of("median(final_loss < 1", 18, "expected ')', got '<'"),
        Arguments.of("mean(final_loss) + 1", 0, "a check must compare, e.g. median(final_loss |"
            + " optimizer=adam) < median(final_loss | optimizer=sgd)"),
        Arguments.of("average(final_loss) < 1", 0,
            "unknown function 'average'; known: median, mean, min, max, sum, count, std"),
        Arguments.of("min(loss) < 1 < 2", 14, "comparisons cannot be chained; join them with and"),
        Arguments.of("min(loss | optimizer) < 1", 20, "expected = or != after 'optimizer'"),
        Arguments.of("min(loss) < 1 banana", 14,
            "unexpected 'banana'; a check ends after its comparison"));
  }

  /** Offsets are 0-based positions in the check text, counted by hand. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedChecks")
  void syntaxErrorsPointAtTheProblem(String check, int offset, String message) {
    CheckSyntaxException e = assertThrows(CheckSyntaxException.class, () -> CheckParser.parse(check));
    assertEquals(message, e.getMessage());
    assertEquals(offset, e.offset());
  }
}
