"""numpy's answers for single floats, without numpy's dispatch: the simulation clips a few
scalars per step, and `np.clip` on a float costs a microsecond or more of array set-up.

`clip` returns exactly what `float(np.clip(x, lo, hi))` returns for floats, signed zeros and
NaN included (any NaN gives NaN; ties keep `x`), so results stay the same to the last bit
(tests/sim/test_fast_paths.py checks it against numpy).
"""

from __future__ import annotations

import math


def clip(x: float, lo: float, hi: float) -> float:
    """`float(np.clip(x, lo, hi))` for three floats."""
    if x != x or lo != lo or hi != hi:
        return math.nan
    a = x if x >= lo else lo
    return a if a <= hi else hi
