#!/usr/bin/env python3
"""Reference values for optbench's scoring math (src/test/resources/golden-score/score.json).

* Mann-Whitney U:      scipy.stats.mannwhitneyu(x, y).statistic, the U of x (pairs with x > y,
                       ties counted 1/2); for lower-is-better samples, of (-x, -y).
* AlgoPerf grid score: the benchmark score as AlgoPerf's scoring code computes it
                       (scoring/performance_profile.py, score_submissions.py): times above 4x the
                       fastest set to inf, ratios to the fastest, rho sampled at
                       numpy.linspace(1, 4, 100), numpy.trapezoid, divided by 4 - 1. Written from
                       the description of that procedure, with numpy only.
* Exact score:         (1/|W|) * sum over workloads with ratio <= 4 of (4 - ratio), divided by 3.

Run in a virtual environment with scipy and numpy (pip's local index has both):

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install scipy numpy
    /tmp/venv/bin/python tools/golden/score.py
"""
import json
import math
import os

import numpy as np
import scipy
from scipy import stats

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "test",
                   "resources", "golden-score", "score.json")

rng = np.random.default_rng(20261202)
INF = float("inf")


def mann_whitney(x, y, higher_is_better):
    a, b = (np.asarray(x), np.asarray(y)) if higher_is_better else (-np.asarray(x), -np.asarray(y))
    u = stats.mannwhitneyu(a, b, alternative="two-sided").statistic
    return {"x": x, "y": y, "higher_is_better": higher_is_better, "u": float(u),
            "p_improvement": float(u) / (len(x) * len(y))}


def ratios(times):
    t = np.asarray(times, dtype=float)  # workloads x optimizers
    best = t.min(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        r = t / best
    r[t == best] = 1.0  # the fastest, also when its time is 0
    r[~np.isfinite(best[:, 0]), :] = INF  # nobody reached the target: inf == inf must not count
    return r


def grid_score(times, r_max=4.0, points=100):
    t = np.asarray(times, dtype=float)
    best = t.min(axis=1, keepdims=True)
    t = np.where(t > r_max * best, INF, t)
    r = ratios(t)
    taus = np.linspace(1.0, r_max, num=points)
    rho = np.array([[(r[:, s] <= tau).sum() / r.shape[0] for tau in taus] for s in range(r.shape[1])])
    return (np.trapezoid(rho, x=taus, axis=1) / (r_max - 1)).tolist()


def exact_score(times, r_max=4.0):
    r = ratios(times)
    area = np.where(r <= r_max, r_max - r, 0.0).sum(axis=0) / r.shape[0]
    return (area / (r_max - 1)).tolist()


def encode(times):
    return [[("inf" if math.isinf(v) else v) for v in row] for row in times]


def random_table(workloads, optimizers, p_never):
    t = np.round(rng.lognormal(0.0, 0.6, (workloads, optimizers)) * 100, 3)
    t[rng.random((workloads, optimizers)) < p_never] = INF
    return t.tolist()


tables = [
    [[10.0, 25.0, 50.0], [36.0, INF, 12.0], [INF, INF, INF]],
    [[1.0, 4.0], [2.0, 3.0]],
    [[100.0, 200.0, 300.0, 400.0, 401.0]],
    random_table(8, 4, 0.15),
    random_table(8, 6, 0.25),
    random_table(20, 3, 0.1),
]

cases = {
    "generator": "tools/golden/score.py, scipy " + scipy.__version__ + ", numpy " + np.__version__,
    "mann_whitney": [
        mann_whitney([1.0, 2.0, 3.0], [2.0, 2.0, 4.0], True),
        mann_whitney([1.0, 2.0, 3.0], [2.0, 2.0, 4.0], False),
        mann_whitney([0.5, 0.5, 0.5, 0.7], [0.5, 0.6], True),
        mann_whitney([float(round(v, 2)) for v in rng.normal(0.0, 1.0, 7)],
                     [float(round(v, 2)) for v in rng.normal(0.3, 1.0, 5)], True),
        mann_whitney([float(round(v, 1)) for v in rng.normal(2.0, 0.5, 10)],
                     [float(round(v, 1)) for v in rng.normal(2.2, 0.5, 10)], False),
    ],
    "profiles": [{"times": encode(t), "grid_score": grid_score(t), "exact_score": exact_score(t)}
                 for t in tables],
}

with open(OUT, "w") as f:
    json.dump(cases, f, indent=1)
    f.write("\n")
print("wrote", os.path.normpath(OUT))
