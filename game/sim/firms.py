"""Capitalist firms that maximise profit: employment from the marginal-product condition
at a bargained wage, investment that follows the profit rate against a world rate, capital
that leaves for abroad where it keeps earning for its owners.

- Output Y = Z·A·K^α·L^(1−α) (α the capital share the economy was calibrated at).
- The wage is bargained: w = (1−s)/(1−α) × (A/A₀) × (u/u₀)^(−0.1), s the profit share
  owners can claim (unions and laws lower it), with the wage curve of Blanchflower & Oswald
  (*The Wage Curve*, MIT Press 1994: elasticity −0.1 of pay to local unemployment). At the
  start s = α and u = u₀, so w = 1 and the firms are at their optimum.
- Firms hire until the marginal product, net of any pollution charge c, equals the wage:
  (1−c)(1−α)Y/L = w, i.e. L* = K·((1−c)(1−α)Z·A / w)^(1/α) (until a merger: below).
  Employment moves towards L* at HIRE_SPEED a year (hiring and firing take time), so a
  higher wage costs jobs.
- A labour-saving merger (the elite's `consolidation`, elite.py) lowers the labour need
  λ ≤ 1 (`firm_labour_need`, 1 at the start) [D]: the merged farms work the same land and
  machines with a crew λ times the old one, a fixed labour coefficient per unit of capital
  (Leontief in labour) [D]. A worker counts 1/λ in production, Y = Z·A·K^α·(L/λ)^(1−α), and
  the crew hired is λ times the old rule's, L* = λ·K·(mp/w)^(1/α), mp the marginal product at
  λ = 1. So after a merger the firms are off the marginal-product rule: at L* the marginal
  product is w/λ, above the wage (with Cobb-Douglas a labour-augmenting change would raise
  labour demand at a given wage; the crew is the merged farms' technique instead), and that
  gap is the owners' gain. At L* the output is what it was, output per worker rises by 1/λ,
  and the wages saved are the owners' profit: their motive to merge.
- Net investment per year: g = 0.02 + 0.25·(π/r_w − 1), π = profits/K the profit rate,
  r_w the world rate (the starting profit rate: owners were content to invest 2% a year
  at home). When g < 0 capital is moved abroad, where it earns r_w for its owners.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from game.sim.state import State

WAGE_CURVE = -0.1  # Blanchflower & Oswald (1994)
HIRE_SPEED = 0.6  # share of the gap to optimal employment closed per year: 1 − e^(−0.6)
INVEST_BASE = 0.02  # net investment a year at the world rate
INVEST_RESPONSE = 0.25  # extra investment a year per unit of (π/r_w − 1)
INVEST_BOUNDS = (-0.2, 0.12)
MIN_U = 0.02  # the wage curve is read at unemployment of at least 2%


class FirmBlock(NamedTuple):
    """The firm sector this turn (shares of the workforce and annual incomes). A named
    tuple: built several times a stress test."""

    output: float
    wage: float  # per worker, after any shortfall
    wage_bill: float
    profits: float  # after the pollution charge, deposit interest and undercutting
    pollution_charge: float
    deposit_interest: float  # paid to co-ops on capital deposited with firms' banks
    undercut_cost: float  # what selling at the co-ops' cut price cost the big firms
    labour_demand: float
    bargained_wage: float = 1.0  # the going wage (benefits are a share of it)


def pollution_rate(params: dict[str, float]) -> float:
    """Charge per unit of firm output (half the damage of the pollution emitted)."""
    return params["pollution_price"] * params["pollution_intensity"] * 0.5


def bargained_wage(state: State, alpha: float, start_productivity: float, start_u: float) -> float:
    p = state.params
    curve = (max(state.unemployment, MIN_U) / max(start_u, MIN_U)) ** WAGE_CURVE
    return (1.0 - p["capital_share"]) / (1.0 - alpha) * p["firm_productivity"] / start_productivity * curve


def labour_demand(capital: float, wage: float, alpha: float, scale: float, params: dict[str, float]) -> float:
    """Employment at which the marginal product net of the pollution charge equals the wage,
    times the labour need λ (a merged farm's crew, above)."""
    if capital <= 0 or wage <= 0:
        return 0.0
    mp = (1.0 - pollution_rate(params)) * (1.0 - alpha) * scale * params["firm_productivity"]
    return capital * params["firm_labour_need"] * (mp / wage) ** (1.0 / alpha)


def firm_block(
    state: State,
    alpha: float,
    scale: float,
    start_productivity: float,
    start_u: float,
    capital: float,
    deposits: float,
    deposit_rate: float,
    undercut_cost: float,
) -> FirmBlock:
    """Output and its split. Firms pay, in order, the pollution charge, the wage bill,
    interest on deposits and the cost of undercutting; what they cannot pay is cut from the last
    items (wages only when nothing else is left), so no money appears or vanishes."""
    p = state.params
    f = state.firm_share
    k_used = capital + deposits
    crew = f / p["firm_labour_need"]  # a merged farm's worker does the work of 1/λ (above)
    y = 0.0
    if f > 0 and k_used > 0:
        y = scale * p["firm_productivity"] * k_used**alpha * crew ** (1.0 - alpha)
    w = bargained_wage(state, alpha, start_productivity, start_u)
    charge = pollution_rate(p) * y
    left = y - charge
    bill = min(w * f, max(left, 0.0))
    left -= bill
    dep = min(deposit_rate * deposits, max(left, 0.0))
    left -= dep
    cost = min(undercut_cost, max(left, 0.0))
    left -= cost
    return FirmBlock(
        output=y,
        wage=bill / f if f > 0 else w,
        wage_bill=bill,
        profits=max(left, 0.0),
        pollution_charge=charge,
        deposit_interest=dep,
        undercut_cost=cost,
        labour_demand=labour_demand(k_used, w, alpha, scale, p),
        bargained_wage=w,
    )


def investment_rate(profits: float, capital: float, world_rate: float) -> float:
    """Net investment a year (negative: capital leaves for abroad)."""
    if capital <= 0 or world_rate <= 0:
        return 0.0
    g = INVEST_BASE + INVEST_RESPONSE * (profits / capital / world_rate - 1.0)
    return min(INVEST_BOUNDS[1], max(INVEST_BOUNDS[0], g))


def adjust(state: State, block: FirmBlock, world_rate: float, h: float) -> None:
    """Move employment towards labour demand and capital by the investment rate over `h` years."""
    gap = block.labour_demand - state.firm_share
    step = gap * (1.0 - math.exp(-HIRE_SPEED * h))
    if step > 0:
        step = min(step, state.unemployment)
    state.firm_share = max(0.0, state.firm_share + step)
    g = investment_rate(block.profits, state.firm_capital, world_rate)
    factor = math.exp(g * h)
    if factor < 1.0:
        state.owners_outside_capital += state.firm_capital * (1.0 - factor)
    state.firm_capital *= factor
