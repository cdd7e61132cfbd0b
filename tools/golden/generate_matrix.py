#!/usr/bin/env python3
"""Golden vectors for the matrix-preconditioned optimizers, Shampoo and SOAP.

No library in reach implements them (optax 0.2.8 has neither, in core or contrib; torch.optim
neither), so the expected values come from independent float64 NumPy implementations written
here from the papers and, for SOAP, the authors' reference code:

* Shampoo: Gupta, Koren & Singer 2018, Algorithm 1 (L0 = R0 = eps*I, exponent -1/4 per side;
  a vector is order 1 of Algorithm 2: exponent -1/2), with Distributed Shampoo's options (Anil et
  al. 2020): statistics EMA beta2 (1 = the paper's sum), roots every precondition_frequency steps
  (at t = 1, 1 + f, ...), and a dimension above max_precond_dim keeping only the diagonal of its
  statistic, and blocking: with block_size, the matrix cut into blocks of at most
  block_size x block_size (a vector into blocks of block_size entries), each preconditioned as a
  parameter of its own. Roots by numpy.linalg.eigh.
* SOAP: Vyas et al. 2024, Algorithm 3, as github.com/nikhilvyas/SOAP soap.py computes it: first
  step only builds L, R and their eigenbases (eigh, largest first); then Adam in the rotated basis,
  p -= lr*sqrt(bc2)/bc1 * Q_L (m / (sqrt(v) + eps)) Q_R^T, p -= lr*wd*p, the statistics lerp'd
  with the gradient and, every precondition_frequency Adam steps, each basis re-sorted by its
  estimated eigenvalues (v permuted alike) and replaced by the Q of QR(S Q); m is carried back to
  the parameter basis and into the new one at every step as the reference does.

Both see a tensor as a matrix: rank >= 3 as its first dimension by the rest (SOAP's reference
keeps one basis per dimension instead: optbench's documented departure), a vector as a column.

Shampoo's statistics are float32 in optbench, so their rounding (an ulp of the largest
eigenvalue) moves the zero eigenvalues of a rank-deficient L by ~1e-7 * ||L||, which the root
multiplies by up to eps^(-1/p). A root computed at a rank-deficient step and applied to later
gradients (precondition_frequency > 1) with eps 1e-4 is then only 6e-5 exact relative to the
update (float64 statistics agree to 1e-15), so the case with an interval > 1 takes eps 1e-2.

The cases avoid repeated eigenvalues in the first statistics (a 4 x 3 matrix has a one-dimensional
null space in L = G G^T; SOAP's precondition_1d case takes a 2-vector), where the eigenbasis, and
so SOAP's trajectory, would depend on the eigensolver.

Regenerate (writes only the files named in main() into src/test/resources/golden/):

    /tmp/venv/bin/python tools/golden/generate_matrix.py
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate as g  # noqa: E402

REFERENCE = " (independent float64 NumPy implementation in tools/golden/generate_matrix.py)"
SHAMPOO_REFERENCE = ("Gupta et al. 2018 Algorithm 1 with Distributed Shampoo's beta2, root"
                     " interval and diagonal above max_precond_dim" + REFERENCE)
SHAMPOO_BLOCKED_REFERENCE = ("Gupta et al. 2018 Algorithm 1 with Distributed Shampoo's blocking"
                             " (Anil et al. 2020, sec. 3)" + REFERENCE)
SOAP_REFERENCE = "Vyas et al. 2024 Algorithm 3 as github.com/nikhilvyas/SOAP soap.py" + REFERENCE
RANK3 = [("w", (2, 4, 3)), ("b", (3,))]


def as_matrix(x):
    """The matrix view: rank >= 2 -> (first, rest); vector -> column; scalar -> 1 x 1."""
    if x.ndim >= 2:
        return x.reshape(x.shape[0], -1), 2
    return x.reshape(-1, 1), 1


def sym_inverse_root(s, eps, p):
    w, v = np.linalg.eigh(0.5 * (s + s.T))
    return (v * (np.maximum(w, 0) + eps) ** (-1.0 / p)) @ v.T


def blocks(rows, cols, block_size):
    """Distributed Shampoo's blocks (Anil et al. 2020, sec. 3): (row, col, height, width) of at
    most block_size x block_size, row-major, the last of each row and column smaller; None = the
    whole matrix. A vector's column (cols = 1) is cut into blocks of block_size rows."""
    if block_size is None:
        return [(0, 0, rows, cols)]
    return [(r, c, min(block_size, rows - r), min(block_size, cols - c))
            for r in range(0, rows, block_size) for c in range(0, cols, block_size)]


