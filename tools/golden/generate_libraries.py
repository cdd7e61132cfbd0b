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

And torch.optim.Muon itself (PyTorch 2.13), with its Newton–Schulz iteration in float64 (see
muon_case), next to torch.optim.AdamW on the tensors Muon does not take.

And it runs optax's own AdaBelief (optax.adabelief), ADOPT (optax.contrib.adopt) and AdEMAMix
(optax.contrib.ademamix), in float64
(JAX x64) on the float32 inputs.

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
    raise ValueError(o["name"])


def optax_case(name, optimizer, seed, scales=None):
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
    params, grads = g.inputs(seed, scales=scales)
    opt = optax_optimizer(optimizer)
    ps = [jnp.asarray(p, dtype=jnp.float64) for p in params]
    state = opt.init(ps)
    expected = []
    for step in grads:
        updates, state = opt.update([jnp.asarray(x, dtype=jnp.float64) for x in step], state, ps)
        ps = optax.apply_updates(ps, updates)
        expected.append([np.asarray(p) for p in ps])
    g.write(name, "optax " + optax.__version__ + " (JAX " + jax.__version__ + ", run in float64)",
            optimizer, params, grads, expected)


MATRICES = [("w", (4, 3)), ("v", (2, 5)), ("b", (3,))]


def muon_case(name, optimizer, seed, scales=None):
    """torch.optim.Muon on the matrices, torch.optim.AdamW at its defaults on the rest.

    torch runs the Newton–Schulz iteration in bfloat16 (a GPU throughput choice that leaves about
    3e-3 relative noise in each update); optbench runs it in float64 on both engines, so here
    torch's own Muon runs with Tensor.bfloat16 standing for a float64 copy: every other line of
    torch's step (the lerp momentum, Nesterov, the lr adjustment, the decoupled decay, the
    addmm iteration itself) is torch's. AdamW at its defaults is what optbench gives the tensors
    Muon cannot take when no parameter group says otherwise (torch.optim.Muon's documented
    pairing).
    """
    params, grads = g.inputs(seed, scales=scales, shapes=MATRICES)
    tensors = [torch.tensor(p, dtype=torch.float32, requires_grad=True) for p in params]
    o = optimizer
    muon = torch.optim.Muon([t for t in tensors if t.ndim == 2], lr=o["lr"],
                            weight_decay=o.get("weight_decay", 0.1),
                            momentum=o.get("momentum", 0.95), nesterov=o.get("nesterov", True),
                            ns_steps=o.get("ns_steps", 5),
                            adjust_lr_fn=o.get("adjust_lr_fn", "original"))
    adamw = torch.optim.AdamW([t for t in tensors if t.ndim != 2], foreach=False)
    bfloat16 = torch.Tensor.bfloat16
    expected = []
    try:
        torch.Tensor.bfloat16 = lambda self, *args, **kwargs: self.double()
        for step in grads:
            for t, grad in zip(tensors, step):
                t.grad = torch.tensor(grad, dtype=torch.float32)
            muon.step()
            adamw.step()
            expected.append([t.detach().numpy().copy() for t in tensors])
    finally:
        torch.Tensor.bfloat16 = bfloat16
    g.write(name, "torch.optim.Muon (PyTorch " + torch.__version__ + ", Newton–Schulz in float64"
            " instead of bfloat16) on the matrices; torch.optim.AdamW at its defaults on the"
            " vector", optimizer, params, grads, expected, shapes=MATRICES)


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
    muon_case("muon-default", {"name": "muon", "lr": 0.02}, 86)
    muon_case("muon-moonshot-plain", {"name": "muon", "lr": 0.02, "nesterov": False,
                                      "weight_decay": 0.0, "ns_steps": 3,
                                      "adjust_lr_fn": "match_rms_adamw"}, 87, scales=spiky)
    print("wrote 21 cases to", os.path.normpath(g.OUT), file=sys.stderr)


if __name__ == "__main__":
    main()
