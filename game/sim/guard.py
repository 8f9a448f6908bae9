"""The simulation's own guard over its state: after every move of a turn, every number must
still be finite. Levels are checked for finite, bounded values, but effects compound (a
factor applied every turn), so the engine checks what they produce and stops the level with
the name of the move that broke it, instead of letting NaN or infinity reach the screens."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from game.sim.report import EliteReport, Ending, PlanSummary, TurnReport
from game.sim.scores import SCORES
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


def culprit(run: Any, moves: list[Any]) -> tuple[Any, str]:
    """The first move after which the state is no longer finite, and the quantity: the turn
    is replayed a move at a time (`run(moves)` plays the turn with those moves)."""
    for k in range(1, len(moves) + 1):
        state, ev, _elite = run(moves[:k])
        broken = nonfinite(state, ev.scores, ev.metrics(state))
        if broken is not None:
            return moves[k - 1], broken
    return moves[-1], "a number"


def stopped_report(
    turn: int, scores: dict[str, float], metrics: dict[str, float], state: State, actions: list[str]
) -> TurnReport:
    """The report of a turn that stopped the level: the scores as they were before it."""
    return TurnReport(
        turn=turn,
        scores=dict(scores),
        deltas={k: 0.0 for k in SCORES},
        causes=(),
        elite=EliteReport(moves=(), warning=None, power=0.0, threat=0.0),
        events=(),
        warnings=(),
        actions=tuple(actions),
        metrics=metrics,
        resources=dict(state.resources),
        plan=PlanSummary(0, False, 0.0),
        stress={},
    )


def stop(sim: Any, run: Any, moves: list[Any], actions: list[str]) -> TurnReport:
    """End `sim`'s level because this turn made its state non-finite: the ending names the
    move and the quantity, the state stays as it was before the turn."""
    move, broken = culprit(run, moves)
    sim.ending = Ending("stopped", "stopped", move=f"{move.kind}:{move.id}", quantity=broken)
    sim._setup = None
    return stopped_report(sim.turn, sim.last.scores, sim.last.metrics(sim.state), sim.state, actions)
