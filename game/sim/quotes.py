"""The figures a turn's trend sentences quote: each score's drivers as the player saw them,
last turn's and this turn's actual values (the metrics and the stress test of both
reports), never a replay's."""

from __future__ import annotations

from game.sim.report import Quote
from game.sim.scores import Evaluation
from game.sim.state import State


def turn_quotes(
    last: Evaluation, last_state: State, state: State, ev: Evaluation
) -> dict[str, tuple[Quote, ...]]:
    """Per score, the quotes of its trend sentence: `last`/`last_state` before the turn,
    `ev`/`state` after it."""
    before = last.metrics(last_state)
    after = ev.metrics(state)

    def q(name: str) -> Quote:
        return Quote(name, float(before[name]), float(after[name]))

    s0, s1 = last.stress, ev.stress
    worst = max(s1, key=lambda k: (abs(s1[k] - s0.get(k, s1[k])), -s1[k])) if s1 else ""
    stress = (Quote(f"stress:{worst}", float(s0.get(worst, 1.0)), float(s1[worst])),) if worst else ()
    return {
        "equity": (q("equity"), q("gini"), q("pay_gap")),
        "participation": (
            q("participation"),
            q("attendance"),
            q("self_managed_share"),
            q("power_concentration"),
        ),
        "resilience": (q("resilience"), *stress),
        "support": (q("support"), q("awareness"), q("needs_met")),
    }
