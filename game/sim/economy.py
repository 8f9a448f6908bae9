"""Production and distribution for one turn: what each segment produces, who is paid what,
and how much of people's basic needs that meets. A pure function of the state, so the same
code measures the real turn, a forecast and each shock of the resilience stress test.

Incomes are annual rates in units of the starting average firm wage (1.0).
- Firms (`firms.py`): Y = Z·A·K^α·L^(1−α); workers get the bargained wage, owners what is
  left after the pollution charge and interest on deposits, plus the world rate on capital
  they hold abroad and the interest co-ops pay on bank credit.
- Co-ops (`coop_capital.py`): each produces y_i = Zc·A·a_i·min(k_i, 1)^α per member with
  the capital k_i at work in it (own, borrowed from other co-ops, bank credit); members
  share net revenue (after interest and reinvestment), split inside the co-op by its pay
  ratio. Spare capital is lent to co-ops short of it at r* (market) or θ·r* (association).
- Councils: the sector's plan (participatory planning) sets consumption per member; pay
  moves from the inherited ladder to pay for effort as `pay_transition` rises.
- The unemployed receive a benefit, financed with the pollution charge and the price cuts
  of undercutting (buyers' gain) by a flat levy on all other income, so money is conserved.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from game.sim.coop_capital import CoopCapital, allocate
from game.sim.council import CouncilSector, SectorPlan
from game.sim.firms import FirmBlock, firm_block
from game.sim.inequality import gini
from game.sim.jobs import balance_score
from game.sim.pace import COMPLEMENT, SKILL_SHARE
from game.sim.pay import effort_pay, pay_effort_gap
from game.sim.scalar import clip
from game.sim.state import COOP_TARGET_CAPITAL, PARENT_SHARE, WAGE_LADDER, State

REINVEST = 0.05  # share of co-op net revenue reinvested (capital stays scarce for the poorer co-ops)
WORKING_CREDIT = 0.25  # share of a co-op's output financed by credit before it is sold
MAX_LEVY = 0.5  # the most of earned income that the benefit levy can take
UNBALANCED_SPREAD = 14.0  # empowerment spread (of 19) in a workplace with no balancing


@dataclass(frozen=True)
class Calibration:
    """Scale constants fixed at the start so that the starting firm wage is 1."""

    alpha: float
    firm_scale: float
    coop_scale: float
    start_profit: float
    start_firm_share: float
    start_productivity: float = 1.0
    start_unemployment: float = 0.05
    capital_leaves: bool = True  # False where owners merge instead (farmland): see stress.py

    @property
    def world_rate(self) -> float:
        """The profit rate owners can earn abroad: the starting profit rate at home."""
        return self.start_profit


@dataclass(frozen=True)
class Shock:
    """A stress applied to a copy of the economy (resilience) or by the elite (real turns)."""

    name: str
    capital_loss: float = 0.0  # share of firm capital moved abroad
    credit_cut: float = 0.0  # share of co-op credit withdrawn
    harvest: float = 0.0  # share of food output lost before reserves
    media: float = 0.0  # media attack intensity
    undercut: float = 0.0  # share of co-op revenue lost to price undercutting


@dataclass(frozen=True)
class Groups:
    """Households as weighted groups (weights are shares of the workforce; owners on top)."""

    segment: np.ndarray  # 0 owners, 1 firm workers, 2 co-op members, 3 council, 4 unemployed
    weight: np.ndarray
    income: np.ndarray
    hours: np.ndarray
    rating: np.ndarray


SEGMENT_NAMES = ("owners", "firm workers", "co-op members", "council members", "unemployed")


@dataclass(frozen=True)
class Measures:
    groups: Groups
    gini: float
    pay_gap: float
    needs_met: float
    needs_by_segment: dict[str, float]
    mean_income: dict[str, float]
    firm_wage: float
    profits: float
    firm_output: float
    coop_pay: np.ndarray  # per member, per co-op
    coop_pay_gap: float
    council_income: float
    plan: SectorPlan
    attendance: float
    balance: float
    levy: float
    total_output: float  # all household income after benefits and the levy
    produced: float  # what was produced and earned abroad, less co-op reinvestment
    labour_demand: float = 0.0
    real_income: np.ndarray | None = None  # income / cost of basic needs, per group
    # what the owners' capital placed outside the region's firms earns (`owners_outside_capital`:
    # capital moved abroad and the price of farms and firms sold, placed at the world rate)
    owners_outside_income: float = 0.0
    coop_output: float = 0.0  # total co-op output (members × output per member)
    coop_rate: float = 0.0  # r*, the clearing rate of the co-op capital market
    coop_in_use: np.ndarray | None = None
    coop_net: np.ndarray | None = None  # net revenue per member (before reinvestment)


def calibrate(state: State, capital_leaves: bool = True) -> Calibration:
    alpha = state.params["capital_share"]
    f0 = max(state.firm_share, 1e-6)
    A = state.params["firm_productivity"]
    # wage = (1−α)·Z·A·K^α·f^(−α) = 1 at K = 1
    firm_scale = 1.0 / ((1 - alpha) * A * f0 ** (-alpha))
    # a median co-op with full capital produces what a firm produces per worker: 1/(1−α)
    coop_scale = 1.0 / (1 - alpha)
    start_profit = alpha * firm_scale * A * f0 ** (1 - alpha)
    return Calibration(alpha, firm_scale, coop_scale, start_profit, f0, A, state.unemployment, capital_leaves)


def attendance(state: State) -> float:
    """Share of members able to attend councils: childcare and meeting load limit it."""
    p = state.params
    care = 1.0 - PARENT_SHARE * (1.0 - p["childcare"])
    load = 1.0 - max(0.0, p["meeting_load"] - 4.0) / 16.0
    motivation = 0.6 + 0.4 * min(1.0, state.support * 2.0)
    return clip(float(care * load * motivation), 0.0, 1.0)


def job_balance(state: State) -> float:
    """Balance score of self-managed workplaces' job complexes (1 − spread/19)."""
    return _balance_of(state.params["job_balance"])


