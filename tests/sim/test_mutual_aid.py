"""Corn model (validation cases 15-18) and the mutual aid association rule."""

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from game.sim.mutual_aid import (
    BORROWER_RESERVATION_RATE,
    association_days,
    association_transfer,
    autarky_days,
    borrower_demand,
    coop_days,
    lender_supply,
    market_clearing_rate,
    market_days,
    worked_example_days,
)


def test_case_15_autarky():
    days = autarky_days([10, 10], [20, 0])
    assert days.tolist() == [1.0, 6.0]
    assert float((np.array([10, 10]) * days).sum()) == 70.0
    # Partial seed mixes techniques: 5 of 10 by CIT (5 days) and 5 by LIT (30 days).
    assert float(autarky_days(10, 5)) == 3.5


def test_case_16_association():
    out = association_days(10, 20, 10, 0, theta=0.5)
    assert out.rate == 0.25
    assert round(out.days_a, 3) == 0.667
    assert round(out.days_b, 3) == 1.333
    assert out.total_days == pytest.approx(20.0)


def test_case_17_market():
    assert market_clearing_rate(10, 20, 10) == 0.5
    out = market_days(10, 20, 10)
    assert out.rate == 0.5
    assert out.days_a == 0.0
    assert out.days_b == 2.0
    assert out.total_days == 20.0


def test_case_18_abcs_credit_market():
    assert BORROWER_RESERVATION_RATE == pytest.approx(5 / 6)
    r = market_clearing_rate(100, 500, 900)
    assert r == pytest.approx(5 / 6)
    out = market_days(100, 500, 900)
    assert out.loan == 500.0
    assert out.days_b == pytest.approx(6.0)  # the seedless still work 6 days
    assert out.days_a == 0.0
    # Inside an association at half the market rate the seedless work 4.61 days, not 6.
    assoc = association_days(100, 500, 900, theta=0.5)
    assert assoc.rate == pytest.approx(5 / 12)
    assert assoc.days_b == pytest.approx((500 + 6 * (900 + 500 * 5 / 12 - 500)) / 900)
    assert round(assoc.days_b, 2) == 4.61


def test_abundant_capital_clears_at_zero():
    assert market_clearing_rate(10, 40, 10) == 0.0
    out = market_days(10, 40, 10)
    assert (out.days_a, out.days_b, out.total_days) == (1.0, 1.0, 20.0)


def test_supply_and_demand_curves():
    assert lender_supply(10, 20, 0.25) == pytest.approx(40 / 3)
    assert lender_supply(10, 20, 0.5) == 20.0
    assert lender_supply(10, 10, 0.5) == 0.0
    assert borrower_demand(10, 0, 0.5) == 20.0
    assert borrower_demand(10, 4, 0.25) == 8.0
    assert borrower_demand(10, 0, 0.9) == 0.0
    with pytest.raises(ValueError):
        lender_supply(10, 20, 1.0)


@settings(deadline=None)
@given(st.floats(0, 0.5))
def test_worked_example_closed_form_matches_model(r):
    a, b = worked_example_days(r)
    out = market_days(10, 20, 10, rate=r)
    assert out.days_a == pytest.approx(float(a), abs=1e-9)
    assert out.days_b == pytest.approx(float(b), abs=1e-9)
    assert out.total_days == pytest.approx(20.0)
    assert 10 * float(a) + 10 * float(b) == pytest.approx(20.0)


def test_worked_example_range():
    a, b = worked_example_days([0.0, 0.25, 0.5])
    np.testing.assert_allclose(a, [1.0, 2 / 3, 0.0])
    np.testing.assert_allclose(b, [1.0, 4 / 3, 2.0])
    with pytest.raises(ValueError):
        worked_example_days(0.6)


@settings(deadline=None)
@given(st.floats(0.01, 0.99))
def test_association_beats_autarky_and_market_for_b(theta):
    aut = autarky_days([10, 10], [20, 0])
    mkt = market_days(10, 20, 10)
    assoc = association_days(10, 20, 10, theta=theta)
    assert assoc.days_a < aut[0]  # lenders gain
    assert assoc.days_b < mkt.days_b  # borrowers keep more than under the market
    assert assoc.total_days == pytest.approx(20.0)  # no capital inefficiency


