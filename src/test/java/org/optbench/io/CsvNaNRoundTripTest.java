package org.optbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * NaN, +Infinity and -Infinity are values and stay visible in the file ("a diverged run's row keeps
 * the non-finite value", README); an empty cell is a value not recorded, which is how earlier
 * versions wrote NaN and still reads as NaN.
 */
class CsvNaNRoundTripTest {

  @TempDir Path dir;

  private static final ColumnSchema SCHEMA =
      new ColumnSchema(java.util.Map.of("label", ColumnType.STRING, "x", ColumnType.DOUBLE));

  @Test
  void nanAndInfinitiesAreWrittenAsTextAndReadBack() throws Exception {
    Table table =
        Table.create(
            "t",
            StringColumn.create("label", "nan", "plus", "minus", ""),
            DoubleColumn.create("x", Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, 0.25));
    Path file = dir.resolve("t.csv");

    Csv.write(table, file);

    assertEquals(
        List.of("label,x", "nan,NaN", "plus,Infinity", "minus,-Infinity", ",0.25"),
        Files.readAllLines(file));
    Table back = read(file);
    DoubleColumn x = back.doubleColumn("x");
    assertTrue(Double.isNaN(x.getDouble(0)));
    assertEquals(Double.POSITIVE_INFINITY, x.getDouble(1));
    assertEquals(Double.NEGATIVE_INFINITY, x.getDouble(2));
    assertEquals(0.25, x.getDouble(3));
    assertTrue(back.stringColumn("label").isMissing(3), "the missing label stays missing");
  }

  @Test
  void anEmptyNumberCellOfAnEarlierVersionReadsAsMissing() throws Exception {
    Path file = dir.resolve("old.csv");
    Files.writeString(file, "label,x\nold,\n");
    Table back = read(file);
    assertTrue(back.doubleColumn("x").isMissing(0));
    assertTrue(Double.isNaN(back.doubleColumn("x").getDouble(0)));
  }

  @Test
  void onlyTheSpellingsJavaWritesAreNumbers() throws Exception {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "label,x\na,nan\n");
    ResultSetException e =
        org.junit.jupiter.api.Assertions.assertThrows(ResultSetException.class, () -> read(file));
    assertEquals(file + ": line 2, column x: 'nan' is not a number (NaN and Infinity are allowed);"
        + " fix it", e.getMessage());
  }

  private static Table read(Path file) {
    return CsvTableReader.read(file, SCHEMA, ReadLimits.TABLE_BYTES, "fix it").table();
  }
}
