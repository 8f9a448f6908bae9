"""The co-ops' capital market: spare capital is never idle.

Each co-op needs COOP_TARGET_CAPITAL per member to work at full productivity; capital
beyond that is spare. Banks lend a co-op short of capital the share `coop_credit` of its
need, scaled by the share of its target it owns (collateral); spare capital is lent to
cover the rest of their need (pro rata), and whatever spare capital is still left is
deposited with banks that lend it to firms, where it is used too. The quantities are the
same in the market and in a mutual aid association; what differs is the rate on capital
lent between co-ops:

- market: the clearing rate r*. Its regime comes from `market_clearing_rate` (the corn
  model, `mutual_aid.py`): when spare capital is short of the need that bank credit leaves
  (capital scarce), borrowers bid the rate up to their reservation rate, here their
  marginal product of capital; when it is abundant, lenders bid it down to what banks pay.
- association (Hahnel 2009, reconstructed in economics.md §3): the same loans at θ·r*.
  Where the association shares machines (a machinery ring), what a co-op borrows works
  only while it is not waiting for repair: `shared_downtime` of it stands idle [D] (0
  unless a level sets it; a right-to-repair law cuts it from weeks to days). A co-op's own
  machines and those bought on bank credit wait for the dealer too, but a level puts that
  in the co-ops' productivity (land_commons: 0.92, raised 3% by the repair law), which
  works on all their capital; the downtime is the extra idle time of machines shared
  between farms. Loans between co-ops outside an association have none [D]: in the model
  they put the same spare capital to work in the borrower, but a machine a ring shares in
  one season serves several farms, so when it waits for the dealer every borrower's work
  waits with it (a timeliness cost at harvest); a farm's own machine, or one bought with a
  loan from another farm, serves one farm, and its repair delays are in the productivity.

So the association moves income from lenders to borrowers and changes nothing else: the
gap narrows as θ falls, lenders still earn θ·r* > 0 on capital that would otherwise
produce nothing for them, and total co-op output is the same (less what shared machines
lose waiting for repair, when a level sets a downtime).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from game.sim.mutual_aid import BORROWER_RESERVATION_RATE, market_clearing_rate
from game.sim.state import COOP_TARGET_CAPITAL, Coops, State


class CoopCapital(NamedTuple):
    """Per member of each co-op unless said otherwise. (A named tuple: built several
    times a stress test, and a frozen dataclass's set-up cost more than its arithmetic.)"""

    in_use: np.ndarray  # capital at work in the co-op (own kept + borrowed + bank credit)
    coop_loans: np.ndarray  # + lent to other co-ops, − borrowed from them
    bank_loans: np.ndarray  # bank credit
    deposits: np.ndarray  # spare capital deposited with banks (used by firms)
    rate: float  # r*, the market-clearing rate between co-ops
    coop_rate: float  # the rate actually charged between co-ops (r* or θ·r*)


def credit_access(state: State, shock_cut: float = 0.0) -> float:
    p = state.params
    return p["coop_credit"] * (1.0 - state.credit_cut) * (1.0 - shock_cut * (1.0 - p["public_credit"]))


def allocate(
    state: State, output_scale: float, alpha: float, shock_cut: float = 0.0, trade: bool = True
) -> CoopCapital:
    """Where the co-ops' capital works this turn. `output_scale` is output per member at the
    target capital for productivity 1 (for the borrowers' marginal product); `trade=False`
    gives autarky (no lending between co-ops, no deposits), for comparisons."""
    c = state.coops
    p = state.params
    m, k = c.members, c.capital
    target = COOP_TARGET_CAPITAL
    need = np.maximum(0.0, target - k)
    spare = np.maximum(0.0, k - target)
    bank_rate = p["interest_rate"]
    access = credit_access(state, shock_cut)
    # banks lend against collateral: `access` of a co-op's need, scaled by the share of its
    # target it owns (Stiglitz & Weiss 1981: credit is rationed, and those who own least get
    # least), so credit access alone cannot reach the co-ops shortest of capital
    kept = np.minimum(k, target)
    # min(k/target, 1) is min(k, target) when target is 1 (division by 1 is exact)
    bank = access * need * (kept if target == 1.0 else np.minimum(k / target, 1.0))
    rest = need - bank
    supply = float(np.dot(spare, m)) if trade else 0.0
    demand = float(np.dot(rest, m))
    lent_total = min(supply, demand)
    bank_total = float(np.dot(bank, m))
    borrowed = rest * (lent_total / demand) if demand > 0 else np.zeros_like(k)
    lent = spare * (lent_total / supply) if supply > 0 else np.zeros_like(k)
    deposits = (spare - lent) if trade else np.zeros_like(k)
    in_use = kept + borrowed + bank
    rate = bank_rate
    if lent_total > 0:
        rate = _market_rate(c, need, spare, (in_use, borrowed, bank_total), bank_rate, p, output_scale, alpha)
    association = p["mutual_aid"] >= 0.5
    coop_rate = p["mutual_aid_theta"] * rate if association else rate
    if association and p["shared_downtime"] > 0:  # shared machines wait for repair [D]
        in_use = in_use - p["shared_downtime"] * borrowed
    return CoopCapital(in_use, lent - borrowed, bank, deposits, rate, coop_rate)


def _market_rate(
    c: Coops,
    need: np.ndarray,
    spare: np.ndarray,
    cap: tuple[np.ndarray, np.ndarray, float],
    bank_rate: float,
    p: dict[str, float],
    output_scale: float,
    alpha: float,
) -> float:
    """r* when co-ops lend to co-ops (`cap`: capital in use, borrowed, bank credit in all):
    the corn model's regime; where capital is scarce, borrowers bid up to their marginal
    product of capital."""
    m, k = c.members, c.capital
    in_use, borrowed, bank_total = cap
    present = m > 0
    lenders, borrowers = (spare > 0) & present, (need > 0) & present
    if not (lenders.any() and borrowers.any()):
        return bank_rate
    # the corn model's regime: borrowers' own capital includes what banks would lend them
    m_lend, m_borrow = m[lenders], m[borrowers]
    corn = market_clearing_rate(
        float(m_lend.sum()),
        float(np.dot(k[lenders], m_lend)),
        float(m_borrow.sum()),
        float(np.dot(k[borrowers], m_borrow)) + bank_total,
    )
    weight = borrowed * m
    mpk = (
        alpha
        * output_scale
        * p["coop_productivity"]
        * c.productivity
        * np.maximum(in_use, 1e-6) ** (alpha - 1)
    )
    reservation = float(np.dot(weight, mpk) / weight.sum())
    return bank_rate + (corn / BORROWER_RESERVATION_RATE) * max(0.0, reservation - bank_rate)
