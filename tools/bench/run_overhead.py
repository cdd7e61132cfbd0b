#!/usr/bin/python3
"""How much of `optbench run experiments/quickstart.yaml` is training, and what each cell costs
outside training, measured in one invocation:

    scripts/bench.sh overhead [PAIRS] [JAR ...]     (needs target/optbench.jar: mvn package)

Two grids of the quickstart are run in fresh folders, so nothing is reused: the full grid (48
cells: 3 seeds) and the same grid on one seed (16 cells). Their order alternates pair by pair (small
large, large small, ...) so that load from other users of the machine falls on both alike. For each
command:

  wall      the whole command, JVM start, engine load and report included
  training  the timed step loops, summed over runs (wall_seconds in runs.csv)
  share     training / wall

and over a pair, the marginal cost of a cell outside training:

  ((wall - training)_48 - (wall - training)_16) / (48 - 16)

which cancels everything that does not grow with the grid (JVM start, engine load, warm-ups, most
of the report). Evaluation (eval_seconds) counts as outside training here, as does every other
cost of a cell; the figures are medians over pairs. On a loaded machine wall time mostly measures
the wait for a core, so the CPU time (user + system) of each command is recorded too: its marginal
per cell, (cpu_48 - cpu_16) / 32, includes the cell's training, which is the same work in every
build, so the difference between builds is what a change saves per cell. Least sensitive to load
is the grid's own overhead per run, measured inside the one process (no JVM start, engine load or
report in it): the grid's wall time as `run` prints it ("48 runs (0 diverged) in T s", from the
first content key to the published result set) less training, evaluation and warm-ups
(runs.csv), over the runs. With several JARs (e.g. a build from before a
change and one from after), each pair runs every jar in turn, so their figures are comparable
within the one run (their order alternates too). The machine's load average is printed first and last.
"""
import argparse
import csv
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SPEC = os.path.join(ROOT, "experiments", "quickstart.yaml")


def one_seed(spec_text):
    """The quickstart on its first seed only (16 of its 48 cells)."""
    lines = [("seeds: [0]" if line.startswith("seeds:") else line) for line in spec_text.splitlines()]
    return "\n".join(lines) + "\n"


def timed_run(jar, spec, folder):
    """Runs spec with jar in a fresh folder; returns (wall s, training s, cells, cpu s, grid
    overhead s per run)."""
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    env = dict(os.environ, OPT_OUT_TRACKING="true")
    command = ["java", "-Dai.djl.offline=true", "-jar", jar, "run", spec, "--no-progress",
               "--out", os.path.join(folder, "results"), "--reports", os.path.join(folder, "reports")]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    done = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    with open(os.path.join(folder, "results", "quickstart", "runs.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    training = sum(float(r["wall_seconds"]) for r in rows)
    untimed = sum(float(r["eval_seconds"]) + float(r["warmup_seconds"]) for r in rows)
    grid = float(re.search(r"(\d+) runs \(\d+ diverged\) in ([\d.]+) s", done.stdout).group(2))
    return wall, training, len(rows), cpu, (grid - training - untimed) / len(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pairs", nargs="?", type=int, default=3)
    parser.add_argument("jars", nargs="*", default=[os.path.join(ROOT, "target", "optbench.jar")])
    args = parser.parse_args()
    for jar in args.jars:
        if not os.path.isfile(jar):
            sys.exit(f"no {jar}; build it with mvn package -DskipTests")
    scratch = tempfile.mkdtemp(prefix="optbench-overhead-")
    try:
        small = os.path.join(scratch, "quickstart-1seed.yaml")
        with open(SPEC) as f, open(small, "w") as out:
            out.write(one_seed(f.read()))
        print("load average before:", open("/proc/loadavg").read().split()[:3])
        results = {jar: [] for jar in args.jars}
        for pair in range(args.pairs):
            for jar in (args.jars if pair % 2 == 0 else list(reversed(args.jars))):
                order = [small, SPEC] if pair % 2 == 0 else [SPEC, small]
                runs = {}
                for spec in order:
                    runs[spec] = timed_run(jar, spec, os.path.join(scratch, "run"))
                (w_s, t_s, n_s, c_s, _), (w_l, t_l, n_l, c_l, g_l) = runs[small], runs[SPEC]
                marginal = ((w_l - t_l) - (w_s - t_s)) / (n_l - n_s)
                cpu = (c_l - c_s) / (n_l - n_s)
                results[jar].append((w_l, t_l, t_l / w_l, w_s, t_s / w_s, marginal, c_l, cpu, g_l))
                print(f"pair {pair + 1} {os.path.basename(os.path.dirname(jar)) or jar}: "
                      f"{n_l} cells {w_l:.1f} s wall, training {t_l:.1f} s ({100 * t_l / w_l:.0f}%); "
                      f"{n_s} cells {w_s:.1f} s wall, training {t_s:.1f} s ({100 * t_s / w_s:.0f}%); "
                      f"marginal cost outside training {1000 * marginal:.0f} ms/cell; "
                      f"CPU {c_l:.1f} s and {c_s:.1f} s, marginal {1000 * cpu:.0f} ms/cell; "
                      f"48-cell grid overhead {1000 * g_l:.0f} ms/run", flush=True)
        print("load average after:", open("/proc/loadavg").read().split()[:3])
        print()
        print("| build | 48-cell wall s | training s | training share | 16-cell share "
              "| marginal ms/cell outside training (min–max) | 48-cell CPU s | marginal CPU ms/cell "
              "| grid overhead ms/run (min–max) |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for jar, rows in results.items():
            med = [statistics.median(r[i] for r in rows) for i in range(9)]
            lo = min(r[5] for r in rows)
            hi = max(r[5] for r in rows)
            print(f"| {jar} | {med[0]:.1f} | {med[1]:.1f} | {100 * med[2]:.0f}% | {100 * med[4]:.0f}% "
                  f"| {1000 * med[5]:.0f} ({1000 * lo:.0f}–{1000 * hi:.0f}) | {med[6]:.1f} "
                  f"| {1000 * med[7]:.0f} | {1000 * med[8]:.0f} ({1000 * min(r[8] for r in rows):.0f}"
                  f"–{1000 * max(r[8] for r in rows):.0f}) |")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
