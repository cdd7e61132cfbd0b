#!/usr/bin/python3
"""Times one torch.optim.Adam step (PyTorch from Debian's python3-torch) on one thread, for the
side-by-side table in docs/performance.md:

    python3 tools/bench/torch_adam.py            # prints a Markdown table

Same sizes as OptimizerStepBenchmark (1e4, 1e6, 1e7 float32 parameters as one matrix), both the
for-loop (foreach=False) and the multi-tensor (foreach=True) implementation, torch.set_num_threads(1).
Reports the median of 5 repeats of the mean time per step.
"""
import statistics
import time

import torch


def time_step(n, foreach, repeats=5):
    torch.manual_seed(0)
    p = torch.rand(n // 1000, 1000, dtype=torch.float32, requires_grad=True)
    p.grad = torch.rand_like(p)
    opt = torch.optim.Adam([p], lr=1e-3, foreach=foreach)
    steps = max(3, min(2000, int(2e8 // (28 * n))))
    for _ in range(steps):
        opt.step()
    results = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(steps):
            opt.step()
        results.append((time.perf_counter() - start) / steps)
    return statistics.median(results)


def main():
    torch.set_num_threads(1)
    print("torch", torch.__version__, "threads", torch.get_num_threads())
    print("| params | torch Adam for-loop µs/step | ns/param | torch Adam foreach µs/step | ns/param |")
    print("|---:|---:|---:|---:|---:|")
    for n in (10_000, 1_000_000, 10_000_000):
        loop = time_step(n, False)
        fe = time_step(n, True)
        print(f"| {n:,} | {loop * 1e6:,.1f} | {loop * 1e9 / n:.3f} | {fe * 1e6:,.1f} | {fe * 1e9 / n:.3f} |")


if __name__ == "__main__":
    main()
