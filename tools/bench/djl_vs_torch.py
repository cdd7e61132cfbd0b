#!/usr/bin/env python3
"""optbench's `djl` engine against a plain PyTorch eager loop, same model, batch and optimizer,
one intra-op thread each, measured in alternating pairs so that both sides see the same machine:

    python tools/bench/djl_vs_torch.py [--pairs 7] [--steps 330] [--optimizer adam]
        [--workload mlp|char_rnn|tiny_gpt] [--native] [--sdpa]

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

`--workload char_rnn|tiny_gpt` trains those workloads at their catalogue defaults on the JVM and
their PyTorch twins (torch_twins.py: same architecture, tensors, batch, sequence length and loss;
the driver asserts that the twin's tensor shapes equal the JVM's, in order, and that their count
equals the formulas') on the torch side. `--native` adds the native engine (Java optimizer, DJL
forward and backward) in a second JVM, run in the same rounds, first cell included.
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch_twins  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
WARM = 30


def torch_setup(workload, optimizer, sdpa=False):
    """The model, loss, optimizer and 16 pre-made batches of `workload` (catalogue defaults)."""
    torch.manual_seed(0)
    batches = 16
    if workload == "mlp":
        model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
        xs = list(torch.randn(batches, 128, 784))
        ys = list(torch.randint(0, 10, (batches, 128)))
        loss_fn = torch.nn.CrossEntropyLoss()
    else:
        c = torch_twins.defaults(workload)
        xs, ys, vocabulary = torch_twins.batches(c["seq_len"], c["batch_size"], batches,
                                                 torch.Generator().manual_seed(0))
        model = torch_twins.build(workload, vocabulary, sdpa)
        cross_entropy = torch.nn.CrossEntropyLoss()

        def loss_fn(logits, y):
            # Mean over all (sequence, position) pairs, as TokenCrossEntropyLoss.
            return cross_entropy(logits.view(-1, logits.shape[-1]), y.view(-1))
    opt = {"adam": lambda p: torch.optim.Adam(p),
           "sgd": lambda p: torch.optim.SGD(p, lr=0.01, momentum=0.9)}[optimizer](model.parameters())
    return model, loss_fn, opt, xs, ys


def twin_shapes(workload):
    """The twin's tensor shapes as the JVM probe reports them, after checking its count by hand."""
    model, *_ = torch_setup(workload, "adam")
    if workload == "mlp":
        return None
    count = sum(p.numel() for p in model.parameters())
    by_hand = torch_twins.count_by_hand(workload, model.head.weight.shape[0] if workload == "char_rnn"
                                        else model.token.weight.shape[0])
    assert count == by_hand, f"{workload} twin has {count} parameters, the formulas give {by_hand}"
    return torch_twins.shapes(model), count


