package org.optbench.spec;

import com.fasterxml.jackson.core.JsonLocation;

/**
 * Jackson's parse errors as parts of a one-line message: every file optbench reads as JSON (a
 * manifest, a replay case) reports a syntax error the same way, as the spec parser does for YAML.
 */
public final class ParserMessages {

  private ParserMessages() {}

  /** {@code " at line L, column C"} where the parser stopped, or empty when it does not say. */
  public static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 0
        ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** A parser message fit for one line: whitespace runs joined, long quotes cut. */
  public static String oneLine(String message) {
    String flat =
        String.valueOf(message)
            .replaceAll("\\s+", " ")
            .replaceAll("Source: REDACTED \\([^)]*\\); ", "");
    return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
  }
}
