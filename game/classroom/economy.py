"""The economy a class plans: the level's council sector at the level's starting state, with
the councils the groups can take and their names.

Why the sector at the level's start: it is the economy the level's own plan runs on (the same
goods, technology and consumers), so the class's plan and the automatic one are comparable
with what the game shows. The plan starts from last year's prices (the sector's plan at
normal productivity) while this year's productivity is the level's, so there is a real gap
to close, as in Hahnel's year-two experiments (warm start).

Replication: `copies` repeats every council (and the labour and nature endowments), which
leaves every per-capita result unchanged (see game/sim/council.py) and gives a large class
one council per group.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from game.sim.planning import PUBLIC, PlanEconomy

GOOD_NAMES_EN = {
    "food": "Food",
    "housing": "Housing",
    "care": "Care",
    "tools": "Tools",
    "energy": "Energy",
    "labour": "Labour",
    "nature": "Nature",
    "parks": "Parks",
}


@dataclass(frozen=True)
class Council:
    """One council a group can take: `W3` is worker-council entry 3, `C5` consumer council 5."""

    id: str
    kind: str  # "worker" | "consumer"
    index: int  # entry in the PlanEconomy's WC or CC arrays
    good: str  # a worker council's output good ("" for a consumer council)
    number: int  # 1-based number among councils of its kind (and good, for worker councils)


def replicate(eco: PlanEconomy, copies: int) -> PlanEconomy:
    """`copies` identical copies of every council and of the endowments (per capita unchanged)."""
    if copies == 1:
        return eco
    n_wc, n_cc = eco.n_wc, eco.n_cc

    def rep_csr(indptr: np.ndarray, idx: np.ndarray, vals: np.ndarray, n: int):
        lens = np.tile(np.diff(indptr), copies)
        new_ptr = np.concatenate([[0], np.cumsum(lens)]).astype(np.intp)
        return new_ptr, np.tile(idx, copies), np.tile(vals, copies)

    wptr, winp, wb = rep_csr(eco.wc_indptr, eco.wc_input, eco.wc_b, n_wc)
    cptr, cgood, cw = rep_csr(eco.cc_indptr, eco.cc_good, eco.cc_weight, n_cc)
    return PlanEconomy(
        good_ids=eco.good_ids,
        kinds=eco.kinds,
        endowment=eco.endowment * copies,
        wc_output=np.tile(eco.wc_output, copies),
        wc_A=np.tile(eco.wc_A, copies),
        wc_c=np.tile(eco.wc_c, copies),
        wc_s=np.tile(eco.wc_s, copies),
        wc_k=np.tile(eco.wc_k, copies),
        wc_count=np.tile(eco.wc_count, copies),
        wc_indptr=wptr,
        wc_input=winp,
        wc_b=wb,
        cc_income=np.tile(eco.cc_income, copies),
        cc_count=np.tile(eco.cc_count, copies),
        cc_indptr=cptr,
        cc_good=cgood,
        cc_weight=cw,
    )


@dataclass(frozen=True)
class ClassEconomy:
    """A council economy, its start prices and the councils in the order groups take them."""

    economy: PlanEconomy
    start_prices: np.ndarray
    councils: tuple[Council, ...]
    productivity: float = 1.0

    def council(self, council_id: str) -> Council:
        for c in self.councils:
            if c.id == council_id:
                return c
        raise KeyError(council_id)

    @property
    def public(self) -> np.ndarray:
        return self.economy.kinds == PUBLIC


def councils_of(eco: PlanEconomy) -> tuple[Council, ...]:
    """Every council, ordered so that the first groups get varied roles: a worker council,
    a consumer council, a worker council of another good, and so on."""
    workers: list[Council] = []
    seen: dict[int, int] = {}
    for i, g in enumerate(eco.wc_output):
        seen[int(g)] = seen.get(int(g), 0) + 1
        workers.append(Council(f"W{i + 1}", "worker", i, eco.good_ids[int(g)], seen[int(g)]))
    # spread the goods: first council of every good, then the second of every good...
    workers.sort(key=lambda c: (c.number, c.index))
    consumers = [Council(f"C{j + 1}", "consumer", j, "", j + 1) for j in range(eco.n_cc)]
    out: list[Council] = []
    for k in range(max(len(workers), len(consumers))):
        if k < len(workers):
            out.append(workers[k])
        if k < len(consumers):
            out.append(consumers[k])
    return tuple(out)


def from_economy(
    eco: PlanEconomy, start_prices: np.ndarray | float, productivity: float = 1.0
) -> ClassEconomy:
    p = np.asarray(start_prices, dtype=np.float64)
    if p.ndim == 0:
        p = np.full(eco.n_goods, float(p))
    return ClassEconomy(eco, p.copy(), councils_of(eco), float(productivity))


def sector_economy(sim: Any, copies: int = 1) -> ClassEconomy:
    """A simulation's council sector in its current turn, from last year's prices (the
    sector's plan at normal productivity)."""
    from game.sim.economy import attendance, council_productivity, job_balance

    s = sim.state
    prod = float(council_productivity(s, attendance(s), job_balance(s)))
    eco = sim.sector._economy(prod, 1.0)  # the turn's own economy (as Simulation.plan_detail)
    return from_economy(replicate(eco, copies), sim.sector.base_prices, prod)


def level_economy(level: Any, seed: int, copies: int = 1) -> ClassEconomy:
    """The level's council sector as the level starts."""
    from game.sim.engine import Simulation

    return sector_economy(Simulation(level, seed), copies)
