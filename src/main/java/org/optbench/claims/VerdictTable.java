package org.optbench.claims;

import java.util.List;

/** Verdicts as text: a console block and a Markdown table for docs. */
public final class VerdictTable {

  private VerdictTable() {}

  /** One line per claim for the console: verdict, claim, numbers. */
  public static String console(List<ClaimResult> results) {
    StringBuilder text = new StringBuilder();
    for (ClaimResult result : results) {
      text.append(String.format("  [%s] %s%n      %s%n      %s%n", result.verdict().label(),
          result.claim().claim(), result.claim().checkText(), result.numbers()));
    }
    return text.toString();
  }

  /** A Markdown table row per claim, preceded by the experiment's name. */
  public static String markdownRows(String experiment, List<ClaimResult> results) {
    StringBuilder rows = new StringBuilder();
    for (ClaimResult result : results) {
      rows.append("| ").append(cell(experiment))
          .append(" | ").append(cell(result.claim().claim()))
          .append(" | ").append(cell(result.claim().source()))
          .append(" | **").append(result.verdict().label()).append("**")
          .append(" | ").append(cell(result.numbers()))
          .append(" |\n");
    }
    return rows.toString();
  }

  /** The header of the Markdown table. */
  public static String markdownHeader() {
    return "| experiment | claim | source | verdict | numbers |\n| --- | --- | --- | --- | --- |\n";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
