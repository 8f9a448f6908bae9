"""Worker buyouts of firms that close or move: what a right of first refusal, a co-op fund
and the Marcora law can buy, and what bounds them.

A right of first refusal changes who may buy, not who can pay. France's loi Hamon (loi
n° 2014-856 of 31 July 2014, arts. 19-20) makes the owner of a firm under 250 staff tell its
employees of a sale two months ahead so that they can make an offer; the owner may still sell
to anyone, and whether the workers can bid depends on finance (Italy's Marcora law and its
fund CFI, the level's notes). So in this game the right stops no capital leaving: when owners
move plants abroad (elite.py's capital flight), the share `first_refusal` of the plants that
would move is offered to their workers first. The workers buy what they can pay for: their own
means, a share OWN_MEANS of the plants offered (OWN_MARCORA more where the Marcora law lets them
take their unemployment benefit as a lump sum), and whatever the co-op fund has left this turn.
The owners are paid the price and place it elsewhere (`capital: sold`, game.sim.effects): the
capital leaves the region's firms either way; only the jobs stay, as a co-op.

A co-op fund (`coop_fund`, dynamics.py) can buy only firms whose owners are selling or leaving.
Where a level sets `business_exit`, the fund's buyouts are bounded by the jobs at firms that
close a year (the plants offered under the right come first, from the same money): its money,
`coop_fund`·(1 + 0.5·`marcora`) of the workforce a year (workers' pooled benefits stretch
it), buys at most `business_exit`·f of the workforce a year from closing firms, f the firms'
share. The game's `business_exit`, 2.4% of firm jobs a year, is a design figure [D] from
Eurostat's business demography: in 2014 the EU's 2.3 million enterprise deaths took about 3.5
million of the business economy's 143 million jobs ("Business demography statistics",
Statistics Explained, data of November 2016). Where a level does not set it (0), the fund's
flow is not bounded this way: a land trust's is bounded by its land market instead.
"""

from __future__ import annotations

from game.sim.effects import new_coops
from game.sim.land import fund_rate
from game.sim.state import State

# [D] the share of the plants offered under a right of first refusal that workers can buy
# with their own means (savings, severance pay): little, since a plant's capital per job is
# many times a year's wages (the level's car plant)
OWN_MEANS = 0.05
# [D] the share more that the Marcora law's lump-sum benefit pays for (about a year's benefit
# per worker, still small against the plant's capital; CFI and the banks finance the rest)
OWN_MARCORA = 0.1
# [D] years of its money a revolving fund can put into plants offered at once: it holds its
# capital as a stock and rebuilds it from its yearly money (fund_flow repays it first)
FUND_RESERVE = 1.0
# the quality of a bought-out firm's co-op (as the fund's buyouts, dynamics.py)
BUYOUT_QUALITY = 0.9


def first_refusal_buyout(state: State, jobs: float, dt: float) -> float:
    """Plants worked by `jobs` (a share of the workforce) are moving abroad this turn and
    their capital is already counted as gone (to `owners_outside_capital`: the owners are paid or
    move it). The share `first_refusal` of them is offered to the workers, who buy what their
    own means and the fund's money for this turn (`dt` years) can pay; those jobs stay, as
    co-ops. Returns the share of the workforce whose jobs the buyouts kept."""
    p = state.params
    offered = max(0.0, p["first_refusal"]) * max(0.0, jobs)
    if offered <= 0.0:
        return 0.0
    own = min(1.0, OWN_MEANS + OWN_MARCORA * p["marcora"]) * offered
    fund_left = max(0.0, fund_rate(p) * max(dt, FUND_RESERVE) - state.fund_spent)
    from_fund = min(offered - own, fund_left)
    bought = own + from_fund
    state.fund_spent += from_fund
    new_coops(state, 1, bought, quality=BUYOUT_QUALITY)
    return bought


def fund_flow(state: State, h: float) -> float:
    """The share of the workforce the fund buys out over `h` years: its money, less what
    the right of first refusal's buyouts took this turn, and, where the level sets
    `business_exit`, no more than the jobs at the firms that close in those `h` years."""
    p = state.params
    money = p["coop_fund"] * h * (1.0 + 0.5 * p["marcora"])  # fund_rate(p)·h, in this order
    used = min(money, state.fund_spent)
    state.fund_spent -= used
    flow = min(0.5 * state.firm_share, money - used)
    if p["business_exit"] > 0:
        flow = min(flow, p["business_exit"] * state.firm_share * h)
    return max(0.0, flow)
