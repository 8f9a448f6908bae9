"""Balanced job complexes (economics.md section 4).

Tasks are rated for empowerment E (and desirability D) on a 1-20 scale (Albert, quoted at
participatoryeconomy.org/towards-an-improved-process-for-balancing-jobs/) [P]. A worker's job
complex is the hours-weighted mean rating of the tasks they do; the balance score and the
balancing fraction are derivations [D].
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

RATING_MIN = 1.0
RATING_MAX = 20.0
RATING_SPAN = RATING_MAX - RATING_MIN


def job_complex_ratings(hours: ArrayLike, task_ratings: ArrayLike, empty: float = np.nan) -> np.ndarray:
    """Per-worker ``E_i = sum_t h_it E_t / sum_t h_it`` (works for desirability too).

    ``hours`` is ``(workers, tasks)``, ``task_ratings`` is ``(tasks,)``. A worker with no
    hours has no job complex and gets ``empty`` (NaN by default).
    """
    h = np.asarray(hours, dtype=np.float64)
    e = np.asarray(task_ratings, dtype=np.float64)
    if h.ndim != 2 or e.ndim != 1 or h.shape[1] != e.shape[0]:
        raise ValueError(f"hours must be (workers, tasks) matching ratings {e.shape}")
    if np.any(h < 0) or not np.all(np.isfinite(h)):
        raise ValueError("hours must be finite and non-negative")
    total = h.sum(axis=1)
    worked = total > 0
    # Normalise hours to time shares first, so tiny or huge hour counts lose no precision.
    shares = np.divide(h, total[:, None], out=np.zeros_like(h), where=worked[:, None])
    return np.where(worked, shares @ e, float(empty))


def workplace_mean_rating(hours: ArrayLike, task_ratings: ArrayLike) -> float:
    """Hours-weighted mean rating of all the work done in a workplace (NaN if no hours)."""
    h = np.asarray(hours, dtype=np.float64)
    e = np.asarray(task_ratings, dtype=np.float64)
    total = float(h.sum())
    if total <= 0:
        return float("nan")
    return float((h @ e).sum() / total)


def balance_score(E: ArrayLike, span: float = RATING_SPAN) -> float:
    """``1 - (max E - min E) / 19`` clipped to [0, 1]: 1 means every job complex is equal.

    NaN entries (workers without hours) are ignored; ``span`` is the scale's width (19 for
    ratings 1-20).
    """
    arr = np.asarray(E, dtype=np.float64).ravel()
    arr = arr[~np.isnan(arr)]
    if arr.size == 0:
        raise ValueError("balance_score needs at least one rated job complex")
    score = 1.0 - (float(arr.max()) - float(arr.min())) / span
    return min(1.0, max(0.0, score))


def balancing_fractions(e_econ: ArrayLike, e_wp: ArrayLike, e_other: ArrayLike) -> np.ndarray:
    """Vectorised ``f = (E_econ - E_wp) / (E_other - E_wp)`` clipped to [0, 1].

    Solves ``f * E_other + (1 - f) * E_wp = E_econ``: the share of their time the workers of
    a low-empowerment workplace spend in more empowering work elsewhere. A workplace at or
    above the economy's mean needs no time elsewhere (0); if the work elsewhere is no more
    empowering than at home, time elsewhere cannot help either (0).
    """
    econ, wp, other = np.broadcast_arrays(
        np.asarray(e_econ, dtype=np.float64),
        np.asarray(e_wp, dtype=np.float64),
        np.asarray(e_other, dtype=np.float64),
    )
    num = econ - wp
    den = other - wp
    ok = (num > 0) & (den > 0)
    f = np.divide(num, den, out=np.zeros(num.shape), where=ok)
    return np.clip(f, 0.0, 1.0)


def balancing_fraction(e_econ: ArrayLike, e_wp: ArrayLike, e_other: ArrayLike) -> float:
    """``(mean E_econ - mean E_wp) / (mean E_other - mean E_wp)`` clipped to [0, 1].

    Each argument may be a scalar or an array of job-complex ratings (its mean is used).
    See ``balancing_fractions`` for the meaning and the edge cases.
    """
    means = [float(np.nanmean(np.asarray(x, dtype=np.float64))) for x in (e_econ, e_wp, e_other)]
    return float(balancing_fractions(*means))
