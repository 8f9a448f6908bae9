"""Gini and income shares against hand-computed cases and properties."""

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from game.sim.inequality import gini, income_shares, lorenz_curve


def test_hand_cases():
    assert gini([1, 1, 1, 1]) == 0.0
    assert gini([0, 0, 0, 1]) == 0.75
    assert gini([0, 0, 0, 0]) == 0.0
    # Pairs of (1, 3): sum |xi-xj| over ordered pairs = 2*2 = 4; 4 / (2*4*2) = 0.25.
    assert gini([1, 3]) == pytest.approx(0.25)
    assert gini([0, 1], weights=[3, 1]) == pytest.approx(0.75)
    assert gini([5]) == 0.0
    # Zero-weight groups do not count.
    assert gini([1, 100, 1], weights=[1, 0, 1]) == 0.0


def test_bad_inputs():
    for bad in ([], [-1, 2]):
        with pytest.raises(ValueError):
            gini(bad)
    with pytest.raises(ValueError):
        gini([1, 2], weights=[0, 0])


def _brute(x):
    x = np.asarray(x, dtype=float)
    if x.sum() == 0:
        return 0.0
    return np.abs(x[:, None] - x[None, :]).sum() / (2 * x.size**2 * x.mean())


incomes = hnp.arrays(np.float64, st.integers(1, 30), elements=st.one_of(st.just(0.0), st.floats(1e-3, 1e6)))


@settings(deadline=None)
@given(incomes)
def test_gini_matches_pairwise_definition(x):
    g = gini(x)
    assert 0.0 <= g < 1.0
    assert g == pytest.approx(_brute(x), abs=1e-9)


@settings(deadline=None)
@given(incomes, st.floats(1e-3, 1e3))
def test_gini_scale_invariant(x, k):
    assert gini(x * k) == pytest.approx(gini(x), abs=1e-9)


@settings(deadline=None)
@given(
    st.integers(1, 12).flatmap(
        lambda n: st.tuples(
            hnp.arrays(np.float64, n, elements=st.floats(0, 1e5)),
            hnp.arrays(np.int64, n, elements=st.integers(0, 6)),
        )
    )
)
def test_repetition_equals_weights(args):
    x, w = args
    assume(w.sum() > 0)
    assert gini(x, weights=w) == pytest.approx(gini(np.repeat(x, w)), abs=1e-9)
    np.testing.assert_allclose(income_shares(x, weights=w), income_shares(np.repeat(x, w)), atol=1e-9)


def test_income_shares():
    np.testing.assert_allclose(income_shares([1, 2, 3, 4, 5]), np.arange(1, 6) / 15)
    np.testing.assert_allclose(income_shares([1, 1, 1, 1]), [0.2] * 5)
    # Two groups of equal size, poorer half earns 1, richer 3: halves split 1/4, 3/4.
    np.testing.assert_allclose(income_shares([1, 3], weights=[5, 5], groups=2), [0.25, 0.75])
    np.testing.assert_allclose(income_shares([0, 0]), [0.2] * 5)
    pop, inc = lorenz_curve([0, 0, 0, 1])
    np.testing.assert_allclose(pop, [0, 0.25, 0.5, 0.75, 1])
    np.testing.assert_allclose(inc, [0, 0, 0, 0, 1])


@settings(deadline=None)
@given(incomes, st.integers(1, 10))
def test_income_shares_sum_to_one_and_rise(x, groups):
    s = income_shares(x, groups=groups)
    assert s.sum() == pytest.approx(1.0)
    assert np.all(np.diff(s) >= -1e-9)
