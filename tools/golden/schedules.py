#!/usr/bin/python3
"""Golden lr factors for the schedules that torch.optim.lr_scheduler implements, written to
src/test/resources/golden-schedules/schedules.json (read by SchedulesGoldenTest):

    python3 tools/golden/schedules.py

Debian's python3-torch 1.13. Step t (1-based) of optbench is torch's epoch t − 1: the factor is
the optimizer's lr after t − 1 calls of scheduler.step(), divided by the base lr. The warm-up
schedules are torch's SequentialLR of LinearLR (1/w → 1 over the first w steps) and then
LinearLR (warmup_linear) or CosineAnnealingLR (warmup_cosine, compared up to total_steps, after
which torch's cosine rises again while optbench stays at the floor). inverse_sqrt and
sqrt_decay have no torch scheduler; SchedulesTest checks them by hand.
"""
import json
import os
import warnings

import torch
from torch.optim import lr_scheduler as S

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "test", "resources",
                   "golden-schedules", "schedules.json")
BASE = 0.5


def factors(make, steps):
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=BASE)
    sched = make(opt)
    out = []
    for _ in range(steps):
        out.append(opt.param_groups[0]["lr"] / BASE)
        opt.step()
        sched.step()
    return out


def warmup(opt, w, after):
    first = S.LinearLR(opt, start_factor=1.0 / w, end_factor=1.0, total_iters=w - 1)
    return S.SequentialLR(opt, [first, after(opt)], milestones=[w - 1])


def main():
    warnings.simplefilter("ignore")
    cases = []

    def case(schedule, steps, reference, make):
        cases.append({"schedule": schedule, "steps": steps, "reference": reference,
                      "factors": factors(make, steps)})

    case({"name": "step", "step_size": 3, "gamma": 0.5}, 12,
         "torch.optim.lr_scheduler.StepLR(step_size=3, gamma=0.5)",
         lambda o: S.StepLR(o, step_size=3, gamma=0.5))
    case({"name": "exponential", "gamma": 0.9}, 12,
         "torch.optim.lr_scheduler.ExponentialLR(gamma=0.9)",
         lambda o: S.ExponentialLR(o, gamma=0.9))
    case({"name": "warmup_linear", "warmup_steps": 4, "total_steps": 12, "final_factor": 0.2}, 16,
         "SequentialLR(LinearLR(1/4 → 1, 3 iters), LinearLR(1 → 0.2, 8 iters), milestones=[3])",
         lambda o: warmup(o, 4, lambda o2: S.LinearLR(o2, start_factor=1.0, end_factor=0.2,
                                                       total_iters=8)))
    case({"name": "warmup_cosine", "warmup_steps": 5, "total_steps": 20, "final_factor": 0.1}, 20,
         "SequentialLR(LinearLR(1/5 → 1, 4 iters), CosineAnnealingLR(T_max=15,"
         " eta_min=0.1·lr), milestones=[4])",
         lambda o: warmup(o, 5, lambda o2: S.CosineAnnealingLR(o2, T_max=15, eta_min=0.1 * BASE)))
    with open(OUT, "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
