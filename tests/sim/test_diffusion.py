"""Bass diffusion, media attack, Granovetter thresholds: validation cases 21 and 22."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from game.sim.diffusion import (
    bass_F,
    bass_media_step,
    bass_peak,
    bass_step,
    campaign_success_probability,
    granovetter,
    granovetter_share,
)

P, Q = 0.03, 0.38


def test_case_21_closed_form():
    t_star, f_star = bass_peak(P, Q)
    assert round(t_star, 3) == 6.193
    assert round(f_star, 4) == 0.4605
    assert round(bass_F(t_star, P, Q), 4) == 0.4605
    assert round(bass_F(5, P, Q), 4) == 0.3312
    assert round(bass_F(10, P, Q), 4) == 0.8128
    assert bass_F(0, P, Q) == 0.0


def test_case_21_discrete():
    n = 0.0
    seen = []
    for _ in range(3):
        n = bass_step(n, 1000, P, Q)
        seen.append(round(n, 1))
    assert seen == [30.0, 70.2, 122.8]


def test_peak_is_where_adoption_is_fastest():
    t_star, _ = bass_peak(P, Q)
    t = np.linspace(0, 20, 20001)
    rate = np.gradient(bass_F(t, P, Q), t)
    assert t[np.argmax(rate)] == pytest.approx(t_star, abs=2e-3)
    assert bass_peak(0.3, 0.2) == (0.0, 0.0)


def test_media_step_without_media_is_exact_bass():
    f = 0.0
    for k in range(1, 11):
        f = float(bass_media_step(f, P, Q, 0.0, 0.0))
        assert f == pytest.approx(bass_F(k, P, Q), abs=1e-12)


def _rk4(f, p, q, mu, m, dt, steps=4000):
    h = dt / steps
    g = lambda x: (p + q * x) * (1 - x) - mu * m * x  # noqa: E731
    for _ in range(steps):
        k1 = g(f)
        k2 = g(f + h * k1 / 2)
        k3 = g(f + h * k2 / 2)
        k4 = g(f + h * k3)
        f += h * (k1 + 2 * k2 + 2 * k3 + k4) / 6
    return f


@pytest.mark.parametrize(
    "f,p,q,mu,m,dt",
    [
        (0.2, 0.03, 0.38, 0.5, 0.4, 1.0),
        (0.9, 0.03, 0.38, 1.0, 1.0, 3.0),
        (0.0, 0.03, 0.38, 0.2, 0.3, 2.0),
        (0.5, 0.0, 0.38, 0.5, 0.5, 1.0),
        (0.5, 0.0, 0.2, 0.5, 0.4, 1.0),  # double root: q == mu*M, p == 0
        (0.4, 0.05, 0.0, 0.3, 1.0, 2.0),  # q == 0: linear
        (0.4, 0.0, 0.0, 0.0, 0.0, 2.0),
        (0.0, 1.0, 1e-300, 0.0, 0.0, 1.0),  # tiny q: no overflow
        (0.7, 0.0, 0.0, 0.5, 2.0, 1.0),  # media only: exponential decay
    ],
)
def test_media_step_matches_numerical_integration(f, p, q, mu, m, dt):
    got = float(bass_media_step(f, p, q, mu, m, dt))
    assert got == pytest.approx(_rk4(f, p, q, mu, m, dt), abs=1e-9)


def test_media_step_vectorised():
    f = np.array([0.0, 0.3, 0.9])
    got = bass_media_step(f, P, Q, 0.4, np.array([0.0, 0.5, 1.0]))
    for i in range(3):
        assert got[i] == pytest.approx(float(bass_media_step(f[i], P, Q, 0.4, [0.0, 0.5, 1.0][i])), abs=1e-15)
    # Heavy media pushes awareness down.
    assert got[2] < 0.9


@settings(deadline=None)
@given(
    hnp.arrays(np.float64, st.integers(1, 20), elements=st.floats(0, 1)),
    st.floats(0, 1),
    st.floats(0, 2),
    st.floats(0, 5),
    st.floats(0, 5),
    st.floats(0, 50),
)
def test_media_step_stays_in_unit_interval(f, p, q, mu, media, dt):
    out = bass_media_step(f, p, q, mu, media, dt)
    assert out.shape == f.shape
    assert np.all(np.isfinite(out))
    assert np.all((out >= 0) & (out <= 1))


def _granovetter_iterate(th):
    n = 0
    while True:
        nxt = int(np.sum(np.asarray(th) <= n + 1e-9))
        if nxt == n:
            return n
        n = nxt


def test_case_22_granovetter():
    th = np.arange(100)
    assert granovetter(th) == 100
    th[1] = 2
    assert granovetter(th) == 1
    assert granovetter([]) == 0
    assert granovetter([1, 1, 1]) == 0
    assert granovetter_share(np.arange(100) / 100) == 1.0


@settings(deadline=None)
@given(hnp.arrays(np.float64, st.integers(0, 40), elements=st.floats(0, 45)))
def test_granovetter_matches_iteration(th):
    assert granovetter(th) == _granovetter_iterate(th)


def test_campaign_success_probability():
    assert campaign_success_probability(0.035) == pytest.approx(0.5)
    assert campaign_success_probability(0.0) == 0.0
    assert round(campaign_success_probability(0.01), 3) == 0.075
    assert round(campaign_success_probability(0.10), 3) == 0.891
    p = campaign_success_probability(np.array([0.001, 0.01, 0.035, 0.1, 0.25]))
    assert np.all(np.diff(p) > 0)
    with pytest.raises(ValueError):
        campaign_success_probability(1.5)
