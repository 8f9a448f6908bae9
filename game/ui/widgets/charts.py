"""Charts drawn with pygame.draw: a line chart over turns and the planning round's bar chart.

Series differ by colour AND by dash pattern, marker shape and legend icon, so they can be told
apart in grey scale. Each chart renders into its own surface, redrawn only when its data or
size changes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.i18n import N_
from game.theme_data import Palette
from game.ui.context import UIContext
from game.ui.widgets.base import Widget
from game.ui.widgets.chart_data import axis_ticks, finite
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
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
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
        y += ctx.fonts.line_height("body", True) + ctx.px(4)
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


@dataclass
class Threshold:
    value: float
    label: str
    colour: Colour | None = None  # the theme's text_dim when not given


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


def _fmt(v: float) -> str:
    if abs(v - round(v)) < 1e-9:
        return str(int(round(v))).replace("-", "\u2212")
    return f"{v:.1f}".replace("-", "\u2212")


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

    focusable = False

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
        sample = ctx.px(34)
        isz = ctx.px(20)

        def item_w(s: Series, labels: bool) -> int:
            label_w = ctx.text.size(s.label, "small")[0] if labels or not s.icon else 0
            return sample + ctx.px(6) + (isz + ctx.px(4) if s.icon else 0) + label_w + ctx.px(18)

        def rows(labels: bool) -> int:
            n, lx = 1, pad
            for s in self.series:
                iw = item_w(s, labels)
                if lx > pad and lx + iw > w - pad:
                    n, lx = n + 1, pad
                lx += iw
            return n

        labels = True
        if rows(True) > 1 and h - y - rows(True) * (sl + ctx.px(4)) < ctx.px(150):
            labels = False
        lx = pad
        for s in self.series:
            iw = item_w(s, labels)
            if lx > pad and lx + iw > w - pad:
                lx = pad
                y += sl + ctx.px(4)
            cy = y + sl // 2
            dashed_line(
                surf,
                s.colour,
                (lx, cy),
                (lx + sample, cy),
                max(2, ctx.space.ring),
                tuple(ctx.px(d) for d in DASHES[s.dash]),
            )
            draw_marker(surf, s.marker, (lx + sample / 2, cy), ctx.px(9), s.colour)
            x = lx + sample + ctx.px(6)
            if s.icon:
                ctx.icons.draw(surf, s.icon, (x + isz // 2, cy), isz, s.colour)
                x += isz + ctx.px(4)
            if labels or not s.icon:
                ctx.text.draw(surf, s.label, (x, y), "small", ctx.colours.text)
            lx += iw
        y += sl + ctx.px(8)
        # plot area
        lo, hi = self._bounds()
        est_plot_h = h - y - sl // 2 - pad - sl * 2 - ctx.px(6)
        step = nice_step(hi - lo, max(1, min(4, int(est_plot_h // (sl * 1.3)))))
        ticks = axis_ticks(lo, hi, step)
        label_w = max(ctx.text.size(_fmt(t), "small")[0] for t in ticks)
        plot = pygame.Rect(pad + label_w + ctx.px(8), y + sl // 2, 0, 0)
        plot.width = w - plot.x - pad - ctx.px(4)
        plot.height = h - plot.y - pad - sl * 2 - ctx.px(6)
        if plot.width < ctx.px(40) or plot.height < ctx.px(30):
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
                _fmt(t),
                (plot.x - ctx.px(6), yy),
                "small",
                ctx.colours.text_dim,
                anchor="midright",
            )
        n = max((len(s.values) for s in self.series), default=0)
        span = max(1, n - 1)

        def xmap(i: int) -> float:
            return plot.x + (i / span) * plot.width if n > 1 else plot.centerx

        # x ticks: every turn if they fit, else every k turns
        tick_w = ctx.text.size(str(self.x_start + n), "small")[0] + ctx.px(12)
        every = max(1, math.ceil(tick_w / max(1.0, plot.width / span)))
        for i in range(0, n, every):
            xx = round(xmap(i))
            pygame.draw.line(surf, ctx.colours.grid, (xx, plot.bottom), (xx, plot.bottom + ctx.px(4)), 1)
            ctx.text.draw(
                surf,
                str(self.x_start + i),
                (xx, plot.bottom + ctx.px(5)),
                "small",
                ctx.colours.text_dim,
                anchor="midtop",
            )
        ctx.text.draw(
            surf,
            self.x_label,
            (plot.centerx, plot.bottom + ctx.px(5) + sl),
            "small",
            ctx.colours.text_dim,
            anchor="midtop",
        )
        pygame.draw.line(
            surf, ctx.colours.text_dim, plot.bottomleft, plot.bottomright, max(1, ctx.space.hair)
        )
        pygame.draw.line(surf, ctx.colours.text_dim, plot.topleft, plot.bottomleft, max(1, ctx.space.hair))
        # thresholds: dashed line with its label at the right end, above the line
        for th in self.thresholds:
            if not lo <= th.value <= hi:
                continue
            yy = round(ymap(th.value))
            th_colour = th.colour or ctx.colours.text_dim
            dashed_line(
                surf,
                th_colour,
                (plot.x, yy),
                (plot.right, yy),
                max(1, ctx.space.line),
                (ctx.px(6), ctx.px(5)),
            )
            lbl = ctx.text.render(th.label, "small", th_colour)
            box = lbl.get_rect(bottomleft=(plot.x + ctx.px(6), yy - ctx.px(3)))
            box = box.inflate(ctx.px(8), ctx.px(2))
            pygame.draw.rect(surf, ctx.colours.panel, box, border_radius=ctx.space.radius_label)
            surf.blit(lbl, lbl.get_rect(center=box.center))
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
                    draw_marker(surf, s.marker, (xmap(i), ymap(max(lo, min(hi, v)))), ctx.px(9), s.colour)
        return surf

    def draw(self, surface: pygame.Surface) -> None:
        if self.rect.width <= 0 or self.rect.height <= 0:
            return
        if self._surface is None or self._surface.get_size() != self.rect.size:
            self._surface = self.render()
        pygame.draw.rect(surface, self.ctx.colours.panel, self.rect, border_radius=self.ctx.space.radius_card)
        surface.blit(self._surface, self.rect)


BAND_WORDS = (N_("blue"), N_("green"), N_("yellow"), N_("orange"), N_("red"))
BAND_MEANINGS = (N_("settled"), N_("close"), N_("moving"), N_("far"), N_("very far"))


def band_range_text(ctx: UIContext, i: int) -> str:
    bands = ctx.colours.excess_bands
    if i == len(bands) - 1:
        return f"{bands[i - 1][0] * 100:g}%+"
    return f"< {bands[i][0] * 100:g}%"


class BarChart(Widget):
    """Excess demand per good in one planning round, as horizontal bars from a zero line:
    right = demand above supply, left = supply above demand. Each bar is coloured by the
    pequod bands (blue < 3%, green < 5%, yellow < 10%, orange < 20%, red otherwise) and also
    labelled with its percentage and band word; a legend names every band."""

    def __init__(
        self,
        ctx: UIContext,
        rect: pygame.Rect,
        labels: Sequence[str],
        excess: Sequence[float],
        *,
        title: str | None = None,
        subtitle: str | None = None,
        icons: Sequence[str | None] = (),
        key: str | None = None,
    ) -> None:
        super().__init__(ctx, rect, key=key)
        self.labels = list(labels)
        self.excess = [0.0 if v is None else v for v in finite(excess)]  # (demand - supply) / supply
        self.title = title
        self.subtitle = subtitle
        self.icons = list(icons)
        self._surface: pygame.Surface | None = None

    def set_data(self, excess: Sequence[float], subtitle: str | None = None) -> None:
        self.excess = [0.0 if v is None else v for v in finite(excess)]
        self.subtitle = subtitle
        self._surface = None

    def render(self) -> pygame.Surface:
        ctx = self.ctx
        _ = ctx._
        surf, w, h, pad, y = chart_panel(ctx, self.rect, self.title, self.subtitle)
        # legend: swatch + colour word + range + meaning, wrapping. If it would squeeze the
        # bars too much (large text), it is left out: every bar still names its band in words.
        sl = ctx.fonts.line_height("small")
        sw = ctx.px(16)
        items = []
        for i, (_upper, _key, colour) in enumerate(ctx.colours.excess_bands):
            text = f"{_(BAND_WORDS[i])} {band_range_text(ctx, i)}: {_(BAND_MEANINGS[i])}"
            items.append((text, colour, sw + ctx.px(6) + ctx.text.size(text, "small")[0] + ctx.px(16)))
        rows, lx = 1, pad
        for _t, _c, iw in items:
            if lx > pad and lx + iw > w - pad:
                rows, lx = rows + 1, pad
            lx += iw
        if h - y - rows * (sl + ctx.px(2)) - sl * 2 >= h * 0.45:
            lx = pad
            for text, colour, iw in items:
                if lx > pad and lx + iw > w - pad:
                    lx = pad
                    y += sl + ctx.px(2)
                pygame.draw.rect(
                    surf, colour, (lx, y + (sl - sw) // 2, sw, sw), border_radius=ctx.space.radius_mark
                )
                ctx.text.draw(surf, text, (lx + sw + ctx.px(6), y), "small", ctx.colours.text_dim)
                lx += iw
            y += sl + ctx.px(10)
        n = len(self.labels)
        if n == 0:
            return surf
        name_w = min(w // 3, max(ctx.text.size(lbl, "small")[0] for lbl in self.labels) + ctx.px(8))
        icon_w = ctx.px(22) if any(self.icons) else 0
        axis_h = sl + ctx.px(6)
        plot = pygame.Rect(pad + icon_w + name_w + ctx.px(8), y, 0, h - y - pad - axis_h)
        edge = ctx.text.size("+100%", "small")[0] // 2
        plot.width = w - plot.x - pad - edge
        if plot.height < ctx.px(24) * n // 2 or plot.width < ctx.px(60):
            return surf  # no room to draw bars legibly
        row = plot.height / n
        vmax = max([0.25] + [abs(e) for e in self.excess])
        step = nice_step(vmax * 100, 2) / 100
        vmax = math.ceil(vmax / step) * step
        zero = plot.centerx

        def xmap(v: float) -> float:
            return zero + v / vmax * (plot.width / 2)

        # grid and axis ticks in percent
        for t in axis_ticks(-vmax, vmax, step):
            xx = round(xmap(t))
            pygame.draw.line(surf, ctx.colours.grid, (xx, plot.y), (xx, plot.bottom), 1)
            txt = ("+" if t > 1e-9 else "") + _fmt(t * 100) + "%"
            ctx.text.draw(
                surf, txt, (xx, plot.bottom + ctx.px(4)), "small", ctx.colours.text_dim, anchor="midtop"
            )
        # the settled zone (blue band) as a faint strip either side of zero
        b0 = ctx.colours.excess_bands[0][0]
        zone = pygame.Rect(round(xmap(-b0)), plot.y, max(1, round(xmap(b0) - xmap(-b0))), plot.height)
        zs = pygame.Surface(zone.size, pygame.SRCALPHA)
        zs.fill((*ctx.colours.base["blue"], 60))
        surf.blit(zs, zone)
        pygame.draw.line(surf, ctx.colours.text, (zero, plot.y), (zero, plot.bottom), max(1, ctx.space.line))
        bar_h = max(ctx.px(6), min(ctx.px(30), round(row * 0.62)))
        for i, (label, e) in enumerate(zip(self.labels, self.excess, strict=False)):
            cy = round(plot.y + row * (i + 0.5))
            band = ctx.colours.excess_band(e)
            colour = ctx.colours.excess_bands[band][2]
            icon = self.icons[i] if i < len(self.icons) else None
            if icon_w and icon:
                ctx.icons.draw(surf, icon, (pad + icon_w // 2, cy), ctx.space.icon_list, ctx.colours.text_dim)
            name = ctx.text.fit(label, "small", name_w - ctx.px(4))
            ctx.text.draw(surf, name, (plot.x - ctx.px(8), cy), "small", ctx.colours.text, anchor="midright")
            x1 = xmap(max(-vmax, min(vmax, e)))
            bar = pygame.Rect(round(min(zero, x1)), cy - bar_h // 2, max(2, round(abs(x1 - zero))), bar_h)
            pygame.draw.rect(surf, colour, bar, border_radius=ctx.space.radius_mark)
            pct = ("+" if e > 0 else "\u2212" if e < 0 else "") + f"{abs(e) * 100:.1f}%"
            txt = f"{pct} {_(BAND_WORDS[band])}"
            tw = ctx.text.size(txt, "small", True)[0]
            # the label goes beyond the bar's end; if there is no room, on the other side of zero
            if e >= 0:
                if bar.right + ctx.px(6) + tw <= plot.right:
                    ctx.text.draw(
                        surf,
                        txt,
                        (bar.right + ctx.px(6), cy),
                        "small",
                        ctx.colours.text,
                        True,
                        "midleft",
                    )
                else:
                    ctx.text.draw(
                        surf, txt, (zero - ctx.px(8), cy), "small", ctx.colours.text, True, "midright"
                    )
            else:
                if bar.left - ctx.px(6) - tw >= plot.x:
                    ctx.text.draw(
                        surf,
                        txt,
                        (bar.left - ctx.px(6), cy),
                        "small",
                        ctx.colours.text,
                        True,
                        "midright",
                    )
                else:
                    ctx.text.draw(
                        surf, txt, (zero + ctx.px(8), cy), "small", ctx.colours.text, True, "midleft"
                    )
        return surf

    def draw(self, surface: pygame.Surface) -> None:
        if self.rect.width <= 0 or self.rect.height <= 0:
            return
        if self._surface is None or self._surface.get_size() != self.rect.size:
            self._surface = self.render()
        surface.blit(self._surface, self.rect)
