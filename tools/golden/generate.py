#!/usr/bin/python3
"""Generates optbench's optimizer golden vectors (src/test/resources/golden/*.json).

Regenerate with Debian's PyTorch 1.13 and NumPy (apt-get install python3-torch python3-numpy):

    python3 tools/golden/generate.py            # writes src/test/resources/golden/

Each file is a replay case (see docs/optimizers.md, "Conformance replay"): an optimizer, an
optional clip, initial parameters w [4, 3] and b [3], one gradient per step and the expected
parameters after every step. "reference" says where the expected values come from:

* torch.optim / torch.nn.utils cases run the real PyTorch 1.13 code on float32 tensors, so the
  expected values are float32 trajectories.
* Optimizers and clips that PyTorch 1.13 lacks (Yogi, Lion, both Adafactors, AGC, AutoClip,
  ZClip) and optbench's own clips (stat, lr_scaled, loss_feedback) are computed here by an
  independent float64 NumPy implementation written from the published algorithm named in the
  file; expected values are rounded to float32 for the file only.

Inputs come from a fixed NumPy seed, so the output is the same on every run.
"""
import json
import math
import os
import sys

import numpy as np
import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "test",
                   "resources", "golden")
SHAPES = [("w", (4, 3)), ("b", (3,))]
STEPS = 12


def f32(x):
    """Shortest decimal that reads back as the same float32."""
    return float(str(np.float32(x)))


def flat(a):
    return [f32(v) for v in np.asarray(a, dtype=np.float32).ravel()]


def inputs(seed, steps=STEPS, scales=None, shapes=SHAPES):
    rng = np.random.default_rng(seed)
    params = [rng.standard_normal(shape).astype(np.float32) for _, shape in shapes]
    grads = []
    for t in range(steps):
        s = 1.0 if scales is None else scales[t % len(scales)]
        grads.append([(s * rng.standard_normal(shape)).astype(np.float32) for _, shape in shapes])
    return params, grads


def write(name, reference, optimizer, params, grads, expected, clip=None, losses=None,
          shapes=SHAPES, schedule=None, hessian_diagonals=None):
    """hessian_diagonals: per step, per tensor, the Hessian-diagonal estimate an optimizer that
    takes one (Sophia) receives, None at steps without one."""
    case = {"reference": reference, "optimizer": optimizer}
    if clip is not None:
        case["clip"] = clip
    if schedule is not None:
        case["schedule"] = schedule
    case["params"] = [{"name": n, "shape": list(s), "values": flat(p)}
                      for (n, s), p in zip(shapes, params)]
    case["grads"] = [[flat(g) for g in step] for step in grads]
    if losses is not None:
        case["losses"] = [float(l) for l in losses]
    if hessian_diagonals is not None:
        case["hessian_diagonals"] = [None if step is None else [flat(h) for h in step]
                                     for step in hessian_diagonals]
    case["expected"] = [[flat(p) for p in step] for step in expected]
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(case, f, separators=(",", ":"))
        f.write("\n")


# ---------------------------------------------------------------- torch.optim (float32)

