package org.optbench.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.optbench.optim.ParamTree;
import org.optbench.optim.Tensor;
import org.optbench.optim.alias.NativeOptimizer;
import org.optbench.optim.alias.NativeOptimizers;
import org.optbench.optim.alias.StateFormula;
import org.optbench.report.ReportTable.Value;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.Cell;
import org.optbench.spec.Component;
import org.optbench.workload.TensorShape;
import org.optbench.workload.Workloads;
import tech.tablesaw.api.Table;

/**
 * Bytes per optimizer for this experiment's models: parameters, gradients (one per parameter) and
 * optimizer state as the engine allocated it ({@code runs.csv}), beside the catalogue's formula
 * evaluated on the model's parameter shapes (from the spec in the manifest); the state of growing
 * matrices, measured on the native optimizers; and, in one sentence ({@link MixedPrecision}), why
 * mixed precision does not change these totals.
 */
final class MemorySection implements ReportSection {

  /** Sides of the square matrices of the state-versus-size chart. */
  static final int[] SIDES = {32, 64, 128, 256, 512, 1024};

  @Override
  public String id() {
    return "memory";
  }

  @Override
  public String title() {
    return "Memory";
  }

  @Override
  public boolean appliesTo(ReportContext context) {
    return !context.cells().isEmpty();
  }

  @Override
  public String html(ReportContext context) {
    Map<String, Cell> specCells = new LinkedHashMap<>();
    context.spec().ifPresent(spec -> spec.cells().forEach(c -> specCells.putIfAbsent(c.label(), c)));
    Table runs = context.results().runs();
    ReportTable bytes =
        new ReportTable(
            "memory",
            "Training memory per optimizer setting (the learning rate allocates nothing, so settings"
                + " that differ only in it share a row): parameters, their gradients (fp32, one per"
                + " parameter, so as many bytes as the parameters) and optimizer state, measured"
                + " (bytes of the arrays the engine's optimizer holds, runs.csv; the same for every"
                + " seed of a cell, so one value: the mean over its runs) and by formula"
                + " (docs/optimizers.md) on this model's parameter shapes; total = 2 × param bytes +"
                + " state; multiple = total / param bytes: SGD 2×, SGD with momentum 3×,"
                + " Adam/AdamW 4×, AMSGrad 5×.",
            List.of(
                "workload",
                "optimizer",
                "parameters",
                "param bytes",
                "state measured",
                "state formula",
                "state by formula",
                "total",
                "multiple"));
    ReportTable factored =
        new ReportTable(
            "factored",
            "Adafactor's factored second moment against Adam's full m and v (8n) on the same model:"
                + " rank ≥ 2 tensors keep a row and a column vector instead of a matrix.",
            List.of("workload", "optimizer", "state", "Adam's 8n", "saved", "saved %"));
    Map<String, Component> optimizers = new LinkedHashMap<>();
    Set<String> shown = new HashSet<>();
    MixedPrecision example = null;
    String exampleText = "";
    for (List<CellInfo> group : context.workloads().values()) {
      String workload = group.get(0).workloadLabel();
      for (CellInfo c : group) {
        double paramCount = RunStats.shared(runs, c.cell(), "param_count");
        double paramBytes = RunStats.shared(runs, c.cell(), "param_bytes");
        double measured = RunStats.shared(runs, c.cell(), "optimizer_state_bytes");
        String optimizer = SettingLabels.withoutLr(SettingLabels.optimizer(c.setting()));
        if (!shown.add(workload + "\u0000" + optimizer + "\u0000" + measured)) {
          continue; // the same optimizer setting at another lr or clip: the same bytes
        }
        Cell cell = specCells.get(c.cell());
        Optional<ParamTree> params = cell == null ? Optional.empty() : params(cell.workload());
        String formulaText = "–";
        double formula = Double.NaN;
        if (cell != null) {
          optimizers.putIfAbsent(optimizer, cell.optimizer());
          try {
            StateFormula f = NativeOptimizers.recipe(cell.optimizer()).stateFormula();
            formulaText = f.text();
            if (params.isPresent()) {
              formula = f.evaluate(params.get());
              formulaText = f.describe(params.get());
            }
          } catch (RuntimeException noNativeRecipe) {
            formulaText = "–";
          }
        }
        double state = Double.isFinite(measured) ? measured : formula;
        double total = 2 * paramBytes + state;
        bytes.row(
            Value.text(workload),
            Value.text(optimizer),
            Value.integer((long) paramCount),
            Value.bytes(paramBytes),
            Value.bytes(measured),
            Value.text(formulaText),
            Value.bytes(formula),
            Value.bytes(total),
            Value.of(Numbers.format(total / paramBytes) + "×", total / paramBytes));
        double n = paramCount;
        // The example of the mixed-precision sentence: the largest model, then the most state.
        if (Double.isFinite(state)
            && (example == null
                || n > example.n()
                || (n == example.n() && state > example.state()))) {
          example = new MixedPrecision(n, state);
          exampleText = workload + " (n = " + (long) n + ") with " + optimizer;
        }
        if (Styles.optimizerName(c).startsWith("adafactor")) {
          double adam = 8 * n;
          factored.row(
              Value.text(workload),
              Value.text(optimizer),
              Value.bytes(state),
              Value.bytes(adam),
              Value.bytes(adam - state),
              Value.of(Numbers.format(100 * (adam - state) / adam) + " %", 100 * (adam - state) / adam));
        }
      }
    }
    StringBuilder html = new StringBuilder();
    html.append(context.table(bytes));
    if (example != null) {
      html.append("<p class=\"note\">")
          .append(Html.escape(example.sentence(exampleText)))
          .append("</p>\n");
    }
    if (factored.rowCount() > 0) {
      html.append(context.table(factored));
    }
    growth(context, optimizers).ifPresent(html::append);
    return html.toString();
  }

