"""The resilience stress test: each shock runs a copy of the economy for a year, and the
score is what the worst-off keep.

For every shock a copy of the economy lives through one year of the model's own dynamics
(`dynamics.advance`: firms re-hire and invest, co-ops lose and gain members, support moves)
with the shock applied at its start; a second copy lives the same year without it. For each
group of households (firm workers, co-op members, council members, the unemployed, owners)
the test compares real income, income divided by the cost of basic needs (food costs more
after a bad harvest), at the end of the shocked year with the same year without the shock,
following the group's households: those who lost their place in it (jobs gone with fled
capital, members who left failing co-ops) count at what the unemployed get. The score for a
shock is the lower tail of those ratios: what the hardest-hit fifth of households keep
(households weighted by their share of the workforce). It is not capped at the need line:
a fall from well above it counts as much as a fall below it.

Shocks and the defence that answers each (the parameter scales what reaches the economy):
capital flight (30% of firm capital moved abroad; `capital_controls`; where capital cannot
leave, consolidation instead: a year of mergers at full force, which can only buy the land
that changes hands, cuts elite.py's share of firm jobs, the capital and output stay, the
firms' labour need falls as much; `pre_emption`), credit strike (80%
of co-op credit cut for the year, co-op reinvestment stops; `public_credit`), harvest
failure (30% of food output lost, more with accumulated pollution; `food_reserves`), media
blitz (a season of attack at strength 1 on awareness and support, and through them on
council attendance and co-op growth; `media_defense`), price undercutting (co-op revenue cut
by 30% for the year, paid by the big firms; `solidarity_purchasing`).

The council sector's output in these copies is its valuation at the planning procedure's
limit (`CouncilSector.delivered`, a memoised pure function of productivity and food), the
same figure the real turn pays out; only the displayed plan of the real turn runs the
procedure's rounds, so a stress test plans nothing again.
"""

from __future__ import annotations

import numpy as np

from game.sim.council import CouncilSector, SectorPlan
from game.sim.dynamics import economic_step, society_step, step
from game.sim.economy import (
    SEGMENT_NAMES,
    Calibration,
    CoopResult,
    Shock,
    firm_and_coop_output,
    segment_real_income,
)
from game.sim.effects import merge_firms
from game.sim.land import merger_cut
from game.sim.state import Coops, State

YEAR = 1.0
STEPS = 2  # half-year steps: the copies are the model's own dynamics at a coarser step, for speed
N_SEGMENTS = len(SEGMENT_NAMES)
UNEMPLOYED = SEGMENT_NAMES.index("unemployed")
TAIL = 0.2  # the poorest fifth of households
FLIGHT = 0.3
CREDIT_CUT = 0.8
UNDERCUT = 0.3
MEDIA = 1.0
SHOCKS = ("capital flight", "credit strike", "harvest failure", "media blitz", "price undercutting")


def shocks(cal: Calibration) -> tuple[str, ...]:
    """The five shocks; where capital cannot leave (`Calibration.capital_leaves`), a merger
    takes capital flight's place."""
    return SHOCKS if cal.capital_leaves else ("consolidation", *SHOCKS[1:])


def harvest_loss(state: State) -> float:
    return 0.3 + 0.2 * state.pollution_stock / (1.0 + state.pollution_stock)


def lower_tail(income: np.ndarray, weight: np.ndarray, share: float = TAIL) -> float:
    """Weighted mean of the lowest `share` of `income` (groups split at the cut)."""
    order = np.argsort(income, kind="stable")
    inc, w = income[order], weight[order]
    total = float(w.sum())
    if total <= 0:
        return 0.0
    want = share * total
    cum = np.cumsum(w)
    take = np.minimum(w, np.maximum(0.0, want - (cum - w)))
    return float(np.dot(take, inc) / max(float(take.sum()), 1e-12))


def _copy(state: State) -> State:
    """What a year of dynamics changes, copied; the rest (parameters, council workers, the
    laws) shared read-only with the real state."""
    s = state.shallow()
    c = state.coops
    s.coops = Coops(c.members.copy(), c.productivity.copy(), c.capital.copy())
    return s


