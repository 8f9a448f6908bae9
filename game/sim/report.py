"""What the simulation hands to the screens, the command line and the reports: frozen, typed
data, never sentences. Words are made where they are shown (`game.explain`, through gettext),
so the interface parses no prose and a new language needs no change here.

Every class has `to_dict()` for JSON (`simulate --json`, the printable debrief).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCORE_KEYS = ("equity", "participation", "resilience", "support")


def _r(x: float, digits: int = 4) -> float:
    return round(float(x), digits)


@dataclass(frozen=True)
class Refusal:
    """Why a decision cannot be played. `kind` is one of REFUSAL_KINDS; `need` and `have`
    are the cost and what was left (kind "cost" and "choice_cost"); `requires` names the
    action to play first; `condition` is the level's condition model (kind "condition", and
    "choice_closed": an event's choice whose `when` did not hold when the event fired)."""

    kind: str
    action: str
    resource: str = ""
    need: float = 0.0
    have: float = 0.0
    requires: str = ""
    condition: Any = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "action": self.action}
        if self.resource:
            out.update(resource=self.resource, need=_r(self.need), have=_r(self.have))
        if self.requires:
            out["requires"] = self.requires
        if self.condition is not None and hasattr(self.condition, "model_dump"):
            out["condition"] = self.condition.model_dump(by_alias=True, exclude_none=True)
        return out

    def __str__(self) -> str:
        """A terse English message for exceptions and modders' command-line errors (players
        see `game.explain.refusal_text`)."""
        a = self.action
        if self.kind == "unknown":
            return f"unknown action '{a}'"
        if self.kind == "twice":
            return f"'{a}' is played twice in one turn"
        if self.kind == "once":
            return f"'{a}' can be played only once and was played already"
        if self.kind == "requires":
            return f"'{a}' requires '{self.requires}' to be played first"
        if self.kind == "condition":
            return f"'{a}' needs {condition_code(self.condition)}"
        if self.kind == "choice_cost":
            return f"choice '{a}' costs {self.need:g} {self.resource}; only {self.have:g} left"
        if self.kind == "choice_closed":
            return f"choice '{a}' is not open this turn: it needs {condition_code(self.condition)}"
        if self.kind == "cost":
            return f"'{a}' costs {self.need:g} {self.resource}; only {self.have:g} left"
        return f"'{a}': {self.kind}"


REFUSAL_KINDS = ("unknown", "twice", "once", "requires", "condition", "cost", "choice_cost", "choice_closed")


def condition_code(cond: Any) -> str:
    """A level condition in the YAML's own notation (for error messages, not for players)."""
    if cond is None:
        return "always"
    if cond.all is not None:
        return "(" + " and ".join(condition_code(c) for c in cond.all) + ")"
    if cond.any is not None:
        return "(" + " or ".join(condition_code(c) for c in cond.any) + ")"
    if cond.not_ is not None:
        return f"not {condition_code(cond.not_)}"
    if cond.played is not None:
        return f"played {cond.played}"
    return f"{cond.metric or cond.param} {cond.op} {float(cond.value):g}"


@dataclass(frozen=True)
class Quote:
    """A number quoted to the player: a measure before and after a move (raw values; the
    display formats them, e.g. shares as percentages)."""

    name: str
    before: float
    after: float

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "before": _r(self.before, 6), "after": _r(self.after, 6)}


@dataclass(frozen=True)
class Part:
    """A move's share of the change of one of a score's drivers (its Shapley value, like
    the cause's own delta): "coop_share" (share of the workforce) or "stress:<shock>"
    (share of real income the hardest-hit fifth keep through that shock)."""

    name: str
    delta: float

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "delta": _r(self.delta, 6)}


@dataclass(frozen=True)
class Cause:
    """One move's share of one score's change this turn. `kind` is trend, action, event or
    elite; `id` is the move's id (the action id, "event:choice", the elite's tactic, or
    "trend"); `quotes` are the measures the explanation cites. The causes of a score add up
    to its change exactly (the engine replays the turn one move at a time). Kind "end" is
    the end of last turn's elite campaign (`id` its tactic). `parts` (resilience causes of
    moves): the move's shares of the drivers' changes, which say through what it worked."""

    score: str
    delta: float
    kind: str
    id: str
    quotes: tuple[Quote, ...] = ()
    parts: tuple[Part, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"score": self.score, "delta": _r(self.delta), "kind": self.kind, "id": self.id}
        if self.quotes:
            out["quotes"] = [q.to_dict() for q in self.quotes]
        if self.parts:
            out["parts"] = [p.to_dict() for p in self.parts]
        return out


@dataclass(frozen=True)
class EliteMove:
    """What the elite did this turn. `outcome` names the result (see ELITE_OUTCOMES);
    `countered` is the share the player's counters took off; `amount` is the outcome's size
    (share of capital moved, share of firm jobs a merger cut, credit or revenue cut, media
    strength, or the coup's chance); `jobs` the jobs lost to capital flight or cut by a
    merger; `law` the action id of the law in court; `trust` a merger's rival: the share of
    the land that changed hands that a land trust bought (land.py); `bought` the jobs
    of moving plants that their workers bought under a right of first refusal
    (buyouts.py), not counted in `jobs`."""

    tactic: str
    intensity: float
    outcome: str
    countered: float = 0.0
    amount: float = 0.0
    jobs: float = 0.0
    law: str = ""
    trust: float = 0.0
    bought: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "tactic": self.tactic,
            "intensity": _r(self.intensity),
            "outcome": self.outcome,
            "countered": _r(self.countered),
            "amount": _r(self.amount, 6),
        }
        if self.jobs:
            out["jobs"] = _r(self.jobs, 2)
        if self.law:
            out["law"] = self.law
        if self.trust:
            out["trust"] = _r(self.trust)
        if self.bought:
            out["bought"] = _r(self.bought, 2)
        return out


