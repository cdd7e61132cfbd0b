#!/usr/bin/python3
"""Native Adam against torch.optim.Adam on the same machine, one thread each, measured in
alternating rounds so that both sides see the same background load:

    python3 tools/bench/adam_vs_torch.py [--rounds 3]     # prints a Markdown table

Each round times torch.optim.Adam (for-loop and foreach, tools/bench/torch_adam.py) at 1e4, 1e6
and 1e7 parameters, then runs JMH's OptimizerStepBenchmark.step (the full NativeOptimizer.step:
finiteness check and global norm, no clipping, fused update) and BandwidthBenchmark.adamKernel
(the update alone) for adam at the same sizes. The table gives the median over rounds of each
figure, and the speed-up of the full step over the faster torch implementation. Needs Debian's
python3-torch; the JMH runs go through scripts/jmh.sh (Maven, offline).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import torch  # noqa: E402

import torch_adam  # noqa: E402

SIZES = (10_000, 1_000_000, 10_000_000)
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def jmh_round():
    """ns/param of the full step and of the kernel alone, per size."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        path = out.name
    pattern = r"(OptimizerStepBenchmark\.step|BandwidthBenchmark\.adamKernel)$"
    subprocess.run(
        [os.path.join(ROOT, "scripts", "jmh.sh"), pattern, "-p", "optimizer=adam",
         "-wi", "3", "-i", "5", "-w", "1s", "-r", "1s", "-f", "1", "-rf", "json", "-rff", path],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    step, kernel = {}, {}
    for r in json.load(open(path)):
        size = int(r["params"]["size"])
        ns = r["primaryMetric"]["score"] * 1000 / size  # µs/op → ns/param
        (step if r["benchmark"].endswith(".step") else kernel)[size] = ns
    os.unlink(path)
    return step, kernel


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    torch.set_num_threads(1)
    figures = {k: {n: [] for n in SIZES} for k in ("loop", "foreach", "step", "kernel")}
    for r in range(rounds):
        for n in SIZES:
            figures["loop"][n].append(torch_adam.time_step(n, False) * 1e9 / n)
            figures["foreach"][n].append(torch_adam.time_step(n, True) * 1e9 / n)
        step, kernel = jmh_round()
        missing = [n for n in SIZES if n not in step or n not in kernel]
        if missing:
            sys.exit(f"JMH gave no result for sizes {missing} (a fork failed; see its output)")
        for n in SIZES:
            figures["step"][n].append(step[n])
            figures["kernel"][n].append(kernel[n])
        print(f"round {r + 1}/{rounds}: " + ", ".join(
            f"{n:.0e}: torch {figures['loop'][n][-1]:.3f}/{figures['foreach'][n][-1]:.3f},"
            f" step {step[n]:.3f}, kernel {kernel[n]:.3f}" for n in SIZES), file=sys.stderr)
    med = {k: {n: statistics.median(v) for n, v in per.items()} for k, per in figures.items()}
    print(f"torch {torch.__version__}, 1 thread; median of {rounds} alternating rounds; ns/param")
    print("| params | torch for-loop | torch foreach | native full step | native kernel"
          " | speed-up full step (min–max over rounds) | speed-up kernel |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n in SIZES:
        best_torch = [min(a, b) for a, b in zip(figures["loop"][n], figures["foreach"][n])]
        ratios = [t / s for t, s in zip(best_torch, figures["step"][n])]
        torch_med = min(med["loop"][n], med["foreach"][n])
        print(f"| {n:,} | {med['loop'][n]:.3f} | {med['foreach'][n]:.3f} | {med['step'][n]:.3f}"
              f" | {med['kernel'][n]:.3f} | {torch_med / med['step'][n]:.1f}×"
              f" ({min(ratios):.1f}–{max(ratios):.1f}×) | {torch_med / med['kernel'][n]:.1f}× |")


if __name__ == "__main__":
    main()
