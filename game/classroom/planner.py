"""The human-paced planning procedure with some councils played by people.

Built on `game.sim.planning.PacedPlanner` (economics.md §1, *Looking Forward* ch. 6-7): each
round the board's prices are given, every council's unconstrained best answer is computed,
and the limits of the paced variant say how far each quantity may move from the council's
last proposal. An automatic council moves to its best answer within those limits (exactly
`pace_limit`, so a round where nobody is played by a group is a `PacedPlanner` round). A
council played by a group proposes any quantities within the same limits instead.

Limits, per quantity, with `gap` the good's per-capita excess of the previous round:
- consumers in rounds 1-2 and producers in rounds 1-3 revise freely: anything from 0 to
  FREE_CAP times the larger of the best answer and the last proposal (a cap so that a typing
  slip cannot ask for a million tonnes; the automatic council never reaches it);
- later, a change toward balance may be at most 0.5·gap and away from it at most 0.25·gap.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.sim.planning import (
    PACE_AWAY,
    PACE_FREE_CC,
    PACE_FREE_WC,
    PACE_TOWARD,
    PacedPlanner,
    PlanEconomy,
    PlanError,
    excess,
    pace_limit,
)

FREE_CAP = 3.0


@dataclass
class Bounds:
    """Per-entry arrays of one kind of quantity (CC demands, WC outputs or WC inputs)."""

    target: np.ndarray  # the best answer at this round's prices
    auto: np.ndarray  # what the automatic council proposes (best answer within the limits)
    lo: np.ndarray
    hi: np.ndarray


@dataclass
class OpenRound:
    number: int
    prices: np.ndarray
    cc: Bounds
    y: Bounds
    x: Bounds


class ClassPlanner(PacedPlanner):
    """A PacedPlanner whose rounds are opened, answered and committed in three steps."""

    def __init__(self, eco: PlanEconomy, start_prices: np.ndarray, rule: str = "book") -> None:
        super().__init__(eco, start_prices, rule)  # type: ignore[arg-type]
        self.cc_rows = np.repeat(np.arange(eco.n_cc), np.diff(eco.cc_indptr))
        self.wc_rows = np.repeat(np.arange(eco.n_wc), np.diff(eco.wc_indptr))
        self.cc_weight = eco.cc_count[self.cc_rows]
        self.x_weight = eco.wc_count[self.wc_rows]
        self.current: OpenRound | None = None

    def _bounds(
        self,
        prev: np.ndarray | None,
        target: np.ndarray,
        goods: np.ndarray,
        raise_helps: np.ndarray | None,
        weight: np.ndarray,
        free: bool,
    ) -> Bounds:
        if prev is None or free or raise_helps is None:
            hi = FREE_CAP * (target if prev is None else np.maximum(target, prev))
            return Bounds(target, target.copy(), np.zeros_like(target), hi)
        gap = (np.abs(self.demand - self.supply) / self.participants)[goods]
        up = np.where(raise_helps, PACE_TOWARD, PACE_AWAY) * gap * weight
        down = np.where(raise_helps, PACE_AWAY, PACE_TOWARD) * gap * weight
        auto = pace_limit(prev, target, gap, raise_helps, weight)
        return Bounds(target, auto, np.maximum(prev - down, 0.0), prev + up)

    def open_round(self) -> OpenRound:
        """Start the next round at the current prices: best answers, limits, automatic answers."""
        eco = self.eco
        self.round += 1
        with np.errstate(over="ignore", under="ignore", invalid="ignore"):
            cc_t, y_t, x_t = self.targets()
        first = self.cc_q is None
        in_demand = self.demand > self.supply
        g_cc, g_out, g_in = eco.cc_good, eco.wc_output, eco.wc_input
        self.current = OpenRound(
            self.round,
            self.p.copy(),
            self._bounds(
                self.cc_q,
                cc_t,
                g_cc,
                None if first else ~in_demand[g_cc],
                self.cc_weight,
                self.round <= PACE_FREE_CC,
            ),
            self._bounds(
                self.y_q,
                y_t,
                g_out,
                None if first else in_demand[g_out],
                eco.wc_count,
                self.round <= PACE_FREE_WC,
            ),
            self._bounds(
                self.x_q,
                x_t,
                g_in,
                None if first else ~in_demand[g_in],
                self.x_weight,
                self.round <= PACE_FREE_WC,
            ),
        )
        return self.current

    def commit(self, cc_q: np.ndarray, y_q: np.ndarray, x_q: np.ndarray) -> np.ndarray:
        """Every council's proposal for the open round; returns v per good (signed history is
        the caller's). Prices are not moved here: see `update_prices`."""
        if self.current is None:
            raise PlanError("no round is open")
        eco = self.eco
        self.cc_q, self.y_q, self.x_q = cc_q.copy(), y_q.copy(), x_q.copy()
        G = eco.n_goods
        self.supply = np.bincount(eco.wc_output, self.y_q, minlength=G) + eco.endowment
        self.demand = np.bincount(eco.cc_good, self.cc_q, minlength=G) + np.bincount(
            eco.wc_input, self.x_q, minlength=G
        )
        self.current = None
        v = excess(self.supply, self.demand)
        if not np.all(np.isfinite(v)):
            raise PlanError(f"the plan broke down in round {self.round}")
        return v
