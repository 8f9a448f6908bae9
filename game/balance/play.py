"""One play of a level under a policy, to its end, and why it was lost."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.balance.policies import DECIDE, Context
from game.explain import describe
from game.i18n import load_translator
from game.sim.effects import comparisons, holds
from game.sim.engine import DecisionError, Simulation


@dataclass(frozen=True)
class Run:
    """The end of one play: outcome, a short loss reason, final scores and the elite's
    tactics, one per move it made."""

    policy: str
    seed: int
    outcome: str
    reason: str
    scores: dict[str, float]
    turns: int
    tactics: tuple[str, ...]


class PlanError(ValueError):
    """The plan file asks for something the rules refuse (turn and refusal in `turn`, `message`)."""

    def __init__(self, turn: int, message: str) -> None:
        super().__init__(turn, message)  # both in args, so it crosses a process pool
        self.turn, self.message = turn, message

    def __str__(self) -> str:
        return self.message


def loss_label(level: Any, sim: Simulation) -> str:
    """A short, stable name for why a play was lost (numbers left out, so reasons group)."""
    if sim.outcome == "won":
        return ""
    ending = sim.ending
    if ending is not None and ending.kind == "loss":
        return f"lose condition '{ending.loss}'"
    if ending is not None and ending.kind == "coup":
        return "counter-revolution succeeded"
    if sim.history:
        metrics = sim.history[-1].metrics
        english = load_translator("en")
        missed = [
            describe(c, english)
            for c in comparisons(level.goals.win)
            if c.metric is not None and not holds(c, metrics, sim.state)
        ]
        if missed:
            return "time ran out; missed: " + ", ".join(missed)
    return "time ran out"


def play(level: Any, seed: int, policy: str, plan: Any = None) -> Run:
    """Play `level` from `seed` to its end under `policy` (a name in POLICIES); `plan` is the
    level's DecisionFile (needed by plan, ignore-the-elite; used by adaptive)."""
    decide = DECIDE[policy]
    ctx = Context(level, seed, plan)
    sim = Simulation(level, seed)
    while not sim.finished:
        actions, choices = decide(ctx, sim)
        try:
            sim.play_turn(actions, choices, causes=False)
        except DecisionError as exc:
            if policy == "plan":  # the plan file is wrong, not the bot
                raise PlanError(sim.turn, str(exc)) from None
            raise
    scores = sim.history[-1].scores if sim.history else sim.start.scores
    tactics = tuple(m.tactic for r in sim.history for m in r.elite.moves)
    return Run(policy, seed, sim.outcome, loss_label(level, sim), dict(scores), len(sim.history), tactics)
