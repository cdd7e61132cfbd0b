package org.optbench.claims;

import java.io.IOException;
import java.util.List;
import org.optbench.io.ClaimsTable;
import org.optbench.io.ResultSet;
import tech.tablesaw.api.Table;

/**
 * {@code claims.csv} beside a result set: claim, source, check, verdict, numbers — one row per
 * claim, rewritten whole (atomically) each time the claims are evaluated.
 */
public final class ClaimsFile {

  public static final String NAME = ClaimsTable.FILE;

  private ClaimsFile() {}

  /** The verdicts as a table with the columns of claims.csv ({@link ClaimsTable#SCHEMA}). */
  public static Table table(List<ClaimResult> results) {
    return ClaimsTable.of(
        results.stream().map(r -> r.claim().claim()).toList(),
        results.stream().map(r -> r.claim().source()).toList(),
        results.stream().map(r -> r.claim().checkText()).toList(),
        results.stream().map(r -> r.verdict().label()).toList(),
        results.stream().map(ClaimResult::numbers).toList());
  }

  /**
   * Evaluates the claims against a published result set, read and checked by {@link
   * ResultSet#read}, and writes its claims.csv; returns the verdicts.
   */
  public static List<ClaimResult> evaluateAndWrite(
      ResultSet resultSet, List<org.optbench.spec.Claim> claims) throws IOException {
    List<ClaimResult> results = new ClaimEvaluator(resultSet).evaluate(claims);
    ClaimsTable.write(table(results), resultSet.dir());
    return results;
  }
}
