"""The compiled loops of `FusedKernel` (numba; imported only by `game.sim.plan_fused` when a
plan of SMALL_ECONOMY worker councils or more runs with numba installed: see
`game.sim.jit`). Importing this module imports numba; nothing else in the game does.

Every loop runs in a fixed order on one thread (no parallel reductions), so the same
economy and prices give the same bits on every run. Indices are uint32: numba checks a
signed index for a negative value (wrap-around) on every access, an unsigned one not, and
the input list is half the bytes of 64-bit indices. `cache=True` keeps the compiled code
in `__pycache__` beside this file, so only the first plan on a machine compiles (about 2 s).
`error_model="numpy"`: a division by zero gives inf or NaN as in numpy (numba's default
raises ZeroDivisionError), so a plan whose quantities vanish stops with `_iterate`'s
PlanError, as numpy's kernel does.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(nogil=True, cache=True, error_model="numpy")
def wc_layout(
    indptr: np.ndarray,
    inputs: np.ndarray,
    b: np.ndarray,
    logb: np.ndarray,
    ck: np.ndarray,
    gamma: np.ndarray,
    sblogb: np.ndarray,
    perm: np.ndarray,
    kptr: np.ndarray,
    col: np.ndarray,
    bk: np.ndarray,
    uses: np.ndarray,
) -> bool:
    """The kernel's order and its copy of the input list, in one pass over the list, and
    what the checks ask of it. Returns whether every exponent is a finite number > 0.

    perm: the WCs sorted by their number of inputs, stably (a counting sort: the same order
    as `np.argsort(lens, kind="stable")`), so that the round's loops over a WC's inputs run
    the same number of times WC after WC (in the economy's order, 3 to 8 inputs at random,
    the loop's exit was mispredicted about once a WC: the round took 2.5 times as long).
    kptr, col, bk: the input list in that order (uint32 row starts and goods, float64
    exponents), written WC by WC as the economy's list is read in its own order (each WC's
    place is known from the counts: reading in the kernel's order jumped about the list,
    0.4 ms more). gamma, sblogb: per WC in the economy's order, γ = Σ b + c/k (what the
    checks test) and Σ b·log b with `logb` = log b (numpy's vectorised log: a scalar log
    per entry here cost 0.4 ms), summed over its inputs in their CSR order. uses: set to
    True for every good some WC takes as an input (the checks' `wc_uses`; the inputs are
    in range: `ScanJob` checked them)."""
    n = len(gamma)
    most = 0
    for i in range(n):
        most = max(most, indptr[i + 1] - indptr[i])
    first = np.zeros(most + 2, dtype=np.int64)  # where each number of inputs starts
    for i in range(n):
        first[indptr[i + 1] - indptr[i] + 1] += 1
    entry = np.zeros(most + 2, dtype=np.int64)  # where each group's entries start
    for L in range(1, most + 2):
        entry[L] = entry[L - 1] + (L - 1) * first[L]
        first[L] += first[L - 1]
    kptr[0] = 0
    ok = True
    for i in range(n):
        start, end = indptr[i], indptr[i + 1]
        L = end - start
        k = first[L]
        first[L] = k + 1
        perm[k] = i
        pos = entry[L]
        entry[L] = pos + L
        kptr[k + 1] = pos + L
        s = 0.0
        t = 0.0
        for e in range(start, end):
            x = b[e]
            g = inputs[e]
            col[pos] = g
            bk[pos] = x
            uses[g] = True
            ok &= x > 0.0 and x < np.inf
            pos += 1
            s += x
            t += x * logb[e]
        gamma[i] = s + ck[i]
        sblogb[i] = t
    return ok


@njit(nogil=True, cache=True, error_model="numpy")
def exponents(
    logp: np.ndarray,
    indptr: np.ndarray,
    col: np.ndarray,
    b: np.ndarray,
    out: np.ndarray,
    K: np.ndarray,
    inv: np.ndarray,
    u: np.ndarray,
) -> None:
    """u_i = K_i + (log λ_i − Σ_e b_e·log p_col(e))·inv_i: each WC's log revenue at the
    log prices `logp`, its inputs summed in CSR order (RoundKernel.values' arithmetic)."""
    for i in range(len(u)):
        s = 0.0
        for e in range(indptr[i], indptr[i + 1]):
            s += b[e] * logp[col[e]]
        u[i] = K[i] + (logp[out[i]] - s) * inv[i]


@njit(nogil=True, cache=True, error_model="numpy")
def spending(
    R: np.ndarray,
    indptr: np.ndarray,
    col: np.ndarray,
    b: np.ndarray,
    out: np.ndarray,
    W: np.ndarray,
    endow: np.ndarray,
    p: np.ndarray,
    has_endow: bool,
    S: np.ndarray,
    D: np.ndarray,
) -> None:
    """Supply and demand values from the revenues R: S_g = Σ_{out_i=g} R_i (+ endowment·p),
    D_g = W_g + Σ_e b_e·R_i over the inputs of good g, WC after WC."""
    for g in range(len(S)):
        S[g] = 0.0
        D[g] = W[g]
    for i in range(len(R)):
        r = R[i]
        S[out[i]] += r
        for e in range(indptr[i], indptr[i + 1]):
            D[col[e]] += b[e] * r
    if has_endow:
        for g in range(len(S)):
            S[g] += endow[g] * p[g]


@njit(nogil=True, cache=True, error_model="numpy")
def excess(S: np.ndarray, D: np.ndarray, v: np.ndarray) -> None:
    """v_g = |S_g − D_g| / ((S_g + D_g)·0.5), in RoundKernel.excess' order of operations."""
    for g in range(len(v)):
        v[g] = abs(S[g] - D[g]) / ((S[g] + D[g]) * 0.5)


@njit(nogil=True, cache=True, error_model="numpy")
def update(
    p: np.ndarray,
    S: np.ndarray,
    D: np.ndarray,
    v: np.ndarray,
    program: bool,
    first: bool,
    mult: np.ndarray,
    cap: float,
    floor: float,
) -> None:
    """The facilitation board's step on p in place, `_update`'s arithmetic: w = min(v, cap)
    ·(1.05 − 0.5^v) (book) or max(m·(1.05 − 0.5^v), floor) with m the previous round's
    min(v, cap), cap on the first update (program; `mult` then becomes this round's
    min(v, cap)); p·(1 + sign(D − S)·w)."""
    for g in range(len(p)):
        vg = v[g]
        shape = 1.05 - 0.5**vg
        if program:
            m = cap if first else mult[g]
            w = max(m * shape, floor)
            mult[g] = min(vg, cap)
        else:
            w = min(vg, cap) * shape
        d = D[g] - S[g]
        sign = 1.0 if d > 0.0 else (-1.0 if d < 0.0 else 0.0)
        p[g] = p[g] * (w * sign + 1.0)
