package org.optbench.cli;

import java.util.concurrent.Callable;
import org.optbench.spec.Axis;
import org.optbench.spec.Catalog;
import org.optbench.spec.ComponentDef;
import org.optbench.spec.ParamDef;
import org.optbench.spec.PresetDef;
import picocli.CommandLine.Command;

/** {@code list}: every workload, optimizer, clipping method and schedule with its hyperparameters. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List workloads, optimizers, clipping methods and schedules with their defaults.")
final class ListCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    for (Axis axis : Axis.values()) {
      System.out.println(heading(axis));
      for (ComponentDef def : Catalog.components(axis)) {
        System.out.printf("  %-20s %s%n", def.name(), def.summary());
        if (!def.reference().equals("-")) {
          System.out.printf("  %-20s reference: %s%n", "", def.reference());
        }
        for (ParamDef param : def.params()) {
          System.out.printf(
              "      %-26s %-17s default %-12s %s%s%n",
              param.name(),
              param.type().label(),
              param.required() ? "(required)" : String.valueOf(param.defaultValue()),
              param.description(),
              constraint(param));
        }
      }
      Catalog.unsupported(axis).forEach((name, reason) ->
          System.out.printf("  %-20s not supported: %s%n", name, reason));
      System.out.println();
    }
    System.out.println("presets (grid.optimizer[].preset; fix optimizer, clip and schedule together)");
    for (PresetDef preset : PresetDef.ALL) {
      System.out.printf("  %-20s %s%n  %-20s reference: %s%n", preset.name(), preset.summary(), "",
          preset.reference());
      System.out.printf("      %s · %s · %s%n", preset.optimizer().label(), preset.clip().label(),
          preset.schedule().label());
    }
    System.out.println();
    System.out.println("engines: " + String.join(", ", Catalog.ENGINES));
    return ExitCodes.OK;
  }

  private static String heading(Axis axis) {
    return switch (axis) {
      case WORKLOAD -> "workloads (spec key: workloads[].model)";
      case OPTIMIZER -> "optimizers (grid.optimizer[].name)";
      case CLIP -> "clipping methods (grid.clip[].name)";
      case SCHEDULE -> "schedules (grid.schedule[].name)";
    };
  }

  private static String constraint(ParamDef param) {
    if (!param.choices().isEmpty()) {
      return "; one of " + String.join(", ", param.choices());
    }
    String range = param.range().describe();
    return range.equals("any finite number") ? "" : "; " + range;
  }
}
