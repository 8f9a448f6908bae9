"""One play of a level under a policy, to its end, and why it was lost."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.balance.policies import DECIDE, Context
from game.explain import describe
from game.i18n import Translator, load_translator
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
    # why it was lost, as data any language can say (game.balance.report.loss_words):
    # ("loss", condition id), ("coup",), ("time",) or ("missed", index of each win
    # comparison not met); () when it was won
    why: tuple[Any, ...] = ()


class PlanError(ValueError):
    """The plan file asks for something the rules refuse (turn and refusal in `turn`, `message`)."""

    def __init__(self, turn: int, message: str, refusals: tuple[Any, ...] = ()) -> None:
        super().__init__(turn, message, refusals)  # all in args, so it crosses a process pool
        self.turn, self.message, self.refusals = turn, message, refusals

    def __str__(self) -> str:
        return self.message


def loss_key(level: Any, sim: Simulation) -> tuple[Any, ...]:
    """Why a play was lost, as data (numbers left out, so reasons group): see `Run.why`."""
    if sim.outcome == "won":
        return ()
    ending = sim.ending
    if ending is not None and ending.kind == "loss":
        return ("loss", ending.loss)
    if ending is not None and ending.kind == "coup":
        return ("coup",)
    if sim.history:
        metrics = sim.history[-1].metrics
        missed = [
            i
            for i, c in enumerate(comparisons(level.goals.win))
            if c.metric is not None and not holds(c, metrics, sim.state)
        ]
        if missed:
            return ("missed", *missed)
    return ("time",)


def loss_words(why: tuple[Any, ...], level: Any, tr: Translator) -> str:
    """A loss reason (`Run.why`) in the language of `tr`; "" for a win."""
    _ = tr.gettext
    if not why:
        return ""
    if why[0] == "loss":
        return _("lose condition '{id}'").format(id=why[1])
    if why[0] == "coup":
        return _("counter-revolution succeeded")
    if why[0] == "missed":
        wins = comparisons(level.goals.win)
        goals = ", ".join(describe(wins[i], tr) for i in why[1:])
        return _("time ran out; missed: {goals}").format(goals=goals)
    return _("time ran out")


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
                raise PlanError(sim.turn, str(exc), exc.refusals) from None
            raise
    scores = sim.history[-1].scores if sim.history else sim.start.scores
    tactics = tuple(m.tactic for r in sim.history for m in r.elite.moves)
    why = loss_key(level, sim)
    reason = loss_words(why, level, load_translator("en"))
    return Run(policy, seed, sim.outcome, reason, dict(scores), len(sim.history), tactics, why)