TORCH_OPTIMIZERS = {
    "sgd": lambda ps, o: torch.optim.SGD(ps, lr=o["lr"], momentum=o.get("momentum", 0),
                                         dampening=o.get("dampening", 0),
                                         nesterov=o.get("nesterov", False),
                                         weight_decay=o.get("weight_decay", 0)),
    "adagrad": lambda ps, o: torch.optim.Adagrad(
        ps, lr=o["lr"], lr_decay=o.get("lr_decay", 0), eps=o.get("eps", 1e-10),
        initial_accumulator_value=o.get("initial_accumulator_value", 0),
        weight_decay=o.get("weight_decay", 0)),
    "rmsprop": lambda ps, o: torch.optim.RMSprop(
        ps, lr=o["lr"], alpha=o.get("alpha", 0.99), eps=o.get("eps", 1e-8),
        momentum=o.get("momentum", 0), centered=o.get("centered", False),
        weight_decay=o.get("weight_decay", 0)),
    "adam": lambda ps, o: torch.optim.Adam(
        ps, lr=o["lr"], betas=(o.get("beta1", 0.9), o.get("beta2", 0.999)), eps=o.get("eps", 1e-8),
        weight_decay=o.get("weight_decay", 0), amsgrad=o.get("amsgrad", False), foreach=False),
    "adamw": lambda ps, o: torch.optim.AdamW(
        ps, lr=o["lr"], betas=(o.get("beta1", 0.9), o.get("beta2", 0.999)), eps=o.get("eps", 1e-8),
        weight_decay=o.get("weight_decay", 1e-2), amsgrad=o.get("amsgrad", False), foreach=False),
    "amsgrad": lambda ps, o: torch.optim.Adam(
        ps, lr=o["lr"], betas=(o.get("beta1", 0.9), o.get("beta2", 0.999)), eps=o.get("eps", 1e-8),
        weight_decay=o.get("weight_decay", 0), amsgrad=True, foreach=False),
    "nadam": lambda ps, o: torch.optim.NAdam(
        ps, lr=o["lr"], betas=(o.get("beta1", 0.9), o.get("beta2", 0.999)), eps=o.get("eps", 1e-8),
        weight_decay=o.get("weight_decay", 0), momentum_decay=o.get("momentum_decay", 4e-3),
        foreach=False, **decoupled(o)),
    "radam": lambda ps, o: torch.optim.RAdam(
        ps, lr=o["lr"], betas=(o.get("beta1", 0.9), o.get("beta2", 0.999)), eps=o.get("eps", 1e-8),
        weight_decay=o.get("weight_decay", 0), foreach=False, **decoupled(o)),
    "adamax": lambda ps, o: torch.optim.Adamax(
        ps, lr=o["lr"], betas=(o.get("beta1", 0.9), o.get("beta2", 0.999)), eps=o.get("eps", 1e-8),
        weight_decay=o.get("weight_decay", 0), foreach=False),
    "adadelta": lambda ps, o: torch.optim.Adadelta(
        ps, lr=o["lr"], rho=o.get("rho", 0.9), eps=o.get("eps", 1e-6),
        weight_decay=o.get("weight_decay", 0), foreach=False),
    "asgd": lambda ps, o: torch.optim.ASGD(
        ps, lr=o["lr"], lambd=o.get("lambd", 1e-4), alpha=o.get("alpha", 0.75),
        t0=o.get("t0", 1e6), weight_decay=o.get("weight_decay", 0), foreach=False),
    "rprop": lambda ps, o: torch.optim.Rprop(
        ps, lr=o["lr"], etas=(o.get("eta_minus", 0.5), o.get("eta_plus", 1.2)),
        step_sizes=(o.get("step_size_min", 1e-6), o.get("step_size_max", 50)), foreach=False),
}


def decoupled(o):
    """torch 2.x's decoupled_weight_decay, passed only when a case sets it (1.13 lacks it)."""
    return {"decoupled_weight_decay": True} if o.get("decoupled_weight_decay") else {}


def torch_clip(clip, tensors):
    if clip is None:
        return
    if clip["name"] == "value":
        torch.nn.utils.clip_grad_value_(tensors, clip["max_value"])
    elif clip["name"] == "global_norm":
        torch.nn.utils.clip_grad_norm_(tensors, clip["max_norm"])
    elif clip["name"] == "param_norm":
        for t in tensors:
            torch.nn.utils.clip_grad_norm_([t], clip["max_norm"])
    else:
        raise ValueError(clip["name"])


def torch_case(name, optimizer, seed, clip=None, scales=None):
    params, grads = inputs(seed, scales=scales)
    tensors = [torch.tensor(p, dtype=torch.float32, requires_grad=True) for p in params]
    opt = TORCH_OPTIMIZERS[optimizer["name"]](tensors, optimizer)
    expected = []
    for step in grads:
        for t, g in zip(tensors, step):
            t.grad = torch.tensor(g, dtype=torch.float32)
        torch_clip(clip, tensors)
        opt.step()
        expected.append([t.detach().numpy().copy() for t in tensors])
    ref = "torch.optim." + type(opt).__name__ + " (PyTorch " + torch.__version__ + ", float32)"
    if clip is not None:
        ref += " after torch.nn.utils." + ("clip_grad_value_" if clip["name"] == "value"
                                            else "clip_grad_norm_"
                                            + (" per tensor" if clip["name"] == "param_norm" else ""))
    write(name, ref, optimizer, params, grads, expected, clip=clip)


