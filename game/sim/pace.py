"""The pace of the pay transition: how fast council pay moves from the inherited ladder to
pay for effort, and what each pace costs (docs/scores.md, "The pace of pay").

Too fast: the inherited ladder's top grade (managers, engineers, planners: the scarce skills)
loses relative pay faster than the councils can train people to replace the effort they
withdraw. Each fall of their relative pay r below the lowest it has been withdraws a share
``ELASTICITY * d(ln r)`` of their effort (an elasticity anchored on the elasticity-of-taxable-
income literature: Saez, Slemrod & Giertz, J. Econ. Lit. 50(1), 2012,
doi:10.1257/jel.50.1.3, whose best long-run estimates range from 0.12 to 0.40; the game
takes the top of that range, a design choice).
Training replaces withdrawn effort at the parameter ``training`` a year (the game's own rule
[D]; cards that teach the scarce skills raise it, and a level sets it; it is not the Bass
rate ``education``, at which people learn *about* the project): a pace within that capacity
costs almost nothing, a pace beyond it leaves a skill shortage that cuts council output by
``SKILL_SHARE * COMPLEMENT`` times its size. Managers who leave (an event's ``skill_loss``
effect) join the same shortage, which the same training repairs.
Too slow: the low grades' pay and the pay-for-effort gap stay where the ladder put them
(`low_paid_gain` is what the low-paid see of the change; `scores.approval` reads it).
The top grade's loss also counts in approval, twice as much as a gain (loss aversion,
Tversky & Kahneman, "Loss Aversion in Riskless Choice", QJE 106(4), 1991, [D]) against a
reference pay that adapts (`top_paid_loss`): why a gradual pace costs less politically.
"""

from __future__ import annotations

import math

import numpy as np

from game.sim.pay import effort_pay
from game.sim.state import State

ELASTICITY = 0.4  # [D] effort withdrawn per unit fall of the top grade's log relative pay
SKILL_SHARE = 0.36  # the top grade's share of council output (its share of ladder pay)
COMPLEMENT = 2.0  # [D] output lost per unit of scarce-skill effort lost: others' work idles too
MAX_SHORTAGE = 0.9  # [D] some of the top grade's effort always stays
TOP_GRADE = 0.2  # the top of the ladder's five grades: its share of council workers
LOSS_AVERSION = 2.0  # [D] a loss of relative pay weighs twice a gain (Tversky & Kahneman 1991)
REFERENCE_RATE = 0.5  # [D] a year: the reference pay closes 1 - e^-0.5 = 39% of its gap a year


def relative_pay(state: State, pay_transition: float | None = None) -> tuple[float, float]:
    """The council top grade's and the two lowest grades' mean pay relative to the council
    mean, at `pay_transition` (default: the state's)."""
    p = state.params
    pt = p["pay_transition"] if pay_transition is None else pay_transition
    if "_top_ladder" not in p:
        grade_pay(state)
    top = (1 - pt) * p["_top_ladder"] + pt * p["_top_effort"]
    low = (1 - pt) * p["_low_ladder"] + pt * p["_low_effort"]
    return top, low


def grade_pay(state: State) -> None:
    """The top grade's and the two lowest grades' mean pay relative to the council mean,
    under the ladder and under pay for effort (the council workers' sample is fixed for a
    run: computed once, kept with the parameters)."""
    cw = state.council_workers
    n = len(cw.ladder)
    ladder = cw.ladder / cw.ladder.mean()
    effort = effort_pay(float(n), cw.hours, cw.ratings).incomes
    top = cw.ladder >= cw.ladder.max() - 1e-12
    grades = np.unique(cw.ladder)  # sorted
    low = cw.ladder <= grades[min(1, len(grades) - 1)] + 1e-12
    for name, mask in (("top", top), ("low", low)):
        state.params[f"_{name}_ladder"] = float(ladder[mask].mean())
        state.params[f"_{name}_effort"] = float(effort[mask].mean())


