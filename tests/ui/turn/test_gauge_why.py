"""A score gauge's tooltip on a short screen (200% in 720 lines, no causes panel under the
gauges): the causes by name, so the tooltip stays inside the window, and Enter or a click
opens every cause whole in a dialog; where the causes panel shows them, the tooltip is whole."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.settings import Settings
from game.ui.layout_check import problems
from game.ui.layout_run import each_view, show
from game.ui.layout_tips import tooltip_problems
from game.ui.widgets.gauge import ScoreGauge


def _scores_tab(make_app: Any, lang: str, scale: int, size: tuple[int, int]) -> Any:
    app = make_app(Settings(ui_scale=scale, language=lang, font="dyslexic"), size=size)
    show(app, Path(tempfile.mkdtemp()), "turn", "land_commons")
    for label, top in each_view(app):
        if label in ("turn:scores", "turn"):
            return app, top
    raise AssertionError("no scores view")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_short_screen_names_the_causes_and_opens_them_whole(make_app: Any, lang: str) -> None:
    app, top = _scores_tab(make_app, lang, 200, (1280, 720))
    assert top.layout.causes is None  # the case: no room for the causes panel
    # the gauge with the most to explain (which score moved most depends on the level's content)
    gauge = max((w for w in top.widgets if isinstance(w, ScoreGauge)), key=lambda w: len(w.explain or ""))
    tip = gauge.tooltip_text()
    assert tip is not None and gauge.on_open is not None
    rect, _lines = app.tooltip_box(tip, gauge.rect)
    assert app.screen.get_rect().contains(rect), rect
    assert len(tip.splitlines()) <= 5  # the state line, at most three causes by name, the hint
    gauge.activate()
    dialog = app.top
    assert dialog.name == "dialog" and len(dialog.body) > len(tip) // 2
    assert all(line.split(": ", 1)[0] in dialog.body for line in gauge.explain.splitlines())
    app.step([], 1 / 60)
    assert problems(app) == []  # the dialog itself reads right (a long text scrolls)
    pygame.event.clear()


def test_a_large_window_keeps_a_short_tooltip_whole_and_a_long_one_brief(make_app: Any) -> None:
    """At 100% in 1080 lines a gauge's tooltip is whole, unless it would take more than
    TIP_MAY_TAKE of the window (a long cause covered the forecast): then it names its causes
    and opens them whole. Every gauge's tooltip lies in the window."""
    app, top = _scores_tab(make_app, "en", 100, (1920, 1080))
    gauges = [w for w in top.widgets if isinstance(w, ScoreGauge)]
    assert len(gauges) == 4
    for gauge in gauges:
        tip = gauge.tooltip_text() or ""
        rect, _lines = app.tooltip_box(tip, gauge.rect)
        assert app.screen.get_rect().contains(rect), (gauge.key, rect)
        if gauge.on_open is None:
            assert "Enter or click" not in tip
        else:
            assert "Enter or click" in tip
    assert tooltip_problems(app) == []  # none leaves the window or covers the forecast


def test_a_short_screen_has_a_button_for_every_cause(make_app: Any) -> None:
    """The room the causes panel could not use holds a button that opens them all whole."""
    app, top = _scores_tab(make_app, "es", 200, (1280, 720))
    button = next(w for w in top.widgets if w.key == "why")
    assert button.rect.top > max(w.rect.bottom for w in top.widgets if isinstance(w, ScoreGauge))
    button.activate()
    gauges = [w for w in top.widgets if isinstance(w, ScoreGauge)]
    assert app.top.name == "dialog" and "Apoyo" in app.top.body
    # every score that moved, with its causes
    assert all(
        line.split(": ", 1)[0] in app.top.body for g in gauges for line in (g.explain or "").splitlines()
    )
    pygame.event.clear()
