"""Production and distribution for one turn: what each segment produces, who is paid what,
and how much of people's basic needs that meets. A pure function of the state, so the same
code measures the real turn, a forecast and each shock of the resilience stress test.

Incomes are annual rates in units of the starting average firm wage (1.0).
- Firms: Y = Z·A·K^α·f^(1−α); workers get (1−α)Y on the inherited wage ladder; owners get
  αY less any pollution charge, plus the interest co-ops pay on bank credit.
- Co-ops: each produces y_i = Zc·A·a_i·(k_i+ℓ_i)^α per member with owned capital k_i and bank
  credit ℓ_i; members share net revenue (after interest and reinvestment), split inside the
  co-op by its pay ratio. A mutual aid association lends spare capital inside at θ·r*.
- Councils: the sector's plan (participatory planning) sets consumption per member; pay
  moves from the inherited ladder to pay for effort as `pay_transition` rises.
- The unemployed receive a benefit, financed with the pollution charge by a flat levy on all
  other income, so money is conserved between segments.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.sim.council import CouncilSector, SectorPlan
from game.sim.inequality import gini
from game.sim.jobs import balance_score
from game.sim.mutual_aid import association_transfer
from game.sim.pay import effort_pay, pay_effort_gap
from game.sim.state import COOP_TARGET_CAPITAL, PARENT_SHARE, WAGE_LADDER, State

REINVEST = 0.1  # share of co-op net revenue reinvested
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


@dataclass(frozen=True)
class Shock:
    """A stress applied to a copy of the economy (resilience) or by the elite (real turns)."""

    name: str
    capital_loss: float = 0.0  # share of firm capital lost
    credit_cut: float = 0.0  # share of co-op credit withdrawn
    harvest: float = 0.0  # share of food output lost before reserves
    media: float = 0.0  # media attack intensity


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
    produced: float  # what the segments produced and paid out before transfers


def calibrate(state: State) -> Calibration:
    alpha = state.params["capital_share"]
    f0 = max(state.firm_share, 1e-6)
    A = state.params["firm_productivity"]
    # wage = (1−α)·Z·A·K^α·f^(−α) = 1 at K = 1
    firm_scale = 1.0 / ((1 - alpha) * A * f0 ** (-alpha))
    # a median co-op with full capital produces what a firm produces per worker: 1/(1−α)
    coop_scale = 1.0 / (1 - alpha)
    start_profit = alpha * firm_scale * A * f0 ** (1 - alpha)
    return Calibration(alpha, firm_scale, coop_scale, start_profit, f0)


def attendance(state: State) -> float:
    """Share of members able to attend councils: childcare and meeting load limit it."""
    p = state.params
    care = 1.0 - PARENT_SHARE * (1.0 - p["childcare"])
    load = 1.0 - max(0.0, p["meeting_load"] - 4.0) / 16.0
    motivation = 0.6 + 0.4 * min(1.0, state.support * 2.0)
    return float(np.clip(care * load * motivation, 0.0, 1.0))


def job_balance(state: State) -> float:
    """Balance score of self-managed workplaces' job complexes (1 − spread/19)."""
    spread = UNBALANCED_SPREAD * (1.0 - state.params["job_balance"])
    return balance_score(np.array([10.0 - spread / 2, 10.0 + spread / 2]))


def council_productivity(state: State, att: float, bal: float) -> float:
    p = state.params
    return p["council_productivity"] * (1.0 + 0.15 * bal) * (0.85 + 0.15 * att) / (1.15 * 1.0)


def coop_production(
    state: State, cal: Calibration, shock: Shock | None = None, profits: float = float("inf")
) -> tuple[np.ndarray, float]:
    """Pay per member of each co-op, and the net interest co-ops pay to banks (negative when
    they earn more on deposits than they pay on loans).

    Capital beyond what a co-op's members can work (the target) is spare. In the market it is
    deposited with banks at the market rate r*, so advantaged co-ops also earn interest and
    pull further ahead (Hahnel 2009's starting point). In a mutual aid association it is
    lent first to the association's capital-poor co-ops at θ·r* (the reconstructed rule of
    economics.md §3); what they do not need is still deposited. Bank credit, limited by
    credit access (a credit strike cuts it), covers the rest of what poorer co-ops need.
    """
    p = state.params
    alpha = cal.alpha
    shock = shock or Shock("none")
    c = state.coops
    credit_access = (
        p["coop_credit"] * (1.0 - state.credit_cut) * (1.0 - shock.credit_cut * (1.0 - p["public_credit"]))
    )
    rate = p["interest_rate"]
    need = np.maximum(0.0, COOP_TARGET_CAPITAL - c.capital)
    own = np.minimum(c.capital, COOP_TARGET_CAPITAL)
    spare = np.maximum(0.0, c.capital - COOP_TARGET_CAPITAL)  # per member
    assoc = np.zeros_like(c.capital)  # association capital per member (+ borrowed, − lent)
    use_assoc = p["mutual_aid"] >= 0.5 and len(c.members) > 1 and bool(np.all(c.members > 0))
    if use_assoc:
        # at a zero market rate the association lends interest-free (the rule needs r* > 0)
        _, flows = association_transfer(
            np.zeros_like(spare),
            c.members,
            spare * c.members,
            max(rate, 1e-12),
            p["mutual_aid_theta"],
            capital_need=need * c.members,
        )
        assoc = -flows / c.members
    deposited = spare - np.maximum(-assoc, 0.0)
    credit = credit_access * np.maximum(0.0, need - np.maximum(assoc, 0.0))
    gross = (
        cal.coop_scale
        * p["coop_productivity"]
        * c.productivity
        * np.minimum(own + np.maximum(assoc, 0.0) + credit, COOP_TARGET_CAPITAL) ** alpha
        * (1.0 - state.undercut)
    )
    # deposits earn what firms pay for the capital, at most the firms' profits
    earned = rate * float(np.dot(deposited, c.members))
    paid = rate * float(np.dot(credit, c.members))
    deposit_rate = rate if earned <= profits + paid else rate * (profits + paid) / earned
    interest = rate * credit - deposit_rate * deposited
    # lenders receive and borrowers pay the association rate θ·r* on association capital
    net = gross - interest - p["mutual_aid_theta"] * rate * assoc if use_assoc else gross - interest
    coop_pay = np.maximum(0.0, net * (1.0 - REINVEST))
    bank_interest = float(np.dot(interest, c.members))
    return coop_pay, bank_interest


