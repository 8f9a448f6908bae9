"""Hahnel's corn model and a reconstructed worker-co-op mutual aid association rule.

Corn model [P] (Hahnel, *ABCs of Political Economy*, ch. 3): each person eats 1 corn a week
and then minimises days worked. The labour-intensive technique (LIT) turns 6 days into
1 corn; the capital-intensive technique (CIT) turns 1 day plus 1 seed into 2 corn, i.e. 1 net
corn once the seed is replaced. Loans of seed last one week and cost ``r`` corn per seed.

Mutual aid association [R] (only the abstract of Hahnel 2009 was found): co-ops lend their
spare capital inside the association at ``r_A = theta * r*`` with ``0 < theta < 1``, where r*
is the market-clearing rate. Lenders still gain (r_A > 0, so all spare capital is offered),
borrowers pay less than at the market, and the total work stays the efficient minimum.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

CORN_PER_PERSON = 1.0
"""Corn each person eats per week."""
LIT_DAYS = 6.0
"""Days of labour-intensive work per corn."""
CIT_DAYS = 1.0
"""Days of capital-intensive work per seed planted; yields 1 net corn."""
BORROWER_RESERVATION_RATE = (LIT_DAYS - CIT_DAYS) / LIT_DAYS
"""5/6: the highest rate a seedless person will pay.

