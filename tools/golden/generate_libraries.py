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

And it runs optax's own AdaBelief (optax.adabelief), ADOPT (optax.contrib.adopt), AdEMAMix
(optax.contrib.ademamix), LAMB (optax.lamb) and LARS (optax.lars), in float64
(JAX x64) on the float32 inputs. exclude_vectors is optax's mask argument, True for tensors of
rank >= 2; for LAMB it masks the trust ratio too, which optax.lamb cannot say, so that case runs
optax.lamb's own chain with optax.masked around scale_by_trust_ratio.

Adan follows the paper and the authors' code (sail-sg/Adan) where optax 0.2.8 departs from both:
scale_by_adan weighs the gradient difference by 1 - b2 where they use b2. Its vectors come from
adan64, an independent float64 NumPy implementation, which must agree with timm.optim.Adan (a
port of the authors' code, float32) on every case and with optax.adan itself at b2 = 0.5, where
b2 = 1 - b2; the b2 = 0.5 case is written from optax.

And optax's Prodigy (optax.contrib.prodigy) and D-Adaptation AdamW (optax.contrib.dadapt_adamw).
Their step size d only grows when the gradients keep pointing one way (the inner products it is
estimated from vanish on independent random gradients), so their gradients carry a constant
drift, as on a slope; one case runs under optbench's warmup_linear schedule, handed to optax as
a function of its step count (optax reads the schedule at t - 1 for step t).

And optax's own Schedule-Free SGD and AdamW (optax.contrib.schedule_free_sgd, schedule_free_adamw;
under a warm-up, optax.contrib.schedule_free over the same base optimizers, see
schedule_free_warmup), in float64 (JAX x64) on the float32 inputs.

And optax's own Sophia (optax.contrib.sophia), given the Hessian-diagonal estimates the case
lists (see sophia_case), in float64 (JAX x64) on the float32 inputs.

Regenerate (writes only the files named in main() into src/test/resources/golden/):

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install torch numpy transformers optax jax
    /tmp/venv/bin/pip install --no-deps timm
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
    if o["name"] == "adan":
        return optax.adan(o["lr"], b1=o.get("beta1", 0.98), b2=o.get("beta2", 0.92),
                          b3=o.get("beta3", 0.99), eps=o.get("eps", 1e-8),
                          eps_root=o.get("eps_root", 1e-8),
                          weight_decay=o.get("weight_decay", 0.0), mask=mask(o))
    if o["name"] == "lamb":
        adam = dict(b1=o.get("beta1", 0.9), b2=o.get("beta2", 0.999), eps=o.get("eps", 1e-6),
                    eps_root=o.get("eps_root", 0.0))
        if not o.get("exclude_vectors", False):
            return optax.lamb(o["lr"], weight_decay=o.get("weight_decay", 0.0), **adam)
        return lamb_chain(o["lr"], adam, o.get("weight_decay", 0.0), matrices)
    if o["name"] == "lars":
        return optax.lars(o["lr"], weight_decay=o.get("weight_decay", 0.0),
                          weight_decay_mask=mask(o) or True,
                          trust_coefficient=o.get("trust_coefficient", 1e-3),
                          eps=o.get("eps", 0.0), trust_ratio_mask=mask(o) or True,
                          momentum=o.get("momentum", 0.9), nesterov=o.get("nesterov", False))
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
    if o["name"] == "schedule_free_sgd":
        return optax.contrib.schedule_free_sgd(o["lr"], b1=o.get("beta1", 0.9),
                                               weight_decay=o.get("weight_decay"),
                                               weight_lr_power=o.get("weight_lr_power", 2.0))
    if o["name"] == "schedule_free_adamw":
        return optax.contrib.schedule_free_adamw(o["lr"], b1=o.get("beta1", 0.9),
                                                 b2=o.get("beta2", 0.999),
                                                 eps=o.get("eps", 1e-8),
                                                 weight_decay=o.get("weight_decay", 0.0),
                                                 weight_lr_power=o.get("weight_lr_power", 2.0))
    if o["name"] == "sophia":
        return optax.contrib.sophia(o["lr"], b1=o.get("beta1", 0.965), b2=o.get("beta2", 0.99),
                                    eps=o.get("eps", 1e-8),
                                    weight_decay=o.get("weight_decay", 1e-4),
                                    gamma=o.get("gamma", 0.01),
                                    clip_threshold=o.get("clip_threshold", 1.0),
                                    update_interval=o.get("update_interval", 10),
                                    hessian_diagonal_fn=given_hessian_diagonal())
    raise ValueError(o["name"])


