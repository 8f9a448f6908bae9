"""The bots `balance` plays a level with. Each sees only what a player sees: the level's
cards and costs, the event, the elite's warning and the forecast (through the simulation's
public API), never the state behind them.

- plan: the documented plan (`plans/<id>.yaml` beside the level), the same decisions every seed;
- nothing: no card, every event left at its free first choice;
- random: each card in a random order, added with probability 1/2 if still affordable; a
  random affordable event choice (seeded, so reproducible);
- first-affordable: every card in the level's list order that can still be paid for;
- greedy-forecast: the forecast of every affordable card, then the cards in order of the sum
  of their forecast score changes, each added while it still fits and the sum is positive;
- ignore-the-elite: the plan with every counter and defence removed;
- adaptive: the plan (the strategy the briefing suggests), plus, whenever the elite announces
  a tactic the turn's cards do not answer, the cheapest card that answers it if it still fits
  and the announced income still pays for the rest of the plan on schedule; against a move
  that can end the level, the answers that lower its odds (`Simulation.loss_odds`, the
  figures the warning shows) most, until they are FATAL_ODDS or less (without a plan file,
  the greedy forecast stands in for the plan).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from game.sim.elite import DEFENCE_PARAM, FATAL, answers_to
from game.sim.engine import Simulation

POLICIES = (
    "plan",
    "nothing",
    "random",
    "first-affordable",
    "greedy-forecast",
    "ignore-the-elite",
    "adaptive",
)
NEEDS_PLAN = frozenset({"plan", "ignore-the-elite"})

ANSWER_PARAMS = DEFENCE_PARAM  # the parameter that weakens each elite tactic
answered_tactics = answers_to  # the tactics a list of effects weakens

Decision = tuple[list[str], dict[str, str]]
FATAL_ODDS = 0.1  # the adaptive bot answers a move that can end the level down to these odds


@dataclass
class Context:
    """What a bot knows before the first turn: the level's cards and the plan file."""

    level: Any
    seed: int
    plan: Any = None  # a game.levels.decisions.DecisionFile, or None
    rng: np.random.Generator = field(init=False)
    answers: dict[str, list[str]] = field(init=False)
    defences: set[str] = field(init=False)

    def __post_init__(self) -> None:
        self.rng = np.random.default_rng([self.seed, 7919])
        self.answers = {}
        self.defences = set()
        for act in self.level.actions:
            tactics = answered_tactics(act.effects)
            if tactics or act.category == "defence":
                self.defences.add(act.id)
            for t in tactics:
                self.answers.setdefault(t, []).append(act.id)
        for ids in self.answers.values():  # cheapest answer first (total cost), list order on ties
            ids.sort(key=lambda a: sum(self._action(a).cost.values()))

    def _action(self, aid: str) -> Any:
        return next(a for a in self.level.actions if a.id == aid)

    def planned(self, turn: int) -> Decision:
        if self.plan is None:
            return [], {}
        d = self.plan.for_turn(turn)
        return list(d.actions), dict(d.choices)

    def plan_still_affordable(self, sim: Simulation, this_turn: list[str]) -> bool:
        """Whether, after paying for `this_turn`, the income the level announces still pays
        for the rest of the plan on schedule (a player's reckoning with the costs shown)."""
        if self.plan is None:
            return True
        cost = {a.id: a.cost for a in self.level.actions}
        income = {r.id: r.income for r in self.level.resources}
        have = dict(sim.state.resources)
        if sim.turn > 1:
            for r, inc in income.items():
                have[r] = have.get(r, 0.0) + inc
        for turn in range(sim.turn, self.level.turns + 1):
            if turn > sim.turn:
                for r, inc in income.items():
                    have[r] = have.get(r, 0.0) + inc
            spend = this_turn if turn == sim.turn else self.planned(turn)[0]
            for aid in spend:
                for r, c in cost.get(aid, {}).items():
                    have[r] = have.get(r, 0.0) - c
            if any(v < -1e-9 for v in have.values()):
                return False
        return True

    def is_answer_choice(self, event: Any, choice_id: str) -> bool:
        ch = next((c for c in event.choices if c.id == choice_id), None)
        return ch is not None and bool(answered_tactics(ch.effects))


def _fits(sim: Simulation, chosen: list[str], aid: str) -> bool:
    return sim.playable(chosen).get(aid, "unknown") is None