Borrowing a seed turns 6 LIT days into 1 CIT day for the same net corn, but the ``r`` corn of
interest must be grown too; at the margin the borrower grows it by LIT (6 r days), so
borrowing pays iff ``1 + 6 r < 6``, i.e. ``r < 5/6``.
"""


class CornOutcome(NamedTuple):
    """Days worked per member by the lender co-op (a) and the borrower co-op (b)."""

    days_a: float
    days_b: float
    rate: float
    loan: float
    total_days: float


def coop_days(
    members: ArrayLike, seed: ArrayLike, lent: ArrayLike = 0.0, rate: ArrayLike = 0.0
) -> np.ndarray:
    """Days per member a co-op works in one week, given a seed loan.

    ``lent > 0`` is seed lent out (earning ``rate * lent`` corn), ``lent < 0`` seed borrowed
    (costing ``rate * -lent``). The co-op must grow ``members - rate * lent`` net corn (never
    below 0; a surplus from interest is saved) and uses CIT for as much as its remaining seed
    allows, LIT for the rest.
    """
    n = np.asarray(members, dtype=np.float64)
    k = np.asarray(seed, dtype=np.float64)
    lent_arr = np.asarray(lent, dtype=np.float64)
    r = np.asarray(rate, dtype=np.float64)
    if np.any(n <= 0):
        raise ValueError("members must be positive")
    if np.any(k < 0) or np.any(r < 0):
        raise ValueError("seed and rate must be non-negative")
    own_seed = k - lent_arr
    if np.any(own_seed < -1e-9 * np.maximum(1.0, k)):
        raise ValueError("cannot lend more seed than the co-op holds")
    own_seed = np.maximum(own_seed, 0.0)
    need = np.maximum(n * CORN_PER_PERSON - r * lent_arr, 0.0)
    cit = np.minimum(own_seed, need)
    days = cit * CIT_DAYS + (need - cit) * LIT_DAYS
    return days / n


def autarky_days(members: ArrayLike, seed: ArrayLike) -> np.ndarray:
    """Days per member without any lending: ``6 - 5 * min(seed, members) / members``.

    Seed per member >= 1: all CIT, 1 day. No seed: all LIT, 6 days. Partial seed: a mix.
    """
    return coop_days(members, seed)


def lender_supply(members: float, seed: float, rate: float) -> float:
    """Most seed a co-op lends at ``rate`` while minimising its own days.

    Lending ``L`` earns ``r L`` corn, so the co-op must grow ``N - r L`` itself with its
    remaining ``K - L`` seed; staying all-CIT needs ``K - L >= N - r L``, i.e.
    ``L <= (K - N) / (1 - r)``. Once ``r K >= N`` the interest alone feeds the co-op and it
    lends everything. A co-op without spare seed lends nothing below the borrowers' reservation
    rate (giving up a seed it needs costs 5 days, the interest saves only 6 r).
    """
    _check_rate(rate)
    spare = seed - members * CORN_PER_PERSON
    if spare <= 0:
        return 0.0
    if rate * seed >= members * CORN_PER_PERSON:
        return float(seed)
    return float(spare / (1.0 - rate))


def borrower_demand(members: float, seed: float, rate: float) -> float:
    """Seed a co-op borrows at ``rate``: enough to grow its food and the interest by CIT.

    With own seed ``s`` it needs ``s + L = N + r L``, so ``L = (N - s) / (1 - r)``. Above the
    reservation rate 5/6 borrowing does not pay and demand is 0; at exactly 5/6 the borrower is
    indifferent and is taken to borrow (as in the ABCs example).
    """
    _check_rate(rate)
    deficit = members * CORN_PER_PERSON - seed
    if deficit <= 0 or rate > BORROWER_RESERVATION_RATE + 1e-12:
        return 0.0
    return float(deficit / (1.0 - rate))


def market_clearing_rate(
    lender_members: float,
    lender_seed: float,
    borrower_members: float,
    borrower_seed: float = 0.0,
) -> float:
    """The competitive credit-market rate r*, derived from the two reservation rates.

    Let spare = lender seed - lender members and deficit = borrower members - borrower seed.
    Below ``N_A / K_A`` excess demand for seed is ``(deficit - spare) / (1 - r)``; above it,
    ``deficit / (1 - r) - K_A``, which only grows with r. Hence:

    * spare < deficit (capital scarce): excess demand at every rate the borrowers accept, so
      they bid the rate up to their reservation rate 5/6 (the ABCs economy: r = 5/6, and the
      seedless still work 6 days) [P].
    * spare > deficit (capital abundant): excess supply, lenders bid the rate down to their
      reservation rate for idle seed, 0.
    * spare == deficit: the market clears at every r in ``[0, N_A / K_A]`` and is short of seed
      above it; we take the top of that interval, the highest rate that clears without
      rationing (lenders quote the rate). Two co-ops of 10, one with 20 seed: r* = 1/2 [D].
    """
    spare = lender_seed - lender_members * CORN_PER_PERSON
    deficit = borrower_members * CORN_PER_PERSON - borrower_seed
    if lender_members <= 0 or borrower_members <= 0 or lender_seed < 0 or borrower_seed < 0:
        raise ValueError("members must be positive and seed non-negative")
    if deficit <= 0:
        return 0.0
    # np.isclose(spare, deficit, rtol=1e-12, atol=1e-12) written out for two floats (the
    # same test, without numpy's array machinery: this runs several times a stress test)
    if spare == deficit or abs(spare - deficit) <= 1e-12 + 1e-12 * abs(deficit):
        return float(min(lender_members * CORN_PER_PERSON / lender_seed, BORROWER_RESERVATION_RATE))
    if spare < deficit:
        return BORROWER_RESERVATION_RATE
    return 0.0


def _check_rate(rate: float) -> None:
    if not (0.0 <= rate < 1.0):
        raise ValueError(f"rate must lie in [0, 1), got {rate}")


def _outcome(na: float, ka: float, nb: float, kb: float, rate: float) -> CornOutcome:
    loan = min(lender_supply(na, ka, rate), borrower_demand(nb, kb, rate))
    da = float(coop_days(na, ka, loan, rate))
    db = float(coop_days(nb, kb, -loan, rate))
    return CornOutcome(da, db, float(rate), float(loan), na * da + nb * db)


def market_days(
    lender_members: float,
    lender_seed: float,
    borrower_members: float,
    borrower_seed: float = 0.0,
    rate: float | None = None,
) -> CornOutcome:
    """Days per member when co-op A lends seed to co-op B on the credit market.

    ``rate`` defaults to the market-clearing rate r*; the loan is the smaller of A's supply and
    B's demand at that rate.
    """
    if rate is None:
        rate = market_clearing_rate(lender_members, lender_seed, borrower_members, borrower_seed)
    return _outcome(lender_members, lender_seed, borrower_members, borrower_seed, rate)


def association_days(
    lender_members: float,
    lender_seed: float,
    borrower_members: float,
    borrower_seed: float = 0.0,
    theta: float = 0.5,
    market_rate: float | None = None,
) -> CornOutcome:
    """Days per member when A lends to B inside the association at ``r_A = theta * r*``."""
    if not (0.0 < theta < 1.0):
        raise ValueError("theta must lie strictly between 0 and 1")
    if market_rate is None:
        market_rate = market_clearing_rate(lender_members, lender_seed, borrower_members, borrower_seed)
    return _outcome(lender_members, lender_seed, borrower_members, borrower_seed, theta * market_rate)


def worked_example_days(rate: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """Closed form for A (10 members, 20 seed) lending to B (10 members, no seed) at ``rate``.

    B borrows ``10 / (1 - r)`` seed and works that many days: ``1 / (1 - r)`` per member. A
    grows ``10 - 10 r / (1 - r)`` corn with its remaining seed: ``(1 - 2r) / (1 - r)`` per
    member. The total is always 20 days, the efficient minimum; valid for 0 <= r <= 1/2
    (at 1/2 A lends all its seed and lives on the interest).
    """
    r = np.asarray(rate, dtype=np.float64)
    if np.any(r < 0) or np.any(r > 0.5):
        raise ValueError("the worked example holds for 0 <= rate <= 1/2")
    return (1.0 - 2.0 * r) / (1.0 - r), 1.0 / (1.0 - r)


def association_transfer(
    net_revenue_per_member: ArrayLike,
    members: ArrayLike,
    spare_capital: ArrayLike,
    market_rate: float,
    theta: float,
    *,
    capital_need: ArrayLike | None = None,
    capital_return: ArrayLike = 0.0,
) -> tuple[np.ndarray, np.ndarray]:
    """One turn of association lending; returns (income per member, capital lent per co-op).

    Co-ops with spare capital pool it and lend it to the capital-poor co-ops at
    ``r_A = theta * market_rate``. By default the capital-poor co-ops are those without spare
    capital and the whole pool is shared among them in proportion to members, so no capital
    is idle. If ``capital_need`` (per co-op, 0 for lenders) is given, lending is
    ``min(supply, need)``, pro rata on both sides; any surplus is left for the caller to lend
    outside. Lent capital is positive, borrowed negative, and the column sums to 0.

    Interest ``r_A * lent`` moves from borrowers to lenders, so income changes sum to 0
    (money conserved). ``capital_return`` (money per unit of capital, per co-op or scalar) is
    added to borrowers for output the capital yields, when the revenue does not include it.
    """
    y = np.asarray(net_revenue_per_member, dtype=np.float64)
    m = np.asarray(members, dtype=np.float64)
    s = np.asarray(spare_capital, dtype=np.float64)
    if not (y.ndim == 1 and y.shape == m.shape == s.shape):
        raise ValueError("revenue, members and spare capital must be 1-D and of equal length")
    if np.any(m <= 0):
        raise ValueError("members must be positive")
    if np.any(s < 0) or not np.all(np.isfinite(s)):
        raise ValueError("spare capital must be finite and non-negative")
    if not (np.isfinite(market_rate) and market_rate > 0):
        raise ValueError("market_rate must be positive")
    if not (0.0 < theta < 1.0):
        raise ValueError("theta must lie strictly between 0 and 1")
    r_a = theta * market_rate

    lenders = s > 0
    supply = float(s.sum())
    if capital_need is None:
        weights = np.where(lenders, 0.0, m)
        total_w = float(weights.sum())
        lent_total = supply if total_w > 0 else 0.0
        borrowed = weights * (lent_total / total_w) if total_w > 0 else np.zeros_like(s)
    else:
        need = np.asarray(capital_need, dtype=np.float64)
        if need.shape != s.shape or np.any(need < 0) or not np.all(np.isfinite(need)):
            raise ValueError("capital_need must be finite, non-negative, one value per co-op")
        if np.any((need > 0) & lenders):
            raise ValueError("a co-op cannot both lend spare capital and need capital")
        demand = float(need.sum())
        lent_total = min(supply, demand)
        borrowed = need * (lent_total / demand) if demand > 0 else np.zeros_like(s)
    lent = s * (lent_total / supply) if supply > 0 else np.zeros_like(s)
    capital = lent - borrowed
    ret = np.broadcast_to(np.asarray(capital_return, dtype=np.float64), s.shape)
    income = y + (r_a * capital + ret * borrowed) / m
    return income, capital