@functools.lru_cache(maxsize=256)
def _balance_of(job_balance: float) -> float:
    """`job_balance` of the parameter's value: a pure function, asked in every stress year."""
    spread = UNBALANCED_SPREAD * (1.0 - job_balance)
    return balance_score(np.array([10.0 - spread / 2, 10.0 + spread / 2]))


def council_productivity(state: State, att: float, bal: float) -> float:
    """Worker councils' productivity: balance and attendance help, a skill shortage from a
    pay transition faster than training (`pace.py`) costs its share of output."""
    p = state.params
    skills = 1.0 - SKILL_SHARE * COMPLEMENT * state.skill_shortage
    return p["council_productivity"] * (1.0 + 0.15 * bal) * (0.85 + 0.15 * att) / 1.15 * skills


class CoopResult(NamedTuple):  # a named tuple: built several times a stress test
    pay: np.ndarray  # per member
    net: np.ndarray  # net revenue per member before reinvestment
    gross: np.ndarray  # output per member before undercutting
    lost: np.ndarray  # revenue per member lost to undercutting
    bank_interest: float  # interest paid to banks (owners), total
    capital: CoopCapital


def coop_production(
    state: State, cal: Calibration, shock: Shock | None = None, trade: bool = True
) -> CoopResult:
    """Output, net revenue and pay per member of each co-op (`coop_capital.py` says where
    capital works). Members share net revenue after interest and reinvestment; undercutting
    cuts revenue by the undercut share."""
    p = state.params
    shock = shock or Shock("none")
    c = state.coops
    scale = cal.coop_scale
    cap = allocate(state, scale, cal.alpha, shock.credit_cut, trade)
    gross = (
        scale
        * p["coop_productivity"]
        * c.productivity
        * np.minimum(cap.in_use, COOP_TARGET_CAPITAL) ** cal.alpha
    )
    # co-ops pay wages and inputs before they sell: a credit strike also cuts the working
    # credit that part of a year's output needs
    cut = 1.0 - (1.0 - state.credit_cut) * (1.0 - shock.credit_cut * (1.0 - p["public_credit"]))
    gross = gross * (1.0 - WORKING_CREDIT * cut)
    undercut = min(0.95, state.undercut + shock.undercut * (1.0 - p["solidarity_purchasing"]))
    lost = gross * undercut
    bank = p["interest_rate"]
    net = gross - lost + cap.coop_rate * cap.coop_loans - bank * cap.bank_loans + bank * cap.deposits
    # a co-op that cannot pay its interest defaults on it: the banks absorb the loss
    default = np.maximum(0.0, -net)
    net = net + default
    pay = net * (1.0 - REINVEST)
    bank_interest = bank * float(np.dot(cap.bank_loans, c.members)) - float(np.dot(default, c.members))
    return CoopResult(pay, net, gross, lost, bank_interest, cap)


