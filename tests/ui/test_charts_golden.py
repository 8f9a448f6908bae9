"""Golden images for the charts (the only pictures compared pixel by pixel): fixed data,
100% scale, standard font. UPDATE_GOLDEN=1 rewrites tests/golden/*.png."""

from __future__ import annotations

import pygame

from game.ui.context import UIContext
from game.ui.widgets.charts import BarChart, LineChart, Threshold, styled_series
from tests.ui.conftest import compare_golden


def test_line_chart_golden():
    ctx = UIContext.create(scale=1.0)
    series = styled_series(
        [
            ("equity", "Equity", [40, 42, 45, 44, 50, 55, 58, 61, 60, 64], "equity"),
            (
                "participation",
                "Participation",
                [30, 35, 37, 43, 47, 46, 52, 57, 59, 62],
                "participation",
            ),
            ("resilience", "Resilience", [60, 58, 55, 57, 59, 62, 64, 63, 61, 66], "resilience"),
            ("support", "Support", [50, 52, None, 49, 53, 56, 60, 66, 70, 68], "support"),
        ],
        ctx.colours,
    )
    chart = LineChart(
        ctx,
        pygame.Rect(0, 0, 640, 360),
        series,
        title="Scores over time",
        thresholds=[Threshold(60, "Goal: 60")],
    )
    surf = pygame.Surface((640, 360))
    chart.rect.topleft = (0, 0)
    chart.draw(surf)
    compare_golden(surf, "line_chart")


def test_bar_chart_golden():
    ctx = UIContext.create(scale=1.0)
    chart = BarChart(
        ctx,
        pygame.Rect(0, 0, 640, 360),
        ["Bread", "Housing", "Transport", "Care", "Steel", "Clothing"],
        [0.012, -0.043, 0.081, -0.162, 0.38, 0.0],
        title="Excess demand per good",
        subtitle="Round 4",
    )
    surf = pygame.Surface((640, 360))
    chart.draw(surf)
    compare_golden(surf, "bar_chart")
