#!/usr/bin/env python3
"""Reference values for optbench's quasi-random search (src/test/resources/golden-tune/halton.json,
read by HaltonGoldenTest).

The construction is the scrambled Halton sequence of MLCommons AlgoPerf (algoperf/halton.py,
checked against commit 2c90454fc05d5bdf3598b0c7651e611f132a7060, where the file was last changed
in c34af17f6e272be88e914ef297fdea65c62940d5), written out here from its description:

* Bases: the odd primes below 1000 (below 2000, 3000, ... when more dimensions are asked for than
  there are such primes); dimension d of a D-dimensional sequence uses the D primes just below the
  largest one, ascending: one dimension uses 991, four use 971, 977, 983, 991.
* Scrambling: per base b, numpy.random.RandomState(b) shuffles the digits 1..b-1 (digit 0 stays
  0), then draws one random_sample() as the dimension's shift. Neither depends on the seed.
* Point i (1-based) of base b: sum over the base-b digits of i, least significant first, of
  perm[digit] / b^(k+1), then (value + shift) mod 1. The first `skip` (100) points are dropped.
* The points are then shuffled with numpy's global random state; AlgoPerf takes no seed, so
  "seed s" here means numpy.random.seed(s) right before the call, which is
  RandomState(s).shuffle on the list of rows.
* generate_search: the hyperparameters take the dimensions in the search space's own (insertion)
  order, not sorted. log: min * exp(u * log(max / min)); linear: u * (max - min) + min;
  feasible_points: points[floor(u * len(points))].

With --algoperf PATH (a copy of AlgoPerf's halton.py, which needs absl-py), every case is also
checked against AlgoPerf itself before the file is written.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install numpy absl-py
    /tmp/venv/bin/python tools/golden/halton.py [--algoperf /tmp/halton.py]
"""
import argparse
import importlib.util
import json
import math
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "test",
                   "resources", "golden-tune", "halton.json")

SKIP = 100


def odd_primes_below(n):
    return [p for p in range(3, n, 2) if all(p % q for q in range(3, int(p ** 0.5) + 1, 2))]


def bases(dims):
    limit = 1000
    while True:
        primes = odd_primes_below(limit)
        if len(primes) >= dims + 1:
            return primes[-dims - 1:-1]
        limit += 1000


def scrambling(base):
    rs = np.random.RandomState(base)
    digits = list(range(1, base))
    rs.shuffle(digits)
    return [0] + digits, rs.random_sample()


def point(index, base, perm):
    value, denominator = 0.0, base
    while index:
        value += perm[index % base] / denominator  # int / int: correctly rounded
        denominator *= base
        index //= base
    return value


def sequence(samples, dims, seed, skip=SKIP):
    columns = []
    for base in bases(dims):
        perm, shift = scrambling(base)
        columns.append([math.fmod(point(i, base, perm) + shift, 1.0)
                        for i in range(skip + 1, skip + samples + 1)])
    rows = [list(r) for r in zip(*columns)]
    np.random.RandomState(seed).shuffle(rows)
    return rows


def search(space, trials, seed):
    rows = sequence(trials, len(space), seed)
    out = []
    for row in rows:
        trial = {}
        for u, (name, s) in zip(row, space.items()):
            if "feasible_points" in s:
                trial[name] = s["feasible_points"][int(math.floor(u * len(s["feasible_points"])))]
            elif s["scaling"] == "log":
                trial[name] = s["min"] * math.exp(u * math.log(s["max"] / s["min"]))
            else:
                trial[name] = u * (s["max"] - s["min"]) + s["min"]
        out.append(trial)
    return out


SEQUENCE_CASES = [(10, 1, 0, SKIP), (12, 2, 1, SKIP), (15, 3, 42, SKIP), (20, 4, 0, SKIP),
                  (20, 4, 42, SKIP), (16, 2, 7, 0), (3, 167, 5, SKIP)]

# Names deliberately out of alphabetical order: AlgoPerf keeps the file's order.
SPACE = {
    "learning_rate": {"min": 1e-4, "max": 1e-1, "scaling": "log"},
    "beta1": {"min": 0.8, "max": 0.999, "scaling": "linear"},
    "optimizer": {"feasible_points": ["adam", "nadam", "sgd"]},
    "warmup_factor": {"feasible_points": [0.02, 0.05, 0.1]},
}


def check_against_algoperf(path, data):
    spec = importlib.util.spec_from_file_location("algoperf_halton", path)
    halton = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(halton)
    for c in data["sequences"]:
        np.random.seed(c["seed"])
        ref = halton.generate_sequence(c["samples"], c["dims"], skip=c["skip"])
        assert [list(r) for r in ref] == c["points"], c
    for c in data["searches"]:
        np.random.seed(c["seed"])
        ref = [t._asdict() for t in halton.generate_search(c["space"], c["trials"])]
        assert ref == c["values"], c
    print("all cases equal AlgoPerf's halton.py (exactly)")


def random_state_cases():
    out = []
    for seed in (0, 1, 991, 4294967295):
        rs = np.random.RandomState(seed)
        doubles = [rs.random_sample() for _ in range(3)]
        shuffled = list(range(10))
        rs.shuffle(shuffled)
        out.append({"seed": seed, "random_sample": doubles, "then_shuffle_range_10": shuffled})
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--algoperf", help="path to AlgoPerf's algoperf/halton.py")
    args = parser.parse_args()
    data = {
        "generator": f"tools/golden/halton.py, numpy {np.__version__}",
        "reference": "AlgoPerf algoperf/halton.py at 2c90454fc05d5bdf3598b0c7651e611f132a7060",
        "random_state": random_state_cases(),
        "bases": {str(d): bases(d) for d in (1, 2, 4)},
        "sequences": [{"samples": n, "dims": d, "seed": s, "skip": k, "points": sequence(n, d, s, k)}
                      for n, d, s, k in SEQUENCE_CASES],
        "searches": [{"trials": 12, "seed": seed, "space": SPACE,
                      "values": search(SPACE, 12, seed)} for seed in (0, 3)],
    }
    if args.algoperf:
        check_against_algoperf(args.algoperf, data)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
