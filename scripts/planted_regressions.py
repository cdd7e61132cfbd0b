#!/usr/bin/env python3
"""Plants known regressions in copies of a fresh nightly run and counts what `compare` catches.

    scripts/planted_regressions.py [--jar target/optbench.jar] [--work /tmp/planted]

1. Trains experiments/nightly.yaml with the jar (the "unchanged rerun"), and the same grid's Adam
   cells with lr scaled by 0.8.
2. Makes four copies of the fresh run, each with one regression planted in every cell it applies
   to: final loss worse by 2 % (runs.csv final_loss × 1.02), accuracy lower by 1 point
   (final_accuracy − 0.01), one extra diverged run per cell (a seed-0 run marked diverged with a
   NaN final loss), and Adam's lr scaled by 0.8 (the Adam runs replaced by the lr × 0.8 runs,
   relabelled with the original lr, as a code change that silently scaled the step would leave
   them).
3. Runs `compare --baseline results/baselines/nightly --current COPY` on each, and on the
   unchanged rerun, and prints per plant: cells planted, cells flagged (a regression or missing
   line naming the cell).

Needs only Python's standard library and a JDK.
"""
import argparse
import csv
import json
import math
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAVA = ["java", "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-XX:MaxDirectMemorySize=1g"]


def run(jar, *args, check=True):
    env = dict(os.environ, OPT_OUT_TRACKING="true")
    p = subprocess.run(JAVA + ["-jar", jar] + list(args), cwd=ROOT, env=env,
                       capture_output=True, text=True)
    if check and p.returncode not in (0, 1):
        sys.exit("command failed (%d): %s\n%s" % (p.returncode, " ".join(args), p.stderr))
    return p


def read_csv(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
        return rows


def write_csv(path, rows, fields):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def header(path):
    with open(path, newline="") as f:
        return next(csv.reader(f))


def train(jar, spec_text, out):
    spec = os.path.join(out, "spec.yaml")
    os.makedirs(out, exist_ok=True)
    with open(spec, "w") as f:
        f.write(spec_text)
    run(jar, "run", spec, "--out", out, "--reports", os.path.join(out, "reports"), "--no-progress",
        "--force")
    return os.path.join(out, "nightly")


def copy(clean, dest):
    if os.path.exists(dest):
        shutil.rmtree(dest)
    shutil.copytree(clean, dest)
    return dest


def number(text):
    try:
        return float(text)
    except ValueError:
        return math.nan


def fmt(x):
    return "NaN" if math.isnan(x) else repr(x)


def sync_manifest(d):
    """Recounts manifest.json's diverged_runs after runs.csv was edited: compare checks that the
    two agree, and a plant must not make the folder look damaged."""
    path = os.path.join(d, "manifest.json")
    with open(path) as f:
        manifest = json.load(f)
    rows = read_csv(os.path.join(d, "runs.csv"))
    manifest["diverged_runs"] = sum(1 for r in rows if r["diverged"].lower() == "true")
    with open(path, "w") as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)


def plant_loss(d):
    runs = os.path.join(d, "runs.csv")
    rows = read_csv(runs)
    for r in rows:
        r["final_loss"] = fmt(number(r["final_loss"]) * 1.02)
    write_csv(runs, rows, header(runs))
    return {r["cell"] for r in rows}


def plant_accuracy(d):
    runs = os.path.join(d, "runs.csv")
    rows = read_csv(runs)
    planted = set()
    for r in rows:
        acc = number(r["final_accuracy"])
        if not math.isnan(acc):
            r["final_accuracy"] = fmt(acc - 0.01)
            planted.add(r["cell"])
    write_csv(runs, rows, header(runs))
    return planted


def plant_diverged(d):
    runs = os.path.join(d, "runs.csv")
    rows = read_csv(runs)
    planted = set()
    for r in rows:
        if r["seed"] == "0" and r["diverged"].lower() != "true":
            r["diverged"] = "true"
            r["diverged_step"] = r["steps_done"]
            r["final_loss"] = "NaN"
            planted.add(r["cell"])
    write_csv(runs, rows, header(runs))
    return planted


def plant_lr(d, scaled, optimizer, lr, scaled_lr):
    """Replaces the optimizer's runs by the lr-scaled ones, relabelled with the original lr."""
    def relabel(text):
        return text.replace("lr=" + scaled_lr, "lr=" + lr)
    planted = set()
    for name in ("runs.csv", "steps.csv"):
        path = os.path.join(d, name)
        fields = header(path)
        kept = [r for r in read_csv(path) if r["optimizer"] != optimizer]
        for r in read_csv(os.path.join(scaled, name)):
            for k in ("cell", "optimizer_config"):
                if k in r:
                    r[k] = relabel(r[k])
            if "lr" in r and r["lr"]:
                r["lr"] = fmt(number(lr))
            if name == "runs.csv":
                planted.add(r["cell"])
            kept.append({k: r.get(k, "") for k in fields})
        write_csv(path, kept, fields)
    return planted


def flagged(jar, baseline, current, planted):
    p = run(jar, "compare", "--baseline", baseline, "--current", current, "--report",
            os.path.join(os.path.dirname(current), "compare"))
    cells = set()
    for line in p.stdout.splitlines():
        if re.match(r"^(regression|missing|changed)\b", line):
            for c in planted:
                if line.rstrip().endswith(c):
                    cells.add(c)
    tally = [l for l in p.stdout.splitlines() if "regressions" in l]
    return cells, p.returncode, tally[-1] if tally else ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", default=os.path.join(ROOT, "target", "optbench.jar"))
    ap.add_argument("--work", default="/tmp/planted")
    ap.add_argument("--baseline", default=os.path.join(ROOT, "results", "baselines", "nightly"))
    ap.add_argument("--optimizer", default="adam")
    args = ap.parse_args()
    jar = os.path.abspath(args.jar)
    spec = open(os.path.join(ROOT, "experiments", "nightly.yaml")).read()
    m = re.search(r"- \{name: %s, lr: ([0-9.e-]+)\}" % args.optimizer, spec)
    lr = m.group(1)
    scaled_lr = "%g" % (float(lr) * 0.8)
    clean = train(jar, spec, os.path.join(args.work, "clean"))
    opt_block = re.search(r"  optimizer:\n((?:    .*\n)+)", spec)
    scaled_spec = spec.replace(opt_block.group(1),
                               "    - {name: %s, lr: %s}\n" % (args.optimizer, scaled_lr))
    scaled = train(jar, scaled_spec, os.path.join(args.work, "lr-scaled"))

    plants = [
        ("final loss worse by 2%", plant_loss),
        ("accuracy lower by 1 point", plant_accuracy),
        ("one extra diverged run", plant_diverged),
        ("%s lr scaled by 0.8" % args.optimizer,
         lambda d: plant_lr(d, scaled, args.optimizer, lr, scaled_lr)),
    ]
    print("| planted regression | cells planted | cells caught | compare's tally |")
    print("| --- | ---: | ---: | --- |")
    for i, (name, plant) in enumerate(plants):
        d = copy(clean, os.path.join(args.work, "planted-%d" % i, "nightly"))
        planted = plant(d)
        sync_manifest(d)
        cells, code, tally = flagged(jar, args.baseline, d, planted)
        print("| %s | %d | %d | exit %d; %s |" % (name, len(planted), len(cells), code, tally))
    cells, code, tally = flagged(jar, args.baseline, clean, set())
    print("| none (unchanged rerun) | 0 | – | exit %d; %s |" % (code, tally))


if __name__ == "__main__":
    main()
