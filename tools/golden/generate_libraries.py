#!/usr/bin/env python3
"""Golden vectors whose expected values come from the reference libraries themselves.

generate.py runs on Debian's PyTorch 1.13, which has no Adafactor, so its Adafactor cases use an
independent NumPy implementation. The cases here run the real code instead, float32 throughout:

* transformers.optimization.Adafactor (transformers 4.x or later) for "adafactor";
* torch.optim.Adafactor (PyTorch 2.5 or later) for "adafactor_torch".

They cover what the NumPy cases do not: transformers' weight decay without a first moment, a
rank-3 parameter (Adafactor factors the last two dimensions, one row/column pair per leading
index), and torch's ρₜ = min(lr, 1/√t) on its 1/√t branch (lr 0.5, so from step 5 on). Every
Adafactor case is also recomputed by generate.py's float64 NumPy implementation and must agree
with the library, so the two references check each other.

It runs generate.py's torch.optim cases for what PyTorch 1.13 lacks or gets wrong: every NAdam
case (1.13's single-tensor NAdam multiplies mu_t into mu_product_next twice, which 2.0 fixed),
NAdam's and RAdam's decoupled_weight_decay (PyTorch 2.1+), and the lerp kernel 2.x uses for the first moment on its
"from the end" branch (weight 1 - beta1 >= 0.5), with Adamax at beta1 0.3.

It also runs generate.py's torch.optim cases for the eps of AMSGrad, RMSprop (plain and centered)
and Adagrad at 0.1, where the defaults (1e-8, 1e-10) vanish next to √v in float32 and a kernel
that dropped or misplaced eps would still pass. Their reference names this PyTorch's version.

And it runs optax's own AdaBelief (optax.adabelief), ADOPT (optax.contrib.adopt) and AdEMAMix
(optax.contrib.ademamix), in float64
(JAX x64) on the float32 inputs.

And optax's Prodigy (optax.contrib.prodigy) and D-Adaptation AdamW (optax.contrib.dadapt_adamw).
Their step size d only grows when the gradients keep pointing one way (the inner products it is
estimated from vanish on independent random gradients), so their gradients carry a constant
drift, as on a slope; one case runs under optbench's warmup_linear schedule, handed to optax as
a function of its step count (optax reads the schedule at t - 1 for step t).

Regenerate (writes only the files named in main() into src/test/resources/golden/):

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install torch numpy transformers optax jax
    /tmp/venv/bin/python tools/golden/generate_libraries.py

Inputs come from fixed NumPy seeds, so the output is the same on every run.
"""
import os
import sys

import numpy as np
import torch
import transformers
from transformers.optimization import Adafactor as HfAdafactor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate as g  # noqa: E402

RANK3 = [("w", (2, 4, 3)), ("b", (3,))]


def hf(ps, o):
    return HfAdafactor(ps, lr=o.get("lr"), weight_decay=o.get("weight_decay", 0.0),
                       beta1=o.get("beta1"), scale_parameter=o.get("scale_parameter", True),
                       relative_step=o.get("relative_step", True),
                       warmup_init=o.get("warmup_init", False))


def torch_adafactor(ps, o):
    return torch.optim.Adafactor(ps, lr=o.get("lr", 1e-2), weight_decay=o.get("weight_decay", 0.0),
                                 beta2_decay=o.get("beta2_decay", -0.8), foreach=False)


LIBRARIES = {
    "adafactor": (hf, "transformers.optimization.Adafactor (transformers "
                  + transformers.__version__ + ", PyTorch " + torch.__version__ + ", float32)"),
    "adafactor_torch": (torch_adafactor, "torch.optim.Adafactor (PyTorch " + torch.__version__
                        + ", float32)"),
}


def library_case(name, optimizer, numpy_step, seed, shapes=g.SHAPES, scales=None):
    params, grads = g.inputs(seed, scales=scales, shapes=shapes)
    make, reference = LIBRARIES[optimizer["name"]]
    tensors = [torch.tensor(p, dtype=torch.float32, requires_grad=True) for p in params]
    opt = make(tensors, optimizer)
    expected = []
    for step in grads:
        for t, grad in zip(tensors, step):
            t.grad = torch.tensor(grad, dtype=torch.float32)
        opt.step()
        expected.append([t.detach().numpy().copy() for t in tensors])
    # The float64 NumPy implementation of generate.py must agree (float32 vs float64 only).
    ps, state = [p.astype(np.float64) for p in params], {}
    for t, step in enumerate(grads, start=1):
        ps = numpy_step(ps, [x.astype(np.float64) for x in step], state, t)
        for lib, ind in zip(expected[t - 1], ps):
            np.testing.assert_allclose(lib, ind, rtol=1e-4, atol=1e-6, err_msg=name)
    g.write(name, reference + "; agrees with tools/golden/generate.py's float64 NumPy"
            " implementation", optimizer, params, grads, expected, shapes=shapes)


