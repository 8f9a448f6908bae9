"""Every widget renders at 100% and 200% scale; behaviour that the player relies on."""

from __future__ import annotations

import numpy as np
import pygame
import pygame_gui
import pytest

from game.theme_data import load_theme
from game.ui.formats import format_delta
from game.ui.widgets.bars import BarChart
from game.ui.widgets.card import ActionCard
from game.ui.widgets.charts import LineChart, Threshold, styled_series
from game.ui.widgets.gauge import ScoreGauge, level_word
from game.ui.widgets.listview import ListView
from game.ui.widgets.news import NewsFeed, NewsItem
from game.ui.widgets.option import OptionRow
from game.ui.widgets.textblock import Paragraph, ScrollText
from tests.ui.conftest import key

COLOURS = load_theme().colours  # the default theme's


def canvas(size=(1280, 720)):
    surf = pygame.Surface(size)
    surf.fill(COLOURS.bg)
    return surf


def changed(surf: pygame.Surface, rect: pygame.Rect) -> int:
    """How many pixels inside rect differ from the background."""
    arr = pygame.surfarray.array3d(surf.subsurface(rect.clip(surf.get_rect())))
    return int((np.abs(arr.astype(int) - np.array(COLOURS.bg)).sum(axis=2) > 0).sum())


def test_gauge_words_and_delta(ctx):
    r = pygame.Rect(10, 10, ctx.px(360), ctx.px(64))
    g = ScoreGauge(ctx, r, key="equity", label="Equity", value=62, previous=59)
    surf = canvas()
    g.draw(surf)
    assert changed(surf, r) > r.width * r.height // 4
    assert g.describe() == "Equity: 62, good (+3 since last turn)"
    down = ScoreGauge(ctx, r, key="support", label="Support", value=20, previous=24)
    assert down.describe() == "Support: 20, low (\u22124 since last turn)"
    down.draw(surf)


def test_level_words_and_format():
    assert [level_word(v) for v in (0, 24.9, 25, 49, 50, 74, 75, 100)] == [
        "low",
        "low",
        "fair",
        "fair",
        "good",
        "good",
        "high",
        "high",
    ]
    assert format_delta(3.4) == "+3" and format_delta(-4) == "\u22124" and format_delta(0.2) == "0"


def test_gauge_in_spanish():
    from game.ui.context import UIContext

    es = UIContext.create(lang="es")
    g = ScoreGauge(es, pygame.Rect(0, 0, 300, 60), key="equity", label="Equidad", value=80, previous=80)
    assert g.describe() == "Equidad: 80, nivel alto (0 desde el turno anterior)"


def _history():
    return [
        ("equity", "Equity", [40, 42, 45, 44, 50, 55, 58, 61], "equity"),
        ("participation", "Participation", [30, 35, 37, 43, 47, 46, 52, 57], "participation"),
        ("resilience", "Resilience", [60, 58, 55, 57, 59, 62, 64, 63], "resilience"),
        ("support", "Support", [50, 52, None, 49, 53, 56, 60, 66], "support"),
    ]


def test_line_chart_renders(ctx):
    r = pygame.Rect(20, 20, ctx.px(560), ctx.px(320))
    chart = LineChart(
        ctx, r, styled_series(_history(), ctx.colours), title="Scores", thresholds=[Threshold(60, "Goal 60")]
    )
    surf = canvas((max(1280, r.right + 10), max(720, r.bottom + 10)))
    chart.draw(surf)
    assert changed(surf, r) > 1000
    # series differ by dash pattern and marker, not only colour
    styles = {(s.dash, s.marker) for s in chart.series}
    assert len(styles) == len(chart.series)


def test_line_chart_auto_range_and_empty(ctx):
    r = pygame.Rect(0, 0, ctx.px(400), ctx.px(240))
    LineChart(
        ctx, r, styled_series([("gdp", "Output", [1200.0, 1350.5, 990.0], None)], ctx.colours), y_range=None
    ).draw(canvas())
    LineChart(ctx, r, [], y_range=None).draw(canvas())
    LineChart(ctx, pygame.Rect(0, 0, 40, 30), styled_series(_history(), ctx.colours)).draw(canvas())


