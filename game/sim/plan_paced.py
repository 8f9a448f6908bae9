"""The human-paced planning procedure (*Looking Forward*, ch. 6-7): councils revise their
proposals within limits each round. Part of `game.sim.planning`."""

from __future__ import annotations

import numpy as np

from game.sim.plan_economy import PUBLIC, PlanEconomy, PlanError, Rule, as_prices, check_economy
from game.sim.plan_rounds import PlanResult, _log_revenue, _wc_constants, excess, price_step

# --------------------------------------------------------------------------------------
# Human-paced variant (Looking Forward, ch. 6-7)
# --------------------------------------------------------------------------------------

PACE_TOWARD = 0.5  # share of the per-capita excess a council may move toward balance
PACE_AWAY = 0.25  # ... and away from balance
PACE_FREE_CC = 2  # consumers revise freely in rounds 1-2
PACE_FREE_WC = 3  # producers revise freely in rounds 1-3


def pace_limit(
    prev: np.ndarray,
    target: np.ndarray,
    gap: np.ndarray,
    toward_up: np.ndarray,
    weight: np.ndarray | float = 1.0,
) -> np.ndarray:
    """Move each quantity from `prev` toward `target`, within the paced limits.

    `gap` is the good's average per-capita |excess| in the previous round and `toward_up`
    says whether raising this quantity reduces that excess (a demand for a good in excess
    supply, an output of a good in excess demand). A change toward balance may be at most
    0.5·gap, away from it at most 0.25·gap, both times `weight` (the entry's multiplicity).
    """
    up = np.where(toward_up, PACE_TOWARD, PACE_AWAY) * gap * weight
    down = np.where(toward_up, PACE_AWAY, PACE_TOWARD) * gap * weight
    return np.maximum(np.clip(target, prev - down, prev + up), 0.0)


