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

  /**
   * Numbers as floats (nine significant digits are more than a chart can show and halve the page
   * size); non-finite values as {@code null}, which plotly draws as a gap.
   */
  static ArrayNode numbers(double[] values) {
    ArrayNode out = array();
    for (double v : values) {
      if (!Double.isFinite(v)) {
        out.addNull();
      } else if (v == Math.rint(v) && Math.abs(v) < 1e9) {
        out.add((long) v);
      } else {
        out.add((float) v);
      }
    }
    return out;
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
