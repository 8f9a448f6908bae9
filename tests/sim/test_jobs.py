"""Balanced job complexes: validation case 20 and edge cases."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from game.sim.jobs import (
    balance_score,
    balancing_fraction,
    balancing_fractions,
    job_complex_ratings,
    workplace_mean_rating,
)

TASKS = np.array([18.0, 14.0, 8.0, 4.0])


def test_case_20_one_task_each():
    hours = np.eye(4) * 10.0
    e = job_complex_ratings(hours, TASKS)
    assert e.tolist() == [18.0, 14.0, 8.0, 4.0]
    assert e.max() - e.min() == 14.0
    assert balance_score(e) == pytest.approx(1 - 14 / 19)
    assert round(balance_score(e), 4) == 0.2632
    assert workplace_mean_rating(hours, TASKS) == 11.0


def test_case_20_balanced():
    hours = np.full((4, 4), 2.5)
    e = job_complex_ratings(hours, TASKS)
    assert e.tolist() == [11.0, 11.0, 11.0, 11.0]
    assert balance_score(e) == 1.0
    assert workplace_mean_rating(hours, TASKS) == 11.0


def test_worker_without_hours_is_ignored():
    hours = np.array([[10.0, 0, 0, 0], [0, 0, 0, 0], [0, 10.0, 0, 0]])
    e = job_complex_ratings(hours, TASKS)
    assert np.isnan(e[1])
    assert balance_score(e) == pytest.approx(1 - 4 / 19)
    assert job_complex_ratings(hours, TASKS, empty=0.0)[1] == 0.0
    with pytest.raises(ValueError):
        balance_score([np.nan])


def test_balance_score_clipped():
    assert balance_score([1.0, 20.0]) == 0.0
    assert balance_score([0.0, 25.0]) == 0.0


def test_balancing_fraction():
    # Economy mean 11, this workplace 6, elsewhere 16: half the time elsewhere.
    assert balancing_fraction(11.0, 6.0, 16.0) == pytest.approx(0.5)
    assert balancing_fraction([10.0, 12.0], [6.0], [14.0, 18.0]) == pytest.approx(0.5)
    assert balancing_fraction(11.0, 12.0, 16.0) == 0.0  # already above the mean
    assert balancing_fraction(11.0, 6.0, 6.0) == 0.0  # elsewhere is no better
    assert balancing_fraction(11.0, 6.0, 8.0) == 1.0  # cannot reach the mean: all time
    np.testing.assert_allclose(
        balancing_fractions(11.0, [6.0, 8.0, 12.0], [16.0, 14.0, 16.0]), [0.5, 0.5, 0.0]
    )


@settings(deadline=None)
@given(
    st.integers(1, 6).flatmap(
        lambda t: st.tuples(
            hnp.arrays(np.float64, (5, t), elements=st.floats(0, 40)),
            hnp.arrays(np.float64, t, elements=st.floats(1, 20)),
        )
    )
)
def test_job_complex_within_task_range(args):
    hours, tasks = args
    e = job_complex_ratings(hours, tasks)
    done = hours.sum(axis=1) > 0
    assert np.all(e[done] >= tasks.min() - 1e-9)
    assert np.all(e[done] <= tasks.max() + 1e-9)
    if done.any():
        assert 0.0 <= balance_score(e) <= 1.0
