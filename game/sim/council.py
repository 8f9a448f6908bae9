"""The council sector's annual plan: a small economy of worker and consumer councils run
through the participatory planning procedure each turn, warm-started from last turn's prices.

The sector is modelled per capita: adding councils adds worker councils, consumer councils and
labour in proportion (replication), which leaves per-capita results unchanged, so one
representative economy serves any sector size. What changes the plan's outcome is
productivity (job balance, attendance, learning) and shocks (a harvest failure cuts the
productivity of food councils); the plan re-balances every market within the threshold.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from game.sim.planning import (
    FINAL,
    INTERMEDIATE,
    PRIMARY,
    PUBLIC,
    PlanEconomy,
    PlanResult,
    RoundKernel,
    as_prices,
    plan_with_kernel,
    run_plan,
    scan_economy,
)

GOODS = ("food", "housing", "care", "tools", "energy", "labour", "nature", "parks")
KINDS = (FINAL, FINAL, FINAL, INTERMEDIATE, INTERMEDIATE, PRIMARY, PRIMARY, PUBLIC)
# produced good -> its inputs and Cobb-Douglas exponents (Σb between 0.75 and 0.8)
TECHNOLOGY: dict[str, dict[str, float]] = {
    "food": {"tools": 0.2, "energy": 0.1, "labour": 0.3, "nature": 0.2},
    "housing": {"tools": 0.25, "energy": 0.15, "labour": 0.3, "nature": 0.1},
    "care": {"energy": 0.05, "labour": 0.7},
    "tools": {"energy": 0.2, "labour": 0.35, "nature": 0.2},
    "energy": {"tools": 0.15, "labour": 0.25, "nature": 0.4},
    "parks": {"labour": 0.5, "nature": 0.25},
}
CONSUMPTION = {"food": 0.35, "housing": 0.3, "care": 0.25, "parks": 0.1}
WC_PER_GOOD = 3
N_CC = 20
START_PRICE = 100.0
THRESHOLD = 0.05


def template() -> PlanEconomy:
    """The representative council economy (per capita; see the module docstring)."""
    gi = {g: i for i, g in enumerate(GOODS)}
    outputs, A, inputs, b, indptr = [], [], [], [], [0]
    spread = np.linspace(0.95, 1.05, WC_PER_GOOD)
    for good, tech in TECHNOLOGY.items():
        for a in spread:
            outputs.append(gi[good])
            A.append(5.0 * a)
            for inp, exp in tech.items():
                inputs.append(gi[inp])
                b.append(exp)
            indptr.append(len(inputs))
    n_wc = len(outputs)
    cc_good, cc_w, cc_ptr = [], [], [0]
    tilt = np.linspace(-0.05, 0.05, N_CC)
    for j in range(N_CC):
        w = {g: v * (1 + (tilt[j] if g == "food" else -tilt[j] / 3)) for g, v in CONSUMPTION.items()}
        total = sum(w.values())
        for g, v in w.items():
            cc_good.append(gi[g])
            cc_w.append(v / total)
        cc_ptr.append(len(cc_good))
    endow = np.zeros(len(GOODS))
    endow[gi["labour"]] = 1000.0
    endow[gi["nature"]] = 1000.0
    return PlanEconomy(
        good_ids=GOODS,
        kinds=np.array(KINDS, dtype=np.int8),
        endowment=endow,
        wc_output=np.array(outputs, dtype=np.intp),
        wc_A=np.array(A),
        wc_c=np.full(n_wc, 0.08),
        wc_s=np.ones(n_wc),
        wc_k=np.full(n_wc, 3.5),
        wc_count=np.ones(n_wc),
        wc_indptr=np.array(indptr, dtype=np.intp),
        wc_input=np.array(inputs, dtype=np.intp),
        wc_b=np.array(b),
        cc_income=np.full(N_CC, 5000.0),
        cc_count=np.ones(N_CC),
        cc_indptr=np.array(cc_ptr, dtype=np.intp),
        cc_good=np.array(cc_good, dtype=np.intp),
        cc_weight=np.array(cc_w),
    )


class _Rounds:
    """A plan's rounds, run when first read: what a turn delivers comes from the valuation,
    so the replays that only score a turn (causes, forecasts) never need the rounds, only
    the turn played and shown does. The same inputs give the same rounds whenever run."""

    __slots__ = ("_run", "_result")

    def __init__(self, run: Callable[[], PlanResult] | None, result: PlanResult | None = None) -> None:
        self._run, self._result = run, result

    def get(self) -> PlanResult:
        if self._result is None:
            assert self._run is not None
            self._result, self._run = self._run(), None
        return self._result


@dataclass(frozen=True)
class SectorPlan:
    """One turn's plan: how many rounds it took and the consumption it delivers."""

    rounds: _Rounds  # the procedure's rounds, run when `result` is first read
    consumption_index: float  # consumption value at base prices, relative to the base plan
    scarcest: float  # the lowest ratio of a consumed good to its base-plan amount
    scarcest_good: str

    @property
    def result(self) -> PlanResult:
        return self.rounds.get()


