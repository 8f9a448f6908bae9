"""Pay for effort and sacrifice: validation case 19 and properties."""

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from game.sim.pay import (
    capped_ratings_grouped,
    consumption_approved,
    effort_pay,
    effort_pay_grouped,
    pay_effort_gap,
)


def test_case_19_incomes_and_rescaling():
    res = effort_pay(100_000, [40, 40, 30], [1.0, 1.2, 0.9])
    assert np.round(res.incomes, 1).tolist() == [34782.6, 41739.1, 23478.3]
    assert round(res.mean_rating, 4) == 1.0455
    assert res.rescaled
    assert np.round(res.ratings, 4).tolist() == [0.9565, 1.1478, 0.8609]


def test_no_rescale_under_cap_and_cap_at_sbsc():
    res = effort_pay(1000, [10, 10], [0.8, 1.0])
    assert not res.rescaled
    assert res.ratings.tolist() == [0.8, 1.0]
    assert res.mean_rating == pytest.approx(0.9)
    # A council whose SB/SC ratio is 1.2 may keep a mean of 1.0455 unscaled.
    res = effort_pay(100_000, [40, 40, 30], [1.0, 1.2, 0.9], cap=1.2)
    assert not res.rescaled


def test_no_rated_effort_pays_nothing():
    res = effort_pay(500, [0, 0], [1, 1])
    assert res.incomes.tolist() == [0.0, 0.0]
    assert res.mean_rating == 0.0


def test_bad_inputs_rejected():
    with pytest.raises(ValueError):
        effort_pay(100, [1, -1], [1, 1])
    with pytest.raises(ValueError):
        effort_pay(100, [1, 1], [1])
    with pytest.raises(ValueError):
        effort_pay(100, [1], [1], cap=0)


workers = st.integers(1, 12).flatmap(
    lambda n: st.tuples(
        hnp.arrays(np.float64, n, elements=st.floats(0, 60)),
        hnp.arrays(np.float64, n, elements=st.floats(0, 3)),
    )
)


@settings(deadline=None)
@given(workers, st.one_of(st.just(0.0), st.floats(1e-6, 1e7)), st.floats(0.1, 3))
def test_pay_properties(hr, pool, cap):
    h, r = hr
    assume((h * r).sum() > 1e-6)
    res = effort_pay(pool, h, r, cap)
    assert np.all(res.incomes >= 0)
    assert res.incomes.sum() == pytest.approx(pool, rel=1e-9, abs=1e-6)
    weighted_mean = (h * res.ratings).sum() / h.sum()
    assert weighted_mean <= cap * (1 + 1e-9)
    # Proportional to h*r (the original ratings: a rescale does not move shares).
    expected = pool * h * r / (h * r).sum()
    np.testing.assert_allclose(res.incomes, expected, rtol=1e-9, atol=1e-6)
    assert pay_effort_gap(res.incomes, h, r) == pytest.approx(0.0, abs=1e-9)


@settings(deadline=None)
@given(
    st.integers(1, 6).flatmap(
        lambda k: st.tuples(
            st.just(k),
            hnp.arrays(np.float64, k, elements=st.floats(0, 1e6)),
            hnp.arrays(np.float64, k, elements=st.floats(0.2, 2)),
            st.lists(st.integers(0, k - 1), min_size=1, max_size=30),
        )
    ),
    st.data(),
)
def test_grouped_matches_per_council(args, data):
    k, pools, caps, council = args
    council = np.array(council)
    n = council.size
    h = data.draw(hnp.arrays(np.float64, n, elements=st.floats(0, 50)))
    r = data.draw(hnp.arrays(np.float64, n, elements=st.floats(0, 3)))
    got = effort_pay_grouped(pools, council, h, r, caps)
    ratings, means = capped_ratings_grouped(council, h, r, caps, n_councils=k)
    for c in range(k):
        sel = council == c
        one = effort_pay(pools[c], h[sel], r[sel], caps[c])
        np.testing.assert_allclose(got[sel], one.incomes, rtol=1e-9, atol=1e-6)
        np.testing.assert_allclose(ratings[sel], one.ratings, rtol=1e-12)
        assert means[c] == pytest.approx(one.mean_rating, rel=1e-12)


def test_grouped_case_19_with_scalar_cap():
    inc = effort_pay_grouped(
        np.array([100_000.0, 60.0]),
        np.array([0, 1, 0, 0, 1]),
        [40, 5, 40, 30, 10],
        [1.0, 1.0, 1.2, 0.9, 1.0],
    )
    assert np.round(inc, 1).tolist() == [34782.6, 20.0, 41739.1, 23478.3, 40.0]


def test_pay_effort_gap_values():
    h = np.array([10.0, 10.0])
    r = np.array([1.0, 1.0])
    assert pay_effort_gap([50, 50], h, r) == 0.0
    assert pay_effort_gap([100, 0], h, r) == pytest.approx(0.5)
    assert pay_effort_gap([75, 25], h, r) == pytest.approx(0.25)
    assert pay_effort_gap([0, 0], h, r) == 0.0
    assert pay_effort_gap([1, 0], [0, 0], r) == 1.0


@settings(deadline=None)
@given(
    st.integers(1, 8).flatmap(
        lambda n: st.tuples(*(hnp.arrays(np.float64, n, elements=st.floats(0, 100)) for _ in range(3)))
    )
)
def test_pay_effort_gap_in_unit_interval(arrs):
    inc, h, r = arrs
    assert 0.0 <= pay_effort_gap(inc, h, r) <= 1.0


def test_consumption_approved():
    prices = np.array([2.0, 5.0])
    assert consumption_approved(prices, [10, 4], 40.0) is True
    assert consumption_approved(prices, [10, 4.2], 40.0) is False
    assert consumption_approved(prices, [10, 4.2], 40.0, need_allowance=1.0) is True
    out = consumption_approved(
        prices, [[10, 4], [10, 6], [0, 0]], [40.0, 45.0, 0.0], need_allowance=[0.0, 5.0, 0.0]
    )
    assert out.tolist() == [True, True, True]
    out = consumption_approved(prices, [[10, 4], [10, 6]], 40.0)
    assert out.tolist() == [True, False]
    with pytest.raises(ValueError):
        consumption_approved(prices, [1, 2, 3], 10.0)
