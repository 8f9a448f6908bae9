"""The turn screen's words from typed reports, and its two layouts as plain geometry."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.i18n import load_translator
from game.levels.loader import load_level
from game.sim.engine import Simulation
from game.theme_data import load_theme
from game.theme_spacing import Sizes
from game.ui.names import intensity_word
from game.ui.scenes.turn import layout as L
from game.ui.scenes.turn import text as T

LEVEL = load_level(Path(__file__).parents[2] / "sim" / "data" / "smoke_level.yaml").level


@pytest.fixture(scope="module")
def reports():
    sim = Simulation(LEVEL, 5)
    for turn in range(1, 7):
        sim.play_turn(["study_circles"] if turn == 1 else [])
    return sim.history


def test_explain_lists_the_biggest_causes_with_their_numbers(reports) -> None:
    en = load_translator("en")
    for key in ("equity", "participation", "resilience", "support"):
        why = T.explain(reports, key, LEVEL, en)
        causes = reports[-1].causes_of(key, 0.05)
        if not causes:
            assert why is None
            continue
        lines = why.splitlines()
        assert len(lines) == min(3, len(causes))
        top = causes[0]
        verb = "rose" if top.delta > 0 else "fell"
        assert lines[0].startswith(f"{T.score_name(key, en)} {verb} {abs(top.delta):.1f}")


def test_spanish_words_come_from_the_catalog(reports) -> None:
    es = load_translator("es")
    text = T.causes_text(reports, LEVEL, es)
    assert text.startswith("## ") and "Why the scores moved" not in text


def test_news_of_a_turn(reports) -> None:
    en = load_translator("en")
    for r in reports:
        entries = T.news_of(r, LEVEL, en)
        assert all(e.turn == r.turn and e.text for e in entries)
        assert len([e for e in entries if e.kind == "elite"]) == len(r.elite.moves)


def test_intensity_words_and_goal_lines() -> None:
    assert [intensity_word(x) for x in (0.1, 0.5, 0.9)] == ["mild", "strong", "severe"]
    en = load_translator("en")
    lines = T.goal_lines(LEVEL, "scores", en)
    assert lines and all(label.startswith("Goal: ") for _, label in lines)


def px(scale: float) -> Sizes:
    """The turn screen's sizes at this UI scale, as the screen gets them from its theme."""
    return load_theme().space.scaled(scale).turn


def width(text: str, size: str, bold: bool) -> int:
    return 9 * len(text)


def line(size: str, bold: bool) -> int:
    return 22 if size == "small" else 26


def test_the_wide_layout_fits_and_nothing_overlaps() -> None:
    size = (1280, 720)
    assert L.is_wide(size, px(1.0)) and not L.is_wide(size, px(1.5))
    lay = L.wide_layout(size, px(1.0), menu_w=100)
    window = pygame.Rect(0, 0, *size)
    boxes = [*lay.gauges, *lay.panels.values(), lay.chart, lay.hand, lay.news, lay.planning, lay.end]
    for box in boxes:
        assert box is not None and window.contains(box) and box.y >= lay.header_h
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.colliderect(b), (a, b)


@pytest.mark.parametrize("tab", ["scores", "economy", "actions", "charts", "news"])
def test_the_narrow_layout_shows_one_tab(tab) -> None:
    size = (900, 600)
    labels = [(k, k.title()) for k, _ in T.TABS]
    lay = L.narrow_layout(size, px(1.5), tab, labels, width, line, end_w=150, menu_w=100)
    assert not lay.wide and lay.show == {tab} and [k for k, _ in lay.tabs] == [k for k, _ in T.TABS]
    window = pygame.Rect(0, 0, *size)
    assert lay.end is not None and lay.menu is not None and not lay.end.colliderect(lay.menu)
    body = {
        "scores": lay.gauges,
        "economy": list(lay.panels.values()),
        "actions": [lay.hand],
        "charts": [lay.chart],
        "news": [lay.news],
    }[tab]
    assert body and all(window.contains(b) for b in body)
    bottom_of_tabs = max(r.bottom for _, r in lay.tabs)
    assert all(b.y > bottom_of_tabs for b in body)