def test_coop_days_rejects_overlending():
    with pytest.raises(ValueError):
        coop_days(10, 5, lent=6, rate=0.1)


coops = st.integers(2, 10).flatmap(
    lambda n: st.tuples(
        hnp.arrays(np.float64, n, elements=st.floats(-100, 1000)),
        hnp.arrays(np.float64, n, elements=st.floats(1, 200)),
        hnp.arrays(np.float64, n, elements=st.one_of(st.just(0.0), st.floats(0.01, 1e4))),
    )
)


@settings(deadline=None)
@given(coops, st.floats(0.01, 0.5), st.floats(0.05, 0.95))
def test_association_transfer_properties(args, market_rate, theta):
    y, m, spare = args
    income, capital = association_transfer(y, m, spare, market_rate, theta)
    lenders = spare > 0
    borrowers = ~lenders
    # Money conserved: income changes sum to zero, capital lent equals capital borrowed.
    assert float((m * (income - y)).sum()) == pytest.approx(0.0, abs=1e-6 * (1 + spare.sum()))
    assert float(capital.sum()) == pytest.approx(0.0, abs=1e-9 * (1 + spare.sum()))
    if borrowers.any():
        # All spare capital is lent: no idle capital.
        np.testing.assert_allclose(capital[lenders], spare[lenders], rtol=1e-12)
        # Lenders strictly gain.
        assert np.all(income[lenders] > y[lenders])
        # Borrowers pay less than they would at the market rate.
        borrowed = -capital[borrowers]
        market_income = y[borrowers] - market_rate * borrowed / m[borrowers]
        got = income[borrowers]
        assert np.all(got >= market_income)
        assert np.all(got[borrowed > 0] > market_income[borrowed > 0])
    else:
        assert np.all(capital == 0)
        np.testing.assert_array_equal(income, y)


@settings(deadline=None)
@given(coops, st.floats(0.01, 0.5), st.floats(0.05, 0.95), st.data())
def test_association_transfer_with_need(args, market_rate, theta, data):
    y, m, spare = args
    need = np.where(
        spare > 0,
        0.0,
        data.draw(hnp.arrays(np.float64, spare.size, elements=st.floats(0, 1e4))),
    )
    assume(need.sum() > 0 or spare.sum() > 0)
    income, capital = association_transfer(y, m, spare, market_rate, theta, capital_need=need)
    assert float(capital.sum()) == pytest.approx(0.0, abs=1e-9 * (1 + spare.sum()))
    assert float((m * (income - y)).sum()) == pytest.approx(0.0, abs=1e-6 * (1 + spare.sum()))
    lent = capital[capital > 0].sum()
    assert lent == pytest.approx(min(spare.sum(), need.sum()), rel=1e-9, abs=1e-9)
    assert np.all(-capital <= need * (1 + 1e-12) + 1e-12)


def test_association_transfer_example():
    y = np.array([100.0, 50.0, 40.0])
    m = np.array([10.0, 10.0, 30.0])
    income, capital = association_transfer(y, m, [1000.0, 0.0, 0.0], 0.10, 0.5)
    np.testing.assert_allclose(capital, [1000.0, -250.0, -750.0])
    # Interest at 5%: lender gets 50 (5/member), borrowers pay 12.5 and 37.5.
    np.testing.assert_allclose(income, [105.0, 48.75, 38.75])
    with pytest.raises(ValueError):
        association_transfer(y, m, [1000.0, 0.0, 0.0], 0.10, 1.0)
    with pytest.raises(ValueError):
        association_transfer(y, m, [1000.0, 0.0, 0.0], 0.10, 0.5, capital_need=[1.0, 0.0, 0.0])
    income, _ = association_transfer(y, m, [1000.0, 0.0, 0.0], 0.10, 0.5, capital_return=0.2)
    np.testing.assert_allclose(income, [105.0, 53.75, 43.75])