def test_bar_chart_renders_every_band(ctx):
    r = pygame.Rect(10, 10, ctx.px(560), ctx.px(360))
    excess = [0.01, -0.04, 0.08, -0.15, 0.45]
    chart = BarChart(
        ctx,
        r,
        ["Bread", "Housing", "Transport", "Care", "Steel"],
        excess,
        title="Excess demand, round 3",
    )
    surf = canvas((max(1280, r.right + 10), max(720, r.bottom + 10)))
    chart.draw(surf)
    pixels = pygame.surfarray.array3d(surf)
    for _upper, _key, colour in COLOURS.excess_bands:
        assert (pixels == np.array(colour)).all(axis=2).any(), colour
    assert [COLOURS.excess_band(e) for e in excess] == [0, 1, 2, 3, 4]


def test_card_renders_and_activates(ctx):
    chosen = []
    r = pygame.Rect(10, 10, ctx.px(250), ctx.px(300))
    card = ActionCard(
        ctx,
        r,
        key="study_circles",
        title="Study circles in every workplace",
        category="education",
        costs={"money": 20, "organisers": 3},
        text="Workers meet weekly to learn how councils plan.",
        forecast={"participation": 4, "support": 2, "equity": -1},
        on_activate=chosen.append,
    )
    surf = canvas()
    card.draw(surf)
    card.selected = True
    card.draw(surf)
    card.affordable = False
    card.unaffordable_reason = "Needs 20 money"
    card.draw(surf)
    card.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=r.center, button=1))
    assert chosen == ["study_circles"]
    assert "Forecast: participation +4" in card.tooltip_text()


def test_news_feed(ctx):
    items = [
        NewsItem(3, "elite", "The elite moves money abroad."),
        NewsItem(2, "event", "A drought."),
        NewsItem(1, "good", "A co-op opens."),
    ] * 3
    r = pygame.Rect(10, 10, ctx.px(380), ctx.px(300))
    feed = NewsFeed(ctx, r, items)
    surf = canvas()
    feed.draw(surf)
    assert changed(surf, r) > 500
    feed.focused = True
    assert feed.on_key(key(pygame.K_DOWN)) and feed.selected == 1
    assert feed.on_key(key(pygame.K_END)) and feed.selected == len(items) - 1
    assert not feed.on_key(key(pygame.K_DOWN))  # the end of the list lets focus move on
    NewsFeed(ctx, r, []).draw(canvas())


def test_list_view_mouse_and_wheel(ctx):
    painted = []

    def paint(surface, rect, item, selected, focused):
        painted.append(item)
        pygame.draw.rect(surface, COLOURS.panel_hi if selected else COLOURS.panel, rect)

    activated = []
    lv = ListView(
        ctx,
        pygame.Rect(0, 0, 300, 200),
        list(range(30)),
        paint,
        item_height=40,
        on_activate=activated.append,
    )
    lv.draw(canvas())
    assert painted and max(painted) < 10
    lv.handle_event(pygame.event.Event(pygame.MOUSEMOTION, pos=(50, 50), rel=(0, 0), buttons=(0, 0, 0)))
    lv.handle_event(
        pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-3, flipped=False, precise_x=0.0, precise_y=-3.0)
    )
    assert lv.scroll > 0
    pos = (50, lv.rect.y + 5)
    i = lv.index_at(pos)
    lv.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    lv.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    assert lv.selected == i and activated == [i]


def test_option_row_keys_and_mouse(ctx):
    seen = []
    row = OptionRow(
        ctx,
        pygame.Rect(0, 0, ctx.px(700), ctx.px(54)),
        "Volume",
        [(v, f"{v}%") for v in range(0, 101, 10)],
        70,
        seen.append,
        meter=True,
    )
    row.draw(canvas())
    assert row.on_key(key(pygame.K_RIGHT)) and seen[-1] == 80
    assert row.on_key(key(pygame.K_LEFT)) and seen[-1] == 70
    left, right = row._arrow_rects()
    row.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=right.center, button=1))
    assert seen[-1] == 80
    row.index = len(row.choices) - 1
    row.activate()  # Enter wraps round to the first value
    assert seen[-1] == 0