# ---------------------------------------------------------------- NumPy float64 references

def sgd64(lr):
    def step(ps, gs, state, t):
        return [p - lr * g for p, g in zip(ps, gs)]
    return step


def yogi64(lr, b1=0.9, b2=0.999, eps=1e-3):
    """Zaheer et al. 2018 Algorithm 2 with Adam's bias correction, v0 = 0 (d2l.ai 12.10.3)."""
    def step(ps, gs, state, t):
        out = []
        for i, (p, g) in enumerate(zip(ps, gs)):
            m, v = state.setdefault(i, [np.zeros_like(p), np.zeros_like(p)])
            m[:] = b1 * m + (1 - b1) * g
            v[:] = v - (1 - b2) * np.sign(v - g * g) * g * g
            mh, vh = m / (1 - b1 ** t), v / (1 - b2 ** t)
            out.append(p - lr * mh / (np.sqrt(vh) + eps))
        return out
    return step


def lion64(lr, b1=0.9, b2=0.99, wd=0.0):
    """Chen et al. 2023 Algorithm 2 (decoupled weight decay)."""
    def step(ps, gs, state, t):
        out = []
        for i, (p, g) in enumerate(zip(ps, gs)):
            m = state.setdefault(i, np.zeros_like(p))
            u = np.sign(b1 * m + (1 - b1) * g)
            m[:] = b2 * m + (1 - b2) * g
            out.append(p * (1 - lr * wd) - lr * u)
        return out
    return step


def nadamw64(lr, b1=0.9, b2=0.999, eps=1e-8, wd=1e-2):
    """NAdamW of the AlgoPerf baseline: Choi et al. 2019, Table 1 (NAdam) with AdamW's decoupled
    decay p <- p (1 - lr wd) first; the Nesterov look-ahead b1 m_t + (1 - b1) g_t over 1 - b1^t."""
    def step(ps, gs, state, t):
        out = []
        for i, (p, g) in enumerate(zip(ps, gs)):
            m, v = state.setdefault(i, [np.zeros_like(p), np.zeros_like(p)])
            p = p * (1 - lr * wd)
            m[:] = b1 * m + (1 - b1) * g
            v[:] = b2 * v + (1 - b2) * g * g
            look_ahead = b1 * m + (1 - b1) * g
            denom = np.sqrt(v) / math.sqrt(1 - b2 ** t) + eps
            out.append(p - lr / (1 - b1 ** t) * look_ahead / denom)
        return out
    return step


def rms(x):
    return math.sqrt(float(np.mean(x * x)))


def adafactor64(lr=None, eps1=1e-30, eps2=1e-3, d=1.0, decay=-0.8, beta1=None, wd=0.0,
                scale_parameter=True, relative_step=True, warmup_init=False):
    """Shazeer & Stern 2018 as transformers.optimization.Adafactor computes it."""
    def step(ps, gs, state, t):
        out = []
        for i, (p, g) in enumerate(zip(ps, gs)):
            rel = min(1e-6 * t if warmup_init else 1e-2, 1 / math.sqrt(t)) if relative_step else lr
            alpha = (max(eps2, rms(p)) if scale_parameter else 1.0) * rel
            beta2t = 1 - t ** decay
            sq = g * g + eps1
            if p.ndim >= 2:
                r, c = state.setdefault(("f", i), [np.zeros(p.shape[:-1]),
                                                   np.zeros(p.shape[:-2] + p.shape[-1:])])
                r[:] = beta2t * r + (1 - beta2t) * sq.mean(axis=-1)
                c[:] = beta2t * c + (1 - beta2t) * sq.mean(axis=-2)
                rf = 1 / np.sqrt(r / r.mean(axis=-1, keepdims=True))
                u = g * rf[..., None] * (1 / np.sqrt(c))[..., None, :]
            else:
                v = state.setdefault(("v", i), np.zeros_like(p))
                v[:] = beta2t * v + (1 - beta2t) * sq
                u = g / np.sqrt(v)
            u = u / max(1.0, rms(u) / d) * alpha
            if beta1 is not None:
                m = state.setdefault(("m", i), np.zeros_like(p))
                m[:] = beta1 * m + (1 - beta1) * u
                u = m
            out.append(p - wd * alpha * p - u)
        return out
    return step


