"""The simulation guards its own state: a non-finite number stops the level with an ending
naming the move that produced it, and the state stays as it was before the turn."""

from __future__ import annotations

import json
import math
from pathlib import Path

from game.explain import ending_text
from game.i18n import load_translator
from game.levels.loader import load_level
from game.sim.engine import Simulation
from game.sim.guard import nonfinite

LEVEL = Path(__file__).resolve().parents[2] / "levels" / "coop_network.yaml"


def _with_effect(update: dict) -> tuple:
    level = load_level(LEVEL).level
    action = level.actions[0]
    effect = action.effects[0].model_copy(update=update)
    broken = action.model_copy(update={"effects": [effect]})
    return level.model_copy(update={"actions": [broken, *level.actions[1:]]}), broken


def test_infinite_resource_stops_the_level_naming_the_action() -> None:
    level, action = _with_effect({"op": "resource", "resource": "money", "value": math.inf})
    sim = Simulation(level, 1)
    before = dict(sim.last.scores)
    report = sim.play_turn([action.id])
    assert sim.outcome == "stopped" and sim.finished
    assert sim.ending is not None
    assert sim.ending.move == f"action:{action.id}" and sim.ending.quantity == "resource 'money'"
    assert report.scores == before and not sim.history
    json.dumps(report.to_dict(), allow_nan=False)  # nothing non-finite leaves the engine
    text = ending_text(sim.ending, level, load_translator("en"))
    assert "The simulation stopped" in text and "“Study circles”" in text and "resource 'money'" in text


def test_the_guard_names_the_move_without_causes_too() -> None:
    level, action = _with_effect({"op": "resource", "resource": "money", "value": math.inf})
    sim = Simulation(level, 1)
    sim.play_turn([action.id], causes=False)
    assert sim.outcome == "stopped" and sim.ending.move == f"action:{action.id}"


def test_infinite_elite_wealth_stops_the_level_in_spanish_too() -> None:
    level, action = _with_effect({"op": "elite_wealth", "value": math.inf})
    sim = Simulation(level, 3)
    sim.play_turn([action.id])
    assert sim.outcome == "stopped"
    assert "La simulación se detuvo" in ending_text(sim.ending, level, load_translator("es"))


def test_finite_state_passes_and_each_kind_of_quantity_is_seen() -> None:
    level = load_level(LEVEL).level
    sim = Simulation(level, 1)
    assert nonfinite(sim.state, sim.last.scores) is None
    state = sim.state.copy()
    state.elite_wealth = math.inf
    assert nonfinite(state, {}) == "elite wealth"
    assert nonfinite(sim.state, {"equity": math.nan}) == "score 'equity'"
    assert nonfinite(sim.state, {}, {"gini": math.inf}) == "metric 'gini'"