class PacedPlanner:
    """The human-paced procedure over each council's own (aggregate per entry) proposal.

    Reading of *Looking Forward* used here (documented because the text is informal):
    - Each council entry keeps its current proposal: a CC entry its demand for each good
      it wants, a WC entry its output and each input, all times its `count` (so an entry
      with count n moves like n councils).
    - Every round the IFB sets prices by the chosen rule; each council computes its
      unconstrained best answer (the same closed forms as the unpaced procedure).
    - Rounds 1-2 (consumers) and 1-3 (producers): the proposal is that best answer.
    - Later: for each good, `gap` = |D − S| of the previous round divided by the number of
      councils that propose a quantity of it (counting multiplicity: CCs wanting it, WCs
      producing it, WCs using it). Each quantity moves toward its best answer, but a change
      that reduces the good's excess is limited to 0.5·gap per council and a change that
      increases it to 0.25·gap per council. For a demand, "toward balance" is down when
      the good is in excess demand and up in excess supply; for an output, the reverse.
    - Quantities are limited one by one, so a council's proposal may sit off its budget or
      production frontier while it is being revised; only the aggregates matter to the IFB.
    Public goods: a CC's quantity is its share of the aggregate (its demand at p/N_cc,
    divided by N_cc), so the limits are in the same units as the good's excess.
    """

    def __init__(self, eco: PlanEconomy, start_prices: np.ndarray, rule: Rule = "book") -> None:
        check_economy(eco)
        self.eco = eco
        self.rule = rule
        self.p = as_prices(eco, start_prices)
        self.round = 0
        self.mult: np.ndarray | None = None
        G = eco.n_goods
        self._wc_rows = np.repeat(np.arange(eco.n_wc), np.diff(eco.wc_indptr))
        self._cc_rows = np.repeat(np.arange(eco.n_cc), np.diff(eco.cc_indptr))
        n_cc = eco.n_cc_total
        public = eco.kinds[eco.cc_good] == PUBLIC
        self._cc_share = np.where(public, 1.0 / n_cc, 1.0)
        self._cc_w = eco.cc_count[self._cc_rows]
        self._wc_w = eco.wc_count
        self._x_w = eco.wc_count[self._wc_rows]
        participants = (
            np.bincount(eco.cc_good, self._cc_w, minlength=G)
            + np.bincount(eco.wc_output, eco.wc_count, minlength=G)
            + np.bincount(eco.wc_input, self._x_w, minlength=G)
        )
        self.participants = np.maximum(participants, 1.0)
        self._consts = _wc_constants(eco)
        # current proposals, aggregate per entry (already times count)
        self.cc_q: np.ndarray | None = None
        self.y_q: np.ndarray | None = None
        self.x_q: np.ndarray | None = None
        self.supply: np.ndarray = np.zeros(G)
        self.demand: np.ndarray = np.zeros(G)

    def targets(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each entry's unconstrained best answer at the current prices (times count)."""
        eco, p = self.eco, self.p
        lam = p[eco.wc_output]
        y = np.exp(_log_revenue(eco, np.log(p), self._consts)) / lam
        x = eco.wc_b * (lam * y)[self._wc_rows] / p[eco.wc_input]
        n_cc = eco.n_cc_total
        face = np.where(eco.kinds == PUBLIC, p / n_cc, p)
        d = eco.cc_income[self._cc_rows] * eco.cc_weight / face[eco.cc_good]
        return d * self._cc_share * self._cc_w, y * self._wc_w, x * self._x_w

    def step(self) -> np.ndarray:
        """Run one round: new proposals at the current prices; returns v per good."""
        eco = self.eco
        self.round += 1
        cc_t, y_t, x_t = self.targets()
        if self.cc_q is None or self.y_q is None or self.x_q is None:
            self.cc_q, self.y_q, self.x_q = cc_t, y_t, x_t
        else:
            gap = np.abs(self.demand - self.supply) / self.participants
            in_demand = self.demand > self.supply  # excess demand in the previous round
            if self.round > PACE_FREE_CC:
                g = eco.cc_good
                self.cc_q = pace_limit(self.cc_q, cc_t, gap[g], ~in_demand[g], self._cc_w)
            else:
                self.cc_q = cc_t
            if self.round > PACE_FREE_WC:
                o, g = eco.wc_output, eco.wc_input
                self.y_q = pace_limit(self.y_q, y_t, gap[o], in_demand[o], self._wc_w)
                self.x_q = pace_limit(self.x_q, x_t, gap[g], ~in_demand[g], self._x_w)
            else:
                self.y_q, self.x_q = y_t, x_t
        G = eco.n_goods
        self.supply = np.bincount(eco.wc_output, self.y_q, minlength=G) + eco.endowment
        self.demand = np.bincount(eco.cc_good, self.cc_q, minlength=G) + np.bincount(
            eco.wc_input, self.x_q, minlength=G
        )
        return excess(self.supply, self.demand)

    def update_prices(self) -> None:
        self.p, mult = price_step(self.p, self.supply, self.demand, self.rule, self.mult)
        self.mult = mult if self.rule == "program" else None

    def run(self, threshold: float, max_rounds: int, record_history: bool = True) -> PlanResult:
        eco = self.eco
        max_ex: list[float] = []
        ph: list[np.ndarray] = []
        eh: list[np.ndarray] = []
        converged = False
        for _ in range(max_rounds):
            with np.errstate(over="ignore", under="ignore", invalid="ignore"):
                v = self.step()
            m = float(v.max()) if eco.n_goods else 0.0
            if not np.isfinite(m):
                raise PlanError(
                    f"the plan broke down in round {self.round}: quantities "
                    "overflowed or vanished (prices or parameters out of range)"
                )
            max_ex.append(m)
            if record_history:
                ph.append(self.p.copy())
                eh.append(np.copysign(v, self.demand - self.supply))
            if m < threshold:
                converged = True
                break
            if self.round < max_rounds:
                self.update_prices()
        return PlanResult(
            eco.good_ids,
            converged,
            self.round,
            float(threshold),
            self.rule,
            self.p.copy(),
            self.supply.copy(),
            self.demand.copy(),
            np.array(max_ex),
            np.array(ph) if record_history else None,
            np.array(eh) if record_history else None,
            paced=True,
        )