def optax_optimizer(o):
    """The optax transformation of a case's optimizer (optbench names to optax's)."""
    import optax
    if o["name"] == "adabelief":
        return optax.adabelief(o["lr"], b1=o.get("beta1", 0.9), b2=o.get("beta2", 0.999),
                               eps=o.get("eps", 1e-16), eps_root=o.get("eps_root", 1e-16))
    if o["name"] == "adopt":
        return optax.contrib.adopt(o["lr"], b1=o.get("beta1", 0.9), b2=o.get("beta2", 0.9999),
                                   eps=o.get("eps", 1e-6), nesterov=o.get("nesterov", False),
                                   use_clipping=o.get("clip", True))
    if o["name"] == "ademamix":
        return optax.contrib.ademamix(o["lr"], b1=o.get("beta1", 0.9), b2=o.get("beta2", 0.999),
                                      b3=o.get("beta3", 0.9999), alpha=o.get("alpha", 5.0),
                                      eps=o.get("eps", 1e-8),
                                      weight_decay=o.get("weight_decay", 0.0))
    if o["name"] == "prodigy":
        return optax.contrib.prodigy(o["lr"], betas=(o.get("beta1", 0.9), o.get("beta2", 0.999)),
                                     beta3=o.get("beta3"), eps=o.get("eps", 1e-8),
                                     estim_lr0=o.get("estim_lr0", 1e-6),
                                     estim_lr_coef=o.get("estim_lr_coef", 1.0),
                                     weight_decay=o.get("weight_decay", 0.0),
                                     safeguard_warmup=o.get("safeguard_warmup", False))
    if o["name"] == "dadapt_adamw":
        return optax.contrib.dadapt_adamw(o["lr"],
                                          betas=(o.get("beta1", 0.9), o.get("beta2", 0.999)),
                                          eps=o.get("eps", 1e-8),
                                          estim_lr0=o.get("estim_lr0", 1e-6),
                                          weight_decay=o.get("weight_decay", 0.0))
    raise ValueError(o["name"])


def warmup_linear(lr, warmup, total, final=0.0):
    """optbench's warmup_linear as an optax schedule: optax asks for step t's lr with t - 1."""
    def factor(t):
        if t <= warmup:
            return t / warmup
        progress = min(1.0, (t - warmup) / (total - warmup))
        return final + (1 - final) * (1 - progress)
    return lambda count: lr * factor(int(count) + 1)


def optax_case(name, optimizer, seed, scales=None, drift=0.0, steps=g.STEPS, schedule=None,
               param_scale=1.0):
    """Expected values from optax itself, run in float64 (JAX x64, CPU) on the float32 inputs.

    XLA's float32 arithmetic for ADOPT (u = g / max(sqrt(v), eps), clipped) strays from the
    exact update by up to 2e-5 of its size on spiky gradients, which an independent float64
    computation confirms; float64 keeps the reference at the formula, rounded to float32 for the
    file only, as the NumPy references are.
    """
    import jax
    jax.config.update("jax_platforms", "cpu")
    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp
    import optax
    params, grads = g.inputs(seed, steps=steps, scales=scales)
    if param_scale != 1.0:
        params = [(p * np.float32(param_scale)).astype(np.float32) for p in params]
    if drift:
        grads = [[(x + np.float32(drift)).astype(np.float32) for x in step] for step in grads]
    if schedule is None:
        opt = optax_optimizer(optimizer)
    else:
        scheduled = dict(optimizer, lr=warmup_linear(optimizer["lr"], schedule["warmup_steps"],
                                                     schedule["total_steps"],
                                                     schedule.get("final_factor", 0.0)))
        opt = optax_optimizer(scheduled)
    ps = [jnp.asarray(p, dtype=jnp.float64) for p in params]
    state = opt.init(ps)
    expected = []
    for step in grads:
        updates, state = opt.update([jnp.asarray(x, dtype=jnp.float64) for x in step], state, ps)
        ps = optax.apply_updates(ps, updates)
        expected.append([np.asarray(p) for p in ps])
    g.write(name, "optax " + optax.__version__ + " (JAX " + jax.__version__ + ", run in float64)",
            optimizer, params, grads, expected, schedule=schedule)


