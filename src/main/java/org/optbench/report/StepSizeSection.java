package org.optbench.report;

import java.util.List;
import org.optbench.io.StepSeries;

/**
 * The learning rate each step was given (base lr × schedule factor) beside the step size the
 * optimizer applied. They differ where the optimizer scales its step itself: Adafactor's
 * αₜ = ρₜ·max(ε₂, RMS(X)) (Shazeer &amp; Stern 2018, Alg. 4) moves with the parameters' scale while
 * the configured lr stays constant, so a printout of the lr says little about the update. So do
 * Prodigy's and D-Adaptation's d·lr, d their learnt estimate of the distance to the solution,
 * and a Schedule-Free step, which moves its training point by lrₜ·(1 − β1·(1 − cₜ)) along the
 * direction (Defazio et al. 2024), falling from lr towards lr·(1 − β1) as the averaging weight
 * cₜ does.
 */
final class StepSizeSection implements ReportSection {

  /** Relative difference above which a step size counts as different from the lr. */
  static final double DIFFERENT = 1e-6;

  @Override
  public String id() {
    return "step-size";
  }

  @Override
  public String title() {
    return "Learning rate and step size";
  }

  /**
   * Only when something moves: a schedule that changes the lr, or an optimizer whose step differs
   * from it. Flat lines at the configured lr say nothing the legend does not.
   */
  @Override
  public boolean appliesTo(ReportContext context) {
    StepSeries steps = context.results().steps();
    for (CellInfo c : context.cells()) {
      List<String> runs = context.runsOf(c.cell());
      if (changes(steps, runs) || differs(steps, runs)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the learning rate of any of these runs changes from one step to another. */
  static boolean changes(StepSeries steps, List<String> runIds) {
    return anyStep(steps, runIds, (run, i) -> {
      float[] rate = run.values("learning_rate");
      return apart(rate[i], rate[0]);
    });
  }

  @Override
  public String html(ReportContext context) {
    StringBuilder html = new StringBuilder();
    boolean anyDifferent = false;
    int index = 1;
    for (List<CellInfo> group : context.workloads().values()) {
      String workload = group.get(0).workloadLabel();
      StepSeries steps = context.results().steps();
      boolean different = false;
      boolean changing = false;
      for (CellInfo c : group) {
        different |= differs(steps, context.runsOf(c.cell()));
        changing |= changes(steps, context.runsOf(c.cell()));
      }
      html.append("<div class=\"workload\" data-workload=\"").append(Html.escape(workload))
          .append("\">\n<h3 id=\"step-size-").append(index).append("\">")
          .append(Html.escape(workload)).append("</h3>\n");
      String seeds = BandCaption.of(context, group);
      if (changing) {
        html.append(new SmallMultiples("lr_" + index, workload + ": learning rate",
            "learning rate", true, "Learning rate given to each step: the optimizer's lr times the"
            + " schedule's factor (the factor alone for relative-step Adafactor); settings whose lr"
            + " stays constant are left out. " + seeds)
            .html(context, group, (chart, c) -> {
              if (!changes(steps, context.runsOf(c.cell()))) {
                return; // a flat line at its configured lr: the legend says as much
              }
              chart.cell(c);
              SeedCurves.Curve rate =
                  SeedCurves.of(steps, c.cell(), context.runsOf(c.cell()), "learning_rate");
              chart.band(c.setting(), rate, rate.step(), context.styles().of(c));
            }));
      } else {
        html.append("<p>Every run of this workload kept its configured learning rate at every"
            + " step (constant schedule).</p>\n");
      }
      if (different) {
        html.append(new SmallMultiples("step_size_" + index, workload + ": step size applied",
            "step size", true, "Step size the optimizer applied (steps.csv step_size): for"
            + " Adafactor αₜ = ρₜ·max(ε₂, RMS(X)) per tensor, averaged over tensors weighted by"
            + " their sizes; for prodigy and dadapt_adamw d·lr, d their estimate of the distance"
            + " to the solution; for Schedule-Free lrₜ·(1 − β1·(1 − cₜ)), the training point's"
            + " step along the direction, with cₜ the averaging weight. Only the settings whose"
            + " step differs from their lr are drawn. " + seeds)
            .html(context, group, (chart, c) -> {
              if (!differs(steps, context.runsOf(c.cell()))) {
                return; // applied its lr as given: the learning-rate chart has it
              }
              chart.cell(c);
              SeedCurves.Curve size =
                  SeedCurves.of(steps, c.cell(), context.runsOf(c.cell()), "step_size");
              chart.band(c.setting(), size, size.step(), context.styles().of(c));
            }));
      }
      html.append("</div>\n");
      anyDifferent |= different;
      index++;
    }
    String note = !recorded(context)
        ? "This result set has no step_size column (written before it existed): only the"
            + " learning rate is drawn."
        : anyDifferent
        ? "Where the two differ, the optimizer scales its step itself (Adafactor's relative step"
            + " and parameter scaling, Shazeer &amp; Stern 2018, Alg. 4; the distance estimate d"
            + " of Prodigy and D-Adaptation; Schedule-Free's averaging weight, Defazio et al."
            + " 2024): the printed lr is not the size of the update."
        : "Every run applied its learning rate as given (steps.csv step_size equals"
            + " learning_rate), so only the learning rate is drawn.";
    return "<p class=\"note\">" + note + "</p>\n" + html;
  }

  /** Whether any run of the result set has a finite step size (older result sets have none). */
  private static boolean recorded(ReportContext context) {
    StepSeries steps = context.results().steps();
    for (String id : steps.runIds()) {
      StepSeries.Run run = steps.run(id);
      if (run.size() > 0 && Float.isFinite(run.values("step_size")[0])) {
        return true;
      }
    }
    return false;
  }

  /** Whether any step of these runs applied a step size other than its learning rate. */
  static boolean differs(StepSeries steps, List<String> runIds) {
    return anyStep(steps, runIds,
        (run, i) -> apart(run.values("step_size")[i], run.values("learning_rate")[i]));
  }

  /** A test of step {@code i} of a run. */
  private interface StepTest {
    boolean holds(StepSeries.Run run, int i);
  }

  /** Whether {@code test} holds at some step of some of these runs. */
  private static boolean anyStep(StepSeries steps, List<String> runIds, StepTest test) {
    for (String id : runIds) {
      StepSeries.Run run = steps.run(id);
      for (int i = 0; i < run.size(); i++) {
        if (test.holds(run, i)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether two finite values differ by more than {@link #DIFFERENT} relative to {@code b}. */
  private static boolean apart(float a, float b) {
    return Float.isFinite(a) && Float.isFinite(b) && Math.abs(a - b) > DIFFERENT * Math.abs(b);
  }
}