class CouncilSector:
    """Runs the sector's plan each turn and values what it delivers.

    Two uses of the same procedure:
    - the turn's plan, warm-started from last turn's prices and stopped at the 5% threshold
      (Hahnel 2021, Table 9.1): its rounds and prices are what the player watches;
    - what the plan delivers is valued at the procedure's limit (every market within 0.1%),
      computed from the base plan's prices on a grid of productivity and food factors and
      interpolated, so consumption is a smooth function of productivity and never depends
      on where last turn's plan happened to stop.
    """

    GRID = 0.02  # grid step of the productivity and food factors for the valuation
    TIGHT = 1e-3  # the valuation's convergence threshold
    PLAN_MEMO = 256  # plans remembered (a few hundred bytes each)
    VALUE_MEMO = 4096  # valuations remembered (about 100 bytes each)

    def __init__(self) -> None:
        self.economy = template()
        # f^0.8 on A: at the procedure's limit consumption then moves about in proportion to
        # f (measured: f = 0.8 gives 0.80, f = 1.2 gives 1.21 of the base consumption)
        self._exponent = 0.8
        self._food = self.economy.wc_output == GOODS.index("food")
        self._consumed = np.array([k in (FINAL, PUBLIC) for k in KINDS])
        self._names = [g for g, c in zip(GOODS, self._consumed, strict=True) if c]
        base = run_plan(self.economy, START_PRICE, self.TIGHT, max_rounds=5000, record_history=False)
        self.base_prices = base.prices.copy()
        self._base_demand = base.demand.copy()
        self._base_value = float(self._value(base.demand))
        self._corners: dict[tuple[int, int], tuple[float, np.ndarray]] = {}
        self._kernel: RoundKernel | None = None
        # plans already run, by (productivity, food factor, start prices): a plan is a pure
        # function of them, and a turn's replays (causes, forecasts) mostly share them
        self._plans: dict[tuple[float, float, bytes], PlanResult] = {}
        self._delivered: dict[tuple[float, float], tuple[float, np.ndarray]] = {}

    def forget(self) -> None:
        """Drop the remembered plans and valuations (not the grid): for benchmarks that
        time one simulation's turns without another's memo."""
        self._plans.clear()
        self._delivered.clear()

    def _value(self, demand: np.ndarray) -> float:
        return float(np.dot(self.base_prices[self._consumed], demand[self._consumed]))

    def _economy(self, productivity: float, food_factor: float) -> PlanEconomy:
        factor = np.full(self.economy.n_wc, max(float(productivity), 1e-3))
        factor[self._food] *= max(float(food_factor), 1e-3)
        return replace(self.economy, wc_A=self.economy.wc_A * factor**self._exponent)

    def _corner(self, i: int, j: int) -> tuple[float, np.ndarray]:
        """Consumption value index and per-good ratios at grid point (i, j); a pure function
        of the point, memoised (the same answer whatever was asked before)."""
        key = (i, j)
        if key not in self._corners:
            eco = self._economy(i * self.GRID, j * self.GRID)
            res = run_plan(eco, self.base_prices, self.TIGHT, max_rounds=5000, record_history=False)
            ratios = res.demand[self._consumed] / self._base_demand[self._consumed]
            self._corners[key] = (self._value(res.demand) / self._base_value, ratios)
        return self._corners[key]

    def delivered(self, productivity: float, food_factor: float) -> tuple[float, np.ndarray]:
        """(consumption index, per-good ratios to the base plan) at the procedure's limit,
        interpolated bilinearly between grid points; remembered (a pure function, asked
        again and again by a turn's stress tests). The ratios are read-only."""
        key = (float(productivity), float(food_factor))
        known = self._delivered.get(key)
        if known is None:
            known = self._interpolate(*key)
            known[1].flags.writeable = False
            if len(self._delivered) >= self.VALUE_MEMO:
                del self._delivered[next(iter(self._delivered))]
            self._delivered[key] = known
        return known

    def _interpolate(self, productivity: float, food_factor: float) -> tuple[float, np.ndarray]:
        x = max(float(productivity), self.GRID) / self.GRID
        y = max(float(food_factor), self.GRID) / self.GRID
        i, j = int(np.floor(x)), int(np.floor(y))
        tx, ty = x - i, y - j
        out_v = 0.0
        out_r = np.zeros(int(self._consumed.sum()))
        for di, dj, w in (
            (0, 0, (1 - tx) * (1 - ty)),
            (1, 0, tx * (1 - ty)),
            (0, 1, (1 - tx) * ty),
            (1, 1, tx * ty),
        ):
            if w <= 0.0:
                continue
            v, r = self._corner(i + di, j + dj)
            out_v += w * v
            out_r = out_r + w * r
        return out_v, out_r

    def _run(self, eco: PlanEconomy, start: np.ndarray, record_history: bool) -> PlanResult:
        """run_plan at the turn's threshold, on one kernel refitted to each productivity:
        only wc_A differs from the template (checked in full once), so the set-up shrinks
        to the councils' constants; the result is the same, bit for bit."""
        A = eco.wc_A
        if not (np.all(np.isfinite(A)) and A.min() > 0):  # run_plan says what is wrong
            return run_plan(eco, start, THRESHOLD, record_history=record_history)
        if self._kernel is None:
            self._kernel = RoundKernel(self.economy, scan_economy(self.economy))  # checked once
        self._kernel.refit(eco)
        p = as_prices(eco, start)
        return plan_with_kernel(self._kernel, eco, p, THRESHOLD, "book", 1000, record_history)

    def plan(
        self,
        productivity: float,
        food_factor: float,
        start_prices: np.ndarray | None,
        record_history: bool = False,
    ) -> SectorPlan:
        """This turn's plan at a productivity level (1 = the base plan) and a food factor."""
        start = np.array(self.base_prices if start_prices is None else start_prices, dtype=float)

        def run() -> PlanResult:
            key = (float(productivity), float(food_factor), start.tobytes())
            result = None if record_history else self._plans.get(key)
            if result is None:
                result = self._run(self._economy(productivity, food_factor), start, record_history)
                if not record_history:
                    if len(self._plans) >= self.PLAN_MEMO:  # the oldest first
                        del self._plans[next(iter(self._plans))]
                    for arr in (result.prices, result.supply, result.demand, result.max_excess):
                        arr.flags.writeable = False  # shared by every turn that asks again
                    self._plans[key] = result
            return result

        # rounds run when read, except where they could fail (run_plan then says why, now)
        usual = all(1e-3 <= float(x) <= 1e3 for x in (productivity, food_factor))
        rounds = _Rounds(run) if usual and not record_history else _Rounds(None, run())
        index, ratios = self.delivered(productivity, food_factor)
        k = int(np.argmin(ratios))
        return SectorPlan(rounds, index, float(ratios[k]), self._names[k])

    def value(self, plan: SectorPlan, productivity: float, food_factor: float) -> SectorPlan:
        """What the sector delivers at another productivity and food factor, valued at the
        procedure's limit like every plan; the rounds shown stay those of `plan`."""
        index, ratios = self.delivered(productivity, food_factor)
        k = int(np.argmin(ratios))
        return SectorPlan(plan.rounds, index, float(ratios[k]), self._names[k])


@functools.lru_cache(maxsize=1)
def shared_sector() -> CouncilSector:
    """One sector for every simulation in a process: its valuation grid is a memo of a pure
    function, so sharing it saves work and cannot change any result."""
    return CouncilSector()
