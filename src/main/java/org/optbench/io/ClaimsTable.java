package org.optbench.io;

import static tech.tablesaw.api.ColumnType.STRING;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code claims.csv}: claims a spec makes about its results (from a paper, or a hypothesis), each
 * with the check that decides it and the verdict the check reached. Optional: a result set without
 * claims has no such file, and the report then has no claims section.
 *
 * <pre>
 * claim,source,check,verdict,numbers
 * "Adam beats SGD",Kingma &amp; Ba 2015 §6.2,median(final_loss | optimizer=adam) &lt; median(final_loss | optimizer=sgd),reproduced,"..."
 * </pre>
 *
 * <p>Columns, all text: {@code claim} (the statement, as a reader would quote it), {@code source}
 * (where it comes from: paper, figure, equation), {@code check} (what was computed to decide it),
 * {@code verdict} (one of {@link #VERDICTS}) and {@code numbers} (the measured values behind the
 * verdict, free text). Columns a later version adds are read as text and kept.
 */
public final class ClaimsTable {

  public static final String FILE = "claims.csv";

  /** The columns of {@code claims.csv}, in file order. */
  public static final ColumnSchema SCHEMA =
      ColumnSchema.builder()
          .add("claim", STRING, "the claim as the spec states it")
          .add("source", STRING, "where the claim comes from (a paper, an article)")
          .add("check", STRING, "the check that decides the claim (docs/claims.md)")
          .add("verdict", STRING, "reproduced, not reproduced or inconclusive")
          .add("numbers", STRING, "the measured values behind the verdict, as text")
          .build();

  /**
   * Verdicts the report knows how to show (see docs/claims.md): the claim held at both ends of
   * the seed bands, failed at both, or could not be decided with the data at hand.
   */
  public static final List<String> VERDICTS =
      List.of("reproduced", "not reproduced", "inconclusive");

  private ClaimsTable() {}

  /** One row per claim, in the given order. */
  public static Table of(
      List<String> claim,
      List<String> source,
      List<String> check,
      List<String> verdict,
      List<String> numbers) {
    return Table.create(
        FILE,
        StringColumn.create("claim", claim),
        StringColumn.create("source", source),
        StringColumn.create("check", check),
        StringColumn.create("verdict", verdict),
        StringColumn.create("numbers", numbers));
  }

  /** Writes {@code claims} to {@code resultsDir/claims.csv}, atomically. */
  public static void write(Table claims, Path resultsDir) throws IOException {
    Csv.write(claims, resultsDir.resolve(FILE));
  }

  /**
   * The claims of the result set in {@code resultsDir}, if it has a {@code claims.csv}.
   *
   * @throws ResultSetException when the file is damaged, naming the line and column
   */
  public static Optional<Table> read(Path resultsDir) {
    return ResultSetCheck.optionalTable(
        resultsDir, FILE, SCHEMA, null, Remedies.forFolder(resultsDir));
  }
}
