"""Remuneration for effort and sacrifice (economics.md section 4).

A worker council shares its income pool in proportion to hours times effort rating:
``inc_i = Pool * h_i * r_i / sum_j h_j * r_j``. The council's hours-weighted mean rating is
capped (at 1, or at the council's SB/SC ratio, Hahnel 2021) and ratings above the cap are
rescaled proportionally. Within one council a proportional rescale leaves the income shares
unchanged; the capped ratings matter wherever a rating is read on its own (for instance a
consumer council comparing a request with the rating-backed allowance).
Pay follows effort and sacrifice, not output (zcomm.org/qaremun-2/) [P].
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

_TOL = 1e-12


@dataclass(frozen=True)
class PayResult:
    """Outcome of sharing one council's pool.

    ``mean_rating`` is the hours-weighted mean *before* rescaling (0.0 when nobody worked);
    ``ratings`` are the ratings after rescaling to the cap (a copy of the input if not rescaled).
    """

    incomes: np.ndarray
    ratings: np.ndarray
    mean_rating: float
    rescaled: bool


def _as_nonneg_1d(name: str, values: ArrayLike) -> np.ndarray:
    arr = np.asarray(values, dtype=np.float64)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite")
    if np.any(arr < 0):
        raise ValueError(f"{name} must be non-negative")
    return arr


def effort_pay(pool: float, hours: ArrayLike, ratings: ArrayLike, cap: float = 1.0) -> PayResult:
    """Share ``pool`` among a council's workers in proportion to hours x effort rating.

    If the hours-weighted mean rating exceeds ``cap``, all ratings are scaled by
    ``cap / mean`` so the weighted mean equals the cap (incomes are unchanged by this, since
    shares are proportional). If no rated effort was given (``sum h*r == 0``) there is no
    basis for sharing: every income is 0 and the caller decides what becomes of the pool.
    """
    h = _as_nonneg_1d("hours", hours)
    r = _as_nonneg_1d("ratings", ratings)
    if h.shape != r.shape:
        raise ValueError(f"hours {h.shape} and ratings {r.shape} differ in shape")
    pool = float(pool)
    if not np.isfinite(pool) or pool < 0:
        raise ValueError("pool must be finite and non-negative")
    cap = float(cap)
    if not np.isfinite(cap) or cap <= 0:
        raise ValueError("cap must be finite and positive")

    total_hours = float(h.sum())
    weighted = h * r
    total_weighted = float(weighted.sum())
    mean = total_weighted / total_hours if total_hours > 0 else 0.0
    rescaled = mean > cap
    new_r = r * (cap / mean) if rescaled else r.copy()

    new_weighted = h * new_r
    denom = float(new_weighted.sum())
    if denom > 0:
        incomes = pool * (new_weighted / denom)
    else:
        incomes = np.zeros_like(h)
    return PayResult(incomes=incomes, ratings=new_r, mean_rating=mean, rescaled=bool(rescaled))


def _grouped_inputs(
    council_of: ArrayLike, hours: ArrayLike, ratings: ArrayLike, n_councils: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    c = np.asarray(council_of)
    if c.ndim != 1 or not np.issubdtype(c.dtype, np.integer):
        raise ValueError("council_of must be a one-dimensional integer array")
    h = _as_nonneg_1d("hours", hours)
    r = _as_nonneg_1d("ratings", ratings)
    if not (c.shape == h.shape == r.shape):
        raise ValueError("council_of, hours and ratings must have the same shape")
    if c.size and (c.min() < 0 or c.max() >= n_councils):
        raise ValueError(f"council_of must index 0..{n_councils - 1}")
    return c, h, r


def capped_ratings_grouped(
    council_of: ArrayLike,
    hours: ArrayLike,
    ratings: ArrayLike,
    caps: ArrayLike | float = 1.0,
    n_councils: int | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Rescale ratings council by council so no council's weighted mean exceeds its cap.

    Returns ``(ratings_after, mean_rating_before_per_council)``; a council without hours has
    mean 0. ``caps`` may be a scalar or one value per council (e.g. each council's SB/SC).
    """
    c_arr = np.asarray(council_of)
    if n_councils is None:
        n_councils = int(c_arr.max()) + 1 if c_arr.size else 0
    c, h, r = _grouped_inputs(c_arr, hours, ratings, n_councils)
    caps_arr = np.broadcast_to(np.asarray(caps, dtype=np.float64), (n_councils,))
    if np.any(~np.isfinite(caps_arr)) or np.any(caps_arr <= 0):
        raise ValueError("caps must be finite and positive")
    sum_h = np.bincount(c, weights=h, minlength=n_councils)
    sum_hr = np.bincount(c, weights=h * r, minlength=n_councils)
    mean = np.divide(sum_hr, sum_h, out=np.zeros(n_councils), where=sum_h > 0)
    over = mean > caps_arr
    scale = np.divide(caps_arr, mean, out=np.ones(n_councils), where=over)
    return r * scale[c], mean


