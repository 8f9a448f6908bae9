"""The compiled checks over a large economy's council arrays (numba; imported only by
`game.sim.plan_fused` when a plan of SMALL_ECONOMY worker councils or more is set up with
the compiled loops on: see `game.sim.jit`). Importing this module imports numba.

`ScanJob.finish` asks a dozen questions of the WC and CC arrays (is every productivity a
finite number > 0, does every WC produce a good that exists, which goods are produced...),
each a numpy reduction over 30,000 entries at Hahnel's scale: 0.4 ms of calls in all. Here
they are two loops, read while the second thread still reads the CC list (`plan_setup`),
and their answers (`WCFacts`) let `finish` raise the same errors in the same order.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(nogil=True, cache=True, boundscheck=False)
def _not_positive(x: np.ndarray) -> bool:
    """Whether some entry is not a finite number > 0 (NaN, ±inf, 0, −0.0, negative)."""
    bad = False
    for j in range(x.shape[0]):
        v = x[j]
        bad |= not (v > 0.0 and v < np.inf)
    return bad


@njit(nogil=True, cache=True, boundscheck=False)
def council_rows(
    A: np.ndarray,
    c: np.ndarray,
    s: np.ndarray,
    k: np.ndarray,
    count: np.ndarray,
    income: np.ndarray,
    cc_count: np.ndarray,
    output: np.ndarray,
    kinds: np.ndarray,
    primary: int,
    produced: np.ndarray,
) -> tuple[int, bool, int]:
    """(bits, output_ok, first_primary): bit j of `bits` set when the j-th of wc_A, wc_c,
    wc_s, wc_k, wc_count, cc_income, cc_count has an entry that is not a finite number > 0;
    whether every WC's output is a good (0 ≤ output < len(kinds)); the first WC whose output
    is of kind `primary` (−1: none; read only when every output is a good). `produced` is
    set to True for every good some WC produces."""
    bits = 0
    for j, x in enumerate((A, c, s, k, count, income, cc_count)):
        if _not_positive(x):
            bits |= 1 << j
    G = kinds.shape[0]
    ok = True
    first = -1
    for i in range(output.shape[0]):
        o = output[i]
        if o < 0 or o >= G:
            ok = False
        else:
            produced[o] = True
            if first < 0 and kinds[o] == primary:
                first = i
    return bits, ok, first


@njit(nogil=True, cache=True, boundscheck=False)
def sums_fault(sums: np.ndarray, atol: float) -> int:
    """1 when some council's sum of weights is not finite (so some weight is not: they are
    positive), else 2 when some sum is not within `atol` of 1 (`np.allclose(sums, 1.0,
    rtol=0, atol=atol)`'s test, |s − 1| ≤ atol), else 0."""
    fault = 0
    for i in range(sums.shape[0]):
        v = sums[i]
        if not (abs(v) < np.inf):
            return 1
        if not (abs(v - 1.0) <= atol):
            fault = 2
    return fault
