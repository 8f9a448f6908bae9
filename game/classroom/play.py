"""A class's council play: groups, their councils, rounds, take-overs and the outcome.

One object serves the hot seat (groups take turns at one keyboard, no clock) and the
classroom server (groups in their browsers, a clock per round). Times are passed in by the
caller (`now`, seconds on any monotonic clock), so the model stays pure and testable.

Who decides what each round:
- a council with a group that proposed: the group's proposal (validated against the
  human-paced limits of its own council);
- a council with a group that did not propose before the round closed, or whose group has
  left: its automatic council (best answer within the same limits), recorded as a take-over;
- a council no group took: its automatic council.
A group that left or stayed silent for SILENT_ROUNDS rounds is no longer waited for; it gets
its council back as soon as it reconnects or proposes again.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from game.classroom.economy import ClassEconomy, Council
from game.classroom.planner import ClassPlanner, OpenRound
from game.sim.planning import PlanError

THRESHOLD = 0.05  # Hahnel 2021, Table 9.1: every market within 5%
MAX_ROUNDS = 40
SILENT_ROUNDS = 2
LEAVE_GRACE = 10.0  # seconds a disconnected group keeps its council before it is taken over
MAX_NAME = 24


class PlayError(ValueError):
    """A request the play cannot accept; `code` and `params` let each front end word it."""

    def __init__(self, code: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


@dataclass
class Group:
    id: str
    name: str
    council: Council
    token: str
    connected: bool = True
    away: bool = False  # taken over: not waited for
    left_at: float | None = None
    silent: int = 0  # consecutive rounds without a proposal
    proposals: int = 0
    takeovers: int = 0


@dataclass
class RoundRecord:
    number: int
    prices: list[float]
    supply: list[float]
    demand: list[float]
    excess: list[float]  # signed: + where demand exceeds supply
    max_excess: float
    proposed: list[str]  # group ids whose own proposal counted
    taken_over: list[str]  # group ids whose automatic council answered for them
    moved: dict[str, float]  # group id -> value of its departure from its automatic council


@dataclass
class CouncilPlay:
    """The rounds of one class plan. Call `start`, then `propose`/`tick`/`close_round`."""

    ce: ClassEconomy
    threshold: float = THRESHOLD
    max_rounds: int = MAX_ROUNDS
    round_seconds: float | None = None  # None: no clock (the hot seat)
    max_groups: int | None = None
    groups: dict[str, Group] = field(default_factory=dict)
    history: list[RoundRecord] = field(default_factory=list)
    status: str = "waiting"  # waiting | round | converged | stopped | limit
    deadline: float | None = None

    def __post_init__(self) -> None:
        self.planner = ClassPlanner(self.ce.economy, self.ce.start_prices)
        self.submitted: dict[str, np.ndarray] = {}
        self._seq = 0
        eco = self.ce.economy
        self._cc_ptr = eco.cc_indptr
        self._wc_ptr = eco.wc_indptr

    # --- groups ---------------------------------------------------------------------
    @property
    def seats(self) -> int:
        n = len(self.ce.councils)
        return n if self.max_groups is None else min(n, self.max_groups)

    def add_group(self, name: str, council_id: str | None = None) -> Group:
        name = " ".join(str(name).split())[:MAX_NAME]
        if not name:
            raise PlayError("name_empty", "a group needs a name")
        if any(g.name.casefold() == name.casefold() for g in self.groups.values()):
            raise PlayError("name_taken", f"the name {name!r} is taken", name=name)
        if len(self.groups) >= self.seats:
            raise PlayError("class_full", "every council is taken", seats=self.seats)
        taken = {g.council.id for g in self.groups.values()}
        if council_id is not None:
            council = self.ce.council(council_id)
            if council.id in taken:
                raise PlayError("council_taken", f"council {council_id} is taken", council=council_id)
        else:
            council = next(c for c in self.ce.councils if c.id not in taken)
        self._seq += 1
        group = Group(f"g{self._seq}", name, council, secrets.token_urlsafe(12))
        self.groups[group.id] = group
        return group

    def by_token(self, token: str) -> Group | None:
        for g in self.groups.values():
            if secrets.compare_digest(g.token, str(token)):
                return g
        return None

    def disconnect(self, group_id: str, now: float) -> None:
        g = self.groups[group_id]
        g.connected = False
        g.left_at = now

    def reconnect(self, group_id: str) -> None:
        g = self.groups[group_id]
        g.connected, g.away, g.left_at, g.silent = True, False, None, 0

    def waiting_for(self) -> list[Group]:
        """Groups whose proposal the open round still waits for."""
        if self.status != "round":
            return []
        return [g for g in self.groups.values() if not g.away and g.id not in self.submitted]

    # --- rounds -----------------------------------------------------------------------
    @property
    def open(self) -> OpenRound | None:
        return self.planner.current

    @property
    def round(self) -> int:
        return self.planner.round

    @property
    def finished(self) -> bool:
        return self.status in ("converged", "stopped", "limit")

    def start(self, now: float = 0.0) -> None:
        if self.status != "waiting":
            raise PlayError("already_started", "the planning has already started")
        self._open(now)

    def _open(self, now: float) -> None:
        self.planner.open_round()
        self.submitted = {}
        self.status = "round"
        self.deadline = None if self.round_seconds is None else now + self.round_seconds

    def slots(self, council: Council) -> tuple[str, np.ndarray]:
        """(array name, entry indices) of a council's quantities: a consumer council's
        demands, or a worker council's output followed by its inputs."""
        if council.kind == "consumer":
            j = council.index
            return "cc", np.arange(self._cc_ptr[j], self._cc_ptr[j + 1])
        i = council.index
        return "wc", np.arange(self._wc_ptr[i], self._wc_ptr[i + 1])

    def goods_of(self, council: Council) -> list[int]:
        """The good of each of a council's quantities, in order."""
        eco = self.ce.economy
        kind, idx = self.slots(council)
        if kind == "cc":
            return [int(g) for g in eco.cc_good[idx]]
        return [int(eco.wc_output[council.index])] + [int(g) for g in eco.wc_input[idx]]

    def bounds(self, council: Council) -> dict[str, np.ndarray]:
        """This round's best answer, automatic answer and limits of a council's quantities."""
        op = self.open
        if op is None:
            raise PlayError("no_round", "no round is open")
        kind, idx = self.slots(council)
        if kind == "cc":
            b = op.cc
            return {k: getattr(b, k)[idx].copy() for k in ("target", "auto", "lo", "hi")}
        i = council.index
        return {
            k: np.concatenate([[getattr(op.y, k)[i]], getattr(op.x, k)[idx]])
            for k in ("target", "auto", "lo", "hi")
        }

    def last(self, council: Council) -> np.ndarray | None:
        """The council's proposal of the previous round (None before round 2)."""
        p = self.planner
        if p.cc_q is None or p.y_q is None or p.x_q is None:
            return None
        kind, idx = self.slots(council)
        if kind == "cc":
            return p.cc_q[idx].copy()
        return np.concatenate([[p.y_q[council.index]], p.x_q[idx]])

    def validate(self, council: Council, quantities: Any) -> np.ndarray:
        """The proposal as an array, or PlayError saying which quantity is out of bounds."""
        b = self.bounds(council)
        n = len(b["lo"])
        if not isinstance(quantities, list | tuple) or len(quantities) != n:
            raise PlayError("wrong_length", f"a proposal needs {n} numbers", n=n)
        q = np.empty(n)
        for k, v in enumerate(quantities):
            if isinstance(v, bool) or not isinstance(v, int | float):
                raise PlayError("not_a_number", f"quantity {k + 1} is not a number", index=k)
            q[k] = float(v)
        goods = self.goods_of(council)
        for k in range(n):
            lo, hi = float(b["lo"][k]), float(b["hi"][k])
            tol = 1e-9 * max(1.0, abs(hi))
            if not np.isfinite(q[k]) or q[k] < lo - tol or q[k] > hi + tol:
                raise PlayError(
                    "out_of_bounds",
                    f"{self.ce.economy.good_ids[goods[k]]}: {q[k]:g} is outside {lo:.2f}-{hi:.2f}",
                    index=k,
                    good=self.ce.economy.good_ids[goods[k]],
                    value=float(q[k]),
                    lo=lo,
                    hi=hi,
                    free=self.free(council),
                )
        return np.clip(q, b["lo"], b["hi"])

    def free(self, council: Council) -> bool:
        """Whether the council revises freely this round (no paced limits yet)."""
        from game.sim.planning import PACE_FREE_CC, PACE_FREE_WC

        return self.round <= (PACE_FREE_CC if council.kind == "consumer" else PACE_FREE_WC)

    def propose(self, group_id: str, quantities: Any) -> np.ndarray:
        """A group's proposal for the open round (it may replace it until the round closes)."""
        if self.status != "round":
            raise PlayError("no_round", "no round is open")
        g = self.groups[group_id]
        q = self.validate(g.council, quantities)
        self.submitted[group_id] = q
        g.away, g.silent = False, 0
        return q

    def tick(self, now: float) -> bool:
        """Advance the clock: take over groups gone too long, close the round when nobody is
        awaited or time is up. Returns True if a round closed."""
        for g in self.groups.values():
            if not g.connected and not g.away and g.left_at is not None and now - g.left_at >= LEAVE_GRACE:
                g.away = True
        if self.status != "round":
            return False
        if not self.waiting_for() and self.groups or (self.deadline is not None and now >= self.deadline):
            self.close_round(now)
            return True
        return False

    def close_round(self, now: float = 0.0) -> RoundRecord:
        """Commit the round: the groups' proposals, automatic ones for everyone else."""
        op = self.open
        if self.status != "round" or op is None:
            raise PlayError("no_round", "no round is open")
        cc, y, x = op.cc.auto.copy(), op.y.auto.copy(), op.x.auto.copy()
        proposed, taken, moved = [], [], {}
        for g in self.groups.values():
            kind, idx = self.slots(g.council)
            auto = self.bounds(g.council)["auto"]
            q = self.submitted.get(g.id)
            if q is None:
                taken.append(g.id)
                g.takeovers += 1
                g.silent += 1
                if g.silent >= SILENT_ROUNDS:
                    g.away = True
                moved[g.id] = 0.0
                continue
            proposed.append(g.id)
            g.proposals += 1
            prices = op.prices[self.goods_of(g.council)]
            moved[g.id] = float(np.sum(prices * np.abs(q - auto)))
            if kind == "cc":
                cc[idx] = q
            else:
                y[g.council.index] = q[0]
                x[idx] = q[1:]
        v = self.planner.commit(cc, y, x)
        p = self.planner
        rec = RoundRecord(
            op.number,
            op.prices.tolist(),
            p.supply.tolist(),
            p.demand.tolist(),
            np.copysign(v, p.demand - p.supply).tolist(),
            float(v.max()),
            proposed,
            taken,
            moved,
        )
        self.history.append(rec)
        self.submitted = {}
        if rec.max_excess < self.threshold:
            self.status = "converged"
        elif self.round >= self.max_rounds:
            self.status = "limit"
        else:
            p.update_prices()
            self._open(now)
        return rec

    def stop(self) -> None:
        """The teacher ends the planning: the last committed round is the class's plan."""
        if self.status in ("waiting", "round"):
            if self.planner.current is not None:
                self.planner.current = None
                self.planner.round -= 1
            self.status = "stopped"
            self.deadline = None
            self.submitted = {}

    def run_automatic(self) -> None:
        """Close rounds with automatic councils for every silent group until the plan ends
        (a bounded loop: at most max_rounds)."""
        if self.status == "waiting":
            self.start()
        while self.status == "round":
            self.close_round()


def automatic_play(
    ce: ClassEconomy, threshold: float = THRESHOLD, max_rounds: int = MAX_ROUNDS
) -> CouncilPlay:
    """The same plan with every council automatic: what the class's plan is compared with."""
    play = CouncilPlay(ce, threshold, max_rounds)
    play.run_automatic()
    return play


__all__ = ["CouncilPlay", "Group", "PlayError", "RoundRecord", "automatic_play", "PlanError"]