def given_hessian_diagonal():
    """A hessian_diagonal_fn for optax.contrib.sophia that returns the estimate the caller passes
    as the keyword argument hessian_diagonal: the case's estimates are inputs (optbench computes
    them in its training loop), the update rule is optax's own."""
    import optax

    def init(params):
        del params
        return optax.EmptyState()

    def update(updates, state, params=None, hessian_diagonal=None, **extra):
        del updates, params, extra
        return hessian_diagonal, state

    return optax.GradientTransformationExtraArgs(init, update)


def sophia_case(name, optimizer, seed, estimate_scale, scales=None):
    """optax.contrib.sophia in float64 with given Hessian-diagonal estimates.

    The estimates look like Gauss–Newton–Bartlett ones, B·ĝ⊙ĝ (B = 8, ĝ standard normal, times
    estimate_scale), given at the steps where optax refreshes its EMA (update count before the
    step divisible by update_interval: steps 1, 1 + k, ...). At the other steps optax is handed
    NaN, which would reach the trajectory if it ever read them there.
    """
    import jax
    jax.config.update("jax_platforms", "cpu")
    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp
    import optax
    params, grads = g.inputs(seed, scales=scales)
    rng = np.random.default_rng(seed + 1000)
    k = optimizer.get("update_interval", 10)
    hessians = []
    for t in range(1, len(grads) + 1):
        if (t - 1) % k == 0:
            hessians.append([(estimate_scale * 8 * rng.standard_normal(p.shape) ** 2)
                             .astype(np.float32) for p in params])
        else:
            hessians.append(None)
    opt = optax_optimizer(optimizer)
    ps = [jnp.asarray(p, dtype=jnp.float64) for p in params]
    state = opt.init(ps)
    expected = []
    clipped = total = 0
    for step, h in zip(grads, hessians):
        given = ([jnp.full(p.shape, jnp.nan, dtype=jnp.float64) for p in params] if h is None
                 else [jnp.asarray(x, dtype=jnp.float64) for x in h])
        updates, state = opt.update([jnp.asarray(x, dtype=jnp.float64) for x in step], state, ps,
                                    hessian_diagonal=given)
        ps = optax.apply_updates(ps, updates)
        expected.append([np.asarray(p) for p in ps])
        c = optimizer.get("clip_threshold", 1.0)
        if c is not None:
            lr, wd = optimizer["lr"], optimizer.get("weight_decay", 1e-4)
            for u, p in zip(updates, ps):
                direction = -np.asarray(u) / lr - wd * (np.asarray(p) - np.asarray(u))
                clipped += int(np.sum(np.isclose(np.abs(direction), c, rtol=1e-9)))
                total += direction.size
    assert all(np.all(np.isfinite(p)) for step in expected for p in step), name
    if total:
        print(f"{name}: {clipped} of {total} coordinates at the clip", file=sys.stderr)
    g.write(name, "optax " + optax.__version__ + " (JAX " + jax.__version__ + ", run in float64)"
            " with the given Hessian-diagonal estimates as its hessian_diagonal_fn",
            optimizer, params, grads, expected, hessian_diagonals=hessians)


