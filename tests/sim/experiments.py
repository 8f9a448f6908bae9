"""Helpers for the experiment tests: a shipped level with parameters or the elite changed,
played for some turns with no actions (issue 7's experiments)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.levels.loader import load_level
from game.sim.engine import Simulation

LEVELS = Path(__file__).resolve().parents[2] / "levels"


def level(level_id: str, tactics: list[str] | None = None, **params: float) -> Any:
    """A shipped level with economy parameters overridden and, if given, only `tactics`."""
    lv = load_level(LEVELS / f"{level_id}.yaml").level
    eco = lv.economy.model_copy(update={"params": {**lv.economy.params, **params}})
    update: dict[str, Any] = {"economy": eco}
    if tactics is not None:
        update["elite"] = lv.elite.model_copy(update={"tactics": tactics})
    return lv.model_copy(update=update)


def run(lv: Any, turns: int, seed: int = 1, params: dict[str, float] | None = None) -> Simulation:
    """Play `turns` turns without actions; `params` are set after the start (so the economy
    is calibrated as shipped and the change is a policy, not a different starting point)."""
    sim = Simulation(lv, seed)
    sim.state.params.update(params or {})
    for _ in range(turns):
        if sim.finished:
            break
        sim.play_turn([])
    return sim