def effort_pay_grouped(
    pools: ArrayLike,
    council_of: ArrayLike,
    hours: ArrayLike,
    ratings: ArrayLike,
    caps: ArrayLike | float = 1.0,
) -> np.ndarray:
    """Incomes for many councils at once (no Python loop): ``effort_pay`` per council.

    ``pools[k]`` is council k's pool and ``council_of[i]`` the council of worker i. Councils
    whose workers gave no rated effort pay nothing (their pool is left to the caller).
    """
    pools_arr = np.asarray(pools, dtype=np.float64)
    if pools_arr.ndim != 1:
        raise ValueError("pools must be one-dimensional")
    if np.any(~np.isfinite(pools_arr)) or np.any(pools_arr < 0):
        raise ValueError("pools must be finite and non-negative")
    n = pools_arr.shape[0]
    new_r, _ = capped_ratings_grouped(council_of, hours, ratings, caps, n_councils=n)
    c = np.asarray(council_of)
    h = np.asarray(hours, dtype=np.float64)
    w = h * new_r
    denom = np.bincount(c, weights=w, minlength=n)[c]
    share = np.divide(w, denom, out=np.zeros_like(w), where=denom > 0)
    return pools_arr[c] * share


def pay_effort_gap(incomes: ArrayLike, hours: ArrayLike, ratings: ArrayLike) -> float:
    """How far pay is from pay-for-effort: ``0.5 * sum_i |s_i - e_i|`` in [0, 1].

    ``s_i = inc_i / sum inc`` are income shares and ``e_i = h_i r_i / sum h r`` effort shares
    (half the L1 distance, i.e. the share of all income that would have to move to make pay
    exactly proportional to effort x hours). 0 when pay is exactly for effort; 0 when nothing
    was paid; 1 when income was paid but no rated effort was given.
    """
    inc = _as_nonneg_1d("incomes", incomes)
    h = _as_nonneg_1d("hours", hours)
    r = _as_nonneg_1d("ratings", ratings)
    if not (inc.shape == h.shape == r.shape):
        raise ValueError("incomes, hours and ratings must have the same shape")
    total_inc = float(inc.sum())
    effort = h * r
    total_eff = float(effort.sum())
    if total_inc <= 0:
        return 0.0
    if total_eff <= 0:
        return 1.0
    gap = 0.5 * float(np.abs(inc / total_inc - effort / total_eff).sum())
    return min(1.0, max(0.0, gap))


def consumption_approved(
    prices: ArrayLike,
    request: ArrayLike,
    income: ArrayLike,
    need_allowance: ArrayLike = 0.0,
) -> bool | np.ndarray:
    """A consumer council approves a request if ``sum_g p_g c_g <= income + need allowance``.

    ``request`` is ``(goods,)`` for one person or ``(people, goods)``; ``income`` and
    ``need_allowance`` broadcast per person. A relative tolerance of 1e-12 absorbs rounding,
    so a request costing exactly the budget is approved. Returns a bool for one request.
    """
    p = np.asarray(prices, dtype=np.float64)
    c = np.asarray(request, dtype=np.float64)
    if p.ndim != 1 or c.shape[-1:] != p.shape:
        raise ValueError("request's last axis must match the prices vector")
    if np.any(p < 0) or np.any(c < 0):
        raise ValueError("prices and requests must be non-negative")
    cost = c @ p
    budget = np.asarray(income, dtype=np.float64) + np.asarray(need_allowance, dtype=np.float64)
    ok = cost <= budget + _TOL * np.maximum(1.0, np.abs(budget))
    if np.ndim(ok) == 0:
        return bool(ok)
    return ok
