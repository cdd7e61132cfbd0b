#!/usr/bin/python3
"""Turns a JMH JSON result (scripts/jmh.sh ... -prof gc -rf json -rff target/jmh-all.json) into
the Markdown tables of docs/performance.md:

    python3 tools/bench/jmh_table.py target/jmh-all.json

"must move" is the traffic of an ideal fused step (each state buffer read and written once, the
gradient read once, the parameters read and written once); the roofline time is that traffic
divided by the copy bandwidth measured in the same run at the same size (8 bytes counted per
copied float).
"""
import json
import sys

MUST_MOVE = {  # bytes per parameter
    "sgd": 20,            # momentum 0.9: read p, g, b; write p, b
    "adam": 28, "adamw": 28,   # read p, g, m, v; write p, m, v
    "amsgrad": 36,        # + v_max read and written
    "adagrad": 20, "rmsprop": 20, "lion": 20,
    "yogi": 28,
    "adafactor": 12, "adafactor_torch": 12,  # read p, g; write p (factored state is tiny)
}


def main(path):
    rows = json.load(open(path))
    copy, kernel, steps, alloc = {}, {}, {}, {}
    for r in rows:
        name = r["benchmark"].rsplit(".", 1)[1]
        size = int(r["params"]["size"])
        score = r["primaryMetric"]["score"]  # µs/op
        norm = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        if name == "copy":
            copy[size] = score
        elif name == "adamKernel":
            kernel[size] = score
            alloc[("adam kernel", size)] = norm
        else:
            opt = r["params"]["optimizer"]
            steps[(opt, size)] = score
            alloc[(opt, size)] = norm
    sizes = sorted(copy)
    print("| size | copy µs | copy GB/s | Adam kernel µs | kernel ns/param | kernel GB/s (28 B) "
          "| kernel / roofline |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        bw = 8 * n / (copy[n] * 1e3)
        roof = 28 * n / bw / 1e3
        print(f"| {n:,} | {copy[n]:,.1f} | {bw:.1f} | {kernel[n]:,.1f} | {kernel[n] * 1e3 / n:.3f} "
              f"| {28 * n / (kernel[n] * 1e3):.1f} | {kernel[n] / roof:.2f} |")
    print()
    print("| optimizer | must move B/param | " + " | ".join(
        f"{n:.0e} ns/param (× roofline)" for n in sizes) + " | alloc B/step at 1e7 |")
    print("|---|---:|" + "---:|" * len(sizes) + "---:|")
    for opt in MUST_MOVE:
        cells = []
        for n in sizes:
            if (opt, n) not in steps:
                cells.append("–")
                continue
            t = steps[(opt, n)]
            roof = MUST_MOVE[opt] * n / (8 * n / copy[n])
            cells.append(f"{t * 1e3 / n:.3f} ({t / roof:.2f}×)")
        a = alloc.get((opt, sizes[-1]))
        print(f"| {opt} | {MUST_MOVE[opt]} | " + " | ".join(cells) + f" | {a:.0f} |"
              if a is not None else f"| {opt} | {MUST_MOVE[opt]} | " + " | ".join(cells) + " | – |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "target/jmh-all.json")