def schedule_free_warmup(o, warmup_steps):
    """optax.contrib.schedule_free over optax's warmup_constant_schedule, as optbench runs it.

    optbench's warm-up is its schedule's (warmup_linear with final_factor 1: lr·t/w at the
    1-based step t, then lr), and one step uses one lr. optax's own warmup_steps option reads the
    schedule at two counts: the wrapper (max_lr, c_t) at its 1-based step_count, the base
    optimizer's scale_by_learning_rate at its 0-based count, so the first z step has lr 0. Here the
    base reads the schedule at count + 1, so both read lr·t/w, as facebookresearch/schedule_free
    does. The base optimizers are those of optax's schedule_free_sgd / schedule_free_adamw.
    """
    import optax
    lr = optax.warmup_constant_schedule(0.0, o["lr"], warmup_steps)

    def at_step(count):
        return lr(count + 1)

    if o["name"] == "schedule_free_sgd":
        base = optax.sgd(at_step)
        if o.get("weight_decay") is not None:
            base = optax.chain(optax.add_decayed_weights(o["weight_decay"]), base)
    else:
        base = optax.chain(
            optax.scale_by_rms(decay=o.get("beta2", 0.999), eps=o.get("eps", 1e-8),
                               eps_in_sqrt=False, bias_correction=True),
            optax.add_decayed_weights(o.get("weight_decay", 0.0)),
            optax.scale_by_learning_rate(at_step))
    return optax.contrib.schedule_free(base, lr, b1=o.get("beta1", 0.9),
                                       weight_lr_power=o.get("weight_lr_power", 2.0))


def matrices(params):
    """optax's mask for exclude_vectors: True for tensors of rank >= 2."""
    return [p.ndim >= 2 for p in params]


def warmup_linear(lr, warmup, total, final=0.0):
    """optbench's warmup_linear as an optax schedule: optax asks for step t's lr with t - 1."""
    def factor(t):
        if t <= warmup:
            return t / warmup
        progress = min(1.0, (t - warmup) / (total - warmup))
        return final + (1 - final) * (1 - progress)
    return lambda count: lr * factor(int(count) + 1)


def mask(o):
    return matrices if o.get("exclude_vectors", False) else None


def lamb_chain(lr, adam, weight_decay, trust_mask):
    """optax.lamb's own chain (alias.py) with the trust ratio masked as well as the decay."""
    import optax
    return optax.chain(optax.scale_by_adam(**adam),
                       optax.add_decayed_weights(weight_decay, mask=trust_mask),
                       optax.masked(optax.scale_by_trust_ratio(), trust_mask),
                       optax.scale_by_learning_rate(lr))


def run_optax(opt, params, grads):
    """The iterates of an optax transformation, in float64 (JAX x64, CPU)."""
    import jax
    jax.config.update("jax_platforms", "cpu")
    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp
    import optax
    ps = [jnp.asarray(p, dtype=jnp.float64) for p in params]
    state = opt.init(ps)
    expected = []
    for step in grads:
        updates, state = opt.update([jnp.asarray(x, dtype=jnp.float64) for x in step], state, ps)
        ps = optax.apply_updates(ps, updates)
        expected.append([np.asarray(p) for p in ps])
    return expected


