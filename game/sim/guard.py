"""The simulation's own guard over its state: after every move of a turn, every number must
still be finite. Levels are checked for finite, bounded values, but effects compound (a
factor applied every turn), so the engine checks what they produce and stops the level with
the name of the move that broke it, instead of letting NaN or infinity reach the screens."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from game.sim.state import State


def _bad(value: Any) -> bool:
    if isinstance(value, np.ndarray):
        return value.size > 0 and not bool(np.isfinite(value).all())
    try:
        return not math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def nonfinite(state: State, scores: dict[str, float], metrics: dict[str, float] | None = None) -> str | None:
    """The name of the first quantity that is NaN or infinite, or None if all are finite."""
    for name, value in scores.items():
        if _bad(value):
            return f"score '{name}'"
    for name, value in (metrics or {}).items():
        if _bad(value):
            return f"metric '{name}'"
    for name, value in state.params.items():
        if _bad(value):
            return f"parameter '{name}'"
    for name, value in state.resources.items():
        if _bad(value):
            return f"resource '{name}'"
    for name in (
        "firm_share",
        "council_share",
        "firm_capital",
        "awareness",
        "support",
        "power_concentration",
        "elite_wealth",
        "pollution_stock",
    ):
        if _bad(getattr(state, name, 0.0)):
            return name.replace("_", " ")
    coops = state.coops
    for name in ("members", "productivity", "capital"):
        if _bad(getattr(coops, name)):
            return f"co-op {name}"
    return None
