"""The scores charts' threshold labels (the participation thresholds, the goals): whole where
they fit, the short and then the tiny labels on a narrow chart, never past the plot (the
debrief's scores tab at 200% once ran 'participation 3.5 (Chenoweth)' over the legend)."""

from __future__ import annotations

from typing import Any

import pygame
import pytest

from game.ui.widgets.charts import LineChart, Series, Threshold


def _drawn(
    ctx: Any, width: int, monkeypatch: pytest.MonkeyPatch
) -> list[tuple[str, pygame.Rect, pygame.Rect]]:
    """The labels a chart `width` pixels wide draws: (text, its box, the plot)."""
    found: list[tuple[str, pygame.Rect, pygame.Rect]] = []
    spot = LineChart._label_spot

    def spy(self: LineChart, text: str, th: Threshold, ymap: Any, plot: pygame.Rect, placed: Any) -> Any:
        box, lbl = spot(self, text, th, ymap, plot, placed)
        if box is not None:
            found.append((text, box, plot))
        return box, lbl

    places = LineChart._label_places

    def keep(self: LineChart, shown: Any, ymap: Any, plot: pygame.Rect) -> Any:
        found.clear()
        out = places(self, shown, ymap, plot)
        found[:] = [f for f in found if any(f[1] is b for b, _ in out)]  # the kind it kept
        return out

    monkeypatch.setattr(LineChart, "_label_spot", spy)
    monkeypatch.setattr(LineChart, "_label_places", keep)
    series = [Series("support", "Support", [30, 32, 40, 45], (200, 100, 150))]
    lines = [
        Threshold(3.5, "participation 3.5 (Chenoweth)", short="Chenoweth 3.5", tiny="3.5"),
        Threshold(25, "25% committed (Centola)", short="Centola 25", tiny="25"),
    ]
    chart = LineChart(
        ctx, pygame.Rect(0, 0, width, 260 * ctx.scale), series, y_range=(0, 100), thresholds=lines
    )
    chart.render()
    return list(found)


def test_labels_are_whole_where_they_fit_and_shorter_on_a_narrow_chart(
    ctx: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    wide = _drawn(ctx, round(700 * ctx.scale), monkeypatch)
    assert sorted(t for t, _, _ in wide) == ["25% committed (Centola)", "participation 3.5 (Chenoweth)"]
    narrow = _drawn(ctx, round(250 * ctx.scale), monkeypatch)
    assert len(narrow) == 2 and all(t in ("Chenoweth 3.5", "Centola 25", "3.5", "25") for t, _, _ in narrow)
    for text, box, plot in wide + narrow:
        assert plot.left <= box.left and box.right <= plot.right, text