@pytest.mark.parametrize("family", ["standard", "hyperlegible", "dyslexic"])
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_a_links_underline_runs_under_the_letters_never_through_them(family, scale):
    """Under the baseline, broken where a descender passes (skip-ink): in every font and at
    every scale no underline pixel touches a letter, and most of the word is underlined."""
    from game.ui.context import UIContext

    ctx = UIContext.create(scale=scale, family=family)
    p = Paragraph(
        ctx, pygame.Rect(0, 0, ctx.px(600), ctx.px(200)), "[[x|agricultural typography federation]]"
    )
    thick = max(1, ctx.space.line)
    for w in p.words:
        surf = ctx.text.render(w.text, p.size, ctx.colours.link)
        y, spans = p._underline(w.text, surf, thick)
        ink = pygame.mask.from_surface(surf)
        assert ctx.fonts.get(p.size).get_ascent() < y < surf.get_height(), (w.text, y)
        for x0, x1 in spans:  # the pixels the line covers, with its thickness
            for x in range(x0, x1 + 1):
                for yy in range(y - thick // 2 - 1, y + thick - thick // 2 + 1):
                    assert not ink.get_at((x, yy)), (family, scale, w.text, x, yy)
        assert sum(x1 - x0 for x0, x1 in spans) >= 0.5 * surf.get_width(), (w.text, spans)
    assert len(p._underline("typography", ctx.text.render("typography", p.size, (0, 0, 0)), thick)[1]) > 1


def test_paragraph_links(ctx):
    opened = []
    p = Paragraph(
        ctx,
        pygame.Rect(10, 10, ctx.px(500), ctx.px(200)),
        "Prices come from [[participatory_planning|participatory planning]] and "
        "[[balanced_job_complex|balanced job complexes]].",
        on_link=opened.append,
        define=lambda t: f"about {t}",
    )
    surf = canvas()
    p.draw(surf)
    assert p.links == ["participatory_planning", "balanced_job_complex"]
    assert p.focusable
    p.focused = True
    assert p.on_key(key(pygame.K_RIGHT))
    p.activate()
    assert opened == ["balanced_job_complex"]
    assert p.tooltip_text() == "about balanced_job_complex"
    # click on the first link's first word
    w = next(w for w in p.words if w.link == "participatory_planning")
    p.handle_event(
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(p.rect.x + w.x + 2, p.rect.y + w.y + 2), button=1)
    )
    assert opened[-1] == "participatory_planning"
    # links are underlined (a line under the word, in the link colour)
    r = pygame.Rect(p.rect.x + w.x, p.rect.y + w.y, w.w, w.h)
    band = pygame.surfarray.array3d(
        surf.subsurface(pygame.Rect(r.x, r.bottom - max(3, w.h // 5), r.w, max(3, w.h // 5)))
    )
    assert (band == np.array(COLOURS.link)).all(axis=2).sum() >= w.w // 2


def test_scroll_text(ctx):
    text = "# Heading\n\n## Sub\n" + "\n".join(f"- item {i} with some words to wrap" for i in range(60))
    st = ScrollText(ctx, pygame.Rect(0, 0, ctx.px(500), ctx.px(300)), text)
    st.draw(canvas())
    assert st.max_scroll > 0
    assert st.on_key(key(pygame.K_PAGEDOWN)) and st.scroll > 0
    assert st.on_key(key(pygame.K_END)) and st.scroll == st.max_scroll
    assert not st.on_key(key(pygame.K_DOWN))


def test_button_keyboard_and_mouse(ctx):
    from game.ui.widgets.button import Button

    manager = pygame_gui.UIManager((1280, 720))
    pressed = []
    b = Button(ctx, manager, pygame.Rect(100, 100, 200, 50), "Go", lambda: pressed.append(1))
    b.activate()
    for t in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        manager.process_events(pygame.event.Event(t, pos=(150, 120), button=1))
    assert pressed == [1, 1]
    b.set_enabled(False)
    b.activate()
    assert pressed == [1, 1]
    b.kill()


@pytest.mark.parametrize("family", ["standard", "hyperlegible", "dyslexic"])
def test_font_families_render_spanish(family):
    from game.ui.context import UIContext

    c = UIContext.create(family=family)
    surf = c.text.render("¿Cuánto cuesta? Ñandú − 3 …", "body", COLOURS.text)
    assert surf.get_width() > 100
    assert c.fonts.pixel_size("small") >= 15  # dyslexic font is scaled down but stays readable


def test_text_cache_hits(ctx100):
    t = ctx100.text
    a = t.render("Hello", "body", COLOURS.text)
    b = t.render("Hello", "body", COLOURS.text)
    assert a is b and t.hits >= 1
    assert t.wrap("one two three four five six", "body", 80) == [
        "one two",
        "three four",
        "five six",
    ] or all(t.size(line, "body")[0] <= 80 for line in t.wrap("one two three four five six", "body", 80))
    assert t.fit("a" * 200, "body", 100).endswith("…")


@pytest.mark.parametrize("name", ["default", "high_contrast"])
def test_body_text_at_least_18px(name):
    sizes = load_theme(name).sizes
    assert sizes.small >= 18 and sizes.body >= 18
