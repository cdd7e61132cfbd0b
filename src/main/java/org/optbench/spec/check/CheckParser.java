package org.optbench.spec.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser of the check language. Grammar, loosest binding first:
 *
 * <pre>
 *   check      := or
 *   or         := and ("or" and)*
 *   and        := not ("and" not)*
 *   not        := "not" not | within | comparison
 *   within     := "within" "(" sum "," sum "," NUMBER "%"? ")"
 *   comparison := sum (("&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "==" | "!=") sum)?
 *   sum        := product (("+" | "-") product)*
 *   product    := unary (("*" | "/") unary)*
 *   unary      := "-" unary | primary
 *   primary    := NUMBER | "(" or ")" | FUNCTION "(" NAME ("|" filter ("," filter)*)? ")"
 *   filter     := NAME ("=" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=") VALUE
 * </pre>
 *
 * A VALUE is a run of letters, digits and {@code _ . + - :}, or text in single or double quotes.
 * The whole check must be true/false-valued.
 */
public final class CheckParser {

  private static final Set<String> COMPARISONS = Set.of("<", "<=", ">", ">=", "==", "!=");

  private final String text;
  private int pos;

  private CheckParser(String text) {
    this.text = text;
  }

  /** Parses a check; the result is a comparison or a logical combination of comparisons. */
  public static CheckExpr parse(String text) throws CheckSyntaxException {
    CheckParser parser = new CheckParser(text);
    CheckExpr expr = parser.or();
    parser.skipSpace();
    if (parser.pos < text.length()) {
      throw new CheckSyntaxException(parser.pos, "unexpected '" + text.substring(parser.pos)
          + "'; a check ends after its comparison");
    }
    if (!expr.isBoolean()) {
      throw new CheckSyntaxException(0, "a check must compare, e.g. "
          + "median(final_loss | optimizer=adam) < median(final_loss | optimizer=sgd)");
    }
    return expr;
  }

  private CheckExpr or() throws CheckSyntaxException {
    CheckExpr left = and();
    while (keyword("or")) {
      left = new CheckExpr.Logical("or", bool(left), bool(and()));
    }
    return left;
  }

  private CheckExpr and() throws CheckSyntaxException {
    CheckExpr left = not();
    while (keyword("and")) {
      left = new CheckExpr.Logical("and", bool(left), bool(not()));
    }
    return left;
  }

  private CheckExpr not() throws CheckSyntaxException {
    if (keyword("not")) {
      return new CheckExpr.Not(bool(not()));
    }
    if (keyword("within")) {
      return within();
    }
    return comparison();
  }

  private CheckExpr comparison() throws CheckSyntaxException {
    CheckExpr left = sum();
    skipSpace();
    for (String op : List.of("<=", ">=", "==", "!=", "<", ">")) {
      if (text.startsWith(op, pos)) {
        pos += op.length();
        CheckExpr right = sum();
        skipSpace();
        if (pos < text.length() && "<>=!".indexOf(text.charAt(pos)) >= 0) {
          throw new CheckSyntaxException(pos, "comparisons cannot be chained; join them with and");
        }
        return new CheckExpr.Comparison(op, left, right);
      }
    }
    return left;
  }

  /** After the keyword: {@code (a, b, 5%)} or {@code (a, b, 0.01)}. */
  private CheckExpr within() throws CheckSyntaxException {
    expect('(');
    CheckExpr left = number(sum());
    expect(',');
    CheckExpr right = number(sum());
    skipSpace();
    if (peek(')')) {
      throw new CheckSyntaxException(pos,
          "within(a, b, margin) needs a positive margin such as 5% or 0.01 as its third argument");
    }
    expect(',');
    skipSpace();
    int at = pos;
    if (!(pos < text.length() && (Character.isDigit(text.charAt(pos)) || peek('.')))) {
      throw new CheckSyntaxException(at,
          "within(a, b, margin) needs a positive margin such as 5% or 0.01 as its third argument");
    }
    double margin = ((CheckExpr.Number) numberLiteral()).value();
    boolean relative = consume('%');
    if (!(margin > 0) || !Double.isFinite(margin)) {
      throw new CheckSyntaxException(at,
          "the equivalence margin must be positive, got " + text.substring(at, pos).strip()
              + "; e.g. within(a, b, 5%)");
    }
    expect(')');
    return new CheckExpr.Within(left, right, relative ? margin / 100 : margin, relative);
  }

  private CheckExpr sum() throws CheckSyntaxException {
    CheckExpr left = product();
    while (true) {
      skipSpace();
      if (peek('+') || peek('-')) {
        char op = text.charAt(pos++);
        left = new CheckExpr.Arithmetic(op, number(left), number(product()));
      } else {
        return left;
      }
    }
  }

  private CheckExpr product() throws CheckSyntaxException {
    CheckExpr left = unary();
    while (true) {
      skipSpace();
      if (peek('*') || peek('/')) {
        char op = text.charAt(pos++);
        left = new CheckExpr.Arithmetic(op, number(left), number(unary()));
      } else {
        return left;
      }
    }
  }

  private CheckExpr unary() throws CheckSyntaxException {
    skipSpace();
    if (peek('-')) {
      pos++;
      return new CheckExpr.Negation(number(unary()));
    }
    return primary();
  }

  private CheckExpr primary() throws CheckSyntaxException {
    skipSpace();
    int start = pos;
    if (peek('(')) {
      pos++;
      CheckExpr inner = or();
      expect(')');
      return inner;
    }
    if (pos < text.length() && (Character.isDigit(text.charAt(pos)) || peek('.'))) {
      return numberLiteral();
    }
    String name = name();
    if (name.isEmpty()) {
      throw new CheckSyntaxException(start, pos < text.length()
          ? "expected a number, '(' or an aggregate such as median(final_loss), got '"
              + text.charAt(pos) + "'"
          : "the check ends too early; expected a number or an aggregate");
    }
    if (!CheckExpr.FUNCTIONS.contains(name)) {
      throw new CheckSyntaxException(start, "unknown function '" + name + "'; known: "
          + String.join(", ", CheckExpr.FUNCTIONS));
    }
    expect('(');
    skipSpace();
    int metricAt = pos;
    String metric = name();
    if (metric.isEmpty()) {
      throw new CheckSyntaxException(metricAt, name + "( needs a column name, e.g. " + name
          + "(final_loss)");
    }
    List<CheckExpr.Filter> filters = new ArrayList<>();
    skipSpace();
    if (peek('|')) {
      pos++;
      do {
        filters.add(filter());
        skipSpace();
      } while (consume(','));
    }
    expect(')');
    return new CheckExpr.Aggregate(name, metric, filters, text.substring(start, pos).strip());
  }

  private CheckExpr.Filter filter() throws CheckSyntaxException {
    skipSpace();
    int at = pos;
    String column = name();
    if (column.isEmpty()) {
      throw new CheckSyntaxException(at, "expected a filter such as optimizer=adam");
    }
    skipSpace();
    String op = null;
    for (String candidate : List.of("!=", "<=", ">=", "=", "<", ">")) {
      if (text.startsWith(candidate, pos)) {
        op = candidate;
        pos += candidate.length();
        break;
      }
    }
    if (op == null) {
      throw new CheckSyntaxException(pos, "expected = or != after '" + column + "'");
    }
    skipSpace();
    return new CheckExpr.Filter(column, op, value());
  }

  private String value() throws CheckSyntaxException {
    if (peek('\'') || peek('"')) {
      char quote = text.charAt(pos);
      int end = text.indexOf(quote, pos + 1);
      if (end < 0) {
        throw new CheckSyntaxException(pos, "unterminated quoted value");
      }
      String value = text.substring(pos + 1, end);
      pos = end + 1;
      return value;
    }
    int start = pos;
    while (pos < text.length() && isValueChar(text.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw new CheckSyntaxException(pos, "expected a value after the filter's = or !=");
    }
    return text.substring(start, pos);
  }

  private static boolean isValueChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '+' || c == '-' || c == ':';
  }

  private CheckExpr numberLiteral() throws CheckSyntaxException {
    int start = pos;
    while (pos < text.length()
        && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.'
            || text.charAt(pos) == 'e' || text.charAt(pos) == 'E'
            || ((text.charAt(pos) == '-' || text.charAt(pos) == '+')
                && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E')))) {
      pos++;
    }
    try {
      return new CheckExpr.Number(Double.parseDouble(text.substring(start, pos)));
    } catch (NumberFormatException e) {
      throw new CheckSyntaxException(start, "malformed number '" + text.substring(start, pos) + "'");
    }
  }

  private String name() {
    skipSpace();
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private boolean keyword(String word) {
    skipSpace();
    int end = pos + word.length();
    if (text.startsWith(word, pos)
        && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
      pos = end;
      return true;
    }
    return false;
  }

  private CheckExpr bool(CheckExpr expr) throws CheckSyntaxException {
    if (!expr.isBoolean()) {
      throw new CheckSyntaxException(pos, "and, or and not join comparisons, not numbers");
    }
    return expr;
  }

  private CheckExpr number(CheckExpr expr) throws CheckSyntaxException {
    if (expr.isBoolean()) {
      throw new CheckSyntaxException(pos, "arithmetic needs numbers; put comparisons in and/or");
    }
    return expr;
  }

  private void expect(char c) throws CheckSyntaxException {
    skipSpace();
    if (!consume(c)) {
      throw new CheckSyntaxException(pos, "expected '" + c + "'"
          + (pos < text.length() ? ", got '" + text.charAt(pos) + "'" : " before the end"));
    }
  }

  private boolean consume(char c) {
    skipSpace();
    if (peek(c)) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}