def torch_run(steps, optimizer, workload="mlp", sdpa=False):
    """Median ms/step over steps 31..steps-1, minor faults and thread CPU ms per such step."""
    model, loss_fn, opt, xs, ys = torch_setup(workload, optimizer, sdpa)
    batches = len(xs)
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

    def run(self, steps, optimizer, workload="mlp", engine=None):
        """One cell; `engine` (djl, native) is sent only when given, so that an earlier build's
        probe, which knows only `run OPTIMIZER STEPS [WORKLOAD]`, still answers."""
        request = f"run {optimizer} {steps}"
        if workload != "mlp" or engine:
            request += f" {workload}"
        if engine:
            request += f" {engine}"
        self.proc.stdin.write(request + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        fields = dict(kv.split("=", 1) for kv in line.split())
        if "error" in fields or "median_ms" not in fields:
            sys.exit("engine probe: " + line)
        return {k: (v if k == "shapes" else float(v)) for k, v in fields.items()}

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
                        help="char_rnn or tiny_gpt: catalogue defaults on the JVM side, their"
                        " PyTorch twins (tools/bench/torch_twins.py) on the torch side; with"
                        " --baseline the two JVM sides only, no torch loop")
    parser.add_argument("--native", action="store_true",
                        help="also run the native engine (Java optimizer on DJL's forward and"
                        " backward) in a JVM of its own, in the same pairs")
    parser.add_argument("--sdpa", action="store_true",
                        help="tiny_gpt's twin uses F.scaled_dot_product_attention (nanoGPT's"
                        " default) instead of the explicit softmax(QK^T)V the DJL block computes")
    parser.add_argument("--baseline", help="command that starts a second JVM side, e.g. an"
                        " earlier build's EngineStepProbe, run in the same rounds")
    args = parser.parse_args()
    torch.set_num_threads(1)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}; load {os.getloadavg()}")
    probe = DjlProbe(args.probe)
    if args.workload != "mlp" and args.baseline:
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
    native = DjlProbe(args.probe) if args.native else None
    # (name, probe, engine word): the baseline is asked in the old request format.
    jvms = [("djl", probe, "djl" if native else None)]
    if native:
        jvms.append(("native", native, "native"))
    if base:
        jvms.append(("baseline", base, None))
    workload = args.workload
    first = {name: p.run(args.steps, args.optimizer, workload, engine) for name, p, engine in jvms}
    twin = twin_shapes(workload)
    if twin:
        for name in first:
            if name == "baseline":
                continue
            assert first[name]["shapes"] == twin[0], (
                f"{workload}: the JVM's tensors {first[name]['shapes']} differ from the twin's {twin[0]}")
            assert int(first[name]["params"]) == twin[1], f"{workload}: parameter counts differ"
        print(f"{workload}: the twin's {twin[1]:,} parameters match the JVM's tensor by tensor ({twin[0]})")
    first_torch = torch_run(args.steps, args.optimizer, workload, args.sdpa)
    for name in first:
        f = first[name]
        print(f"first cell of the JVM: {name} {f['median_ms']:.3f} ms/step (steps 1-30 {f['warm_median_ms']:.3f}),"
              f" {f['faults_per_step']:.1f} faults/step, thread CPU {f['cpu_ms']:.3f} ms/step", flush=True)
    print(f"first torch run: {first_torch[0]:.3f} ms/step, {first_torch[1]:.1f} faults/step,"
          f" thread CPU {first_torch[2]:.3f} ms/step", flush=True)
    runs = {name: [] for name, _, _ in jvms}
    tch = []
    for i in range(args.pairs):
        # Each round alternates which side goes first.
        order = [(name, p, engine) for name, p, engine in jvms] + [("torch", None, None)]
        if i % 2 == 1:
            order.reverse()
        for name, p, engine in order:
            if p is None:
                tch.append(torch_run(args.steps, args.optimizer, workload, args.sdpa))
            else:
                runs[name].append(p.run(args.steps, args.optimizer, workload, engine))
        t = tch[-1]
        parts = []
        for name in runs:
            d = runs[name][-1]
            parts.append(f"{name} {d['median_ms']:.3f} ms/step ({d['faults_per_step']:.1f} faults/step,"
                         f" thread {d['thread_faults_per_step']:.1f}), ratio {d['median_ms'] / t[0]:.3f};"
                         f" thread CPU {d['cpu_ms']:.3f}, ratio {d['cpu_ms'] / t[2]:.3f}")
        print(f"pair {i + 1}: " + "; ".join(parts) + f"; torch {t[0]:.3f} ms/step ({t[1]:.1f} faults/step),"
              f" thread CPU {t[2]:.3f}", flush=True)
    for _, p, _ in jvms:
        p.close()
    med = statistics.median
    model = {"mlp": "MLP 784-256-10, batch 128", "char_rnn": "char_rnn (catalogue defaults)",
             "tiny_gpt": "tiny_gpt (catalogue defaults" + (", twin with SDPA)" if args.sdpa else ")")}[workload]
    print(f"{model}, {args.optimizer}, {args.pairs} pairs of {args.steps}-step runs; load after {os.getloadavg()}")
    print(f"torch: {med(t[0] for t in tch):.3f} ms/step, thread CPU {med(t[2] for t in tch):.3f} ms/step,"
          f" faults per steady step {med(t[1] for t in tch):.1f} (pairs {min(t[1] for t in tch):.1f}-"
          f"{max(t[1] for t in tch):.1f})")
    for name, cells in runs.items():
        wall = [d["median_ms"] / t[0] for d, t in zip(cells, tch)]
        cpu = [d["cpu_ms"] / t[2] for d, t in zip(cells, tch)]
        faults = [d["faults_per_step"] for d in cells]
        f = first[name]
        later_ms = med(d["median_ms"] for d in cells)
        later_cpu = med(d["cpu_ms"] for d in cells)
        print(f"{name}/torch step time: {med(wall):.3f} (pairs {min(wall):.3f}-{max(wall):.3f});"
              f" {name} {later_ms:.3f} ms/step")
        print(f"{name}/torch thread CPU per step: {med(cpu):.3f} (pairs {min(cpu):.3f}-{max(cpu):.3f});"
              f" {name} {later_cpu:.3f} ms/step")
        print(f"{name} minor page faults per steady-state step: {med(faults):.1f}"
              f" (pairs {min(faults):.1f}-{max(faults):.1f})")
        print(f"{name} first cell of the JVM: {f['median_ms']:.3f} ms/step steady ({f['median_ms'] / later_ms:.2f}x"
              f" later cells), thread CPU {f['cpu_ms']:.3f} ms/step ({f['cpu_ms'] / med(t[2] for t in tch):.2f}x"
              f" torch's median), {f['faults_per_step']:.1f} faults/step,"
              f" {f['warm_median_ms']:.3f} ms steps 1-30 (later cells"
              f" {med(d['warm_median_ms'] for d in cells):.3f})")

if __name__ == "__main__":
    main()
