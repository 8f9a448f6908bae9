"""A turn's causes: the trends' part and each move's Shapley share of every score's change
(`shapley.py`), with what a resilience cause worked through.

The trends are what the turn does with no move at all; each move's share of the rest is its
Shapley value over the turn's moves, so a score's causes add up to its change exactly. A
resilience cause also carries the move's shares of resilience's drivers (`Part`): the
co-op share of the workforce and what the hardest-hit fifth keep through each shock. The
stress test follows the households of each group, so a move that adds co-op members can
lower resilience (more people in the group price cuts and credit strikes hit first) and one
that throws members out can raise it; the parts let the sentence say so
(`game.cause_words.resilience_text`). The end of last turn's campaign is a move of its own
(kind "end", `engine.Simulation._ended`): its quote is the cut that stopped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from game.sim.report import Cause, Part, Quote
from game.sim.scores import SCORES
from game.sim.shapley import shapley

RunValue = Callable[[frozenset[int]], tuple[Any, Any]]  # subset -> (state, evaluation)


def drivers(state: Any, ev: Any, shocks: Sequence[str]) -> np.ndarray:
    """The scores, then resilience's drivers: the co-op share and each shock's kept share."""
    return np.array([*(ev.scores[k] for k in SCORES), state.coop_share, *(ev.stress[k] for k in shocks)])


def resilience_parts(share: np.ndarray, shocks: Sequence[str]) -> tuple[Part, ...]:
    """A move's Shapley shares of resilience's drivers (the columns after the scores)."""
    k = len(SCORES)
    return (Part("coop_share", float(share[k])),) + tuple(
        Part(f"stress:{name}", float(share[k + 1 + i])) for i, name in enumerate(shocks)
    )


def turn_causes(
    moves: Sequence[Any],
    run: RunValue,
    before: dict[str, float],
    quotes: dict[str, tuple[Quote, ...]],
    rng: np.random.Generator,
    ended_cut: float,
) -> list[Cause]:
    """Every score's causes: `moves[0]` the trends, `run(subset)` the turn played with the
    trends and the other moves in `subset` (indices into `moves[1:]`), `before` last turn's
    scores, `quotes` the trends' figures, `ended_cut` the cut a campaign that stops had made
    (quoted by the "end" move). The shocks are the stress test's, in its order."""
    trend, others = moves[0], list(moves[1:])
    shocks = tuple(run(frozenset())[1].stress)

    def value(subset: frozenset[int]) -> np.ndarray:
        return drivers(*run(subset), shocks)

    no_move = value(frozenset())
    shares = shapley(len(others), value, rng) if others else np.zeros((0, len(no_move)))
    found: list[Cause] = []
    for j, score in enumerate(SCORES):
        found.append(Cause(score, float(no_move[j] - before[score]), trend.kind, trend.id, quotes[score]))
        for i, mv in enumerate(others):
            parts = resilience_parts(shares[i], shocks) if score == "resilience" else ()
            quoted = (Quote("undercut", ended_cut, 0.0),) if mv.kind == "end" else ()
            found.append(Cause(score, float(shares[i, j]), mv.kind, mv.id, quoted, parts))
    return found