def main():
    torch.set_num_threads(1)
    spiky = [0.2, 3.0, 0.5, 8.0, 1.0, 0.1]
    library_case("adafactor-decay", {"name": "adafactor", "weight_decay": 0.1},
                 g.adafactor64(wd=0.1), 46, scales=spiky)
    library_case("adafactor-rank3", {"name": "adafactor"}, g.adafactor64(), 47, shapes=RANK3)
    library_case("adafactor-torch-rank3", {"name": "adafactor_torch"}, g.adafactor_torch64(), 48,
                 shapes=RANK3)
    library_case("adafactor-torch-inverse-sqrt", {"name": "adafactor_torch", "lr": 0.5},
                 g.adafactor_torch64(lr=0.5), 49)
    # eps large enough to matter (the default 1e-8 is lost next to √v ~ 1 in float32).
    g.torch_case("amsgrad-eps", {"name": "amsgrad", "lr": 0.01, "eps": 0.1}, 50, scales=spiky)
    g.torch_case("rmsprop-eps", {"name": "rmsprop", "lr": 0.01, "eps": 0.1}, 51, scales=spiky)
    g.torch_case("rmsprop-centered-eps", {"name": "rmsprop", "lr": 0.01, "centered": True,
                                          "eps": 0.1}, 52, scales=spiky)
    g.torch_case("adagrad-eps", {"name": "adagrad", "lr": 0.1, "eps": 0.1}, 53, scales=spiky)
    g.torch_case("nadam-default", {"name": "nadam", "lr": 0.01}, 60)
    g.torch_case("nadam-decay-momentum", {"name": "nadam", "lr": 0.01, "beta1": 0.8,
                                          "weight_decay": 0.1, "momentum_decay": 0.04,
                                          "eps": 1e-3}, 61, scales=spiky)
    g.torch_case("nadam-decoupled", {"name": "nadam", "lr": 0.01, "weight_decay": 0.1,
                                     "decoupled_weight_decay": True}, 54, scales=spiky)
    g.torch_case("radam-decoupled", {"name": "radam", "lr": 0.01, "weight_decay": 0.1,
                                     "decoupled_weight_decay": True}, 55, scales=spiky)
    g.torch_case("adamax-lerp-from-end", {"name": "adamax", "lr": 0.01, "beta1": 0.3}, 56)
    # optax's own AdaBelief and ADOPT.
    optax_case("adabelief-default", {"name": "adabelief", "lr": 0.01}, 80)
    optax_case("adabelief-eps", {"name": "adabelief", "lr": 0.01, "beta1": 0.5, "eps": 1e-3,
                                 "eps_root": 1e-6}, 81, scales=spiky)
    optax_case("adopt-default", {"name": "adopt", "lr": 0.01}, 82, scales=spiky)
    optax_case("adopt-nesterov-unclipped", {"name": "adopt", "lr": 0.01, "beta2": 0.99,
                                            "nesterov": True, "clip": False}, 83)
    optax_case("ademamix-default", {"name": "ademamix", "lr": 0.01}, 84)
    optax_case("ademamix-decay", {"name": "ademamix", "lr": 0.01, "beta3": 0.9, "alpha": 8.0,
                                  "eps": 1e-3, "weight_decay": 0.1}, 85, scales=spiky)
    # optax's own Prodigy and D-Adaptation AdamW, on gradients with a drift (d grows).
    optax_case("prodigy-default", {"name": "prodigy", "lr": 1.0}, 320, drift=1.0, steps=20,
               param_scale=1e-4)
    optax_case("prodigy-decay-d0", {"name": "prodigy", "lr": 1.0, "beta3": 0.9,
                                    "estim_lr0": 1e-3, "estim_lr_coef": 2.0,
                                    "weight_decay": 0.1}, 321, scales=spiky, drift=0.5)
    # safeguard_warmup adds d·g to s instead of dlr·g (no lr, no bias correction), which keeps d
    # at d0 for dozens of steps with beta2 0.999: beta2 0.9 lets it grow within the case.
    optax_case("prodigy-safeguard-warmup", {"name": "prodigy", "lr": 1.0, "beta1": 0.8,
                                            "beta2": 0.9, "eps": 1e-3, "estim_lr0": 1e-3,
                                            "safeguard_warmup": True}, 322, drift=1.0, steps=16,
               schedule={"name": "warmup_linear", "warmup_steps": 4, "total_steps": 20})
    optax_case("dadapt-adamw-default", {"name": "dadapt_adamw", "lr": 1.0}, 323, drift=1.0,
               steps=20, param_scale=1e-4)
    optax_case("dadapt-adamw-decay-d0", {"name": "dadapt_adamw", "lr": 1.0, "beta1": 0.8,
                                         "beta2": 0.99, "eps": 1e-3, "estim_lr0": 1e-3,
                                         "weight_decay": 0.1}, 324, scales=spiky, drift=0.5)
    print("wrote 24 cases to", os.path.normpath(g.OUT), file=sys.stderr)


if __name__ == "__main__":
    main()
