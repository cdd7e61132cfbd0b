#!/usr/bin/env python3
"""optbench's `djl` engine against a plain PyTorch eager loop, same model, batch and optimizer,
one intra-op thread each, measured in alternating pairs so that both sides see the same machine:

    python tools/bench/djl_vs_torch.py [--pairs 7] [--steps 330] [--optimizer adam]

The torch side is the loop anyone would write (torch.nn MLP 784-256-10, batch 128,
cross-entropy, torch.optim.Adam with its defaults, zero_grad, loss.item() per step) over the
torch 2.x CPU wheel, torch.set_num_threads(1). The djl side is a JVM kept up by
`scripts/bench.sh engine-probe` (EngineStepProbe), which trains one optbench cell of the `mlp`
workload with the same sizes per request. Both sides time every step; a run's figure is the
median over steps 31..STEPS-1 (the steady state). The ratio is the median over pairs of
djl / torch, and each pair alternates which side goes first.

Also printed: minor page faults per steady-state step (getrusage for torch, /proc/self/stat for
the JVM, the whole process in both), and the first cell of the JVM against the later ones (the
first-cell penalty), whose steps 1-30 are reported too.
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

import torch

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
WARM = 30


def torch_run(steps, optimizer):
    """Median ms/step over steps 31..steps-1, minor faults and thread CPU ms per such step."""
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
    loss_fn = torch.nn.CrossEntropyLoss()
    opt = {"adam": lambda p: torch.optim.Adam(p),
           "sgd": lambda p: torch.optim.SGD(p, lr=0.01, momentum=0.9)}[optimizer](model.parameters())
    batches = 16
    xs = torch.randn(batches, 128, 784)
    ys = torch.randint(0, 10, (batches, 128))
    times = []
    faults_start = 0
    cpu_start = 0.0
    for step in range(1, steps):
        if step == WARM + 1:
            faults_start = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
            cpu_start = time.thread_time()
        x, y = xs[step % batches], ys[step % batches]
        start = time.perf_counter()
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        loss.item()
        times.append((time.perf_counter() - start) * 1e3)
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults_start
    cpu = (time.thread_time() - cpu_start) * 1e3
    steady = times[WARM:]
    return statistics.median(steady), faults / len(steady), cpu / len(steady)


def torch_adam_step(steps):
    """Thread CPU ms of torch.optim.Adam.step() alone on the MLP's four tensors."""
    torch.manual_seed(0)
    params = [torch.randn(*shape, requires_grad=True) for shape in ((256, 784), (256,), (10, 256), (10,))]
    for p in params:
        p.grad = torch.randn_like(p)
    opt = torch.optim.Adam(params)
    for _ in range(steps):
        opt.step()
    start = time.thread_time()
    for _ in range(steps):
        opt.step()
    return (time.thread_time() - start) * 1e3 / steps