ELITE_OUTCOMES = (
    "flight",
    "flight_none",
    "merger",
    "merger_none",
    "credit",
    "media",
    "court_struck",
    "court_struck_none",
    "court_failed",
    "court_nothing",
    "undercut",
    "coup_won",
    "coup_lost",
)


@dataclass(frozen=True)
class AnswerOdds:
    """The chance of losing the level to the announced move if `action` is played next turn."""

    action: str
    odds: float

    def to_dict(self) -> dict[str, Any]:
        return {"action": self.action, "odds": _r(self.odds)}


@dataclass(frozen=True)
class EliteWarning:
    """The elite's move announced for `turn`, one turn ahead so the player can answer. For a
    move that can end the level (a counter-revolution), `odds` is the chance it does if
    unanswered and `answers` the chance after each card that answers it (from the model's
    own rule, with the resources the next turn brings; events not counted)."""

    tactic: str
    intensity: float
    turn: int
    odds: float = 0.0
    answers: tuple[AnswerOdds, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"tactic": self.tactic, "intensity": _r(self.intensity), "turn": self.turn}
        if self.odds or self.answers:
            out["odds"] = _r(self.odds)
            out["answers"] = [a.to_dict() for a in self.answers]
        return out


@dataclass(frozen=True)
class EliteReport:
    moves: tuple[EliteMove, ...]
    warning: EliteWarning | None
    power: float
    threat: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "moves": [m.to_dict() for m in self.moves],
            "warning": None if self.warning is None else self.warning.to_dict(),
            "power": _r(self.power),
            "threat": _r(self.threat),
        }


@dataclass(frozen=True)
class EventRecord:
    """The event that fired and the choice taken (titles come from the level at display)."""

    id: str
    choice: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "choice": self.choice}


@dataclass(frozen=True)
class LossWarning:
    """A losing condition that holds now: `turns_left` turns to fix it."""

    id: str
    turns_left: int

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "turns_left": self.turns_left}


@dataclass(frozen=True)
class PlanSummary:
    rounds: int
    converged: bool
    max_excess: float

    def to_dict(self) -> dict[str, Any]:
        return {"rounds": self.rounds, "converged": self.converged, "max_excess": _r(self.max_excess, 6)}


@dataclass(frozen=True)
class Reading:
    """A measure's value when the level ended (the goal's shortfall)."""

    name: str
    value: float

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "value": _r(self.value, 6)}


@dataclass(frozen=True)
class Ending:
    """How a level ended. `kind`: won, coup, loss (a losing condition held long enough; `loss`
    is its id, `shortfall` the measures that made it hold), timeout (the goal was not reached;
    `shortfall` lists the measures missed) or stopped (the move `move`, as kind:id, made
    `quantity` non-finite: see `game.sim.guard`)."""

    outcome: str
    kind: str
    loss: str = ""
    shortfall: tuple[Reading, ...] = ()
    move: str = ""
    quantity: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"outcome": self.outcome, "kind": self.kind}
        if self.loss:
            out["loss"] = self.loss
        if self.move:
            out["move"] = self.move
            out["quantity"] = self.quantity
        if self.shortfall:
            out["shortfall"] = [r.to_dict() for r in self.shortfall]
        return out


@dataclass(frozen=True)
class TurnReport:
    """One played turn: the new scores and why they moved, the elite, the event, dangers."""

    turn: int
    scores: dict[str, float]
    deltas: dict[str, float]
    causes: tuple[Cause, ...]
    elite: EliteReport
    events: tuple[EventRecord, ...]
    warnings: tuple[LossWarning, ...]
    actions: tuple[str, ...]
    metrics: dict[str, float]
    resources: dict[str, float]
    plan: PlanSummary
    stress: dict[str, float] = field(default_factory=dict)

    def causes_of(self, score: str, threshold: float = 0.0) -> list[Cause]:
        """The causes of one score's change, biggest first, at least `threshold` in size."""
        found = [c for c in self.causes if c.score == score and abs(c.delta) >= threshold]
        return sorted(found, key=lambda c: -abs(c.delta))

    def to_dict(self) -> dict[str, Any]:
        return {
            "turn": self.turn,
            "scores": {k: _r(v) for k, v in self.scores.items()},
            "deltas": {k: _r(v) for k, v in self.deltas.items()},
            "causes": [c.to_dict() for c in self.causes],
            "elite": self.elite.to_dict(),
            "events": [e.to_dict() for e in self.events],
            "warnings": [w.to_dict() for w in self.warnings],
            "actions": list(self.actions),
            "metrics": {k: _r(v) for k, v in self.metrics.items()},
            "resources": {k: _r(v) for k, v in self.resources.items()},
            "plan": self.plan.to_dict(),
            "stress": {k: _r(v) for k, v in self.stress.items()},
        }