def optax_case(name, optimizer, seed, scales=None, zero_bias=False, drift=0.0, steps=g.STEPS,
               schedule=None, param_scale=1.0, warmup_steps=None):
    """Expected values from optax itself, run in float64 (JAX x64, CPU) on the float32 inputs.

    XLA's float32 arithmetic for ADOPT (u = g / max(sqrt(v), eps), clipped) strays from the
    exact update by up to 2e-5 of its size on spiky gradients, which an independent float64
    computation confirms; float64 keeps the reference at the formula, rounded to float32 for the
    file only, as the NumPy references are.

    zero_bias starts the vector at 0, where the trust ratio of LAMB and LARS falls back to 1;
    drift adds a constant to every gradient (d-adaptive methods need a consistent direction for
    d to grow); param_scale shrinks the initial parameters; schedule (warmup_linear) is passed to
    optax as its learning-rate schedule and written into the case.

    warmup_steps (Schedule-Free only) runs optbench's warmup_linear schedule with final_factor 1
    through schedule_free_warmup instead, which must first reproduce optax's own optimizer when
    the warm-up is one step long (lr at every step), up to float32's rounding of lr.
    """
    import jax
    import optax
    params, grads = g.inputs(seed, steps=steps, scales=scales)
    if zero_bias:
        params[1][:] = 0
    if param_scale != 1.0:
        params = [(p * np.float32(param_scale)).astype(np.float32) for p in params]
    if drift:
        grads = [[(x + np.float32(drift)).astype(np.float32) for x in step] for step in grads]
    if schedule is None:
        opt = optax_optimizer(optimizer)
    else:
        opt = optax_optimizer(dict(optimizer, lr=warmup_linear(
            optimizer["lr"], schedule["warmup_steps"], schedule["total_steps"],
            schedule.get("final_factor", 0.0))))
    reference = "optax " + optax.__version__ + " (JAX " + jax.__version__ + ", run in float64)"
    if warmup_steps is not None:
        # optax's schedules give float32 for its int32 step counts, the alias's constant lr is
        # float64: the two differ by float32's rounding of lr (1.5e-8 of 0.1), no more.
        check(name, run_optax(schedule_free_warmup(optimizer, 1), params, grads),
              run_optax(optax_optimizer(optimizer), params, grads), rtol=1e-7, atol=1e-8)
        opt = schedule_free_warmup(optimizer, warmup_steps)
        schedule = {"name": "warmup_linear", "warmup_steps": warmup_steps, "final_factor": 1.0}
        reference += (": optax.contrib.schedule_free over optax.warmup_constant_schedule, the"
                      " base optimizer reading the schedule at the same 1-based step")
    expected = run_optax(opt, params, grads)
    if optimizer["name"] == "adan":
        # adan64 is the reference of every other Adan case; here optax and it must agree.
        check(name, adan_iterates(optimizer, params, grads), expected, rtol=1e-10, atol=1e-12)
    if optimizer["name"] == "lamb" and optimizer.get("exclude_vectors", False):
        # The chain is optax.lamb's: unmasked, it must give optax.lamb's iterates.
        o = dict(optimizer, exclude_vectors=False)
        adam = dict(b1=o.get("beta1", 0.9), b2=o.get("beta2", 0.999), eps=o.get("eps", 1e-6),
                    eps_root=o.get("eps_root", 0.0))
        everything = lambda ps: [True for _ in ps]  # noqa: E731
        check(name, run_optax(lamb_chain(o["lr"], adam, o.get("weight_decay", 0.0), everything),
                              params, grads),
              run_optax(optax_optimizer(o), params, grads), rtol=1e-12, atol=0)
    g.write(name, reference, optimizer, params, grads, expected, schedule=schedule)


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


def check(name, actual, expected, rtol, atol):
    for step, (a, e) in enumerate(zip(actual, expected), start=1):
        for x, y in zip(a, e):
            np.testing.assert_allclose(x, y, rtol=rtol, atol=atol,
                                       err_msg=name + " step " + str(step))


def adan64(o, eps_root=None):
    """Adan (Xie et al. 2022, Algorithm 1) in float64, as the authors' code parameterises it
    (each beta the weight of the old average, the paper's 1 - beta). With d = g - g_prev, 0 at
    the first step:

        m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) d;  n = b3 n + (1 - b3) (g + b2 d)^2
        u = (m / (1 - b1^t) + b2 v / (1 - b2^t)) / (sqrt(n / (1 - b3^t) + eps_root) + eps)
        p = p - lr (u + wd p)        (wd only on rank >= 2 tensors with exclude_vectors)

    The decay is optax's, which is the authors' no_prox=True; eps_root is optax's.
    """
    b1, b2, b3 = o.get("beta1", 0.98), o.get("beta2", 0.92), o.get("beta3", 0.99)
    eps = o.get("eps", 1e-8)
    eps_root = o.get("eps_root", 1e-8) if eps_root is None else eps_root
    lr, wd = o["lr"], o.get("weight_decay", 0.0)

    def step(ps, gs, state, t):
        out = []
        for i, (p, g_) in enumerate(zip(ps, gs)):
            m, v, n, prev = state.setdefault(i, [np.zeros_like(p) for _ in range(4)])
            d = np.zeros_like(g_) if t == 1 else g_ - prev
            m = b1 * m + (1 - b1) * g_
            v = b2 * v + (1 - b2) * d
            n = b3 * n + (1 - b3) * (g_ + b2 * d) ** 2
            state[i] = [m, v, n, g_]
            u = (m / (1 - b1 ** t) + b2 * v / (1 - b2 ** t)) / (
                np.sqrt(n / (1 - b3 ** t) + eps_root) + eps)
            decay = wd if p.ndim >= 2 or not o.get("exclude_vectors", False) else 0.0
            out.append(p - lr * (u + decay * p))
        return out
    return step