def shampoo64(lr, beta2=1.0, eps=1e-4, freq=1, max_dim=1024, wd=0.0, block_size=None):
    def precondition(G, order, st, t):
        dims = [G.shape[0]] + ([G.shape[1]] if order == 2 else [])
        for side, d in enumerate(dims):
            diagonal = d > max_dim
            if diagonal:
                term = np.sum(G * G, axis=1 - side)
            else:
                term = G @ G.T if side == 0 else G.T @ G
            s = st["stats"][side] if st["stats"][side] is not None else np.zeros_like(term)
            s = s + term if beta2 == 1 else beta2 * s + (1 - beta2) * term
            st["stats"][side] = s
            if (t - 1) % freq == 0:
                p_exp = 2 * order
                st["roots"][side] = ((s + eps) ** (-1.0 / p_exp) if diagonal
                                     else sym_inverse_root(s, eps, p_exp))
        x = G
        for side, root in enumerate(st["roots"]):
            if root.ndim == 1:
                x = root[:, None] * x if side == 0 else x * root[None, :]
            else:
                x = root @ x if side == 0 else x @ root
        return x

    def step(ps, gs, state, t):
        out = []
        for i, (p, grad) in enumerate(zip(ps, gs)):
            G, order = as_matrix(grad)
            x = np.empty_like(G)
            for b, (r, c, h, w) in enumerate(blocks(*G.shape, block_size)):
                sides = 2 if order == 2 else 1
                st = state.setdefault((i, b), {"stats": [None] * sides, "roots": [None] * sides})
                x[r:r + h, c:c + w] = precondition(G[r:r + h, c:c + w], order, st, t)
            out.append(p - lr * (x.reshape(p.shape) + wd * p))
        return out
    return step


def soap64(lr, beta1=0.95, beta2=0.95, shampoo_beta=None, eps=1e-8, wd=0.01, freq=10,
           max_dim=10000, precondition_1d=False, correct_bias=True):
    beta_s = beta2 if shampoo_beta is None else shampoo_beta

    def project(x, qs, back):
        left, right = qs
        if left is not None:
            x = (left if back else left.T) @ x
        if right is not None:
            x = x @ (right.T if back else right)
        return x

    def update_preconditioner(G, st):
        if st["Q"] is not None:
            st["m"] = project(st["m"], st["Q"], back=True)
        for side in range(2):
            if st["GG"][side] is not None:
                outer = G @ G.T if side == 0 else G.T @ G
                st["GG"][side] = st["GG"][side] + (1 - beta_s) * (outer - st["GG"][side])
        if st["Q"] is None:
            st["Q"] = [None if s is None else np.linalg.eigh(s)[1][:, ::-1]
                       for s in st["GG"]]
        if st["step"] > 0 and st["step"] % freq == 0:
            new = []
            for side in range(2):
                s, o = st["GG"][side], st["Q"][side]
                if s is None:
                    new.append(None)
                    continue
                estimates = np.diag(o.T @ s @ o)
                order = np.argsort(-estimates, kind="stable")
                st["v"] = np.take(st["v"], order, axis=side)
                q, _ = np.linalg.qr(s @ o[:, order])
                new.append(q)
            st["Q"] = new
        if st["step"] > 0:
            st["m"] = project(st["m"], st["Q"], back=False)

    def step(ps, gs, state, t):
        out = []
        for i, (p, grad) in enumerate(zip(ps, gs)):
            G, order = as_matrix(grad)
            rows, cols = G.shape
            if i not in state:
                rotate_rows = rows <= max_dim and (grad.ndim >= 2
                                                   or (grad.ndim == 1 and precondition_1d))
                rotate_cols = order == 2 and cols <= max_dim
                state[i] = {"m": np.zeros_like(G), "v": np.zeros_like(G), "step": 0, "Q": None,
                            "GG": [np.zeros((rows, rows)) if rotate_rows else None,
                                   np.zeros((cols, cols)) if rotate_cols else None]}
                update_preconditioner(G, state[i])
                out.append(p)
                continue
            st = state[i]
            gp = project(G, st["Q"], back=False)
            st["step"] += 1
            st["m"] = beta1 * st["m"] + (1 - beta1) * gp
            st["v"] = beta2 * st["v"] + (1 - beta2) * gp * gp
            size = lr
            if correct_bias:
                size = lr * np.sqrt(1 - beta2 ** st["step"]) / (1 - beta1 ** st["step"])
            direction = project(st["m"] / (np.sqrt(st["v"]) + eps), st["Q"], back=True)
            p = p - size * direction.reshape(p.shape)
            if wd > 0:
                p = p - lr * wd * p
            update_preconditioner(G, st)
            out.append(p)
        return out
    return step


