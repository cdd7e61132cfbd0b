package org.optbench.claims;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.optbench.io.AtomicFiles;
import org.optbench.io.ResultSet;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code claims.csv} beside a result set: claim, source, check, verdict, numbers — one row per
 * claim, rewritten whole (atomically) each time the claims are evaluated.
 */
public final class ClaimsFile {

  public static final String NAME = "claims.csv";

  private ClaimsFile() {}

  /** The verdicts as a table with the columns of claims.csv. */
  public static Table table(List<ClaimResult> results) {
    StringColumn claim = StringColumn.create("claim");
    StringColumn source = StringColumn.create("source");
    StringColumn check = StringColumn.create("check");
    StringColumn verdict = StringColumn.create("verdict");
    StringColumn numbers = StringColumn.create("numbers");
    for (ClaimResult result : results) {
      claim.append(result.claim().claim());
      source.append(result.claim().source());
      check.append(result.claim().checkText());
      verdict.append(result.verdict().label());
      numbers.append(result.numbers());
    }
    return Table.create(NAME, claim, source, check, verdict, numbers);
  }

  /** Evaluates and writes the claims of a published result set; returns the verdicts. */
  public static List<ClaimResult> evaluateAndWrite(
      Path resultsDir, List<org.optbench.spec.Claim> claims) throws IOException {
    List<ClaimResult> results = new ClaimEvaluator(ResultSet.read(resultsDir)).evaluate(claims);
    Table table = table(results);
    AtomicFiles.write(resultsDir.resolve(NAME), temp -> table.write().csv(temp.toFile()));
    return results;
  }
}