def adan_iterates(o, params, grads, eps_root=None):
    step, ps, state, expected = adan64(o, eps_root), [p.astype(np.float64) for p in params], {}, []
    for t, gs in enumerate(grads, start=1):
        ps = step(ps, [x.astype(np.float64) for x in gs], state, t)
        expected.append(ps)
    return expected


def timm_adan_iterates(o, params, grads):
    """timm.optim.Adan (float32, no_prox=True: optax's decay), vectors in a group without decay
    when exclude_vectors. Loaded from its file: it needs only torch, while importing the timm
    package pulls in torchvision."""
    import importlib.metadata
    import importlib.util
    path = os.path.join(importlib.util.find_spec("timm").submodule_search_locations[0],
                        "optim", "adan.py")
    spec = importlib.util.spec_from_file_location("timm_optim_adan", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    tensors = [torch.tensor(p, dtype=torch.float32, requires_grad=True) for p in params]
    wd = o.get("weight_decay", 0.0)
    excluded = o.get("exclude_vectors", False)
    groups = [{"params": [t], "weight_decay": wd if t.ndim >= 2 or not excluded else 0.0}
              for t in tensors]
    opt = module.Adan(groups, lr=o["lr"], betas=(o.get("beta1", 0.98), o.get("beta2", 0.92),
                                                 o.get("beta3", 0.99)),
                      eps=o.get("eps", 1e-8), no_prox=True, foreach=False)
    expected = []
    for step in grads:
        for t, grad in zip(tensors, step):
            t.grad = torch.tensor(grad, dtype=torch.float32)
        opt.step()
        expected.append([t.detach().numpy().astype(np.float64) for t in tensors])
    return expected, "timm " + importlib.metadata.version("timm")


def adan_case(name, optimizer, seed, scales=None):
    """Expected values from adan64, which timm's port of the authors' Adan must match (float32
    against float64, so to 1e-4; adan64 without eps_root, which timm does not have)."""
    params, grads = g.inputs(seed, scales=scales)
    expected = adan_iterates(optimizer, params, grads)
    timm_iterates, timm_version = timm_adan_iterates(optimizer, params, grads)
    check(name, timm_iterates, adan_iterates(optimizer, params, grads, eps_root=0.0),
          rtol=1e-4, atol=1e-6)
    g.write(name, "independent float64 NumPy implementation (tools/golden/"
            "generate_libraries.py adan64) of Xie et al. 2022 Algorithm 1 as sail-sg/Adan"
            " parameterises it; agrees with timm.optim.Adan (" + timm_version + ", float32)"
            " and with optax.adan at b2 = 0.5", optimizer, params, grads, expected)


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
    # Adan with the authors' weight of the gradient difference (adan64), and optax.adan itself
    # at b2 = 0.5, where its weight 1 - b2 is the same.
    adan_case("adan-default", {"name": "adan", "lr": 0.01}, 300)
    adan_case("adan-decay-excluded", {"name": "adan", "lr": 0.01, "beta3": 0.9, "eps": 1e-3,
                                      "weight_decay": 0.1, "exclude_vectors": True}, 301,
              scales=spiky)
    optax_case("adan-optax-half-beta2", {"name": "adan", "lr": 0.01, "beta2": 0.5,
                                         "eps_root": 1e-4, "weight_decay": 0.1}, 302,
               scales=spiky)
    # optax's LAMB and LARS; the bias starts at 0, where the trust ratio falls back to 1.
    optax_case("lamb-default", {"name": "lamb", "lr": 0.01}, 303, zero_bias=True)
    optax_case("lamb-decay-eps", {"name": "lamb", "lr": 0.01, "beta1": 0.5, "eps": 1e-3,
                                  "eps_root": 1e-6, "weight_decay": 0.1}, 304, scales=spiky)
    optax_case("lamb-decay-excluded", {"name": "lamb", "lr": 0.01, "weight_decay": 0.1,
                                       "exclude_vectors": True}, 305, scales=spiky)
    optax_case("lars-default", {"name": "lars", "lr": 1.0}, 306, zero_bias=True)
    optax_case("lars-nesterov-decay", {"name": "lars", "lr": 0.5, "weight_decay": 0.01,
                                       "trust_coefficient": 0.02, "eps": 1e-3,
                                       "nesterov": True}, 307, scales=spiky)
    optax_case("lars-excluded-no-momentum", {"name": "lars", "lr": 0.1, "momentum": 0.0,
                                             "weight_decay": 0.1, "trust_coefficient": 0.1,
                                             "exclude_vectors": True}, 308)
    # optax's own Sophia, the estimates given (see sophia_case).
    sophia_case("sophia-default", {"name": "sophia", "lr": 0.01, "update_interval": 3}, 380,
                estimate_scale=50.0)
    sophia_case("sophia-unclipped-decay", {"name": "sophia", "lr": 0.01, "beta1": 0.9,
                                           "beta2": 0.95, "eps": 0.05, "gamma": 0.05,
                                           "weight_decay": 0.1, "clip_threshold": None,
                                           "update_interval": 2}, 381, estimate_scale=1.0,
                scales=spiky)
    sophia_case("sophia-interval-default", {"name": "sophia", "lr": 0.01,
                                            "clip_threshold": 0.5}, 382, estimate_scale=3000.0)
    muon_case("muon-default", {"name": "muon", "lr": 0.02}, 86)
    muon_case("muon-moonshot-plain", {"name": "muon", "lr": 0.02, "nesterov": False,
                                      "weight_decay": 0.0, "ns_steps": 3,
                                      "adjust_lr_fn": "match_rms_adamw"}, 87, scales=spiky)
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
    # optax's own Schedule-Free SGD and AdamW; the warm-up cases run optbench's warmup_linear
    # schedule with final_factor 1 (optax's warmup_constant_schedule).
    optax_case("schedule-free-sgd-default", {"name": "schedule_free_sgd", "lr": 0.1}, 340)
    optax_case("schedule-free-sgd-decay-power", {"name": "schedule_free_sgd", "lr": 0.1,
                                                 "beta1": 0.8, "weight_decay": 0.1,
                                                 "weight_lr_power": 1.0}, 341, scales=spiky)
    optax_case("schedule-free-sgd-warmup", {"name": "schedule_free_sgd", "lr": 0.1}, 342,
               warmup_steps=4)
    optax_case("schedule-free-adamw-default", {"name": "schedule_free_adamw", "lr": 0.01}, 343)
    optax_case("schedule-free-adamw-decay-power", {"name": "schedule_free_adamw", "lr": 0.01,
                                                   "beta1": 0.95, "beta2": 0.99, "eps": 1e-3,
                                                   "weight_decay": 0.1,
                                                   "weight_lr_power": 0.5}, 344, scales=spiky)
    optax_case("schedule-free-adamw-warmup", {"name": "schedule_free_adamw", "lr": 0.01,
                                              "weight_decay": 0.05}, 345, warmup_steps=4)
    print("wrote 44 cases to", os.path.normpath(g.OUT), file=sys.stderr)


if __name__ == "__main__":
    main()