def case(name, reference, optimizer, step, seed, shapes=g.SHAPES, scales=None):
    params, grads = g.inputs(seed, scales=scales, shapes=shapes)
    ps, state, expected = [p.astype(np.float64) for p in params], {}, []
    for t, step_grads in enumerate(grads, start=1):
        ps = step(ps, [x.astype(np.float64) for x in step_grads], state, t)
        expected.append(ps)
    g.write(name, reference, optimizer, params, grads, expected, shapes=shapes)


def main():
    spiky = [0.2, 3.0, 0.5, 8.0, 1.0, 0.1]
    case("shampoo-default", SHAMPOO_REFERENCE, {"name": "shampoo", "lr": 0.01},
         shampoo64(0.01), 360)
    case("shampoo-ema-frequency", SHAMPOO_REFERENCE,
         {"name": "shampoo", "lr": 0.01, "beta2": 0.9, "precondition_frequency": 3,
          "weight_decay": 0.1, "eps": 1e-2},
         shampoo64(0.01, beta2=0.9, freq=3, wd=0.1, eps=1e-2), 361, scales=spiky)
    case("shampoo-max-dim", SHAMPOO_REFERENCE,
         {"name": "shampoo", "lr": 0.01, "max_precond_dim": 3, "eps": 1e-3},
         shampoo64(0.01, max_dim=3, eps=1e-3), 362)
    case("shampoo-rank3", SHAMPOO_REFERENCE,
         {"name": "shampoo", "lr": 0.01, "max_precond_dim": 8}, shampoo64(0.01, max_dim=8), 363,
         shapes=RANK3)
    case("soap-default", SOAP_REFERENCE, {"name": "soap", "lr": 0.01}, soap64(0.01), 364)
    case("soap-frequency-1d", SOAP_REFERENCE,
         {"name": "soap", "lr": 0.01, "precondition_frequency": 2, "shampoo_beta": 0.9,
          "precondition_1d": True, "weight_decay": 0.1},
         soap64(0.01, freq=2, shampoo_beta=0.9, precondition_1d=True, wd=0.1), 365,
         shapes=[("w", (4, 3)), ("b", (2,))], scales=spiky)
    case("soap-max-dim", SOAP_REFERENCE,
         {"name": "soap", "lr": 0.01, "max_precond_dim": 3, "precondition_frequency": 3,
          "correct_bias": False, "beta1": 0.9, "beta2": 0.99, "eps": 1e-6},
         soap64(0.01, max_dim=3, freq=3, correct_bias=False, beta1=0.9, beta2=0.99, eps=1e-6),
         366)
    case("soap-rank3", SOAP_REFERENCE,
         {"name": "soap", "lr": 0.01, "max_precond_dim": 8, "precondition_frequency": 2},
         soap64(0.01, max_dim=8, freq=2), 367, shapes=RANK3)
    case("shampoo-blocked", SHAMPOO_BLOCKED_REFERENCE,
         {"name": "shampoo", "lr": 0.01, "block_size": 2, "eps": 1e-3},
         shampoo64(0.01, block_size=2, eps=1e-3), 368)
    print("wrote 9 cases to", os.path.normpath(g.OUT), file=sys.stderr)


if __name__ == "__main__":
    main()
