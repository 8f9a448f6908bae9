"""The simulation a level runs on: turns, decisions, the elite, events, scores and causes.

A turn is computed from the state at the end of the last turn and a list of *moves* (the
ongoing trends, each action played, the event choice, the elite's tactic). The trends' cause
is what the turn does with no move; each move's cause is its Shapley value over the turn's
moves (`shapley.py`), so causes do not depend on the order of the moves and sum exactly to
the change they explain. All randomness of a turn is drawn once, when the turn is set up, so
every replay sees the same draws.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from game.sim import elite as elite_mod
from game.sim import odds
from game.sim.budget import reserved_state
from game.sim.causes import turn_causes
from game.sim.council import shared_sector
from game.sim.dynamics import advance
from game.sim.economy import calibrate
from game.sim.effects import apply_effect, comparisons, holds
from game.sim.guard import nonfinite, stop
from game.sim.inputs import ChoiceLike, ConditionLike, EventLike, LevelLike
from game.sim.pace import start_pay
from game.sim.quotes import turn_quotes
from game.sim.report import (
    Cause,
    EliteMove,
    EliteReport,
    Ending,
    EventRecord,
    LossWarning,
    PlanSummary,
    Reading,
    Refusal,
    TurnReport,
)
from game.sim.scores import SCORES, Evaluation, approval, evaluate
from game.sim.start import initial_state
from game.sim.state import State

N_DRAWS = 16


class DecisionError(ValueError):
    """A decision the rules do not allow (unaffordable, unmet prerequisite, unknown id).
    `refusals` says why, as data; the message is a terse English summary for the command
    line."""

    def __init__(self, message: str = "", refusals: tuple[Refusal, ...] = ()) -> None:
        super().__init__(message or "; ".join(str(r) for r in refusals))
        self.refusals = refusals


@dataclass(frozen=True)
class Move:
    kind: str  # trend | action | event | elite
    id: str


RunResult = tuple[State, Evaluation, list[EliteMove]]


@dataclass
class TurnSetup:
    """What the player sees before deciding: the event (if one fires) and the elite's warning."""

    turn: int
    event: EventLike | None
    warning: elite_mod.Warning_ | None
    draws: np.ndarray
    closed: frozenset[str] = frozenset()  # the event's choices whose `when` does not hold now
    # turns already computed from this set-up, by their moves (the event's move names its
    # choice): a forecast's runs are also replays of the turn played after it
    runs: dict[tuple[Move, ...], RunResult] = field(default_factory=dict)


