"""Chart data made drawable: non-finite values become gaps, huge ones are clamped, and axis
ticks are counted by index, so no data range or chart height can crash or freeze a chart."""

from __future__ import annotations

import math
from collections.abc import Sequence

MAX_VALUE = 1e12  # charts clamp data to this magnitude (so spans and steps stay finite)


def axis_ticks(lo: float, hi: float, step: float, limit: int = 40) -> list[float]:
    """The multiples of `step` in [lo, hi], counted by index so that float steps too small
    for the values' magnitude cannot loop forever; never empty (lo and hi at worst)."""
    if not (math.isfinite(lo) and math.isfinite(hi) and math.isfinite(step)) or step <= 0 or hi < lo:
        return [lo, hi] if math.isfinite(lo) and math.isfinite(hi) else [0.0]
    first, last = math.ceil(lo / step - 1e-9), math.floor(hi / step + 1e-9)
    if last < first or last - first > limit:
        return [lo, hi] if hi > lo else [lo]
    return [k * step for k in range(first, last + 1)]


def finite(values: Sequence[float | None]) -> list[float | None]:
    """Chart data with NaN and infinities as gaps and huge values clamped."""
    out: list[float | None] = []
    for v in values:
        if v is None or not math.isfinite(v):
            out.append(None)
        else:
            out.append(max(-MAX_VALUE, min(MAX_VALUE, float(v))))
    return out
