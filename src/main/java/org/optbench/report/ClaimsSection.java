package org.optbench.report;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.optbench.io.ClaimsTable;
import org.optbench.report.ReportTable.Value;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/** The spec's claims with their verdicts and numbers, from {@code claims.csv} when present. */
final class ClaimsSection implements ReportSection {

  @Override
  public String id() {
    return "claims";
  }

  @Override
  public String title() {
    return "Claims";
  }

  @Override
  public boolean appliesTo(ReportContext context) {
    return java.nio.file.Files.isRegularFile(context.resultsDir().resolve(ClaimsTable.FILE));
  }

  @Override
  public String html(ReportContext context) throws IOException {
    Optional<Table> claims = ClaimsTable.read(context.resultsDir());
    ReportTable table =
        new ReportTable(
            "claims",
            "Each claim, where it comes from, how it was checked, the verdict and the numbers behind"
                + " it (claims.csv). A comparison of two cells is decided on the mean of their"
                + " per-seed differences with its 95% Student-t interval (90% for within(...), two"
                + " one-sided tests), paired on the seeds both have; where they share none, on"
                + " Welch's interval of the difference of means, and the numbers say unpaired"
                + " (docs/claims.md).",
            List.of("claim", "source", "check", "verdict", "numbers"));
    int pass = 0;
    int total = 0;
    for (Row r : claims.orElseThrow()) {
      String verdict = r.getString("verdict").strip().toLowerCase(Locale.ROOT);
      String css = ClaimsTable.VERDICTS.contains(verdict) ? "verdict-" + verdict.replace(' ', '-') : "";
      pass += verdict.equals("reproduced") ? 1 : 0;
      total++;
      table.row(
          Value.text(r.getString("claim")),
          Value.text(r.getString("source")),
          Value.text(r.getString("check")),
          Value.text(r.getString("verdict")).css(css),
          Value.text(r.getString("numbers")));
    }
    return "<p>" + pass + " of " + total + " claims reproduced.</p>\n" + context.table(table);
  }
}
