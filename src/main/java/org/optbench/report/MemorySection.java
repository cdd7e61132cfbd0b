package org.optbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * matrices, measured on the native optimizers; and fp32 against mixed-precision storage.
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
            "Training memory per optimizer: parameters and gradients (fp32, one gradient per"
                + " parameter) and optimizer state, measured (bytes of the arrays the engine's"
                + " optimizer holds, runs.csv; the same for every seed of a cell, so one value: the"
                + " mean over its runs) and by formula (docs/optimizers.md)"
                + " on this model's parameter shapes; multiple = (params + grads + state) / params:"
                + " SGD 2×, SGD with momentum 3×, Adam/AdamW 4×, AMSGrad 5×.",
            List.of(
                "workload",
                "optimizer",
                "parameters",
                "param bytes",
                "grad bytes",
                "state measured",
                "state formula",
                "state by formula",
                "total",
                "multiple"));
    ReportTable mixed =
        new ReportTable(
            "precision",
            "fp32 against mixed-precision (fp16 or bf16) storage, computed from the counts above:"
                + " mixed precision keeps 2-byte parameters and gradients for the forward and backward"
                + " pass, an fp32 master copy of the parameters (4n) that the optimizer updates, and"
                + " fp32 optimizer state. It saves on activations and bandwidth, not on this"
                + " accounting: the master copy offsets the halved parameters and gradients.",
            List.of(
                "workload",
                "optimizer",
                "fp32: params + grads + state",
                "mixed: 2n params + 2n grads",
                "mixed: fp32 master (4n)",
                "mixed: state (fp32)",
                "mixed total",
                "mixed / fp32"));
    ReportTable factored =
        new ReportTable(
            "factored",
            "Adafactor's factored second moment against Adam's full m and v (8n) on the same model:"
                + " rank ≥ 2 tensors keep a row and a column vector instead of a matrix.",
            List.of("workload", "optimizer", "state", "Adam's 8n", "saved", "saved %"));
    Map<String, Component> optimizers = new LinkedHashMap<>();
    for (List<CellInfo> group : context.workloads().values()) {
      String workload = group.get(0).workloadLabel();
      Map<String, CellInfo> byOptimizer = new LinkedHashMap<>();
      group.forEach(c -> byOptimizer.putIfAbsent(c.optimizerKey(), c));
      for (CellInfo c : byOptimizer.values()) {
        double paramCount = RunStats.shared(runs, c.cell(), "param_count");
        double paramBytes = RunStats.shared(runs, c.cell(), "param_bytes");
        double measured = RunStats.shared(runs, c.cell(), "optimizer_state_bytes");
        Cell cell = specCells.get(c.cell());
        Optional<ParamTree> params = cell == null ? Optional.empty() : params(cell.workload());
        String formulaText = "–";
        double formula = Double.NaN;
        if (cell != null) {
          optimizers.putIfAbsent(c.optimizerKey(), cell.optimizer());
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
        String optimizer = optimizerLabel(c);
        bytes.row(
            Value.text(workload),
            Value.text(optimizer),
            Value.integer((long) paramCount),
            Value.bytes(paramBytes),
            Value.bytes(paramBytes),
            Value.bytes(measured),
            Value.text(formulaText),
            Value.bytes(formula),
            Value.bytes(total),
            Value.of(Numbers.format(total / paramBytes) + "×", total / paramBytes));
        double n = paramCount;
        double mixedTotal = 2 * n + 2 * n + 4 * n + state;
        mixed.row(
            Value.text(workload),
            Value.text(optimizer),
            Value.bytes(total),
            Value.bytes(4 * n),
            Value.bytes(4 * n),
            Value.bytes(state),
            Value.bytes(mixedTotal),
            Value.number(mixedTotal / total));
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
    if (factored.rowCount() > 0) {
      html.append(context.table(factored));
    }
    html.append(context.table(mixed));
    growth(context, optimizers).ifPresent(html::append);
    return html.toString();
  }

  /** The optimizer part of a cell's setting, e.g. {@code adam(lr=0.01)}. */
  private static String optimizerLabel(CellInfo c) {
    int split = c.setting().indexOf(" · ");
    return split < 0 ? c.setting() : c.setting().substring(0, split);
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
   * State bytes of each optimizer for one n×n matrix and an n-vector, as the native optimizer
   * allocates them: a measurement of real arrays, independent of the engine.
   */
  private Optional<String> growth(ReportContext context, Map<String, Component> optimizers) {
    Component none = Component.withDefaults(Catalog.require(Axis.CLIP, "none"));
    Component constant = Component.withDefaults(Catalog.require(Axis.SCHEDULE, "constant"));
    Chart chart =
        new Chart("state_growth", "Optimizer state vs model size", "state bytes")
            .xTitle("parameters (n×n matrix + n-vector)")
            .logX();
    chart.yAxis().put("type", "log");
    Map<String, String> seen = new LinkedHashMap<>();
    for (Map.Entry<String, Component> e : optimizers.entrySet()) {
      String name = e.getValue().name();
      if (seen.containsKey(name)) {
        continue; // one line per optimizer name: lr and the like do not change the state
      }
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
      seen.put(name, e.getKey());
      String colour = context.styles().colourOfName(name);
      chart.line(name, x, y, colour, "solid", null, 2);
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
        context.chart(chart, 
            "Optimizer state allocated by the native optimizers (optbench.optim) for one n×n matrix"
                + " and an n-vector, n = 32 … 1024, against the parameters' own 4n bytes (grey)."
                + " Factored methods (Adafactor) grow with the matrix side, not its area."));
  }
}