def adafactor_torch64(lr=1e-2, beta2_decay=-0.8, eps1=None, eps2=1e-3, d=1.0, wd=0.0):
    """The algorithm of torch.optim.Adafactor's documentation (PyTorch 2.5+)."""
    e1 = float(np.finfo(np.float32).eps) if eps1 is None else eps1

    def step(ps, gs, state, t):
        out = []
        for i, (p, g) in enumerate(zip(ps, gs)):
            w = t ** beta2_decay
            rho = min(lr, 1 / math.sqrt(t))
            alpha = max(eps2, rms(p)) * rho
            if p.ndim >= 2:
                r, c = state.setdefault(("f", i), [np.zeros(p.shape[:-1]),
                                                   np.zeros(p.shape[:-2] + p.shape[-1:])])
                r[:] = r + w * ((g * g).mean(axis=-1) - r)
                c[:] = c + w * ((g * g).mean(axis=-2) - c)
                v = r[..., :, None] * c[..., None, :] / np.maximum(r.mean(axis=-1), e1)[..., None, None]
            else:
                v = state.setdefault(("v", i), np.zeros_like(p))
                v[:] = v + w * (g * g - v)
            u = g / np.sqrt(np.maximum(v, e1 * e1))
            u = u / max(1.0, rms(u) / d)
            out.append(p * (1 - lr * wd) - alpha * u)
        return out
    return step


def global_scale(gs, norm, threshold, torch_rule=True):
    coef = threshold / (norm + 1e-6)
    if (coef < 1) if torch_rule else (norm > threshold):
        return [g * coef for g in gs]
    return gs


def gnorm(gs):
    return math.sqrt(sum(float(np.sum(g * g)) for g in gs))


def agc64(clipping, eps=1e-3):
    """Brock et al. 2021 eq. 3; units along dim 0 as timm's unitwise_norm."""
    def clip(ps, gs, state, t, loss):
        out = []
        for p, g in zip(ps, gs):
            if p.ndim <= 1:
                wn = np.array(math.sqrt(float(np.sum(p * p))))
                gn = np.array(math.sqrt(float(np.sum(g * g))))
            else:
                axes = tuple(range(1, p.ndim))
                wn = np.sqrt(np.sum(p * p, axis=axes, keepdims=True))
                gn = np.sqrt(np.sum(g * g, axis=axes, keepdims=True))
            max_norm = np.maximum(wn, eps) * clipping
            out.append(np.where(gn > max_norm, g * (max_norm / np.maximum(gn, 1e-6)), g))
        return out
    return clip


def autoclip64(percentile):
    """Seetharaman et al. 2020: clip_grad_norm_ at np.percentile(all norms so far, p)."""
    def clip(ps, gs, state, t, loss):
        n = gnorm(gs)
        state.setdefault("history", []).append(n)
        return global_scale(gs, n, float(np.percentile(state["history"], percentile)))
    return clip


def zclip64(alpha=0.97, z=2.5, warmup=25, eps=1e-6):
    """Kumar et al. 2025, the authors' zscore mode with adaptive scaling."""
    def clip(ps, gs, state, t, loss):
        n = gnorm(gs)
        buf = state.setdefault("buffer", [])
        if "mean" not in state:
            buf.append(n)
            if len(buf) >= warmup:
                state["mean"] = sum(buf) / len(buf)
                state["var"] = sum((x - state["mean"]) ** 2 for x in buf) / len(buf)
            return gs
        std = state["var"] ** 0.5
        zs = (n - state["mean"]) / (std + eps)
        value = state["mean"] + z * std / (zs / z) if zs > z else n
        out = global_scale(gs, n, value, torch_rule=False)
        state["mean"] = alpha * state["mean"] + (1 - alpha) * value
        state["var"] = alpha * state["var"] + (1 - alpha) * (value - state["mean"]) ** 2
        return out
    return clip