def measure(
    state: State,
    cal: Calibration,
    sector: CouncilSector,
    shock: Shock | None = None,
    record_plan: bool = False,
) -> Measures:
    p = state.params
    alpha = cal.alpha
    shock = shock or Shock("none")
    att = attendance(state)
    bal = job_balance(state)

    # --- firms
    K = state.firm_capital * (1.0 - shock.capital_loss * (1.0 - p["capital_controls"]))
    f = state.firm_share
    if shock.capital_loss > 0:  # jobs follow capital (employment elasticity 0.8)
        f = f * (K / max(state.firm_capital, 1e-9)) ** 0.8
    Y_f = cal.firm_scale * p["firm_productivity"] * K**alpha * f ** (1 - alpha) if f > 0 else 0.0
    # the split of firm output between wages and profits follows the current capital share
    # (unions and laws can change it); the production exponent stays the calibrated alpha
    split = p["capital_share"]
    wage = (1 - split) * Y_f / f if f > 0 else (1 - split) * cal.firm_scale * p["firm_productivity"]
    pollution_charge = p["pollution_price"] * p["pollution_intensity"] * Y_f * 0.5
    profits = max(0.0, split * Y_f - pollution_charge)

    coop_pay, bank_interest = coop_production(state, cal, shock, profits)
    c = state.coops

    # --- councils
    prod = council_productivity(state, att, bal)
    food = 1.0 - shock.harvest * (1.0 - p["food_reserves"])
    plan = sector.plan(prod, food, state.plan_prices, record_history=record_plan)
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
    seg, w, inc, hrs, rat = [], [], [], [], []

    def add(
        s: int,
        weight: np.ndarray | float,
        income: np.ndarray | float,
        hours: np.ndarray | float,
        rating: np.ndarray | float,
    ) -> None:
        n = np.broadcast(np.asarray(weight), np.asarray(income)).shape or (1,)
        seg.append(np.full(n, s))
        w.append(np.broadcast_to(weight, n).astype(float))
        inc.append(np.broadcast_to(income, n).astype(float))
        hrs.append(np.broadcast_to(hours, n).astype(float))
        rat.append(np.broadcast_to(rating, n).astype(float))

    # deposits earn at most what firms can pay (coop_production), so this is ≥ 0 but for
    # rounding; clip the rounding so no income is ever negative
    add(0, owners, max(0.0, profits + bank_interest) / owners, 10.0, 1.0)
    add(1, f / len(WAGE_LADDER), wage * WAGE_LADDER / WAGE_LADDER.mean(), 40.0, 1.0)
    if len(c.members):
        ratio = np.sqrt(p["coop_pay_ratio"])  # between the top fifth and the rest
        low = coop_pay / (0.8 + 0.2 * ratio)
        add(2, c.members * 0.8, low, 40.0, 1.0)
        add(2, c.members * 0.2, low * ratio, 40.0, 1.0)
    add(3, state.council_share / len(cw.ladder), council_pay, cw.hours, cw.ratings)
    seg_a = np.concatenate(seg)
    w_a = np.concatenate(w)
    inc_a = np.concatenate(inc)
    hrs_a = np.concatenate(hrs)
    rat_a = np.concatenate(rat)

    # --- benefits and the levy that pays them (money is conserved)
    benefit = p["unemployment_benefit"] * wage
    benefits_total = u * benefit
    earned = float(np.dot(w_a, inc_a))
    levy = (benefits_total - pollution_charge) / earned if earned > 0 else 0.0
    if levy > MAX_LEVY:  # benefits cannot take more than MAX_LEVY of earned income: cut them
        benefit *= (MAX_LEVY * earned + pollution_charge) / benefits_total
        levy = MAX_LEVY
    if levy >= 0:
        inc_a = inc_a * (1.0 - levy)
        ue_income = benefit
    else:  # the pollution charge exceeds benefits: the rest is paid out per person
        dividend = -(levy * earned) / (1.0 + owners)
        inc_a = inc_a + dividend
        ue_income = benefit + dividend
        levy = 0.0
    seg_a = np.append(seg_a, 4)
    w_a = np.append(w_a, u)
    inc_a = np.append(inc_a, ue_income)
    hrs_a = np.append(hrs_a, 0.0)
    rat_a = np.append(rat_a, 0.0)
    groups = Groups(seg_a, w_a, inc_a, hrs_a, rat_a)

    # --- basic needs: market households pay more for food after a bad harvest
    need_cost = state.params.get("_basic_need", 0.75)
    market_need = need_cost * (1.0 + 0.35 * shock.harvest * (1.0 - p["food_reserves"]))
    cost = np.where(seg_a == 3, need_cost, market_need)
    met = np.minimum(1.0, inc_a / cost)
    if state.council_share > 0:  # a plan short of one good leaves that need part unmet
        met = np.where(seg_a == 3, np.minimum(met, 0.5 + 0.5 * min(1.0, plan.scarcest / 0.85)), met)
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
            Y_f + bank_interest + np.dot(c.members, coop_pay) + state.council_share * council_income
        ),
    )
