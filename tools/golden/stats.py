#!/usr/bin/env python3
"""Reference values for optbench's statistics (src/test/resources/golden-stats/stats.json).

Every number comes from scipy.stats / numpy, so the Java implementation in org.optbench.stats is
checked against an independent library:

* t-interval of a mean:           scipy.stats.t.interval(level, n-1, loc=mean, scale=sem)
* paired t-interval:              scipy.stats.ttest_rel(a, b).confidence_interval(level)
* Welch interval:                 scipy.stats.ttest_ind(a, b, equal_var=False).confidence_interval(level)
* seeds to decide:                smallest n with scipy.stats.t.ppf(1-alpha/2, n-1)*sd/sqrt(n) < |mean|
* interquartile mean:             scipy.stats.trim_mean(x, 0.25)  (what rliable's IQM calls)
* BCa bootstrap:                  scipy.stats.bootstrap(method='BCa', n_resamples=20000); its
                                  resamples differ from optbench's, so tests compare with a
                                  tolerance of a few percent of the interval's width.

Run in a virtual environment with scipy and numpy (pip's local index has both):

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install scipy numpy
    /tmp/venv/bin/python tools/golden/stats.py
"""
import json
import math
import os

import numpy as np
import scipy
from scipy import stats

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "test",
                   "resources", "golden-stats", "stats.json")

rng = np.random.default_rng(20261201)


def sample(n, loc=1.0, scale=0.1):
    return [float(round(x, 6)) for x in rng.normal(loc, scale, n)]


def mean_interval(x, level):
    x = np.asarray(x)
    lo, hi = stats.t.interval(level, len(x) - 1, loc=x.mean(), scale=stats.sem(x))
    return {"x": x.tolist(), "level": level, "mean": float(x.mean()), "sd": float(x.std(ddof=1)),
            "low": float(lo), "high": float(hi)}


def paired(a, b, level):
    ci = stats.ttest_rel(a, b).confidence_interval(level)
    d = np.asarray(a) - np.asarray(b)
    return {"a": a, "b": b, "level": level, "mean": float(d.mean()), "low": float(ci.low),
            "high": float(ci.high)}


def welch(a, b, level):
    ci = stats.ttest_ind(a, b, equal_var=False).confidence_interval(level)
    return {"a": a, "b": b, "level": level, "diff": float(np.mean(a) - np.mean(b)),
            "low": float(ci.low), "high": float(ci.high)}


def seeds_to_decide(mean, sd, level):
    for n in range(2, 100001):
        if stats.t.ppf(0.5 + level / 2, n - 1) * sd / math.sqrt(n) < abs(mean):
            return {"mean": mean, "sd": sd, "level": level, "n": n}
    raise ValueError("no n")


def bca(x, statistic, name, level):
    res = stats.bootstrap((np.asarray(x),), statistic, method="BCa", n_resamples=20000,
                          confidence_level=level, random_state=np.random.default_rng(0))
    return {"x": x, "statistic": name, "level": level, "value": float(statistic(np.asarray(x))),
            "low": float(res.confidence_interval.low), "high": float(res.confidence_interval.high)}


cases = {
    "generator": "tools/golden/stats.py, scipy " + scipy.__version__ + ", numpy " + np.__version__,
    "mean_t": [mean_interval(sample(n), lv) for n, lv in [(2, 0.95), (3, 0.95), (5, 0.95),
                                                          (10, 0.95), (5, 0.90), (30, 0.99)]],
    "paired_t": [],
    "welch_t": [welch(sample(4, 1.0, 0.1), sample(6, 1.05, 0.3), 0.95),
                welch(sample(3), sample(3, 1.2), 0.90),
                welch(sample(10, 0.5, 0.01), sample(5, 0.52, 0.05), 0.95)],
    "seeds_to_decide": [seeds_to_decide(m, s, lv) for m, s, lv in [(0.02, 0.01, 0.95), (0.002, 0.01, 0.95),
                                                                  (-0.5, 0.4, 0.95), (0.01, 0.03, 0.90)]],
    "iqm": [{"x": x, "iqm": float(stats.trim_mean(x, 0.25))}
            for x in [sample(8), sample(9), sample(10), sample(13), [1.0, 2.0, 3.0, 100.0]]],
    "bca": [],
}
for n, shift in [(3, 0.05), (5, -0.01), (8, 0.002)]:
    base = sample(n)
    noise = sample(n, shift, 0.02)
    cases["paired_t"].append(paired([a + e for a, e in zip(base, noise)], base, 0.95))
cases["paired_t"].append(paired([1.0, 2.0, 3.0], [1.5, 2.0, 3.5], 0.90))
skewed = [float(round(x, 6)) for x in rng.lognormal(0.0, 0.6, 25)]
cases["bca"].append(bca(sample(12), np.mean, "mean", 0.95))
cases["bca"].append(bca(skewed, np.mean, "mean", 0.95))
cases["bca"].append(bca(skewed, np.median, "median", 0.90))

with open(OUT, "w") as f:
    json.dump(cases, f, indent=1)
    f.write("\n")
print("wrote", os.path.normpath(OUT))
