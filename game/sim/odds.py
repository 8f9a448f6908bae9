"""The odds that the elite's announced move ends the level (a counter-revolution): computed
from the model's own rule on the state the player sees, so the warning and the forecast quote
the chance the turn then plays with. Helpers of `Simulation` (engine.py), kept apart so the
engine stays one module of a readable size."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace
from typing import Any

from game.sim.elite import FATAL, Warning_, answers_to
from game.sim.report import AnswerOdds

NEVER = 1.0  # a draw no chance exceeds: the move is computed, never carried out


def loss_odds(sim: Any, actions: list[str], choices: dict[str, str] | None = None) -> float:
    """The chance this turn's announced move ends the level with these decisions (0 if it
    cannot): the turn's moves applied to a copy of the turn's start, the move's own chance."""
    setup, chosen = sim.setup(), dict(choices or {})
    if setup.warning is None or setup.warning.tactic not in FATAL:
        return 0.0
    s = sim._turn_start_state()
    moves = sim._apply(s, sim._moves(actions, chosen, setup), chosen, setup, NEVER)
    return float(sum(m.amount for m in moves if m.tactic in FATAL))


def with_odds(sim: Any, warning: Warning_) -> Warning_:
    """A warning of a move that can end the level, with the chance it does unanswered and
    after each card that answers it and can be paid for next turn (no event counted)."""
    if warning.tactic not in FATAL:
        return warning
    start = sim._turn_start_state()
    ahead = SimpleNamespace(event=None, warning=warning)  # next turn's set-up, event unknown

    def odds(action_ids: list[str]) -> float:
        moves = sim._apply(start.copy(), sim._moves(action_ids, {}, ahead), {}, ahead, NEVER)
        return float(sum(m.amount for m in moves))

    answers = [
        AnswerOdds(aid, odds([aid]))
        for aid, act in sim.actions.items()
        if warning.tactic in answers_to(act.effects) and not sim.action_problems([aid], start)
    ]
    answers.sort(key=lambda a: (a.odds, a.action))
    return replace(warning, odds=odds([]), answers=tuple(answers))
