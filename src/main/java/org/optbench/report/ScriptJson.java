package org.optbench.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON that is safe to paste inside an HTML {@code <script>} element: on top of JSON's own string
 * escaping, {@code < > &} and the JavaScript line separators U+2028/2029 are written as {@code
 * \\uXXXX}, so no value can close the script element or break the statement, whatever a spec
 * named its optimizer.
 */
final class ScriptJson {

  private static final ObjectMapper MAPPER = mapper();

  private ScriptJson() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** Significant digits of chart data: more than a chart or its hover label shows (three or four). */
  static final int DIGITS = 5;

  /**
   * Numbers rounded to {@link #DIGITS} significant digits (the exact values are in the result
   * set), integers as integers, non-finite values as {@code null}, which plotly draws as a gap.
   * Five digits instead of a float's nine keep a page of a thousand cells' curves 40% smaller.
   */
  static ArrayNode numbers(double[] values) {
    ArrayNode out = array();
    for (double v : values) {
      if (!Double.isFinite(v)) {
        out.addNull();
      } else if (v == Math.rint(v) && Math.abs(v) < 1e9) {
        out.add((long) v);
      } else {
        out.add((float) rounded(v));
      }
    }
    return out;
  }

  /** {@code v} to {@link #DIGITS} significant digits. */
  static double rounded(double v) {
    if (v == 0) {
      return 0;
    }
    int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
    double scale = Math.pow(10, DIGITS - 1 - exponent);
    double r = Math.round(v * scale) / scale;
    // Past long's range (tiny values), rounding by scale is not possible: keep the value.
    return Double.isFinite(r) && Math.abs(v * scale) < 9e18 ? r : v;
  }

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectMapper mapper() {
    JsonFactory factory = new JsonFactory();
    factory.setCharacterEscapes(new ScriptEscapes());
    return new ObjectMapper(factory);
  }

  private static final class ScriptEscapes extends CharacterEscapes {
    private final int[] ascii = standardAsciiEscapesForJSON();

    ScriptEscapes() {
      ascii['<'] = ESCAPE_STANDARD;
      ascii['>'] = ESCAPE_STANDARD;
      ascii['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      // Non-ASCII characters come here; only the two JavaScript line terminators need escaping.
      return switch (ch) {
        case 0x2028 -> new SerializedString("\\u2028");
        case 0x2029 -> new SerializedString("\\u2029");
        default -> null;
      };
    }
  }
}
