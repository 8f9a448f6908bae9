"""The state of a transition economy between turns. Plain data: copying it is how the
simulation runs counterfactuals (forecasts, causes, the resilience stress test)."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

import numpy as np

from game.sim.report import EliteWarning
from game.sim.vocabulary import PARAMS

# Inherited wage ladder of firm workers: five quintile groups, mean 1 (the starting wage).
WAGE_LADDER = np.array([0.45, 0.7, 0.9, 1.15, 1.8])
COUNCIL_SAMPLE = 40  # council workers represented individually for effort pay
PARENT_SHARE = 0.3  # share of workers with young children (childcare limits attendance)
COOP_TARGET_CAPITAL = 1.0  # capital per member that a co-op needs for full productivity


@dataclass
class Coops:
    """Worker co-ops as arrays: members (share of the workforce), productivity, owned capital
    per member. Richer co-ops accumulate capital faster, so co-ops drift apart over time."""

    members: np.ndarray
    productivity: np.ndarray
    capital: np.ndarray

    @classmethod
    def empty(cls) -> Coops:
        return cls(np.zeros(0), np.zeros(0), np.zeros(0))

    def add(
        self, members: np.ndarray, productivity: np.ndarray, capital: np.ndarray, limit: int = 500
    ) -> None:
        room = max(0, limit - len(self.members))
        if len(members) > room:  # at the limit, newcomers join the smallest co-ops
            extra = members[room:]
            members, productivity, capital = members[:room], productivity[:room], capital[:room]
            if len(self.members):
                order = np.argsort(self.members, kind="stable")[: len(extra)]
                np.add.at(self.members, order, extra[: len(order)])
        self.members = np.concatenate([self.members, members])
        self.productivity = np.concatenate([self.productivity, productivity])
        self.capital = np.concatenate([self.capital, capital])

    def remove_share(self, share: float) -> float:
        """Take `share` of the workforce out of co-ops, proportionally; returns what was taken."""
        total = float(self.members.sum())
        take = min(share, total)
        if total > 0:
            self.members = self.members * (1 - take / total)
        return take


@dataclass
class CouncilWorkers:
    """A fixed sample of council-sector workers: inherited pay grade, hours, effort rating."""

    ladder: np.ndarray
    hours: np.ndarray
    ratings: np.ndarray


Warning_ = EliteWarning  # the elite's announced move for the next turn

_IMMUTABLE = (int, float, str, bool, bytes, np.generic, EliteWarning, type(None))


_ATOMS = frozenset({float, int, str, bool, type(None)})  # exact types: the common case first
_ARRAYS = {t: tuple(f.name for f in fields(t)) for t in (Coops, CouncilWorkers)}  # arrays only


def _deep(value: Any) -> Any:
    """Deep copy of the plain data a State holds (numbers, strings, containers, arrays,
    dataclasses of those); anything else falls back to copy.deepcopy."""
    if type(value) in _ATOMS or isinstance(value, _IMMUTABLE):
        return value
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, dict):  # mostly floats (the parameters): no call for those
        return {k: v if type(v) in _ATOMS else _deep(v) for k, v in value.items()}
    names = _ARRAYS.get(type(value))
    if names is not None:  # Coops, CouncilWorkers: dataclasses of three arrays
        return type(value)(*(getattr(value, n).copy() for n in names))
    if isinstance(value, list):
        return [v if type(v) in _ATOMS else _deep(v) for v in value]
    if type(value) is tuple and all(type(v) in _ATOMS for v in value):
        return value  # immutable all the way down (a law's recorded change)
    if isinstance(value, tuple):
        return tuple(_deep(v) for v in value)
    if isinstance(value, set):
        return {_deep(v) for v in value}
    if is_dataclass(value) and not isinstance(value, type):
        new = copy.copy(value)
        for f in fields(value):
            object.__setattr__(new, f.name, _deep(getattr(value, f.name)))
        return new
    return copy.deepcopy(value)


@dataclass
class State:
    turn: int
    params: dict[str, float]
    firm_share: float
    council_share: float
    coops: Coops
    council_workers: CouncilWorkers
    firm_capital: float
    awareness: float
    support: float
    power_concentration: float
    elite_wealth: float
    pollution_stock: float
    resources: dict[str, float]
    played: dict[str, int] = field(default_factory=dict)
    # laws passed, newest last: (action id, its parameter changes (name, op, value, before, after))
    law_log: list[tuple[str, list[tuple[str, str, float, float, float]]]] = field(default_factory=list)
    events_fired: set[str] = field(default_factory=set)
    warning: Warning_ | None = None
    last_tactics: list[str] = field(default_factory=list)
    elite_seen: dict[str, float] = field(default_factory=dict)  # what the elite saw last turn
    plan_prices: np.ndarray | None = None
    loss_streaks: dict[str, int] = field(default_factory=dict)
    lost: str | None = None  # set by a successful counter-revolution
    # The owners' capital outside the home firms, earning the world rate for them. Two
    # inflows: capital moved abroad (capital flight, a plant that moves; firms.py's negative
    # investment), and the price paid them for workplaces sold at home (a land trust's or a
    # buy-out fund's purchases, `capital: sold`), which they place elsewhere. (Named
    # `foreign_capital` before: saves hold decisions, not state, so they replay unchanged.)
    owners_outside_capital: float = 0.0
    # a land trust's land, in member places, and the members placed on it (land.py; only
    # where the level has a land market)
    trust_land: float = 0.0
    trust_farmers: float = 0.0
    approval: float = 0.5  # how people judge what the project delivers (from last turn)
    participation_raw: float = 0.0  # last turn's participation, 0 to 1
    peak_participation: float = 0.0  # the highest participation_raw so far (thresholds.py)
    skill_shortage: float = 0.0  # top grade's effort withdrawn and not yet replaced (pace.py)
    top_pay: float | None = None  # log of the top grade's relative pay at the last step
    top_ref: float | None = None  # the top grade's reference log pay, adapting (pace.py)
    top_low: float | None = None  # the lowest log relative pay the top grade has had (pace.py)
    council_seen: float = -1.0  # the council share at the last step (-1: not yet seen)
    # the co-op fund's money spent ahead on buyouts under a right of first refusal (a share
    # of the workforce; buyouts.py): a debt carried from turn to turn, repaid from its flow
    fund_spent: float = 0.0
    # this turn only
    counters: dict[str, float] = field(default_factory=dict)
    credit_cut: float = 0.0
    undercut: float = 0.0
    media: float = 0.0

    @property
    def coop_share(self) -> float:
        return float(np.add.reduce(self.coops.members))  # ndarray.sum without its wrapper

    @property
    def unemployment(self) -> float:
        return max(0.0, 1.0 - self.firm_share - self.coop_share - self.council_share)

    def copy(self) -> State:
        """A deep copy, walked field by field: the same result as copy.deepcopy, whose
        generic walk (memo, reduce protocol) was a sixth of a turn's time."""
        new = self.shallow()
        for f in fields(self):
            setattr(new, f.name, _deep(getattr(self, f.name)))
        return new

    def shallow(self) -> State:
        """`copy.copy(self)` without the reduce protocol's detour (a stress test makes six)."""
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__)
        return new

    def param(self, name: str) -> float:
        return self.params[name]

    def set_param(self, name: str, value: float) -> None:
        spec = PARAMS[name]
        self.params[name] = float(min(spec.hi, max(spec.lo, value)))

    def clear_turn_effects(self) -> None:
        self.counters = {}
        self.credit_cut = 0.0
        self.undercut = 0.0
        self.media = 0.0
