"""Every chart handles any data range and any height: property tests over sizes, UI scales
and ranges (narrow price ranges on short charts once crashed the planning screen)."""

from __future__ import annotations

import math

import pygame
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.ui.widgets.bars import BarChart
from game.ui.widgets.charts import LineChart, Series, Threshold, axis_ticks, nice_step

_CONTEXTS: dict[float, object] = {}


def _ctx(scale: float):
    from game.ui.context import UIContext

    if scale not in _CONTEXTS:
        _CONTEXTS[scale] = UIContext.create(scale=scale)
    return _CONTEXTS[scale]


scales = st.sampled_from([1.0, 1.3, 1.5, 2.0])
sizes = st.tuples(st.integers(1, 1600), st.integers(1, 900))
odd = st.sampled_from([math.nan, math.inf, -math.inf, None, 1e300, -1e300])


@st.composite
def series_values(draw) -> list[float | None]:
    base = draw(st.floats(-1e12, 1e12, allow_nan=False))
    span = draw(st.sampled_from([0.0, 1e-12, 1e-6, 1e-3, 0.01, 0.5, 3.0, 100.0, 1e6, 1e12]))
    n = draw(st.integers(0, 60))
    values: list[float | None] = [base + span * draw(st.floats(0, 1)) for _ in range(n)]
    if values and draw(st.booleans()):
        values[draw(st.integers(0, n - 1))] = draw(odd)
    return values


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scale=scales, size=sizes, data=st.lists(series_values(), min_size=1, max_size=4), goal=st.floats())
def test_line_chart_draws_any_range_at_any_size(scale, size, data, goal) -> None:
    ctx = _ctx(scale)
    series = [Series(f"s{i}", f"series {i}", v, (200, 100, 50)) for i, v in enumerate(data)]
    chart = LineChart(
        ctx, pygame.Rect(0, 0, *size), series, title="Prices", thresholds=[Threshold(goal, "goal")]
    )
    target = pygame.Surface(size)
    chart.draw(target)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    scale=scales,
    size=sizes,
    excess=st.lists(st.one_of(st.floats(-1e6, 1e6), odd.filter(lambda v: v is not None)), max_size=30),
)
def test_bar_chart_draws_any_excess_at_any_size(scale, size, excess) -> None:
    ctx = _ctx(scale)
    chart = BarChart(ctx, pygame.Rect(0, 0, *size), [f"good {i}" for i in range(len(excess))], excess)
    chart.draw(pygame.Surface(size))


@pytest.mark.parametrize("height", range(60, 400, 10))
@pytest.mark.parametrize("span", [1e-4, 1e-3, 0.002, 0.01, 0.03, 0.1, 0.3, 1.0])
def test_narrow_price_ranges_on_short_charts(ctx, height: int, span: float) -> None:
    """The planning screen's price chart: four goods' prices in a narrow band."""
    for base in (0.5, 1.01, 1.37, 2.9):
        series = [
            Series(f"g{k}", f"good {k}", [base + span * (i + k) / 13 for i in range(10)], (200, 100, 50))
            for k in range(4)
        ]
        chart = LineChart(ctx, pygame.Rect(0, 0, 420, height), series, title="Prices, round by round")
        chart.draw(pygame.Surface((420, height)))


@given(lo=st.floats(-1e15, 1e15), width=st.floats(0, 1e15), target=st.integers(1, 8))
def test_axis_ticks_are_bounded_and_never_empty(lo: float, width: float, target: int) -> None:
    hi = lo + width
    step = nice_step(hi - lo, target)
    ticks = axis_ticks(lo, hi, step)
    assert 1 <= len(ticks) <= 41