def firm_inputs(
    state: State, cal: Calibration, coop: CoopResult | None, capital: float | None = None
) -> FirmBlock:
    """The firm sector given the co-ops' deposits and undercutting (none without co-ops)."""
    c = state.coops
    deposits = float(np.dot(coop.capital.deposits, c.members)) if coop is not None else 0.0
    lost = float(np.dot(coop.lost, c.members)) if coop is not None else 0.0
    return firm_block(
        state,
        cal.alpha,
        cal.firm_scale,
        cal.start_productivity,
        cal.start_unemployment,
        state.firm_capital if capital is None else capital,
        deposits,
        state.params["interest_rate"],
        lost,
    )


def measure(
    state: State,
    cal: Calibration,
    sector: CouncilSector,
    shock: Shock | None = None,
    record_plan: bool = False,
    plan: SectorPlan | None = None,
) -> Measures:
    """Everything the turn produces and pays. With `plan` (the turn's plan), the council
    sector is valued without running the procedure's rounds again (the stress test)."""
    p = state.params
    shock = shock or Shock("none")
    att = attendance(state)
    bal = job_balance(state)
    c = state.coops

    # --- co-ops, then firms (which use the co-ops' deposits and pay for undercutting)
    coop = coop_production(state, cal, shock)
    coop_pay = coop.pay
    K = state.firm_capital * (1.0 - shock.capital_loss * (1.0 - p["capital_controls"]))
    firms = firm_inputs(state, cal, coop, K)
    deposits = float(np.dot(coop.capital.deposits, c.members))
    f = state.firm_share
    Y_f = firms.output
    wage = firms.wage
    profits = firms.profits
    pollution_charge = firms.pollution_charge
    owners_outside_income = cal.world_rate * (state.owners_outside_capital + state.firm_capital - K)
    # deposit interest firms could not pay is a loss of the banks that took the deposits
    bank_interest = coop.bank_interest - (p["interest_rate"] * deposits - firms.deposit_interest)
    # buyers pay less where big firms undercut co-ops: both price cuts go to households
    price_gain = float(np.dot(coop.lost, c.members)) + firms.undercut_cost

    # --- councils
    prod = council_productivity(state, att, bal)
    food = 1.0 - shock.harvest * (1.0 - p["food_reserves"])
    plan = (
        sector.plan(prod, food, state.plan_prices, record_history=record_plan)
        if plan is None
        else sector.value(plan, prod, food)
    )
    council_income = cal.coop_scale * 0.85 * plan.consumption_index  # 15% invested
    cw = state.council_workers
    pt = p["pay_transition"]
    ladder_share = cw.ladder / cw.ladder.sum()
    # the cap on a council's mean rating (economics.md §4) rescales every rating alike, so it
    # leaves shares of one council's pool unchanged: pay here is the pool by hours × rating
    effort = effort_pay(1.0, cw.hours, cw.ratings).incomes
    council_pay = council_income * len(cw.ladder) * ((1 - pt) * ladder_share + pt * effort)

    # --- groups before the levy
    u = max(0.0, 1.0 - f - state.coop_share - state.council_share)
    owners = state.params.get("_owner_share", 0.02)
    parts: list[Part] = [
        (0, owners, max(0.0, profits + bank_interest + owners_outside_income) / owners, 10.0, 1.0),
        (1, f / len(WAGE_LADDER), wage * WAGE_LADDER / WAGE_LADDER.mean(), 40.0, 1.0),
    ]
    if len(c.members):
        ratio = np.sqrt(p["coop_pay_ratio"])  # between the top fifth and the rest
        low = coop_pay / (0.8 + 0.2 * ratio)
        parts.append((2, c.members * 0.8, low, 40.0, 1.0))
        parts.append((2, c.members * 0.2, low * ratio, 40.0, 1.0))
    parts.append((3, state.council_share / len(cw.ladder), council_pay, cw.hours, cw.ratings))
    seg_a, w_a, inc_a, hrs_a, rat_a = _group_arrays(parts)
    n = len(w_a) - 1  # the last slot: the unemployed, filled after the levy

    # --- benefits and the levy that pays them (money is conserved)
    benefit = p["unemployment_benefit"] * firms.bargained_wage
    benefits_total = u * benefit
    earned = float(np.dot(w_a[:n], inc_a[:n]))
    transfers_in = pollution_charge + price_gain
    levy = (benefits_total - transfers_in) / earned if earned > 0 else 0.0
    if levy > MAX_LEVY:  # benefits cannot take more than MAX_LEVY of earned income: cut them
        benefit *= (MAX_LEVY * earned + transfers_in) / benefits_total
        levy = MAX_LEVY
    earning = inc_a[:n]
    if levy >= 0:
        np.multiply(earning, 1.0 - levy, out=earning)
        ue_income = benefit
    else:  # the pollution charge exceeds benefits: the rest is paid out per person
        dividend = -(levy * earned) / (1.0 + owners)
        np.add(earning, dividend, out=earning)
        ue_income = benefit + dividend
        levy = 0.0
    seg_a[n], w_a[n], inc_a[n], hrs_a[n], rat_a[n] = 4, u, ue_income, 0.0, 0.0
    groups = Groups(seg_a, w_a, inc_a, hrs_a, rat_a)

    # --- basic needs: market households pay more for food after a bad harvest
    need_cost = state.params.get("_basic_need", 0.75)
    market_need = need_cost * (1.0 + 0.35 * shock.harvest * (1.0 - p["food_reserves"]))
    cost = np.where(seg_a == 3, need_cost, market_need)
    real = inc_a / cost
    if state.council_share > 0:  # a plan short of one good leaves that need part unmet
        short = 0.5 + 0.5 * min(1.0, plan.scarcest / 0.85)
        real = np.where(seg_a == 3, real * short, real)
        met = np.where(seg_a == 3, np.minimum(np.minimum(1.0, inc_a / cost), short), np.minimum(1.0, real))
    else:
        met = np.minimum(1.0, real)
    weight_total = float(w_a.sum())
    needs_met = float(np.dot(w_a, met) / weight_total) if weight_total > 0 else 1.0
    needs_by, mean_by = {}, {}
    for s, name in enumerate(SEGMENT_NAMES):
        mask = seg_a == s
        ws = float(w_a[mask].sum())
        if ws > 1e-12:
            needs_by[name] = float(np.dot(w_a[mask], met[mask]) / ws)
            mean_by[name] = float(np.dot(w_a[mask], inc_a[mask]) / ws)

    workers = seg_a != 4
    gap = pay_effort_gap(w_a[workers] * inc_a[workers], w_a[workers] * hrs_a[workers], rat_a[workers])
    pay_gap_coops = float(coop_pay.max() / max(coop_pay.min(), 1e-6)) if len(coop_pay) else 1.0
    return Measures(
        groups=groups,
        gini=gini(inc_a, w_a),
        pay_gap=gap,
        needs_met=needs_met,
        needs_by_segment=needs_by,
        mean_income=mean_by,
        firm_wage=wage,
        profits=profits,
        firm_output=Y_f,
        coop_pay=coop_pay,
        coop_pay_gap=pay_gap_coops,
        council_income=council_income,
        plan=plan,
        attendance=att,
        balance=bal,
        levy=levy,
        total_output=float(np.dot(w_a, inc_a)),
        produced=float(
            Y_f
            + owners_outside_income
            + np.dot(c.members, coop.gross - REINVEST * coop.net)
            + state.council_share * council_income
        ),
        labour_demand=firms.labour_demand,
        real_income=real,
        owners_outside_income=owners_outside_income,
        coop_output=float(np.dot(c.members, coop.gross)),
        coop_rate=coop.capital.rate,
        coop_in_use=coop.capital.in_use,
        coop_net=coop.net,
    )


