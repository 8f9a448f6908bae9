"""The compiled loop of the checks' pass over a large economy's CC list (numba; imported only
by `game.sim.plan_economy` when an economy of SMALL_ECONOMY consumer councils or more is
checked with numba installed: see `game.sim.jit`). Importing this module imports numba;
nothing else in the checks does.

`cc_block` reads a block of councils once, council by council: each council's goods
compared with the first council's row, then its weights (1.6 kB at Hahnel's scale, in L1
cache from then on) in separate loops that the compiler vectorises: whether every weight is
> 0, the council's sum, and the block's consumer spending (`part[j] += f_i·w_ij`, the
block's own slot, councils in order). Only the sum is compiled with fast-math (`reassoc`,
nothing else), and only where it cannot change the check's outcome (see `near_tolerance`):
the spending, the results a plan uses, has IEEE's arithmetic in the order written here, so
the same economy gives the same bits on every machine and run.

A first version did the four operations in one inner loop per entry (a branchy compare and
minimum beside the accumulation): not vectorised, 18-20 ms for the 6,000,000 entries, three
times numpy's passes. The weights' minimum is not computed: the check needs only whether
every weight is > 0 (a NaN is not), and a minimum without fast-math does not vectorise.
`cache=True` keeps the compiled code in `__pycache__` beside this file (one compilation
per machine and dtype of the goods, about a second).
"""

from __future__ import annotations

import numpy as np
from numba import njit

LANES = 8  # partial sums per council in `lane_sum`
UNIT = 2.0**-53  # unit roundoff of float64


@njit(nogil=True, cache=True, boundscheck=False)
def lane_sum(x: np.ndarray) -> float:
    """Σ x in a fixed order: eight partial sums, lane k taking x[k], x[k+8], ..., added as
    ((0+1)+(2+3))+((4+5)+(6+7)), then the entries past the last whole eight in turn (eight
    independent chains: one chain waits on each add, four times as long for 200 weights).
    The same bits on every machine."""
    m = x.shape[0]
    a0 = a1 = a2 = a3 = a4 = a5 = a6 = a7 = 0.0
    j = 0
    while j + LANES <= m:
        a0 += x[j]
        a1 += x[j + 1]
        a2 += x[j + 2]
        a3 += x[j + 3]
        a4 += x[j + 4]
        a5 += x[j + 5]
        a6 += x[j + 6]
        a7 += x[j + 7]
        j += LANES
    s = ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7))
    while j < m:
        s += x[j]
        j += 1
    return s


@njit(nogil=True, cache=True, boundscheck=False, fastmath={"reassoc"})
def _any_order_sum(x: np.ndarray) -> float:
    """Σ x in whatever order the compiler vectorises (its lanes depend on the machine)."""
    s = 0.0
    for j in range(x.shape[0]):
        s += x[j]
    return s


@njit(nogil=True, cache=True, boundscheck=False)
def near_tolerance(s: float, m: int, atol: float) -> bool:
    """Whether a sum `s` of m weights by `_any_order_sum` is so near the check's tolerance
    (|s − 1| ≤ atol) that another order could fall on the other side: then `cc_block`
    takes the fixed-order `lane_sum` instead, so the check's outcome is the same on every
    machine.

    For weights > 0 (the only ones this check sees: a weight ≤ 0 or NaN is refused before)
    any order of summing m terms is within γ_{m−1}·Σx of the exact sum, γ_k = k·u/(1−k·u)
    (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed. 2002, section 4.2), so two
    orders are within 2·γ_{m−1}·Σx < 4·m·u·s of each other for any m below 2^50; outside a
    band of 8·m·u·s around atol (2e-13 for 200 weights near 1) both orders give the same
    outcome. An infinite weight makes the sum infinite in any order."""
    return abs(abs(s - 1.0) - atol) <= 8.0 * m * UNIT * abs(s)


@njit(nogil=True, cache=True, boundscheck=False)
def cc_block(
    goods: np.ndarray,
    row: np.ndarray,
    weights: np.ndarray,
    f: np.ndarray,
    first: int,
    end: int,
    checks: bool,
    atol: float,
    part: np.ndarray,
    sums: np.ndarray,
) -> int:
    """Councils [first, end) of a CC list whose councils all have m = len(part) entries.

    goods: the flat CC goods (h = len(row) values per council: int32 goods viewed as int64
    pairs, or as stored); row: the first council's, in the same view; weights: the flat
    weights (float64); f: count·income per council. Adds each council's f·w to `part`
    (entry by entry, councils in order) and, with `checks`, writes each council's sum of
    weights to `sums`: `_any_order_sum`, vectorised (the pass took 8% less time than with
    `lane_sum`: 70 against 108 ns a council in cache), or `lane_sum` where the two could
    fall on either side of the check's tolerance `atol` (`near_tolerance`). Returns -1 at the
    first council whose goods are not the row's (the caller then takes the general path),
    1 when some weight is not > 0 (NaN included), else 0."""
    m = part.shape[0]
    h = row.shape[0]
    bad = False
    near = False
    for i in range(first, end):
        x = weights[i * m : i * m + m]
        if checks:
            g = goods[i * h : i * h + h]
            d = 0
            for j in range(h):
                d |= g[j] ^ row[j]
            if d != 0:
                return -1
            for j in range(m):
                bad |= not (x[j] > 0.0)
            s = _any_order_sum(x)
            sums[i] = s
            near |= near_tolerance(s, m, atol)
        fi = f[i]
        for j in range(m):
            part[j] += fi * x[j]
    if near:  # in a loop of its own: a call of lane_sum in the loop above halved its speed
        for i in range(first, end):
            if near_tolerance(sums[i], m, atol):
                sums[i] = lane_sum(weights[i * m : i * m + m])
    return 1 if bad else 0
