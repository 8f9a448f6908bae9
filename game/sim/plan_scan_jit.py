"""The compiled loop of the checks' pass over a large economy's CC list (numba; imported only
by `game.sim.plan_economy` when an economy of SMALL_ECONOMY consumer councils or more is
checked with numba installed: see `game.sim.jit`). Importing this module imports numba;
nothing else in the checks does.

`cc_block` reads a block of councils once, council by council: each council's goods
compared with the first council's row, then its weights (1.6 kB at Hahnel's scale, in L1
cache from then on) in separate loops that the compiler vectorises: whether every weight is
> 0, the consumer spending of the block (`part[j] += f_i·w_ij`, the block's own slot) and
the council's sum in eight fixed lanes. No fast-math anywhere: every operation is IEEE's, in
an order written here, so the same economy gives the same bits on every machine and run.

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

LANES = 8  # partial sums per council (the sum's fixed order: see `lane_sum`)


@njit(nogil=True, cache=True, boundscheck=False)
def lane_sum(x: np.ndarray) -> float:
    """Σ x in a fixed order: eight partial sums, lane k taking x[k], x[k+8], ..., added as
    ((0+1)+(2+3))+((4+5)+(6+7)), then the entries past the last whole eight in turn. The
    eight independent chains keep the adder busy (one chain waits on each add: the sum of
    200 weights took four times as long), and unlike a fast-math sum the order does not
    depend on the machine's vector width."""
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


@njit(nogil=True, cache=True, boundscheck=False)
def cc_block(
    goods: np.ndarray,
    row: np.ndarray,
    weights: np.ndarray,
    f: np.ndarray,
    first: int,
    end: int,
    checks: bool,
    part: np.ndarray,
    sums: np.ndarray,
) -> int:
    """Councils [first, end) of a CC list whose councils all have m = len(part) entries.

    goods: the flat CC goods (h = len(row) values per council: int32 goods viewed as int64
    pairs, or as stored); row: the first council's, in the same view; weights: the flat
    weights (float64); f: count·income per council. Adds each council's f·w to `part`
    (entry by entry, councils in order) and, with `checks`, writes each council's
    `lane_sum` of weights to `sums`. Returns -1 at the first council whose goods are not
    the row's (the caller then takes the general path), 1 when some weight is not > 0
    (NaN included), else 0."""
    m = part.shape[0]
    h = row.shape[0]
    bad = False
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
            sums[i] = lane_sum(x)
        fi = f[i]
        for j in range(m):
            part[j] += fi * x[j]
    return 1 if bad else 0
