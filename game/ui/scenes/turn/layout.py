"""Where everything on the turn screen goes, as a `TurnLayout` value: the wide layout shows
every panel at once; the narrow one (small windows, large text) puts them behind tabs.

Pure geometry: its sizes are the theme's `spacing.turn` group (at the UI scale) and it
measures text through the callables it is given, so a test can lay out any window size
without a display. The scene adds its widgets in the order given here (that order is the
keyboard focus order).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from game.theme_spacing import Sizes

TextWidth = Callable[[str, str, bool], int]  # (text, size name, bold) -> pixels
LineHeight = Callable[[str, bool], int]  # (size name, bold) -> pixels


@dataclass
class TurnLayout:
    wide: bool
    header_h: int
    show: set[str]  # which parts are visible: scores, economy, actions, charts, news
    tabs: list[tuple[str, pygame.Rect]] = field(default_factory=list)
    gauges: list[pygame.Rect] = field(default_factory=list)
    causes: pygame.Rect | None = None  # narrow Scores tab: why the scores moved
    panels: dict[str, pygame.Rect] = field(default_factory=dict)  # economy, elite, forecast
    chart: pygame.Rect | None = None
    chart_planning: bool = False  # the planning button sits beside the chart's toggle
    hand: pygame.Rect | None = None
    news: pygame.Rect | None = None
    planning: pygame.Rect | None = None
    end: pygame.Rect | None = None
    menu: pygame.Rect | None = None
    resource_strip: pygame.Rect | None = None
    forecast_strip: pygame.Rect | None = None


def is_wide(size: tuple[int, int], sizes: Sizes) -> bool:
    """Whether the window is large enough (at this scale) for every panel at once."""
    return size[0] >= sizes.wide_min_w and size[1] >= sizes.wide_min_h


def menu_rect(width: int, menu_w: int, sizes: Sizes) -> pygame.Rect:
    """The Menu button, top right, `menu_w` wide."""
    return pygame.Rect(width - menu_w - sizes.menu_right, sizes.button_top, menu_w, sizes.button_h)


def wide_layout(size: tuple[int, int], sizes: Sizes, menu_w: int) -> TurnLayout:
    w, h = size
    header_h = sizes.header_h
    pad = sizes.wide_pad
    top = header_h + pad
    left_w, right_w = sizes.left_w, sizes.right_w
    body_h = h - top - pad
    left = pygame.Rect(pad, top, left_w, body_h)
    right = pygame.Rect(w - right_w - pad, top, right_w, body_h)
    center = pygame.Rect(left.right + pad, top, right.left - left.right - 2 * pad, body_h)
    lay = TurnLayout(True, header_h, {"scores", "economy", "actions", "charts", "news"})
    gh, gap = sizes.gauge_h, sizes.gauge_gap
    lay.gauges = [pygame.Rect(left.x, left.y + i * (gh + gap), left.width, gh) for i in range(4)]
    y = left.y + 4 * (gh + gap)
    lay.panels["economy"] = pygame.Rect(left.x, y, left.width, left.bottom - y)
    elite_h, fc_h = sizes.elite_h, sizes.forecast_h
    lay.panels["elite"] = pygame.Rect(right.x, right.y, right.width, elite_h)
    lay.panels["forecast"] = pygame.Rect(right.x, right.y + elite_h + pad, right.width, fc_h)
    # a tall window (1920x1080 at 100%) gives the cards more of its height: their titles and
    # texts read whole instead of ending in "…"; the chart keeps the larger part
    hand_h = max(sizes.hand_h, (center.height - pad) * 2 // 5)
    lay.chart = pygame.Rect(center.x, center.y, center.width, center.height - hand_h - pad)
    lay.hand = pygame.Rect(center.x, center.bottom - hand_h, center.width, hand_h)
    bh = sizes.end_h
    lay.end = pygame.Rect(right.x, right.bottom - bh, right.width, bh)
    lay.planning = pygame.Rect(right.x, lay.end.y - sizes.planning_above_end, right.width, sizes.planning_h)
    y0 = lay.panels["forecast"].bottom + pad
    lay.news = pygame.Rect(right.x, y0, right.width, lay.planning.y - y0 - pad)
    lay.menu = menu_rect(w, menu_w, sizes)
    return lay


def narrow_layout(
    size: tuple[int, int],
    sizes: Sizes,
    tab: str,
    tab_labels: list[tuple[str, str]],
    text_w: TextWidth,
    line_h: LineHeight,
    end_w: int,
    menu_w: int,
    strip_rows: int = 1,
) -> TurnLayout:
    """Large text: the header holds End and Menu; one tab's panels fill the body.
    `tab_labels` are (key, translated label); `end_w` and `menu_w` the buttons' widths;
    `strip_rows` the rows the Actions tab's resource strip needs for whole names."""
    w, h = size
    header_h = sizes.header_h
    pad = sizes.narrow_pad
    top = header_h + pad
    tab_h = sizes.tab_h
    lay = TurnLayout(False, header_h, {tab})
    x = pad
    for key, text in tab_labels:  # the tabs flow onto a second row if the words are long
        bw = text_w(text, "body", True) + sizes.tab_label_pad
        if x > pad and x + bw > w - pad:
            x, top = pad, top + tab_h + sizes.tab_gap
        lay.tabs.append((key, pygame.Rect(x, top, bw, tab_h)))
        x += bw + sizes.tab_gap
    top += tab_h + pad
    full = pygame.Rect(pad, top, w - 2 * pad, h - top - pad)
    if tab == "scores":
        gw, gh = (full.width - pad) // 2, sizes.gauge_h
        lay.gauges = [
            pygame.Rect(full.x + (i % 2) * (gw + pad), full.y + (i // 2) * (gh + pad), gw, gh)
            for i in range(4)
        ]
        y = lay.gauges[-1].bottom + pad
        if full.bottom - y > line_h("body", False) * 2 + sizes.causes_min_extra:
            lay.causes = pygame.Rect(full.x, y, full.width, full.bottom - y)
    elif tab == "economy":
        half = (full.width - pad) // 2
        lay.panels["economy"] = pygame.Rect(full.x, full.y, half, full.height)
        lay.panels["elite"] = pygame.Rect(full.x + half + pad, full.y, full.width - half - pad, full.height)
    elif tab == "actions":
        sl = line_h("small", True)
        strip_h = (sl + sizes.resource_strip_pad) * strip_rows
        lay.resource_strip = pygame.Rect(full.x, full.y, full.width, strip_h)
        lay.forecast_strip = pygame.Rect(
            full.x, full.bottom - sl - sizes.forecast_strip_pad, full.width, sl + sizes.forecast_strip_pad
        )
        hand_top = lay.resource_strip.bottom + sizes.strip_gap
        lay.hand = pygame.Rect(
            full.x, hand_top, full.width, lay.forecast_strip.y - hand_top - sizes.strip_gap
        )
    elif tab == "charts":
        lay.chart = full
        lay.chart_planning = True
    elif tab == "news":
        lay.news = full
    lay.end = pygame.Rect(
        w - pad - menu_w - sizes.end_menu_gap - end_w, sizes.button_top, end_w, sizes.button_h
    )
    lay.menu = menu_rect(w, menu_w, sizes)
    return lay
