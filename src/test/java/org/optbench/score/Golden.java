package org.optbench.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.stream.StreamSupport;

/**
 * Reference values computed by tools/golden/score.py (scipy 1.17, numpy 2.4) and stored in
 * golden-score/score.json.
 */
final class Golden {

  private static JsonNode root;

  private Golden() {}

  static synchronized JsonNode get(String field) {
    if (root == null) {
      try {
        root = new ObjectMapper().readTree(Path.of("src/test/resources/golden-score/score.json").toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return root.get(field);
  }

  /** Numbers, with the strings "inf" and "-inf" for the infinities JSON cannot hold. */
  static double[] doubles(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).mapToDouble(Golden::number).toArray();
  }

  static double[][] matrix(JsonNode rows) {
    return StreamSupport.stream(rows.spliterator(), false).map(Golden::doubles).toArray(double[][]::new);
  }

  private static double number(JsonNode v) {
    if (v.isTextual()) {
      return switch (v.asText()) {
        case "inf" -> Double.POSITIVE_INFINITY;
        case "-inf" -> Double.NEGATIVE_INFINITY;
        default -> throw new IllegalArgumentException("not a number: " + v);
      };
    }
    return v.asDouble();
  }
}