class DjlProbe:
    def __init__(self, command):
        self.proc = subprocess.Popen(command, shell=True, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        for line in self.proc.stdout:
            # Maven's colour codes (bench.sh builds first) may share the line.
            if line.rstrip().endswith("ready"):
                return
        sys.exit("the engine probe did not start")

    def run(self, steps, optimizer, workload="mlp"):
        self.proc.stdin.write(f"run {optimizer} {steps}" + ("" if workload == "mlp" else f" {workload}") + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        fields = dict(kv.split("=", 1) for kv in line.split())
        if "error" in fields or "median_ms" not in fields:
            sys.exit("engine probe: " + line)
        return {k: float(v) for k, v in fields.items()}

    def adam_step(self, steps):
        self.proc.stdin.write(f"adam-step {steps}\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        return float(dict(kv.split("=", 1) for kv in line.split())["cpu_ms"])

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=7)
    parser.add_argument("--steps", type=int, default=330)
    parser.add_argument("--optimizer", default="adam", choices=("adam", "sgd"))
    parser.add_argument("--probe", default="scripts/bench.sh engine-probe",
                        help="command that starts the JVM side (another build's classes, say)")
    parser.add_argument("--adam-step", action="store_true",
                        help="time the Adam step alone (thread CPU), engine-side Adam against"
                        " torch.optim.Adam on the MLP's tensors, instead of whole training steps")
    parser.add_argument("--workload", default="mlp", choices=("mlp", "char_rnn", "tiny_gpt"),
                        help="char_rnn or tiny_gpt (catalogue defaults) compare the JVM sides"
                        " only: probe against --baseline, no torch loop")
    parser.add_argument("--baseline", help="command that starts a second JVM side, e.g. an"
                        " earlier build's EngineStepProbe, run in the same rounds")
    args = parser.parse_args()
    torch.set_num_threads(1)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}; load {os.getloadavg()}")
    probe = DjlProbe(args.probe)
    if args.workload != "mlp":
        base = DjlProbe(args.baseline)
        ratios, faults, base_faults = [], [], []
        for i in range(args.pairs + 1):
            runs = [(probe, "new"), (base, "baseline")][:: 1 if i % 2 == 0 else -1]
            out = {name: p.run(args.steps, args.optimizer, args.workload) for p, name in runs}
            print(f"{'first cells' if i == 0 else f'pair {i}'}: new {out['new']['median_ms']:.3f} ms/step"
                  f" ({out['new']['faults_per_step']:.1f} faults/step, thread CPU {out['new']['cpu_ms']:.3f}),"
                  f" baseline {out['baseline']['median_ms']:.3f} ms/step ({out['baseline']['faults_per_step']:.1f}"
                  f" faults/step, thread CPU {out['baseline']['cpu_ms']:.3f})", flush=True)
            if i > 0:
                ratios.append(out["new"]["cpu_ms"] / out["baseline"]["cpu_ms"])
                faults.append(out["new"]["faults_per_step"])
                base_faults.append(out["baseline"]["faults_per_step"])
        probe.close()
        base.close()
        med = statistics.median
        print(f"{args.workload}, {args.optimizer}: thread CPU per step new/baseline {med(ratios):.3f}"
              f" (pairs {min(ratios):.3f}-{max(ratios):.3f}); faults per step new {med(faults):.1f},"
              f" baseline {med(base_faults):.1f}; load {os.getloadavg()}")
        return
    if args.adam_step:
        ratios = []
        for i in range(args.pairs):
            d, t = probe.adam_step(args.steps), torch_adam_step(args.steps)
            ratios.append(d / t)
            print(f"pair {i + 1}: engine Adam {d:.4f} ms/step, torch.optim.Adam {t:.4f} ms/step (thread CPU),"
                  f" ratio {ratios[-1]:.3f}", flush=True)
        probe.close()
        print(f"Adam step alone, djl engine / torch: {statistics.median(ratios):.3f}"
              f" (pairs {min(ratios):.3f}-{max(ratios):.3f}); load {os.getloadavg()}")
        return
    base = DjlProbe(args.baseline) if args.baseline else None
    first = probe.run(args.steps, args.optimizer)
    base_first = base.run(args.steps, args.optimizer) if base else None
    first_torch = torch_run(args.steps, args.optimizer)
    print(f"first cell: djl {first['median_ms']:.3f} ms/step (steps 1-30 {first['warm_median_ms']:.3f}),"
          f" {first['faults_per_step']:.1f} faults/step; torch {first_torch[0]:.3f} ms/step,"
          f" {first_torch[1]:.1f} faults/step;"
          f" thread CPU djl {first['cpu_ms']:.3f}, torch {first_torch[2]:.3f} ms/step", flush=True)
    djl, tch, ratios, djl_faults, torch_faults, djl_warm = [], [], [], [], [], []
    base_ms, base_ratios, base_faults = [], [], []
    cpu_ratios, base_cpu_ratios = [], []
    for i in range(args.pairs):
        if i % 2 == 0:
            d = probe.run(args.steps, args.optimizer)
            t = torch_run(args.steps, args.optimizer)
            b = base.run(args.steps, args.optimizer) if base else None
        else:
            b = base.run(args.steps, args.optimizer) if base else None
            t = torch_run(args.steps, args.optimizer)
            d = probe.run(args.steps, args.optimizer)
        if b:
            base_ms.append(b["median_ms"])
            base_ratios.append(b["median_ms"] / t[0])
            base_faults.append(b["faults_per_step"])
            base_cpu_ratios.append(b["cpu_ms"] / t[2])
            print(f"  baseline: {b['median_ms']:.3f} ms/step ({b['faults_per_step']:.1f} faults/step),"
                  f" ratio to torch {base_ratios[-1]:.3f}; thread CPU {b['cpu_ms']:.3f} ms/step", flush=True)
        djl.append(d["median_ms"])
        djl_warm.append(d["warm_median_ms"])
        djl_faults.append(d["faults_per_step"])
        tch.append(t[0])
        torch_faults.append(t[1])
        ratios.append(d["median_ms"] / t[0])
        cpu_ratios.append(d["cpu_ms"] / t[2])
        print(f"pair {i + 1}: djl {d['median_ms']:.3f} ms/step ({d['faults_per_step']:.1f} faults/step,"
              f" thread {d['thread_faults_per_step']:.1f}), torch {t[0]:.3f} ms/step"
              f" ({t[1]:.1f} faults/step), ratio {ratios[-1]:.3f}; thread CPU djl {d['cpu_ms']:.3f}"
              f" torch {t[2]:.3f} ms/step, ratio {cpu_ratios[-1]:.3f}", flush=True)
    probe.close()
    if base:
        base.close()
    med = statistics.median
    print(f"MLP 784-256-10, batch 128, {args.optimizer}, {args.pairs} pairs of {args.steps}-step runs;"
          f" load after {os.getloadavg()}")
    print(f"djl/torch step time: {med(ratios):.3f} (pairs {min(ratios):.3f}-{max(ratios):.3f});"
          f" djl {med(djl):.3f} ms, torch {med(tch):.3f} ms")
    print(f"djl/torch thread CPU per step: {med(cpu_ratios):.3f} (pairs {min(cpu_ratios):.3f}-{max(cpu_ratios):.3f})")
    print(f"minor page faults per steady-state step: djl {med(djl_faults):.1f} (pairs {min(djl_faults):.1f}-"
          f"{max(djl_faults):.1f}), torch {med(torch_faults):.1f}")
    print(f"first cell of the JVM: {first['median_ms']:.3f} ms/step steady, {first['warm_median_ms']:.3f}"
          f" steps 1-30; later cells: {med(djl):.3f} steady, {med(djl_warm):.3f} steps 1-30;"
          f" first/later {first['median_ms'] / med(djl):.2f}")
    if base:
        print(f"baseline: djl/torch {med(base_ratios):.3f} (pairs {min(base_ratios):.3f}-{max(base_ratios):.3f}),"
              f" {med(base_ms):.3f} ms/step, {med(base_faults):.1f} faults/step"
              f" (pairs {min(base_faults):.1f}-{max(base_faults):.1f}),"
              f" thread CPU djl/torch {med(base_cpu_ratios):.3f}; first cell"
              f" {base_first['median_ms']:.3f} ms/step steady, {base_first['warm_median_ms']:.3f} steps 1-30,"
              f" {base_first['faults_per_step']:.1f} faults/step, thread CPU {base_first['cpu_ms']:.3f} ms/step")


if __name__ == "__main__":
    main()
