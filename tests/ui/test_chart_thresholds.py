"""The scores charts' threshold labels (the participation thresholds, the goals): whole where
they fit, the short and then the tiny labels on a narrow chart, never past the plot (the
debrief's scores tab at 200% once ran 'participation 3.5 (Chenoweth)' over the legend)."""

from __future__ import annotations

from typing import Any

import pygame
import pytest

from game.ui.widgets import chart_labels, charts
from game.ui.widgets.charts import LineChart, Series, Threshold


def _drawn(
    ctx: Any, width: int, monkeypatch: pytest.MonkeyPatch
) -> list[tuple[str, pygame.Rect, pygame.Rect]]:
    """The labels a chart `width` pixels wide draws: (text, its box, the plot)."""
    found: list[tuple[str, pygame.Rect, pygame.Rect]] = []
    spot = chart_labels.label_spot

    def spy(
        ctx_: Any, thresholds: Any, text: str, th: Threshold, ymap: Any, plot: pygame.Rect, *rest: Any
    ) -> Any:
        box, lbl = spot(ctx_, thresholds, text, th, ymap, plot, *rest)
        if box is not None:
            found.append((text, box, plot))
        return box, lbl

    places = chart_labels.label_places

    def keep(*args: Any) -> Any:
        found.clear()
        out = places(*args)
        found[:] = [f for f in found if any(f[1] is b for b, _ in out)]  # the kind it kept
        return out

    monkeypatch.setattr(chart_labels, "label_spot", spy)
    monkeypatch.setattr(charts, "label_places", keep)
    series = [Series("support", "Support", [30, 32, 40, 45], (200, 100, 150))]
    lines = [
        Threshold(3.5, "participation 3.5 (Chenoweth)", short="participation 3.5", tiny="3.5 active"),
        Threshold(25, "25% committed (Centola)", short="25% committed"),
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
    assert len(narrow) == 2 and all(
        t in ("participation 3.5", "25% committed", "3.5 active") for t, _, _ in narrow
    ), narrow
    for text, box, plot in wide + narrow:
        assert plot.left <= box.left and box.right <= plot.right, text


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_debrief_chart_at_200_labels_its_lines_in_words(
    make_app: Any, lang: str, size: tuple[int, int]
) -> None:
    """The debrief's scores chart at 200%: both participation lines labelled, each label a
    phrase (a word beside the figure), never a bare number."""
    import re
    import tempfile
    from pathlib import Path

    from game.settings import Settings
    from game.ui.layout_check import record
    from game.ui.layout_run import show

    app = make_app(Settings(ui_scale=200, language=lang), size=size)
    show(app, Path(tempfile.mkdtemp()), "debrief", "land_commons")
    top = app.top
    if "scores" in [w.key[4:] for w in top.widgets if (w.key or "").startswith("tab:")]:
        top.tab = "scores"
        top.rebuild()
    app.step([], 1 / 60)
    chart = next(w for w in top.widgets if isinstance(w, LineChart))
    drawn = {box.text for box in record(app)[0]}
    assert len(chart.thresholds) >= 2
    for th in chart.thresholds:
        shown = [t for t in (th.label, th.short, th.tiny) if t and t in drawn]
        assert shown, (th.label, sorted(drawn))  # every line labelled on the screen
        assert re.search(r"[^\W\d_]{4,}", shown[0]), shown  # a word, not only a figure


def test_a_label_keeps_off_the_data_lines_where_it_can(ctx: Any) -> None:
    """A label's backing hides what lies under it: on the land level's debrief the 3.5 label
    once cut the support line in two, rising from 3 to 12 under it, while the right of the
    plot was free. The spot chosen cuts no data line when one such spot exists."""
    plot = pygame.Rect(0, 0, round(600 * ctx.scale), round(300 * ctx.scale))

    def ymap(v: float) -> float:
        return plot.bottom - v / 100 * plot.height

    rising = [
        (plot.x + i * plot.width / 9, ymap(v)) for i, v in enumerate([3, 5, 8, 12, 12, 17, 22, 30, 22, 30])
    ]
    segments = list(zip(rising, rising[1:], strict=False))
    line = Threshold(3.5, "participation 3.5 (Chenoweth)")
    box, _ = chart_labels.label_spot(ctx, [line], line.label, line, ymap, plot, [], segments)
    assert box is not None
    assert not any(box.clipline(a, b) for a, b in segments), box
    free, _ = chart_labels.label_spot(ctx, [line], line.label, line, ymap, plot, [])
    assert free is not None and any(free.clipline(a, b) for a, b in segments), "the old spot cut it"
