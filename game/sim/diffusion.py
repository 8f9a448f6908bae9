"""Awareness spread and elite media pushback (economics.md section 6).

Bass diffusion ``dF/dt = (p + qF)(1 - F)`` with typical p ~ 0.03, q ~ 0.38
(Sultan, Farley & Lehmann 1990) [U]; the media term ``- mu * M * F`` is a derivation [D].
Granovetter (1978) thresholds [U]; the 3.5% rule (Chenoweth, NAVCO data) [P] with the
success curve a derivation [D].
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

CHENOWETH_SHARE = 0.035
_COUNT_TOL = 1e-9


def bass_F(t: ArrayLike, p: float, q: float) -> np.ndarray | float:
    """Closed-form Bass adoption share ``(1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t})``, F(0)=0."""
    if p <= 0 or q < 0:
        raise ValueError("need p > 0 and q >= 0")
    e = np.exp(-(p + q) * np.asarray(t, dtype=np.float64))
    out = (1.0 - e) / (1.0 + (q / p) * e)
    return float(out) if np.ndim(out) == 0 else out


def bass_peak(p: float, q: float) -> tuple[float, float]:
    """``(t*, F(t*))`` where adoption is fastest: ``ln(q/p)/(p+q)`` and ``(q-p)/(2q)``.

    If ``q <= p`` new adoption is fastest at the start, so the peak is ``(0.0, 0.0)``.
    """
    if p <= 0 or q < 0:
        raise ValueError("need p > 0 and q >= 0")
    if q <= p:
        return 0.0, 0.0
    return float(np.log(q / p) / (p + q)), float((q - p) / (2.0 * q))


def bass_step(N: ArrayLike, M: ArrayLike, p: float, q: float) -> np.ndarray | float:
    """Discrete Bass step ``N + (p + q N / M)(M - N)`` (adopters N out of market M)."""
    n = np.asarray(N, dtype=np.float64)
    m = np.asarray(M, dtype=np.float64)
    out = n + (p + q * n / m) * (m - n)
    return float(out) if np.ndim(out) == 0 else out


def bass_media_step(
    F: ArrayLike,
    p: ArrayLike,
    q: ArrayLike,
    mu: ArrayLike,
    media: ArrayLike,
    dt: float = 1.0,
) -> np.ndarray:
    """Advance ``dF/dt = (p + qF)(1 - F) - mu * M * F`` by ``dt``, exactly for constant M.

    Integration scheme: over the step the right side is the quadratic
    ``p + b F - q F^2`` with ``b = q - p - mu M`` and constant coefficients, so the step is
    solved in closed form. Let ``s = sqrt(b^2 + 4 p q)`` and ``r1 = (b + s) / (2 q)`` its root
    in [0, 1] (computed as ``2 p / (s - b)`` when b < 0, which also covers q = 0). The gap
    ``D = F - r1`` obeys the Bernoulli equation ``D' = -s D - q D^2``, whose solution is
    ``D(dt) = s D0 E / (s + q D0 (1 - E))`` with ``E = e^{-s dt}``; the denominator is
    evaluated as ``-q r2 + q r1 E + q F (1 - E)``, a sum of non-negative terms, so it never
    cancels (and ``F / (1 + q F dt)`` is the s = 0 double-root limit). The step is exact,
    unconditionally stable, and keeps [0, 1] invariant (F' >= 0 at 0, <= 0 at 1); the
    result is clipped to [0, 1] against rounding. With ``mu = 0`` it reproduces ``bass_F``
    exactly. All arguments broadcast.
    """
    f, p_, q_, mu_, m_ = np.broadcast_arrays(*(np.asarray(a, dtype=np.float64) for a in (F, p, q, mu, media)))
    if np.any((f < 0) | (f > 1)):
        raise ValueError("F must lie in [0, 1]")
    if np.any(p_ < 0) or np.any(q_ < 0) or np.any(mu_ < 0) or np.any(m_ < 0) or dt < 0:
        raise ValueError("p, q, mu, media and dt must be non-negative")
    b = q_ - p_ - mu_ * m_
    s = np.sqrt(b * b + 4.0 * p_ * q_)
    pos = b >= 0
    # r1 and c = -q * r2 >= 0 (r2 the other root), each in its cancellation-free form.
    r1 = np.zeros_like(f)
    np.divide(b + s, 2.0 * q_, out=r1, where=pos & (q_ > 0))
    np.divide(2.0 * p_, s - b, out=r1, where=~pos)
    r1 = np.clip(r1, 0.0, 1.0)
    c = np.array(0.5 * (s - b), dtype=np.float64)
    np.divide(2.0 * p_ * q_, b + s, out=c, where=pos & (b + s > 0))
    c = np.where(pos & (b + s <= 0), 0.0, c)
    decay = np.exp(-s * dt)
    one_minus = -np.expm1(-s * dt)
    d0 = f - r1
    # s + q D0 (1 - E), rewritten as a sum of non-negative terms so it never cancels.
    den = c + q_ * r1 * decay + q_ * f * one_minus
    gap = np.zeros_like(f)
    bern = (s > 0) & (den > 0)
    np.divide(s * d0 * decay, den, out=gap, where=bern)
    # Double root (s == 0, so r1 == 0 and D0 == F >= 0): F / (1 + q F dt).
    dbl = s <= 0
    gap = np.where(dbl, d0 / (1.0 + q_ * np.where(dbl, d0, 0.0) * dt), gap)
    # den == 0 with s > 0 only at the fixed point F = 0 when p = 0 (and exp underflows).
    out = np.where(bern | dbl, r1 + gap, f)
    return np.clip(out, 0.0, 1.0)


def bass_media_scalar(f: float, p: float, q: float, mu: float, media: float, dt: float) -> float:
    """`bass_media_step` for one float (the same closed form, without numpy's overhead: the
    simulation takes this step many times a turn)."""
    if not (0.0 <= f <= 1.0) or min(p, q, mu, media, dt) < 0:
        raise ValueError("F must lie in [0, 1]; p, q, mu, media and dt non-negative")
    b = q - p - mu * media
    s = math.sqrt(b * b + 4.0 * p * q)
    if b >= 0:
        r1 = (b + s) / (2.0 * q) if q > 0 else 0.0
        c = 2.0 * p * q / (b + s) if b + s > 0 else 0.0
    else:
        r1 = 2.0 * p / (s - b)
        c = 0.5 * (s - b)
    r1 = min(1.0, max(0.0, r1))
    decay = math.exp(-s * dt)
    one_minus = -math.expm1(-s * dt)
    d0 = f - r1
    den = c + q * r1 * decay + q * f * one_minus
    if s > 0 and den > 0:
        out = r1 + s * d0 * decay / den
    elif s <= 0:
        out = r1 + d0 / (1.0 + q * d0 * dt)
    else:
        out = f
    return min(1.0, max(0.0, out))


def granovetter(thresholds: ArrayLike) -> int:
    """How many people end up adopting when person i joins once ``thresholds[i]`` others have.

    Thresholds are counts of people. Starting from nobody, each round everyone whose
    threshold is at most the current number of adopters joins, until nothing changes. With
    thresholds sorted ascending the cascade stops at the first k with ``theta_(k) > k``
    (k = 0, 1, ...), which is computed directly. A threshold within 1e-9 of a count counts as
    met, so thresholds scaled from population shares are not lost to rounding.
    """
    th = np.sort(np.asarray(thresholds, dtype=np.float64).ravel())
    if np.any(np.isnan(th)):
        raise ValueError("thresholds must not be NaN")
    blocked = np.nonzero(th > np.arange(th.size) + _COUNT_TOL)[0]
    return int(blocked[0]) if blocked.size else int(th.size)


def granovetter_share(threshold_shares: ArrayLike) -> float:
    """Final adopting share when thresholds are given as shares of the population."""
    th = np.asarray(threshold_shares, dtype=np.float64).ravel()
    if th.size == 0:
        return 0.0
    return granovetter(th * th.size) / th.size


def campaign_success_probability(
    peak_share: ArrayLike, k: float = 2.0, threshold: float = CHENOWETH_SHARE
) -> np.ndarray | float:
    """``sigmoid(k (ln peak_share - ln 0.035))``: 1/2 at 3.5% peak participation [D].

    Chenoweth's 3.5% rule (NAVCO, 323 campaigns 1900-2006) concerns *peak* participation,
    and her 2020 update says it is a tendency, not a guarantee (Chenoweth, "Questions,
    Answers, and Some Cautionary Updates Regarding the 3.5% Rule", Carr Center Discussion
    Paper 2020-005, Harvard Kennedy School) [P]; hence a smooth probability. With
    k = 2 a campaign at 1% succeeds 7.6% of the time, at 10% 89%. A share of 0 gives 0.
    """
    s = np.asarray(peak_share, dtype=np.float64)
    if np.any(s < 0) or np.any(s > 1):
        raise ValueError("peak_share must lie in [0, 1]")
    with np.errstate(divide="ignore"):
        z = k * (np.log(s) - np.log(threshold))
    out = np.where(s > 0, 0.5 * (1.0 + np.tanh(0.5 * z)), 0.0)
    return float(out) if np.ndim(out) == 0 else out