def _apply(s: State, name: str) -> Shock | None:
    p = s.params
    if name == "capital flight":
        loss = FLIGHT * (1.0 - p["capital_controls"])
        before = s.firm_capital
        s.owners_outside_capital += before * loss
        s.firm_capital *= 1.0 - loss
        s.firm_share *= (1.0 - loss) ** 0.8  # the jobs that capital employed go with it
    elif name == "consolidation":  # a year of mergers at full force (elite.py): capital stays
        s.params = dict(p)  # shared with the real state: the merger lowers the labour need
        merge_firms(s, merger_cut(p, s.firm_share, 1.0))
    elif name == "credit strike":
        s.credit_cut = max(s.credit_cut, CREDIT_CUT * (1.0 - p["public_credit"]))
    elif name == "harvest failure":
        return Shock(name, harvest=harvest_loss(s))
    elif name == "media blitz":
        s.media = MEDIA * (1.0 - p["media_defense"])
    elif name == "price undercutting":
        s.undercut = max(s.undercut, UNDERCUT * (1.0 - p["solidarity_purchasing"]))
    else:
        raise ValueError(f"unknown shock {name!r}")
    return None


def _lived(
    state: State, cal: Calibration, name: str | None, first: CoopResult | None = None
) -> tuple[State, Shock | None]:
    """A copy of the economy after a year with shock `name` or none, and the shock that
    still weighs on the year's incomes (a harvest failure). `first`: the co-ops' production
    at the year's start, if known (a shock that leaves the co-ops' inputs alone)."""
    s = _copy(state)
    s.clear_turn_effects()
    shock = _apply(s, name) if name else None
    h = YEAR / STEPS
    economic_step(s, cal, h, first)
    society_step(s, h)
    for _ in range(STEPS - 1):  # a media blitz lasts the whole year here, so no `advance`
        step(s, cal, h)
    return s, shock


def _calm_and_blitz(state: State, cal: Calibration) -> tuple[State, State, CoopResult | None]:
    """The year without a shock and the media blitz's year (`_lived` of each): they share
    the first half-year's economy, which a media attack reaches only through support, moved
    after it (`dynamics.economic_step` reads no media). Also the co-ops' production at the
    calm year's start."""
    h = YEAR / STEPS
    calm = _copy(state)
    calm.clear_turn_effects()
    first = economic_step(calm, cal, h)
    blitz = _copy(calm)
    _apply(blitz, "media blitz")
    for s in (calm, blitz):
        society_step(s, h)
        for _ in range(STEPS - 1):
            step(s, cal, h)
    return calm, blitz, first


def _year(
    state: State,
    cal: Calibration,
    sector: CouncilSector,
    plan: SectorPlan,
    name: str | None,
    first: CoopResult | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Real income and weight of each segment after a year, with shock `name` or none."""
    s, shock = _lived(state, cal, name, first)
    return segment_real_income(s, cal, sector, shock, plan)


def stress_test(state: State, cal: Calibration, sector: CouncilSector, plan: SectorPlan) -> dict[str, float]:
    """Shock name -> what the hardest-hit fifth of households keep of their real income
    after a year, against the same year without the shock (0 to 1)."""
    calm, blitz, first = _calm_and_blitz(state, cal)
    calm_output = firm_and_coop_output(calm, cal, None)
    base, weight = segment_real_income(calm, cal, sector, None, plan, calm_output)
    out = {}
    has_coops = bool(len(state.coops.members)) and state.coop_share > 1e-9
    for name in shocks(cal):
        if name in ("credit strike", "price undercutting") and not has_coops:
            out[name] = 1.0  # nothing for the shock to hit
            continue
        if name == "harvest failure":  # the state lives the year as without it (the loss
            # falls on the year's food, not on its dynamics): only the incomes differ
            harvest = _apply(_copy(state), name)
            hit, hit_weight = segment_real_income(calm, cal, sector, harvest, plan, calm_output)
        elif name == "media blitz":
            hit, hit_weight = segment_real_income(blitz, cal, sector, None, plan)
        elif name in ("capital flight", "consolidation"):  # firms only: the co-ops start the year
            hit, hit_weight = _year(state, cal, sector, plan, name, first)  # as the calm one
        else:
            hit, hit_weight = _year(state, cal, sector, plan, name)
        # follow the households of each group: those whose group shrank (jobs lost, co-ops
        # left) now live on what the unemployed get
        lost = np.clip(weight - hit_weight, 0.0, None)
        lost[UNEMPLOYED] = 0.0
        kept = np.minimum(hit_weight, weight)
        cohort = np.divide(
            kept * hit + lost * hit[UNEMPLOYED], weight, out=np.zeros(N_SEGMENTS), where=weight > 1e-12
        )
        ratio = np.divide(cohort, base, out=np.ones(N_SEGMENTS), where=base > 1e-12)
        out[name] = float(min(1.0, max(0.0, lower_tail(ratio, weight))))
    return out
