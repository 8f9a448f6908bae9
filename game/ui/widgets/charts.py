"""Charts drawn with pygame.draw: a line chart over turns and the planning round's bar chart.

Series differ by colour AND by dash pattern, marker shape and legend icon, so they can be told
apart in grey scale. Each chart renders into its own surface, redrawn only when its data or
size changes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import pygame

from game.i18n import number
from game.theme_data import Palette
from game.ui.context import UIContext
from game.ui.widgets.base import Widget
from game.ui.widgets.chart_data import axis_ticks, finite
from game.ui.widgets.chart_labels import Threshold, label_places
from game.ui.widgets.panel import dashed_line, triangle

Colour = tuple[int, int, int]

DASHES: dict[str, tuple[int, ...]] = {
    "solid": (),
    "dash": (10, 6),
    "dot": (3, 5),
    "dashdot": (10, 5, 3, 5),
    "longdash": (18, 6),
}
DASH_ORDER = ("solid", "dash", "dot", "dashdot", "longdash")
MARKER_ORDER = ("circle", "square", "triangle", "diamond", "cross")


def chart_panel(
    ctx, rect: pygame.Rect, title: str | None, subtitle: str | None = ""
) -> tuple[pygame.Surface, int, int, int, int]:
    """A chart's panel: background, title (and a subtitle on the right); returns the surface,
    its size, the padding and the y where the chart's content starts."""
    w, h = max(1, rect.width), max(1, rect.height)
    surf = ctx.canvas((w, h), pygame.SRCALPHA)
    surf.fill((*ctx.colours.panel, 255))
    pad = ctx.space.pad
    y = pad
    if title:
        ctx.text.draw(
            surf,
            ctx.text.fit(title, "body", w - 2 * pad, True),
            (pad, y),
            "body",
            ctx.colours.text,
            bold=True,
        )
        if subtitle:
            ctx.text.draw(surf, subtitle, (w - pad, y), "small", ctx.colours.text_dim, anchor="topright")
        y += ctx.fonts.line_height("body", True) + ctx.space.chart.title_after
    return surf, w, h, pad, y


@dataclass
class Series:
    key: str
    label: str
    values: Sequence[float | None]
    colour: Colour
    dash: str = "solid"
    marker: str = "circle"
    icon: str | None = None


def styled_series(
    items: Sequence[tuple[str, str, Sequence[float | None], str | None]],
    colours: Palette,
) -> list[Series]:
    """Series with distinct colour, dash and marker in a fixed order: (key, label, values, icon)."""
    out = []
    for i, (key, label, values, icon) in enumerate(items):
        colour = colours.scores.get(key, colours.series[i % len(colours.series)])
        dash, marker = DASH_ORDER[i % len(DASH_ORDER)], MARKER_ORDER[i % len(MARKER_ORDER)]
        out.append(Series(key, label, values, colour, dash, marker, icon))
    return out


def nice_step(span: float, target: int = 5) -> float:
    raw = span / max(1, target)
    mag = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


def _fmt(v: float, lang: str = "en") -> str:
    """An axis tick or a line's value: whole numbers bare, else one decimal as `lang` writes
    it; a true minus sign."""
    if abs(v - round(v)) < 1e-9:
        return str(int(round(v))).replace("-", "\u2212")
    return number(v, ".1f", lang).replace("-", "\u2212")