class Simulation:
    """One play of a level. Deterministic: the same level, seed and decisions give the same
    reports, byte for byte."""

    def __init__(self, level: LevelLike, seed: int, rng: np.random.Generator | None = None) -> None:
        """`seed` also fixes the council workers' sample; `rng` (default: one seeded with
        `seed`) draws each turn's randomness, so a caller can inject its own generator."""
        self.level = level
        self.seed = int(seed)
        if self.seed < 0:
            raise DecisionError(f"a seed must be 0 or more, not {self.seed}")
        self.rng = rng if rng is not None else np.random.default_rng(self.seed)
        self.dt = 0.25 if level.turn_length == "season" else 1.0
        self.actions = {a.id: a for a in level.actions}
        self.events = {e.id: e for e in level.events}
        self.sector = shared_sector()
        self.state = initial_state(level, self.seed)
        start_pay(self.state)
        self.cal = calibrate(self.state, elite_mod.capital_leaves(level.elite.tactics))
        first = evaluate(self.state, self.cal, self.sector)
        self.state.params["_start_needs"] = first.measures.needs_met
        self.state.approval = approval(self.state, first)
        self.state.participation_raw = first.participation_raw
        self.state.peak_participation = first.participation_raw
        self.state.plan_prices = first.measures.plan.result.prices.copy()
        self.start = first
        self.last = first
        self.history: list[TurnReport] = []
        self.ending: Ending | None = None
        self._setup: TurnSetup | None = None

    # ------------------------------------------------------------------ turn set-up
    @property
    def turn(self) -> int:
        """The number of the turn to be played next (1-based)."""
        return self.state.turn + 1

    @property
    def outcome(self) -> str:
        """won, lost or unfinished."""
        return "unfinished" if self.ending is None else self.ending.outcome

    @property
    def finished(self) -> bool:
        return self.ending is not None

    def setup(self) -> TurnSetup:
        """Draw this turn's randomness and decide which event fires; idempotent per turn."""
        if self._setup is not None and self._setup.turn == self.turn:
            return self._setup
        draws = self.rng.random(N_DRAWS + len(self.level.events))
        metrics = self.last.metrics(self.state)
        metrics["turn"] = float(self.turn)
        fired = None
        for i, ev in enumerate(self.level.events):
            if ev.once and ev.id in self.state.events_fired:
                continue
            if self.turn < ev.earliest_turn or not holds(ev.when, metrics, self.state):
                continue
            if draws[N_DRAWS + i] < ev.probability:
                fired = ev
                break
        # a choice's `when` is read as the event fires, like the event's: not after this turn's cards
        shut = [c.id for c in fired.choices if not holds(c.when, metrics, self.state)] if fired else []
        self._setup = TurnSetup(self.turn, fired, self.state.warning, draws, frozenset(shut))
        return self._setup

    def open_choices(self) -> list[ChoiceLike]:
        """This turn's event's choices that the player may take (their `when` held as it fired)."""
        setup = self.setup()
        return [c for c in setup.event.choices if c.id not in setup.closed] if setup.event else []

    # ------------------------------------------------------------------ decisions
    def action_problems(self, action_ids: list[str], state: State | None = None) -> list[Refusal]:
        """Why a set of actions cannot be played this turn (empty if it can)."""
        state = state or self.state
        problems: list[Refusal] = []
        budget = dict(state.resources)
        metrics = self.last.metrics(state)
        seen: set[str] = set()
        for aid in action_ids:
            act = self.actions.get(aid)
            if act is None:
                problems.append(Refusal("unknown", aid))
                continue
            if aid in seen:
                problems.append(Refusal("twice", aid))
            seen.add(aid)
            if not act.repeatable and state.played.get(aid, 0) > 0:
                problems.append(Refusal("once", aid))
            for req in act.requires:
                if state.played.get(req, 0) == 0 and req not in seen:
                    problems.append(Refusal("requires", aid, requires=req))
            if act.condition is not None and not holds(act.condition, metrics, state):
                problems.append(Refusal("condition", aid, condition=act.condition))
            for res, cost in act.cost.items():
                budget[res] = budget.get(res, 0.0) - cost
                if budget[res] < -1e-9:
                    problems.append(Refusal("cost", aid, res, float(cost), budget[res] + cost))
        return problems

    def choice_problems(self, actions: list[str], choices: dict[str, str]) -> list[Refusal]:
        """Why this turn's event choice cannot be taken (its `when` did not hold as the event
        fired) or paid for after `actions` (empty if it can)."""
        setup = self.setup()
        if setup.event is None:
            return []
        choice = self._choice(setup.event, choices)
        if choice.id in setup.closed:
            return [Refusal("choice_closed", choice.id, condition=choice.when)]
        budget = dict(self._turn_start_state().resources)
        for aid in actions:
            act = self.actions.get(aid)  # unknown ids are reported by action_problems
            for res, cost in act.cost.items() if act else ():
                budget[res] = budget.get(res, 0.0) - cost
        return [
            Refusal("choice_cost", choice.id, res, float(cost), budget.get(res, 0.0))
            for res, cost in choice.cost.items()
            if budget.get(res, 0.0) - cost < -1e-9
        ]

    def playable(
        self, chosen: list[str] | None = None, choices: dict[str, str] | None = None
    ) -> dict[str, Refusal | None]:
        """For every action: None if it can be added to `chosen` now, else why not (with
        `choices`, after paying the event's answer: see game.sim.budget)."""
        chosen = list(chosen or [])
        self._begin_resources()
        out: dict[str, Refusal | None] = {}
        start = reserved_state(self, choices)  # read, never changed, by action_problems
        for aid in self.actions:
            if aid in chosen:
                out[aid] = None
                continue
            probs = self.action_problems([*chosen, aid], start)
            out[aid] = probs[-1] if probs else None
        return out

    def _begin_resources(self) -> None:
        self.setup()

    def _turn_start_state(self) -> State:
        s = self.state.copy()
        if self.turn > 1:
            for r in self.level.resources:
                s.resources[r.id] = s.resources.get(r.id, 0.0) + r.income
        s.turn = self.turn
        return s

    # ------------------------------------------------------------------ the turn itself
    def _ended(self, setup: TurnSetup) -> str | None:
        """The elite's campaign that ran last turn and stops now (its tactic), if any: a
        price war whose cut (a turn's effect, `State.clear_turn_effects`) is not renewed."""
        renewed = setup.warning is not None and setup.warning.tactic == "price_undercutting"
        return "price_undercutting" if self.state.undercut > 1e-12 and not renewed else None

    def _moves(self, actions: list[str], choices: dict[str, str], setup: TurnSetup) -> list[Move]:
        moves = [Move("trend", "trend")]
        for aid in actions:
            moves.append(Move("action", aid))
        if setup.event is not None:
            choice = self._choice(setup.event, choices)
            moves.append(Move("event", f"{setup.event.id}:{choice.id}"))
        if setup.warning is not None:
            moves.append(Move("elite", setup.warning.tactic))
        ended = self._ended(setup)
        if ended is not None:  # the campaign's end is a move of its own (see `_apply`)
            moves.append(Move("end", ended))
        return moves

    def _choice(self, event: EventLike, choices: dict[str, str]) -> ChoiceLike:
        cid = choices.get(event.id)
        if cid is None:
            return event.choices[0]
        for ch in event.choices:
            if ch.id == cid:
                return ch
        raise DecisionError(
            f"event '{event.id}' has no choice '{cid}'; choices: " + ", ".join(c.id for c in event.choices)
        )

    def _run(self, moves: list[Move], choices: dict[str, str], setup: TurnSetup) -> RunResult:
        """Play the turn from the current state with `moves` applied; return the new state."""
        s = self._turn_start_state()
        elite_moves = self._apply(s, moves, choices, setup, float(setup.draws[0]))
        advance(s, self.cal, self.dt)
        ev = evaluate(s, self.cal, self.sector)
        return s, ev, elite_moves

    def _apply(
        self, s: State, moves: list[Move], choices: dict[str, str], setup: TurnSetup, draw: float
    ) -> list[EliteMove]:
        """The turn's moves on `s` in place, before the turn's dynamics; the elite's move
        decided by `draw`. A campaign that stops this turn (`_ended`) stops with its move
        "end": without that move, as in the trends' own turn, last turn's cut goes on, so
        what its end does is the end's cause, never the trends'."""
        carried = s.undercut
        s.clear_turn_effects()
        ended = self._ended(setup)
        if ended is not None and Move("end", ended) not in moves:
            s.undercut = carried
        elite_moves: list[EliteMove] = []
        population = self.level.economy.population
        for mv in moves:
            if mv.kind == "action":
                act = self.actions[mv.id]
                for res, cost in act.cost.items():
                    s.resources[res] -= cost
                record: list[tuple[str, str, float, float, float]] | None = (
                    [] if act.category == "law" else None
                )
                for eff in act.effects:
                    apply_effect(s, eff, record)
                if record is not None:  # every law can be challenged in court
                    s.law_log.append((mv.id, record))
                s.played[mv.id] = s.played.get(mv.id, 0) + 1
            elif mv.kind == "event" and setup.event is not None:
                ch = self._choice(setup.event, choices)
                for res, cost in ch.cost.items():
                    s.resources[res] = s.resources.get(res, 0.0) - cost
                for eff in ch.effects:
                    apply_effect(s, eff)
                s.events_fired.add(setup.event.id)
            elif mv.kind == "elite" and setup.warning is not None:
                elite_moves.append(elite_mod.execute(s, setup.warning, draw, population, self.dt))
        return elite_moves

    def loss_odds(self, actions: list[str], choices: dict[str, str] | None = None) -> float:
        """The chance that this turn's elite move ends the level if `actions` (and the event
        choice) are played (`game.sim.odds`)."""
        return odds.loss_odds(self, actions, choices)

    def _known_run(self, moves: list[Move], choices: dict[str, str], setup: TurnSetup) -> RunResult:
        """`_run`, remembered for this turn's set-up: the same moves give the same turn (the
        draws are the set-up's), so a forecast's runs serve the turn played after it."""
        key = tuple(moves)
        if key not in setup.runs:
            setup.runs[key] = self._run(moves, choices, setup)
        return setup.runs[key]

    def forecast(self, actions: list[str], choices: dict[str, str] | None = None) -> dict[str, float]:
        """Expected change of each score this turn if `actions` are played, compared with
        playing none (same draws, same event choice, same elite move)."""
        return self._forecasts([list(actions)], choices)[0]

    def forecast_hand(
        self, cards: list[str], choices: dict[str, str] | None = None
    ) -> dict[str, dict[str, float]]:
        """`forecast([card])` for each card, the no-card turn computed once (the turn screen's hand)."""
        return dict(zip(cards, self._forecasts([[c] for c in cards], choices), strict=True))

    def _forecasts(self, sets: list[list[str]], choices: dict[str, str] | None) -> list[dict[str, float]]:
        setup, choices, start = self.setup(), choices or {}, self._turn_start_state()
        probs = [p for actions in sets for p in self.action_problems(actions, start)]
        if probs:
            raise DecisionError(refusals=tuple(probs))
        base = self._known_run(self._moves([], choices, setup), choices, setup)[1].scores
        runs = [self._known_run(self._moves(a, choices, setup), choices, setup)[1].scores for a in sets]
        return [{k: ev[k] - base[k] for k in SCORES} for ev in runs]

    def play_turn(
        self, actions: list[str], choices: dict[str, str] | None = None, causes: bool = True
    ) -> TurnReport:
        """Play this turn. `causes=False` (bots, balance runs: no one reads them) computes
        the turn once instead of once per move and reports no causes; every other field of
        the report and the next state are the same."""
        if self.finished:
            raise DecisionError(f"the level is over ({self.outcome})")
        choices = dict(choices or {})
        setup = self.setup()
        probs = self.action_problems(actions, self._turn_start_state())
        probs += self.choice_problems(actions, choices)
        if probs:
            raise DecisionError(refusals=tuple(probs))
        moves = self._moves(actions, choices, setup)
        before = self.last.scores
        # causes: the trends are what the turn does with no move at all; each move's share of
        # the rest is its Shapley value over the turn's moves (order-independent), so the
        # causes of a score add up to its change exactly
        trend, others = moves[0], moves[1:]
        runs: dict[frozenset[int], RunResult] = {}

        def run(subset: frozenset[int]) -> RunResult:
            if subset not in runs:
                chosen = [trend] + [m for i, m in enumerate(others) if i in subset]
                runs[subset] = self._known_run(chosen, choices, setup)
            return runs[subset]

        result = run(frozenset(range(len(others))))
        found: list[Cause] = []
        if causes:
            quotes = turn_quotes(self.last, self.state, result[0], result[1])
            rng = np.random.default_rng([self.seed, self.turn, 17])
            cut = self.state.undercut
            found = turn_causes(moves, lambda sub: run(sub)[:2], before, quotes, rng, cut)
        state, ev, elite_moves = result
        state.approval = approval(state, ev)
        state.participation_raw = ev.participation_raw
        state.peak_participation = max(state.peak_participation, ev.participation_raw)
        state.plan_prices = ev.measures.plan.result.prices.copy()
        # the elite decides next turn's move and warns now
        allowed = list(self.level.elite.tactics)
        warning = None
        if state.lost is None and self.turn + 1 >= self.level.elite.first_turn:
            warning = elite_mod.choose(state, allowed, setup.draws[1:8], self.dt)
        state.warning = warning
        elite_mod.update_wealth(
            state,
            ev.measures.profits + ev.measures.owners_outside_income,
            self.cal.start_profit,
            state.params["_elite_strength"],
            self.dt,
        )
        metrics = ev.metrics(state)
        if nonfinite(state, ev.scores, metrics) is not None:  # the level stops (game.sim.guard)
            return stop(self, lambda ms: self._run(ms, choices, setup), moves, actions)
        warnings = self._check_goals(state, metrics)
        self.state, self.last = state, ev
        if warning is not None:
            warning = state.warning = odds.with_odds(self, warning)
        self._setup = None
        found.sort(key=lambda c: (SCORES.index(c.score), -abs(c.delta)))
        events: tuple[EventRecord, ...] = ()
        if setup.event is not None:
            events = (EventRecord(setup.event.id, self._choice(setup.event, choices).id),)
        plan = ev.measures.plan.result
        report = TurnReport(
            turn=state.turn,
            scores=dict(ev.scores),
            deltas={k: ev.scores[k] - before[k] for k in SCORES},
            causes=tuple(found),
            elite=EliteReport(
                moves=tuple(elite_moves),
                warning=warning,
                power=float(state.elite_wealth),
                threat=elite_mod.threat(state),
            ),
            events=events,
            warnings=tuple(warnings),
            actions=tuple(actions),
            metrics=metrics,
            resources=dict(state.resources),
            plan=PlanSummary(
                int(plan.rounds),
                bool(plan.converged),
                float(plan.max_excess[-1]) if len(plan.max_excess) else 0.0,
            ),
            stress=dict(ev.stress),
        )
        self.history.append(report)
        return report

    def _check_goals(self, state: State, metrics: dict[str, float]) -> list[LossWarning]:
        warnings: list[LossWarning] = []
        if state.lost == "counter_revolution":
            self.ending = Ending("lost", "coup")
            return warnings
        for loss in self.level.goals.lose:
            if holds(loss.when, metrics, state):
                streak = state.loss_streaks.get(loss.id, 0) + 1
                state.loss_streaks[loss.id] = streak
                if streak >= loss.for_turns:
                    held = tuple(
                        Reading(c.metric, float(metrics[c.metric]))
                        for c in comparisons(loss.when)
                        if c.metric and c.metric in metrics and holds(c, metrics, state)
                    )
                    self.ending = Ending("lost", "loss", loss=loss.id, shortfall=held)
                    return warnings
                warnings.append(LossWarning(loss.id, loss.for_turns - streak))
            else:
                state.loss_streaks[loss.id] = 0
        goals = self.level.goals
        if holds(goals.win, metrics, state) and (goals.win_early or state.turn >= self.level.turns):
            self.ending = Ending("won", "won")
        elif state.turn >= self.level.turns:
            self.ending = Ending("lost", "timeout", shortfall=self._shortfall(goals.win, metrics, state))
        return warnings

    def _shortfall(self, cond: ConditionLike, metrics: dict[str, float], state: State) -> tuple[Reading, ...]:
        """The goal's measures that were missed, with their final values."""
        return tuple(
            Reading(c.metric, float(metrics[c.metric]))
            for c in comparisons(cond)
            if c.metric and not holds(c, metrics, state)
        )

    def replay(self, decisions: list[dict[str, Any]]) -> None:
        """Play turns from a list of {actions, choices} (how saves are loaded)."""
        for d in decisions:
            if self.finished:
                break
            self.play_turn(list(d.get("actions", [])), dict(d.get("choices", {})))

    def plan_detail(self, from_scratch: bool = False) -> Any:
        """This turn's council-sector plan with every round recorded, for the planning view.

        Warm-started from last turn's prices, a plan needs few rounds; `from_scratch` starts
        from the base plan's uniform start prices, as in a council sector's first year.
        """
        from game.sim.council import START_PRICE
        from game.sim.economy import attendance, council_productivity, job_balance

        s = self.state
        prod = council_productivity(s, attendance(s), job_balance(s))
        start = np.full(len(self.sector.economy.good_ids), START_PRICE) if from_scratch else s.plan_prices
        return self.sector.plan(prod, 1.0, start, record_history=True)