  /** Zero tensors shaped like the workload's parameters; empty when it cannot be built here. */
  private static Optional<ParamTree> params(Component workload) {
    try {
      List<Tensor> tensors = new ArrayList<>();
      for (TensorShape s : Workloads.create(workload).parameterShapes()) {
        tensors.add(Tensor.zeros(s.name(), s.dims()));
      }
      return Optional.of(ParamTree.of(tensors));
    } catch (RuntimeException unknownHere) {
      return Optional.empty();
    }
  }

  /**
   * State bytes of each optimizer setting (keyed by its label without lr) for one n×n matrix and
   * an n-vector, as the native optimizer allocates them: a measurement of real arrays, independent
   * of the engine. Settings that keep no state (plain SGD) have no point on the log axis and are
   * named in the caption instead.
   */
  private Optional<String> growth(ReportContext context, Map<String, Component> optimizers) {
    Component none = Component.withDefaults(Catalog.require(Axis.CLIP, "none"));
    Component constant = Component.withDefaults(Catalog.require(Axis.SCHEDULE, "constant"));
    Chart chart =
        new Chart("state_growth", "Optimizer state vs model size", "state bytes")
            .xTitle("parameters (n×n matrix + n-vector)")
            .logX();
    chart.yAxis().put("type", "log");
    Set<String> names = new HashSet<>();
    List<String> stateless = new ArrayList<>();
    for (Map.Entry<String, Component> e : optimizers.entrySet()) {
      String name = e.getValue().name();
      double[] x = new double[SIDES.length];
      double[] y = new double[SIDES.length];
      try {
        for (int i = 0; i < SIDES.length; i++) {
          int n = SIDES[i];
          ParamTree params =
              ParamTree.of(Tensor.zeros("weight", n, n), Tensor.zeros("bias", n));
          NativeOptimizer opt = NativeOptimizers.create(e.getValue(), none, constant).init(params);
          x[i] = params.numel();
          y[i] = opt.optimizerStateBytes();
        }
      } catch (RuntimeException noNativeRecipe) {
        continue;
      }
      if (java.util.Arrays.stream(y).allMatch(bytes -> bytes == 0)) {
        stateless.add(e.getKey());
        continue;
      }
      // A second setting of the same optimizer (say sgd with and without Nesterov) keeps the
      // name's colour and is told apart by its dash.
      String dash = names.add(name) ? "solid" : "dot";
      chart.line(e.getKey(), x, y, context.styles().colourOfName(name), dash, null, 2);
    }
    if (chart.isEmpty()) {
      return Optional.empty();
    }
    chart.line(
        "parameters (4n)",
        java.util.Arrays.stream(SIDES).mapToDouble(n -> (double) n * n + n).toArray(),
        java.util.Arrays.stream(SIDES).mapToDouble(n -> 4.0 * ((double) n * n + n)).toArray(),
        "#555555",
        "longdash",
        null,
        1);
    return Optional.of(
        context.chart(
            chart,
            "Optimizer state allocated by the native optimizers (optbench.optim) for one n×n matrix"
                + " and an n-vector, n = 32 … 1024, against the parameters' own 4n bytes (grey)."
                + " Factored methods (Adafactor) grow with the matrix side, not its area."
                + (stateless.isEmpty()
                    ? ""
                    : " Not drawn, as they keep no state (0 bytes has no place on a log axis): "
                        + String.join(", ", stateless)
                        + ".")));
  }
}