def draw_marker(
    surface: pygame.Surface, shape: str, center: tuple[float, float], size: int, colour: Colour
) -> None:
    x, y = round(center[0]), round(center[1])
    h = max(2, size // 2)
    if shape == "circle":
        pygame.draw.circle(surface, colour, (x, y), h)
    elif shape == "square":
        pygame.draw.rect(surface, colour, (x - h + 1, y - h + 1, 2 * h - 1, 2 * h - 1))
    elif shape == "triangle":
        triangle(surface, (x, y), 2 * h + 2, "up", colour)
    elif shape == "diamond":
        pygame.draw.polygon(surface, colour, [(x, y - h - 1), (x + h + 1, y), (x, y + h + 1), (x - h - 1, y)])
    elif shape == "cross":
        w = max(2, size // 3)
        pygame.draw.line(surface, colour, (x - h, y - h), (x + h, y + h), w)
        pygame.draw.line(surface, colour, (x - h, y + h), (x + h, y - h), w)


class LineChart(Widget):
    """Per-turn history of several series, with legend, axes, axis labels and threshold lines."""

    focusable = True  # Tab reaches it: its tooltip reads each line's last value in words

    def tooltip_text(self) -> str | None:
        """Each series' latest value and each threshold, in words (names the legend shortens
        are whole here)."""
        rows = [self.title] if self.title else []
        for s in self.series:
            values = [v for v in finite(s.values) if v is not None]
            if values:
                rows.append(f"{s.label}: {_fmt(values[-1], self.ctx.lang)}")
        return "\n".join(rows + [t.label for t in self.thresholds]) or None

    def __init__(
        self,
        ctx: UIContext,
        rect: pygame.Rect,
        series: Sequence[Series],
        *,
        title: str | None = None,
        y_range: tuple[float, float] | None = (0, 100),
        x_label: str | None = None,
        y_label: str | None = None,
        thresholds: Sequence[Threshold] = (),
        x_start: int = 1,
        key: str | None = None,
    ) -> None:
        super().__init__(ctx, rect, key=key)
        self.series = list(series)
        self.title = title
        self.y_range = y_range
        self.x_label = x_label if x_label is not None else ctx._("Turn")
        self.y_label = y_label
        self.thresholds = list(thresholds)
        self.x_start = x_start
        self._surface: pygame.Surface | None = None
        self.squeezed = False  # the last render had no room for the plot

    def set_series(self, series: Sequence[Series]) -> None:
        self.series = list(series)
        self._surface = None

    def _bounds(self) -> tuple[float, float]:
        if self.y_range is not None:
            return self.y_range
        vals = [v for s in self.series for v in finite(s.values) if v is not None]
        vals += [v for v in finite([t.value for t in self.thresholds]) if v is not None]
        if not vals:
            return 0.0, 1.0
        lo, hi = min(vals), max(vals)
        if hi - lo < 1e-9 * max(1.0, abs(hi)):  # flat data: a band round it
            pad = max(1.0, abs(hi) * 0.01)
            lo, hi = lo - pad, hi + pad
        step = nice_step(hi - lo)
        return math.floor(lo / step) * step, math.ceil(hi / step) * step

    def render(self) -> pygame.Surface:
        ctx = self.ctx
        surf, w, h, pad, y = chart_panel(ctx, self.rect, self.title)
        # legend: line sample with dash and marker, icon, label; wraps onto more rows. When a
        # wrapped legend would leave too little room for the plot, the labels give way to the
        # icons (each score has its own shape), so the lines stay readable at 200%.
        sl = ctx.fonts.line_height("small")
        sample = ctx.space.chart.sample
        isz = ctx.space.chart.legend_icon

        def item_w(s: Series, labels: bool) -> int:
            label_w = ctx.text.size(s.label, "small")[0] if labels or not s.icon else 0
            return (
                sample
                + ctx.space.chart.sample_gap
                + (isz + ctx.space.chart.icon_gap if s.icon else 0)
                + label_w
                + ctx.space.chart.legend_item_gap
            )

        def rows(labels: bool) -> int:
            n, lx = 1, pad
            for s in self.series:
                iw = item_w(s, labels)
                if lx > pad and lx + iw > w - pad:
                    n, lx = n + 1, pad
                lx += iw
            return n

        # the legend above the plot; a short, wide chart whose legend rows would squeeze the
        # plot keeps its legend in columns at the right instead; failing that the labels give
        # way to the icons (each series has its own shape and icon)
        row_h = sl + ctx.space.chart.legend_row_gap
        per_col = max(1, (h - y - pad) // row_h)
        icons_all = all(s.icon is not None for s in self.series)

        def plot_h(labels: bool) -> int:
            return h - y - rows(labels) * row_h - sl * 2 - pad - ctx.space.chart.legend_plot_gap

        side_w = col_w = 0
        labels = True
        if self.series and plot_h(True) < (
            ctx.space.chart.min_plot_h_rows if rows(True) > 1 else ctx.space.chart.min_plot_h
        ):
            labels = not icons_all
            choices = [(True, True), (False, False), (False, True)] if icons_all else [(True, True)]
            for with_words, side in choices:
                if not side:
                    if plot_h(False) >= ctx.space.chart.min_plot_h:
                        labels = False
                        break
                    continue
                col_w = max(item_w(s, with_words) for s in self.series)
                cols = math.ceil(len(self.series) / per_col)
                if cols * col_w <= w * 3 // 4:
                    side_w, labels = cols * col_w, with_words
                    break
            if not side_w and plot_h(labels) < ctx.space.chart.min_plot_h_side:
                # long names and no icons: the side columns, names shortened after a whole word
                cols = math.ceil(len(self.series) / per_col)
                col_w = w * 3 // 4 // cols
                side_w, labels = cols * col_w, True
        label_room = col_w - item_w(Series("", "", (), (0, 0, 0)), False) if side_w else w
        lx = pad
        legend_y = y
        for k, s in enumerate(self.series):
            iw = item_w(s, labels)
            if side_w:
                col, row = divmod(k, per_col)
                lx = w - pad - side_w + col * col_w
                y = legend_y + row * row_h
            elif lx > pad and lx + iw > w - pad:
                lx = pad
                y += sl + ctx.space.chart.legend_row_gap
            cy = y + sl // 2
            dashed_line(
                surf,
                s.colour,
                (lx, cy),
                (lx + sample, cy),
                max(2, ctx.space.ring),
                tuple(ctx.px(d) for d in DASHES[s.dash]),
            )
            draw_marker(surf, s.marker, (lx + sample / 2, cy), ctx.space.chart.marker, s.colour)
            x = lx + sample + ctx.space.chart.sample_gap
            if s.icon:
                ctx.icons.draw(surf, s.icon, (x + isz // 2, cy), isz, s.colour)
                x += isz + ctx.space.chart.icon_gap
            if labels or not s.icon:
                name = s.label if not side_w else ctx.text.fit(s.label, "small", label_room)
                ctx.text.draw(surf, name, (x, y), "small", ctx.colours.text)
            lx += iw
        y = legend_y + ctx.space.chart.side_legend_top if side_w else y + sl + ctx.space.chart.legend_after
        # plot area
        lo, hi = self._bounds()
        est_plot_h = h - y - sl // 2 - pad - sl * 2 - ctx.space.chart.x_axis_gap
        step = nice_step(hi - lo, max(1, min(4, int(est_plot_h // (sl * 1.3)))))
        ticks = axis_ticks(lo, hi, step)
        label_w = max(ctx.text.size(_fmt(t, ctx.lang), "small")[0] for t in ticks)
        plot = pygame.Rect(pad + label_w + ctx.space.chart.y_axis_gap, y + sl // 2, 0, 0)
        plot.width = (
            w
            - plot.x
            - pad
            - ctx.space.chart.right_pad
            - (side_w + ctx.space.chart.side_legend_gap if side_w else 0)
        )
        plot.height = h - plot.y - pad - sl * 2 - ctx.space.chart.x_axis_gap
        x_label = self.x_label
        if (
            plot.height < ctx.space.chart.min_h_for_x_label and x_label
        ):  # short: the tick numbers say it alone
            x_label = ""
            plot.height += sl
        self.squeezed = plot.width < ctx.space.chart.squeezed_w or plot.height < ctx.space.chart.squeezed_h
        if self.squeezed:  # no room for the plot (layout checks report it)
            return surf
        if self.y_label:
            ctx.text.draw(surf, self.y_label, (pad, y - sl), "small", ctx.colours.text_dim)

        def ymap(v: float) -> float:
            return plot.bottom - (v - lo) / (hi - lo) * plot.height

        for t in ticks:
            yy = round(ymap(t))
            pygame.draw.line(surf, ctx.colours.grid, (plot.x, yy), (plot.right, yy), 1)
            ctx.text.draw(
                surf,
                _fmt(t, ctx.lang),
                (plot.x - ctx.space.chart.tick_label_gap, yy),
                "small",
                ctx.colours.text_dim,
                anchor="midright",
            )
        n = max((len(s.values) for s in self.series), default=0)
        span = max(1, n - 1)

        def xmap(i: int) -> float:
            return plot.x + (i / span) * plot.width if n > 1 else plot.centerx

        # x ticks: every turn if they fit, else every k turns
        tick_w = ctx.text.size(str(self.x_start + n), "small")[0] + ctx.space.chart.x_tick_room
        every = max(1, math.ceil(tick_w / max(1.0, plot.width / span)))
        for i in range(0, n, every):
            xx = round(xmap(i))
            pygame.draw.line(
                surf, ctx.colours.grid, (xx, plot.bottom), (xx, plot.bottom + ctx.space.chart.tick_len), 1
            )
            ctx.text.draw(
                surf,
                str(self.x_start + i),
                (xx, plot.bottom + ctx.space.chart.x_tick_text),
                "small",
                ctx.colours.text_dim,
                anchor="midtop",
            )
        ctx.text.draw(
            surf,
            x_label,
            (plot.centerx, plot.bottom + ctx.space.chart.x_tick_text + sl),
            "small",
            ctx.colours.text_dim,
            anchor="midtop",
        )
        pygame.draw.line(
            surf, ctx.colours.text_dim, plot.bottomleft, plot.bottomright, max(1, ctx.space.hair)
        )
        pygame.draw.line(surf, ctx.colours.text_dim, plot.topleft, plot.bottomleft, max(1, ctx.space.hair))
        # thresholds: dashed lines now, their labels after the series (on top, each on its own
        # backing, moved below its line or further right where it would cover another label)
        shown = [th for th in self.thresholds if lo <= th.value <= hi]
        for th in shown:
            yy = round(ymap(th.value))
            dashed_line(
                surf,
                th.colour or ctx.colours.text_dim,
                (plot.x, yy),
                (plot.right, yy),
                max(1, ctx.space.line),
                (ctx.space.chart.threshold_dash, ctx.space.chart.threshold_space),
            )
        # series
        width = max(2, ctx.space.ring)
        for s in self.series:
            pattern = tuple(ctx.px(d) for d in DASHES[s.dash])
            phase = 0.0
            prev: tuple[float, float] | None = None
            values = finite(s.values)
            for i, v in enumerate(values):
                if v is None:
                    prev = None
                    continue
                pt = (xmap(i), ymap(max(lo, min(hi, v))))
                if prev is not None:
                    phase = dashed_line(surf, s.colour, prev, pt, width, pattern, phase)
                prev = pt
            marker_every = max(1, math.ceil(n / 12))
            for i, v in enumerate(values):
                if v is not None and (i % marker_every == 0 or i == n - 1):
                    draw_marker(
                        surf, s.marker, (xmap(i), ymap(max(lo, min(hi, v)))), ctx.space.chart.marker, s.colour
                    )
        segments = [
            (a, b)
            for s in self.series
            for a, b in pairwise(
                [
                    (xmap(i), ymap(max(lo, min(hi, v))))
                    for i, v in enumerate(finite(s.values))
                    if v is not None
                ]
            )
        ]
        for box, lbl in label_places(ctx, self.thresholds, shown, ymap, plot, segments):
            pygame.draw.rect(surf, ctx.colours.panel, box, border_radius=ctx.space.radius_label)
            surf.blit(lbl, lbl.get_rect(center=box.center))
        return surf

    def draw(self, surface: pygame.Surface) -> None:
        if self.rect.width <= 0 or self.rect.height <= 0:
            return
        if self._surface is None or self._surface.get_size() != self.rect.size:
            self._surface = self.render()
        pygame.draw.rect(surface, self.ctx.colours.panel, self.rect, border_radius=self.ctx.space.radius_card)
        surface.blit(self._surface, self.rect)