def training_rate(state: State) -> float:
    """Share of the top grade's withdrawn effort that training replaces a year (the level's
    `training` parameter, raised by the cards that teach the scarce skills)."""
    return float(state.params["training"])


def lose_skills(state: State, share: float) -> None:
    """`share` of the top grade's effort leaves the councils (managers let go): it joins the
    skill shortage that the pace of pay builds and training repairs (one mechanism)."""
    k = state.skill_shortage
    state.skill_shortage = float(min(MAX_SHORTAGE, k + max(0.0, share) * (1.0 - k)))


def pace_step(state: State, h: float) -> None:
    """`h` years of the pay transition, in place: pay moves at the chosen pace (`pay_pace`
    a year), the top grade withdraws effort as its relative pay falls, training replaces it."""
    p = state.params
    if p["pay_pace"] > 0 and p["pay_transition"] < 1.0:
        # a new dict: the stress test's copies share their parameters with the real state
        state.params = {**p, "pay_transition": min(1.0, p["pay_transition"] + p["pay_pace"] * h)}
    now = math.log(max(relative_pay(state)[0], 1e-6))
    # effort is withdrawn only as pay falls below the lowest it has been: pay pushed back
    # (an austerity choice) and moved on again is not a second withdrawal of the same effort
    low = state.top_low if state.top_low is not None else state.top_pay
    low = low if low is not None else now
    fall = max(0.0, low - now)
    state.top_low = min(low, now)
    shortage = state.skill_shortage
    shortage += ELASTICITY * fall * (1.0 - shortage)
    # managers of firms converted since the last step leave the ladder's top pay for the
    # councils' present pay at once: their withdrawn effort joins the sector's shortage
    c, seen = state.council_share, state.council_seen
    ref = state.top_ref if state.top_ref is not None else now
    if c > seen + 1e-12 and seen >= 0:
        ladder = math.log(max(state.params["_top_ladder"], 1e-6))
        drop = max(0.0, ladder - now)
        # the sector's shortage is the members' mean: the old members' share of it, diluted,
        # plus the newcomers' own withdrawal from full effort
        shortage = (seen * shortage + (c - seen) * ELASTICITY * drop) / c
        # their reference pay is the ladder they come from: the grade's reference is the
        # mean of the old members' and theirs, so their loss counts in approval too
        ref += (c - seen) / c * max(0.0, ladder - ref)
    state.council_seen = c
    shortage = max(0.0, shortage - training_rate(state) * h)
    state.skill_shortage = float(min(MAX_SHORTAGE, shortage))
    state.top_pay = now
    state.top_ref = now + (ref - now) * math.exp(-REFERENCE_RATE * h)


def start_pay(state: State) -> None:
    """Record the top grade's and the low grades' pay at the start (what the ladder gave)."""
    grade_pay(state)
    state.council_seen = state.council_share
    top, low = relative_pay(state)
    state.top_pay = math.log(max(top, 1e-6))
    state.top_ref = state.top_pay
    state.top_low = state.top_pay
    state.params["_low_pay_start"] = float(low)


def low_paid_gain(state: State) -> float:
    """How much the two lowest grades' relative pay has risen since the start, in log
    points (0 when it has not moved): what the low-paid see of the transition."""
    start = state.params.get("_low_pay_start")
    if start is None or start <= 0:
        return 0.0
    return float(max(0.0, np.log(max(relative_pay(state)[1], 1e-6) / start)))


def top_paid_loss(state: State) -> float:
    """How far the top grade's relative pay lies below its reference pay, in log points (0
    when it does not): the reference adapts at REFERENCE_RATE a year, so a slow pace lets
    it follow the pay and a sudden one leaves a large loss for a while."""
    if state.top_ref is None or state.top_pay is None:
        return 0.0
    return max(0.0, state.top_ref - state.top_pay)
