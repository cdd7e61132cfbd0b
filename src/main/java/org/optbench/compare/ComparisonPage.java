package org.optbench.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.optbench.compare.Judgement.Verdict;
import org.optbench.report.CompareCell;
import org.optbench.report.CompareCheck;
import org.optbench.report.ComparePage;

/**
 * A comparison as the sections of its HTML page ({@link ComparePage}): each cell under its most
 * severe verdict, regressions first, then changed, missing, improvements and new cells, and the
 * cells with nothing flagged last. Within a section, cells with more flagged metrics come first,
 * then those with the larger relative change |current − baseline| / |baseline| (a change from
 * zero, such as a first diverged seed, counts as the largest).
 */
final class ComparisonPage {

  /** Verdicts by severity: the order of the page's sections and of a cell's findings. */
  static final List<Verdict> SEVERITY =
      List.of(Verdict.REGRESSION, Verdict.CHANGED, Verdict.MISSING, Verdict.IMPROVEMENT, Verdict.NEW);

  private static final String RULES = "Runs are matched by cell and seed; seeds are paired by"
      + " design (same data, initial weights and batch order). When both result sets come from one"
      + " bit-reproducible code path (one libtorch thread, same libtorch, DJL and Java versions,"
      + " same cpu and os), every seed must reproduce its baseline value: a cell whose every"
      + " changed seed got worse is a regression, every changed seed better an improvement, seeds"
      + " changed both ways are “changed”; all three fail the check, since a path that reproduced"
      + " no longer does (accept an intended change with baseline update). Otherwise the mean"
      + " per-seed change current − baseline, signed so that positive is worse, gets a 95%"
      + " Student-t interval (paired; Welch's when no seed is shared), and the cell regresses only"
      + " when the whole interval lies beyond the metric's practical margin max(atol,"
      + " rtol·|baseline mean|), improves when it lies entirely beyond the margin on the better"
      + " side. A seed that diverges now but did not before is a regression in both cases; a seed"
      + " whose value is NaN on either side is left out of that metric. Optimizer state bytes must"
      + " match exactly; steps/s is judged, if a spec asks, only relative to the median of its own"
      + " result set. Steps to target: the first step whose training loss, smoothed by a"
      + " bias-corrected moving average (β = 0.9), is at or below the baseline cell's target"
      + " L_final + 0.25·(L_first − L_final) (seed means), steps + 1 when never. A baseline cell or"
      + " seed without a run here is missing (see README, “Nightly regression checks”).";

  private ComparisonPage() {}

  /** The page of {@code c}, which compared {@code current} with {@code baseline}. */
  static String html(Comparison c, Path baseline, Path current) throws IOException {
    return ComparePage.html(content(c, baseline, current));
  }

  /** What the page of {@code c} shows. */
  static ComparePage.Content content(Comparison c, Path baseline, Path current) {
    Map<Verdict, List<ComparedCell>> flagged = new EnumMap<>(Verdict.class);
    List<CompareCell> quiet = new ArrayList<>();
    for (ComparedCell cell : c.cells()) {
      Verdict worst = worst(cell);
      if (worst == Verdict.OK) {
        quiet.add(view(cell));
      } else {
        flagged.computeIfAbsent(worst, v -> new ArrayList<>()).add(cell);
      }
    }
    List<ComparePage.Section> sections = new ArrayList<>();
    for (Verdict v : SEVERITY) {
      List<ComparedCell> cells = new ArrayList<>(flagged.getOrDefault(v, List.of()));
      cells.sort(bySeverity(v));
      sections.add(new ComparePage.Section(sectionId(v), title(v), note(v),
          v == Verdict.REGRESSION || v == Verdict.CHANGED,
          cells.stream().map(ComparisonPage::view).toList()));
    }
    return new ComparePage.Content(c.experiment(), new ComparePage.Sources(baseline, current),
        new ComparePage.Headline(c.failures() == 0, verdict(c), ComparisonReport.mode(c)),
        sections, quiet, RULES);
  }

  /**
   * E.g. "Fails (exit 1): 2 regressions, 1 changed, 0 missing, 0 improvements, 0 new cells; 7,127
   * unchanged or within margin, of 7,130 checks in 310 cells".
   */
  static String verdict(Comparison c) {
    long cells = c.cells().size();
    return String.format(Locale.ROOT,
        "%s %,d regressions, %,d changed, %,d missing, %,d improvements, %,d new cells; %,d"
            + " unchanged or within margin, of %,d checks in %,d cells",
        c.failures() == 0 ? "No regression:" : "Fails (exit 1):",
        c.count(Verdict.REGRESSION), c.count(Verdict.CHANGED), c.count(Verdict.MISSING),
        c.count(Verdict.IMPROVEMENT), c.count(Verdict.NEW), c.count(Verdict.OK),
        c.findings().size(), cells);
  }

