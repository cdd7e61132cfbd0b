package org.optbench.report;

import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Hand-made runs.csv tables of a few cells, for tests of what the report makes of them. */
final class CellTables {

  private CellTables() {}

  /**
   * One row per (optimizer setting, clip, seed) on one workload, with the label that {@code
   * Cell.label()} writes and {@code final_loss_avg} from {@code value}.
   */
  static Table runs(List<String> optimizers, List<String> clips, List<Long> seeds,
      ValueOf value) {
    Table t = Table.create("runs",
        StringColumn.create("run_id"), StringColumn.create("cell"), StringColumn.create("workload"),
        StringColumn.create("workload_config"), StringColumn.create("optimizer"),
        StringColumn.create("optimizer_config"), StringColumn.create("clip_method"),
        StringColumn.create("clip_config"), StringColumn.create("schedule"),
        StringColumn.create("engine"), LongColumn.create("seed"),
        BooleanColumn.create("diverged"), DoubleColumn.create("final_loss_avg"),
        DoubleColumn.create("final_eval_loss"));
    int id = 0;
    for (String optimizer : optimizers) {
      for (String clip : clips) {
        for (long seed : seeds) {
          String cell = "mlp · " + optimizer + " · " + clip + " · djl";
          t.stringColumn("run_id").append("r" + id++);
          t.stringColumn("cell").append(cell);
          t.stringColumn("workload").append("mlp");
          t.stringColumn("workload_config").append("hidden=[8]");
          t.stringColumn("optimizer").append(optimizer.replaceAll("\\(.*", ""));
          t.stringColumn("optimizer_config").append(optimizer.replaceAll(".*\\(|\\)", ""));
          t.stringColumn("clip_method").append(clip.replaceAll("\\(.*", ""));
          t.stringColumn("clip_config").append("");
          t.stringColumn("schedule").append("constant");
          t.stringColumn("engine").append("djl");
          t.longColumn("seed").append(seed);
          t.booleanColumn("diverged").append(false);
          t.doubleColumn("final_loss_avg").append(value.of(optimizer, clip, seed));
          t.doubleColumn("final_eval_loss").append(Double.NaN);
        }
      }
    }
    return t;
  }

  /** The metric of one run. */
  interface ValueOf {
    double of(String optimizer, String clip, long seed);
  }
}