def _add_fitting(sim: Simulation, chosen: list[str], candidates: list[str]) -> list[str]:
    for aid in candidates:
        if aid not in chosen and _fits(sim, chosen, aid):
            chosen.append(aid)
    return chosen


def _affordable_choices(sim: Simulation, actions: list[str], choices: dict[str, str]) -> dict[str, str]:
    """`choices`, with the event's answer dropped (back to the free default) if it no longer
    fits beside `actions`."""
    event = sim.setup().event
    if event is None or event.id not in choices:
        return {}
    if sim.choice_problems(actions, choices):
        return {}
    return {event.id: choices[event.id]}


def plan(ctx: Context, sim: Simulation) -> Decision:
    return ctx.planned(sim.turn)


def nothing(ctx: Context, sim: Simulation) -> Decision:
    return [], {}


def random_play(ctx: Context, sim: Simulation) -> Decision:
    setup = sim.setup()
    rng = ctx.rng
    actions: list[str] = []
    for aid in rng.permutation([a.id for a in ctx.level.actions]):
        if rng.random() < 0.5 and _fits(sim, actions, str(aid)):
            actions.append(str(aid))
    choices: dict[str, str] = {}
    if setup.event is not None:
        ev = setup.event.id
        ids = [c.id for c in setup.event.choices if not sim.choice_problems(actions, {ev: c.id})]
        if ids:
            choices[ev] = ids[int(rng.integers(len(ids)))]
    return actions, choices


def first_affordable(ctx: Context, sim: Simulation) -> Decision:
    return _add_fitting(sim, [], [a.id for a in ctx.level.actions]), {}


def greedy_forecast(ctx: Context, sim: Simulation) -> Decision:
    open_cards = [aid for aid, why in sim.playable([]).items() if why is None]
    gains = sim.forecast_hand(open_cards)
    order = sorted(open_cards, key=lambda a: -sum(gains[a].values()))
    chosen: list[str] = []
    for aid in order:
        if sum(gains[aid].values()) <= 0:
            break
        if _fits(sim, chosen, aid):
            chosen.append(aid)
    return chosen, {}


def ignore_the_elite(ctx: Context, sim: Simulation) -> Decision:
    actions, choices = ctx.planned(sim.turn)
    event = sim.setup().event
    kept = [a for a in actions if a not in ctx.defences]
    if event is not None and event.id in choices and ctx.is_answer_choice(event, choices[event.id]):
        choices = {}
    kept = _add_fitting(sim, [], kept)
    return kept, _affordable_choices(sim, kept, choices)


def adaptive(ctx: Context, sim: Simulation) -> Decision:
    if ctx.plan is not None:
        programme, choices = ctx.planned(sim.turn)
    else:  # no plan beside the level: the forecast stands in for the briefing
        programme, choices = greedy_forecast(ctx, sim)
    chosen = _add_fitting(sim, [], programme)
    warning = sim.setup().warning
    if warning is not None and warning.tactic in FATAL:
        # a move that can end the level: answer until the odds shown are small, whatever
        # the plan's later cards (losing the level costs them all)
        while (odds := sim.loss_odds(chosen, choices)) > FATAL_ODDS:
            options = [
                (sim.loss_odds([*chosen, a], choices), a)
                for a in ctx.answers.get(warning.tactic, [])
                if a not in chosen
                and _fits(sim, chosen, a)
                and not sim.choice_problems([*chosen, a], choices)
            ]
            if not options or min(options)[0] >= odds:
                break
            chosen.append(min(options)[1])
    elif warning is not None:
        answers = ctx.answers.get(warning.tactic, [])
        if not any(a in chosen for a in answers):
            for aid in answers:
                if (
                    _fits(sim, chosen, aid)
                    and not sim.choice_problems([*chosen, aid], choices)
                    and ctx.plan_still_affordable(sim, [*chosen, aid])
                ):
                    chosen.append(aid)
                    break
    return chosen, _affordable_choices(sim, chosen, choices)


DECIDE: dict[str, Callable[[Context, Simulation], Decision]] = {
    "plan": plan,
    "nothing": nothing,
    "random": random_play,
    "first-affordable": first_affordable,
    "greedy-forecast": greedy_forecast,
    "ignore-the-elite": ignore_the_elite,
    "adaptive": adaptive,
}