  /** The cell's most severe verdict, OK when nothing is flagged. */
  static Verdict worst(ComparedCell cell) {
    return cell.findings().stream().map(Finding::verdict).filter(v -> v != Verdict.OK)
        .min(Comparator.comparingInt(SEVERITY::indexOf)).orElse(Verdict.OK);
  }

  /** More findings of {@code verdict} first, then the larger relative change, then by label. */
  static Comparator<ComparedCell> bySeverity(Verdict verdict) {
    Comparator<ComparedCell> count = Comparator.comparingLong(
        cell -> cell.findings().stream().filter(f -> f.verdict() == verdict).count());
    Comparator<ComparedCell> size = Comparator.comparingDouble(ComparisonPage::largestChange);
    return count.reversed().thenComparing(size.reversed()).thenComparing(ComparedCell::label);
  }

  /** The largest relative change among the cell's flagged findings; 0 when none has numbers. */
  static double largestChange(ComparedCell cell) {
    return cell.findings().stream().filter(f -> f.verdict() != Verdict.OK)
        .mapToDouble(f -> relativeChange(f.judgement())).max().orElse(0);
  }

  /**
   * |current − baseline| / |baseline|; infinite for a change from zero (a first diverged seed), 0
   * where either mean is missing (a missing or new cell).
   */
  static double relativeChange(Judgement j) {
    double was = j.baseline();
    double is = j.current();
    if (Double.isNaN(was) || Double.isNaN(is) || was == is) {
      return 0;
    }
    return was == 0 ? Double.POSITIVE_INFINITY : Math.abs(is - was) / Math.abs(was);
  }

  private static CompareCell view(ComparedCell cell) {
    List<Finding> shown = new ArrayList<>();
    List<CompareCheck> quiet = new ArrayList<>();
    for (Finding f : cell.findings()) {
      if (f.verdict() == Verdict.OK) {
        quiet.add(check(f));
      } else {
        shown.add(f);
      }
    }
    shown.sort(Comparator.comparingInt((Finding f) -> SEVERITY.indexOf(f.verdict()))
        .thenComparing(Comparator.comparingDouble((Finding f) -> relativeChange(f.judgement()))
            .reversed()));
    return new CompareCell(cell.label(), cell.axes().workload(), cell.axes().optimizer(),
        cell.axes().clip(), change(shown), shown.stream().map(ComparisonPage::check).toList(),
        quiet, runs(cell.baselineRuns()), runs(cell.currentRuns()));
  }

  /** The largest change among {@code shown} in words: "final_loss +2.00%", "diverged 0 → 1". */
  private static String change(List<Finding> shown) {
    Finding largest = null;
    for (Finding f : shown) {
      double size = relativeChange(f.judgement());
      if (size > 0 && (largest == null || size > relativeChange(largest.judgement()))) {
        largest = f;
      }
    }
    if (largest == null) {
      return "";
    }
    Judgement j = largest.judgement();
    if (j.baseline() == 0) {
      return largest.metric() + " " + Printed.number(j.baseline()) + " → " + Printed.number(j.current());
    }
    double percent = 100 * (j.current() - j.baseline()) / Math.abs(j.baseline());
    return String.format(Locale.ROOT, "%s %+.2f%%", largest.metric(), percent);
  }

  private static CompareCheck check(Finding f) {
    Judgement j = f.judgement();
    return new CompareCheck(f.verdict().word(), f.metric(), j.method().label(),
        j.n() == 0 ? "–" : Integer.toString(j.n()), Printed.number(j.baseline()),
        Printed.number(j.current()), j.detail());
  }

  private static List<CompareCell.SeedRun> runs(List<CellMetrics.Run> runs) {
    return runs.stream().map(r -> new CompareCell.SeedRun(r.runId(), r.seed(),
        r.values().get("final_loss"), r.stepsDone())).toList();
  }

  private static String sectionId(Verdict v) {
    return switch (v) {
      case REGRESSION -> "regressions";
      case IMPROVEMENT -> "improvements";
      default -> v.word();
    };
  }

  private static String title(Verdict v) {
    return switch (v) {
      case REGRESSION -> "Regressions";
      case CHANGED -> "Changed";
      case MISSING -> "Missing";
      case IMPROVEMENT -> "Improvements";
      case NEW -> "New cells";
      case OK -> "Unchanged";
    };
  }

  private static String note(Verdict v) {
    return switch (v) {
      case REGRESSION -> "Worse: every changed seed worse (per-seed exact), the 95% interval of the"
          + " mean per-seed change entirely beyond the margin (interval statistics), or a seed"
          + " that diverges now and did not before.";
      case CHANGED -> "Bit-reproducible runs whose seeds moved, some worse and some better: the"
          + " code path no longer reproduces.";
      case MISSING -> "A baseline cell, or a seed of one, without a run in the current set.";
      case IMPROVEMENT -> "Better, by the same rules. Found per seed (bit-reproducible runs) an"
          + " improvement fails the check too, as any change of a reproducible path does; accept"
          + " an intended one with baseline update.";
      case NEW -> "Cells only the current set has: listed, not judged.";
      case OK -> "";
    };
  }
}