def firm_and_coop_output(state: State, cal: Calibration, shock: Shock | None) -> tuple[CoopResult, FirmBlock]:
    """The co-ops' and the firms' results under `shock`: a harvest failure changes neither
    (it falls on food), so the stress test computes them once for the calm year and it."""
    shock = shock or Shock("none")
    coop = coop_production(state, cal, shock)
    K = state.firm_capital * (1.0 - shock.capital_loss * (1.0 - state.params["capital_controls"]))
    return coop, firm_inputs(state, cal, coop, K)


Part = tuple[int, np.ndarray | float, np.ndarray | float, np.ndarray | float, np.ndarray | float]


def _group_arrays(parts: list[Part]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Segment, weight, income, hours and rating of every household group, each part
    (segment, weight, income, hours, rating; scalars or arrays) broadcast to its length,
    plus one empty slot at the end for the unemployed: five arrays filled in place."""
    sizes = [max(np.size(w), np.size(i)) for _, w, i, _, _ in parts]
    total = sum(sizes) + 1
    seg = np.empty(total, dtype=np.int_)
    out = [np.empty(total) for _ in range(4)]
    at = 0
    for (s, *values), size in zip(parts, sizes, strict=True):
        seg[at : at + size] = s
        for arr, v in zip(out, values, strict=True):
            arr[at : at + size] = v
        at += size
    return seg, out[0], out[1], out[2], out[3]


def segment_real_income(
    state: State,
    cal: Calibration,
    sector: CouncilSector,
    shock: Shock | None,
    plan: SectorPlan,
    production: tuple[CoopResult, FirmBlock] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Mean real income (income / cost of basic needs) and weight of each segment: the
    figures `measure` gives per segment, computed without building every household group
    (the stress test needs only these; a test checks both agree). `production`: what
    `firm_and_coop_output(state, cal, shock)` gave, if the caller has it."""
    p = state.params
    shock = shock or Shock("none")
    c = state.coops
    coop, firms = production or firm_and_coop_output(state, cal, shock)
    K = state.firm_capital * (1.0 - shock.capital_loss * (1.0 - p["capital_controls"]))
    deposits = float(np.dot(coop.capital.deposits, c.members))
    lost = float(np.dot(coop.lost, c.members))
    owners_outside_income = cal.world_rate * (state.owners_outside_capital + state.firm_capital - K)
    bank_interest = coop.bank_interest - (p["interest_rate"] * deposits - firms.deposit_interest)
    att = attendance(state)
    prod = council_productivity(state, att, job_balance(state))
    food = 1.0 - shock.harvest * (1.0 - p["food_reserves"])
    council = sector.value(plan, prod, food)
    council_income = cal.coop_scale * 0.85 * council.consumption_index
    f = state.firm_share
    u = max(0.0, 1.0 - f - state.coop_share - state.council_share)
    owners = p.get("_owner_share", 0.02)
    weight = np.array([owners, f, state.coop_share, state.council_share, u])
    total = np.array(
        [
            max(0.0, firms.profits + bank_interest + owners_outside_income),
            firms.wage * f,
            float(np.dot(c.members, coop.pay)),
            council_income * state.council_share,
            0.0,
        ]
    )
    benefit = p["unemployment_benefit"] * firms.bargained_wage
    benefits_total = u * benefit
    earned = float(total.sum())
    transfers_in = firms.pollution_charge + lost + firms.undercut_cost
    levy = (benefits_total - transfers_in) / earned if earned > 0 else 0.0
    if levy > MAX_LEVY:
        benefit *= (MAX_LEVY * earned + transfers_in) / benefits_total
        levy = MAX_LEVY
    if levy >= 0:
        total = total * (1.0 - levy)
        total[4] = u * benefit
    else:
        dividend = -(levy * earned) / (1.0 + owners)
        total = total + dividend * weight
        total[4] = u * benefit
    need_cost = p.get("_basic_need", 0.75)
    market_need = need_cost * (1.0 + 0.35 * shock.harvest * (1.0 - p["food_reserves"]))
    cost = np.array([market_need, market_need, market_need, need_cost, market_need])
    if state.council_share > 0:
        cost[3] /= 0.5 + 0.5 * min(1.0, council.scarcest / 0.85)
    mean = np.divide(total, weight, out=np.zeros(5), where=weight > 1e-12)
    return mean / cost, weight