def stat64(k):
    """optbench's statistical clip: clamp to mean + k std of |g|, per tensor."""
    def clip(ps, gs, state, t, loss):
        out = []
        for g in gs:
            a = np.abs(g)
            tau = a.mean() + k * a.std()
            out.append(np.clip(g, -tau, tau))
        return out
    return clip


def lr_scaled64(c, lr):
    def clip(ps, gs, state, t, loss):
        return global_scale(gs, gnorm(gs), c * lr)
    return clip


def loss_feedback64(initial, grow, shrink, lo, hi):
    """optbench's loss-feedback rule (docs/optimizers.md)."""
    def clip(ps, gs, state, t, loss):
        tau = state.setdefault("tau", min(hi, max(lo, initial)))
        prev = state.get("prev")
        if prev is not None and loss > prev:
            tau = min(hi, max(lo, tau * grow))
        elif prev is not None and loss < prev:
            tau = min(hi, max(lo, tau * shrink))
        state["tau"], state["prev"] = tau, loss
        return global_scale(gs, gnorm(gs), tau)
    return clip


def numpy_case(name, reference, optimizer, step, seed, clip=None, clipper=None, scales=None,
               losses=None, steps=STEPS):
    params, grads = inputs(seed, steps=steps, scales=scales)
    ps = [p.astype(np.float64) for p in params]
    opt_state, clip_state = {}, {}
    expected = []
    for t, step_grads in enumerate(grads, start=1):
        gs = [g.astype(np.float64) for g in step_grads]
        if clipper is not None:
            gs = clipper(ps, gs, clip_state, t, None if losses is None else losses[t - 1])
        ps = step(ps, gs, opt_state, t)
        expected.append(ps)
    write(name, reference + " (independent float64 NumPy implementation in tools/golden/generate.py)",
          optimizer, params, grads, expected, clip=clip, losses=losses)


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.set_num_threads(1)
    spiky = [0.2, 3.0, 0.5, 8.0, 1.0, 0.1]

    torch_case("sgd-plain", {"name": "sgd", "lr": 0.1}, 1)
    torch_case("sgd-momentum", {"name": "sgd", "lr": 0.05, "momentum": 0.9}, 2)
    torch_case("sgd-dampening", {"name": "sgd", "lr": 0.05, "momentum": 0.9, "dampening": 0.5}, 3)
    torch_case("sgd-nesterov", {"name": "sgd", "lr": 0.05, "momentum": 0.9, "nesterov": True}, 4)
    torch_case("sgd-weight-decay", {"name": "sgd", "lr": 0.05, "momentum": 0.8,
                                    "weight_decay": 0.1}, 5)
    torch_case("adagrad-default", {"name": "adagrad", "lr": 0.1}, 6)
    torch_case("adagrad-lr-decay", {"name": "adagrad", "lr": 0.1, "lr_decay": 0.1, "eps": 1e-6}, 7)
    torch_case("adagrad-accumulator-decay", {"name": "adagrad", "lr": 0.1,
                                             "initial_accumulator_value": 0.1,
                                             "weight_decay": 0.05}, 8)
    torch_case("rmsprop-default", {"name": "rmsprop", "lr": 0.01}, 9)
    torch_case("rmsprop-centered", {"name": "rmsprop", "lr": 0.01, "centered": True}, 10)
    torch_case("rmsprop-momentum", {"name": "rmsprop", "lr": 0.01, "momentum": 0.9}, 11)
    torch_case("rmsprop-centered-momentum-decay", {"name": "rmsprop", "lr": 0.01, "alpha": 0.9,
                                                   "centered": True, "momentum": 0.5,
                                                   "weight_decay": 0.1}, 12)
    torch_case("adam-default", {"name": "adam", "lr": 0.01}, 13)
    torch_case("adam-weight-decay", {"name": "adam", "lr": 0.01, "weight_decay": 0.1}, 14)
    torch_case("adam-betas-eps", {"name": "adam", "lr": 0.01, "beta1": 0.8, "beta2": 0.99,
                                  "eps": 1e-3}, 15)
    torch_case("adam-amsgrad", {"name": "adam", "lr": 0.01, "amsgrad": True}, 16, scales=spiky)
    torch_case("adamw-default", {"name": "adamw", "lr": 0.01}, 17)
    torch_case("adamw-amsgrad-decay", {"name": "adamw", "lr": 0.01, "weight_decay": 0.3,
                                       "amsgrad": True}, 18, scales=spiky)
    torch_case("amsgrad-default", {"name": "amsgrad", "lr": 0.01}, 19, scales=spiky)
    torch_case("clip-value", {"name": "sgd", "lr": 0.1}, 20,
               clip={"name": "value", "max_value": 0.5}, scales=spiky)
    torch_case("clip-global-norm", {"name": "adam", "lr": 0.01}, 21,
               clip={"name": "global_norm", "max_norm": 2.0}, scales=spiky)
    torch_case("clip-global-norm-sgd", {"name": "sgd", "lr": 0.1, "momentum": 0.9}, 22,
               clip={"name": "global_norm", "max_norm": 1.0}, scales=spiky)
    torch_case("clip-param-norm", {"name": "sgd", "lr": 0.1}, 23,
               clip={"name": "param_norm", "max_norm": 1.0}, scales=spiky)

    # NAdam's vectors come from PyTorch 2.x (generate_libraries.py): 1.13's single-tensor NAdam
    # multiplies mu_t into mu_product_next twice (mu_product * mu * mu_next), fixed in 2.0.
    torch_case("radam-default", {"name": "radam", "lr": 0.01}, 62)
    torch_case("radam-decay", {"name": "radam", "lr": 0.01, "beta2": 0.99, "weight_decay": 0.1,
                               "eps": 1e-3}, 63, scales=spiky)
    torch_case("adamax-default", {"name": "adamax", "lr": 0.01}, 64)
    torch_case("adamax-decay", {"name": "adamax", "lr": 0.01, "beta1": 0.8, "beta2": 0.99,
                                "weight_decay": 0.1, "eps": 0.1}, 65, scales=spiky)
    torch_case("adadelta-default", {"name": "adadelta", "lr": 1.0}, 66)
    torch_case("adadelta-decay", {"name": "adadelta", "lr": 0.5, "rho": 0.5, "eps": 1e-3,
                                  "weight_decay": 0.1}, 67, scales=spiky)
    torch_case("asgd-default", {"name": "asgd", "lr": 0.05}, 68)
    torch_case("asgd-averaging", {"name": "asgd", "lr": 0.05, "lambd": 0.01, "alpha": 0.6,
                                  "t0": 4.0, "weight_decay": 0.1}, 69, scales=spiky)
    torch_case("rprop-default", {"name": "rprop", "lr": 0.01}, 70)
    torch_case("rprop-etas", {"name": "rprop", "lr": 0.05, "eta_minus": 0.3, "eta_plus": 1.5,
                              "step_size_min": 0.01, "step_size_max": 0.08}, 71, scales=spiky)
    algoperf = "NAdamW of the AlgoPerf baseline (Choi et al. 2019, Table 1, decoupled decay)"
    numpy_case("nadamw-default", algoperf, {"name": "nadamw", "lr": 0.01}, nadamw64(0.01), 72)
    numpy_case("nadamw-betas-decay", algoperf,
               {"name": "nadamw", "lr": 0.01, "beta1": 0.3, "beta2": 0.99, "eps": 1e-3,
                "weight_decay": 0.3}, nadamw64(0.01, 0.3, 0.99, 1e-3, 0.3), 73, scales=spiky)

    numpy_case("yogi-default", "Zaheer et al. 2018, Algorithm 2; d2l.ai 12.10.3",
               {"name": "yogi", "lr": 0.01}, yogi64(0.01), 30)
    numpy_case("yogi-betas", "Zaheer et al. 2018, Algorithm 2; d2l.ai 12.10.3",
               {"name": "yogi", "lr": 0.05, "beta1": 0.5, "beta2": 0.9, "eps": 1e-2},
               yogi64(0.05, 0.5, 0.9, 1e-2), 31, scales=spiky)
    numpy_case("lion-default", "Chen et al. 2023, Algorithm 2",
               {"name": "lion", "lr": 0.001}, lion64(0.001), 32)
    numpy_case("lion-weight-decay", "Chen et al. 2023, Algorithm 2",
               {"name": "lion", "lr": 0.01, "beta1": 0.95, "beta2": 0.98, "weight_decay": 0.5},
               lion64(0.01, 0.95, 0.98, 0.5), 33)
    hf = "Shazeer & Stern 2018 as transformers.optimization.Adafactor"
    numpy_case("adafactor-default", hf, {"name": "adafactor"}, adafactor64(), 34)
    numpy_case("adafactor-momentum-decay", hf,
               {"name": "adafactor", "beta1": 0.9, "weight_decay": 0.1, "clip_threshold": 0.5},
               adafactor64(beta1=0.9, wd=0.1, d=0.5), 35, scales=spiky)
    numpy_case("adafactor-fixed-lr", hf,
               {"name": "adafactor", "lr": 0.01, "relative_step": False, "scale_parameter": False},
               adafactor64(lr=0.01, relative_step=False, scale_parameter=False), 36)
    numpy_case("adafactor-warmup-init", hf,
               {"name": "adafactor", "warmup_init": True, "decay_rate": -0.5},
               adafactor64(warmup_init=True, decay=-0.5), 37)
    tf = "torch.optim.Adafactor documentation algorithm (PyTorch 2.5+)"
    numpy_case("adafactor-torch-default", tf, {"name": "adafactor_torch"}, adafactor_torch64(), 38)
    numpy_case("adafactor-torch-decay", tf,
               {"name": "adafactor_torch", "lr": 0.05, "weight_decay": 0.1, "eps1": 1e-6,
                "d": 1.5, "beta2_decay": -0.6},
               adafactor_torch64(lr=0.05, wd=0.1, eps1=1e-6, d=1.5, beta2_decay=-0.6), 39,
               scales=spiky)
    numpy_case("clip-agc", "Brock et al. 2021, eq. 3 (timm unitwise_norm layout)",
               {"name": "sgd", "lr": 0.1}, sgd64(0.1), 40,
               clip={"name": "agc", "clipping": 0.3, "eps": 1e-3}, clipper=agc64(0.3), scales=spiky)
    numpy_case("clip-autoclip", "Seetharaman et al. 2020 (AutoClip)",
               {"name": "sgd", "lr": 0.1}, sgd64(0.1), 41,
               clip={"name": "autoclip", "percentile": 50.0}, clipper=autoclip64(50.0), scales=spiky)
    numpy_case("clip-zclip", "Kumar et al. 2025 (ZClip), zscore mode, adaptive scaling",
               {"name": "sgd", "lr": 0.1}, sgd64(0.1), 42,
               clip={"name": "zclip", "alpha": 0.9, "z_threshold": 1.5, "warmup_steps": 4},
               clipper=zclip64(alpha=0.9, z=1.5, warmup=4), scales=[1, 1.2, 0.9, 1.1, 1, 6, 1, 9],
               steps=16)
    numpy_case("clip-stat", "optbench stat clipping (docs/optimizers.md)",
               {"name": "sgd", "lr": 0.1}, sgd64(0.1), 43,
               clip={"name": "stat", "k": 1.0}, clipper=stat64(1.0))
    numpy_case("clip-lr-scaled", "optbench lr_scaled clipping (docs/optimizers.md)",
               {"name": "sgd", "lr": 0.1}, sgd64(0.1), 44,
               clip={"name": "lr_scaled", "c": 20.0}, clipper=lr_scaled64(20.0, 0.1), scales=spiky)
    losses = [3.0, 2.5, 2.7, 2.9, 2.0, 1.0, 1.5, 1.4, 1.6, 1.2, 1.1, 1.3]
    numpy_case("clip-loss-feedback", "optbench loss_feedback clipping (docs/optimizers.md)",
               {"name": "sgd", "lr": 0.1}, sgd64(0.1), 45,
               clip={"name": "loss_feedback", "initial_norm": 1.5, "grow": 1.5, "shrink": 0.8,
                     "min_norm": 0.5, "max_norm": 3.0},
               clipper=loss_feedback64(1.5, 1.5, 0.8, 0.5, 3.0), scales=spiky, losses=losses)
    print("wrote", len(os.listdir(OUT)), "cases to", os.path.normpath(OUT), file=sys.stderr)


if __name__ == "__main__":
    main()
