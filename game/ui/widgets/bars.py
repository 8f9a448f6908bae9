"""The planning round's bar chart: excess demand per good, coloured by the pequod bands and
labelled in words, so the bands read without colour too."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pygame

from game.i18n import N_, PERCENT_SIGN
from game.ui.context import UIContext
from game.ui.widgets.base import Widget
from game.ui.widgets.chart_data import axis_ticks, finite
from game.ui.widgets.charts import _fmt, chart_panel, nice_step

BAND_WORDS = (N_("blue"), N_("green"), N_("yellow"), N_("orange"), N_("red"))
BAND_MEANINGS = (N_("settled"), N_("close"), N_("moving"), N_("far"), N_("very far"))


def band_range_text(ctx: UIContext, i: int) -> str:
    bands = ctx.colours.excess_bands
    if i == len(bands) - 1:
        return ctx.tr.percent(bands[i - 1][0] * 100, "g") + "+"
    return "< " + ctx.tr.percent(bands[i][0] * 100, "g")


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
        self.squeezed = False  # the last render had no room for the bars

    focusable = True  # Tab reaches it: its tooltip reads every bar in words

    def tooltip_text(self) -> str | None:
        """Every bar in words (names the chart shortens are whole here)."""
        _ = self.ctx._
        rows = [
            f"{label}: {'+' if e > 0 else '−' if e < 0 else ''}{self.ctx.tr.pct(abs(e), 1)} "
            f"{_(BAND_MEANINGS[self.ctx.colours.excess_band(e)])}"
            for label, e in zip(self.labels, self.excess, strict=False)
        ]
        return "\n".join([t for t in (self.title, self.subtitle) if t] + rows) or None

    def set_data(self, excess: Sequence[float], subtitle: str | None = None) -> None:
        self.excess = [0.0 if v is None else v for v in finite(excess)]
        self.subtitle = subtitle
        self._surface = None

    def render(self) -> pygame.Surface:
        ctx = self.ctx
        _ = ctx._
        surf, w, h, pad, y = chart_panel(ctx, self.rect, self.title, self.subtitle)
        # legend: swatch + colour word + range + meaning, wrapping. If it would squeeze the
        # bars too much (large text), it is left out: every bar then says what its band means.
        sl = ctx.fonts.line_height("small")
        sw = ctx.space.bar_chart.swatch
        items = []
        for i, (_upper, _key, colour) in enumerate(ctx.colours.excess_bands):
            text = f"{_(BAND_WORDS[i])} {band_range_text(ctx, i)}: {_(BAND_MEANINGS[i])}"
            items.append(
                (
                    text,
                    colour,
                    sw
                    + ctx.space.bar_chart.swatch_gap
                    + ctx.text.size(text, "small")[0]
                    + ctx.space.bar_chart.legend_item_gap,
                )
            )
        rows, lx = 1, pad
        for _t, _c, iw in items:
            if lx > pad and lx + iw > w - pad:
                rows, lx = rows + 1, pad
            lx += iw
        n = len(self.labels)
        # rows lower than this let the names' ink touch; the percent ticks have no descenders
        ascent = ctx.fonts.get("small").get_ascent()
        row_min = ascent - ctx.space.hair
        legend_h = rows * (sl + ctx.space.tiny) + ctx.space.bar_chart.legend_pad
        with_legend = h - y - legend_h - sl * 2 - pad >= max(h * 0.45, n * row_min)
        if with_legend:
            lx = pad
            for text, colour, iw in items:
                if lx > pad and lx + iw > w - pad:
                    lx = pad
                    y += sl + ctx.space.tiny
                pygame.draw.rect(
                    surf, colour, (lx, y + (sl - sw) // 2, sw, sw), border_radius=ctx.space.radius_mark
                )
                ctx.text.draw(
                    surf, text, (lx + sw + ctx.space.bar_chart.swatch_gap, y), "small", ctx.colours.text_dim
                )
                lx += iw
            y += sl + ctx.space.bar_chart.legend_after
        if n == 0:
            return surf
        name_w = min(
            w // 3, max(ctx.text.size(lbl, "small")[0] for lbl in self.labels) + ctx.space.bar_chart.name_pad
        )
        icon_w = ctx.space.bar_chart.icon_col if any(self.icons) else 0
        axis_h = ascent + ctx.space.bar_chart.axis_gap
        plot = pygame.Rect(pad + icon_w + name_w + ctx.space.bar_chart.name_gap, y, 0, h - y - pad - axis_h)
        edge = ctx.text.size("+" + ctx.tr.percent(100), "small")[0] // 2
        plot.width = w - plot.x - pad - edge
        self.squeezed = plot.height < row_min * n or plot.width < ctx.space.bar_chart.min_plot_w
        if self.squeezed:
            return surf  # no room to draw bars legibly (layout checks report it)
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
            txt = ("+" if t > 1e-9 else "") + _fmt(t * 100, ctx.tr.lang) + PERCENT_SIGN.get(ctx.tr.lang, "%")
            ctx.text.draw(
                surf,
                txt,
                (xx, plot.bottom + ctx.space.bar_chart.tick_gap),
                "small",
                ctx.colours.text_dim,
                anchor="midtop",
            )
        # the settled zone (blue band) as a faint strip either side of zero
        b0 = ctx.colours.excess_bands[0][0]
        zone = pygame.Rect(round(xmap(-b0)), plot.y, max(1, round(xmap(b0) - xmap(-b0))), plot.height)
        zs = pygame.Surface(zone.size, pygame.SRCALPHA)
        zs.fill((*ctx.colours.base["blue"], 60))
        surf.blit(zs, zone)
        pygame.draw.line(surf, ctx.colours.text, (zero, plot.y), (zero, plot.bottom), max(1, ctx.space.line))
        bar_h = max(ctx.space.bar_chart.bar_min_h, min(ctx.space.bar_chart.bar_max_h, round(row * 0.62)))
        values: list[tuple[str, tuple[int, int], str]] = []  # each bar's label: text, place, anchor
        bc = ctx.space.bar_chart
        for i, (label, e) in enumerate(zip(self.labels, self.excess, strict=False)):
            cy = round(plot.y + row * (i + 0.5))
            band = ctx.colours.excess_band(e)
            colour = ctx.colours.excess_bands[band][2]
            icon = self.icons[i] if i < len(self.icons) else None
            if icon_w and icon:
                ctx.icons.draw(surf, icon, (pad + icon_w // 2, cy), ctx.space.icon_list, ctx.colours.text_dim)
            name = ctx.text.fit(label, "small", name_w - ctx.space.bar_chart.name_fit_less)
            ctx.text.draw(
                surf,
                name,
                (plot.x - ctx.space.bar_chart.name_gap, cy),
                "small",
                ctx.colours.text,
                anchor="midright",
            )
            x1 = xmap(max(-vmax, min(vmax, e)))
            bar = pygame.Rect(round(min(zero, x1)), cy - bar_h // 2, max(2, round(abs(x1 - zero))), bar_h)
            pygame.draw.rect(surf, colour, bar, border_radius=ctx.space.radius_mark)
            pct = ("+" if e > 0 else "\u2212" if e < 0 else "") + ctx.tr.pct(abs(e), 1)
            # beside the legend a bar names its band's colour; without it, what the band means
            txt = f"{pct} {_(BAND_WORDS[band] if with_legend else BAND_MEANINGS[band])}"
            tw = ctx.text.size(txt, "small", True)[0]
            # the label goes beyond the bar's end; if there is no room, on the other side of zero
            if e >= 0:
                out = bar.right + bc.label_gap + tw <= plot.right
                at, anchor = (
                    ((bar.right + bc.label_gap, cy), "midleft")
                    if out
                    else ((zero - bc.zero_gap, cy), "midright")
                )
            else:
                out = bar.left - bc.label_gap - tw >= plot.x
                at, anchor = (
                    ((bar.left - bc.label_gap, cy), "midright")
                    if out
                    else ((zero + bc.zero_gap, cy), "midleft")
                )
            values.append((txt, at, anchor))
        # the labels on backings of the panel's colour round their ink (the grid lines they
        # lie across stop at the edge), all backings first so none covers a neighbour's letters
        for txt, at, anchor in values:
            rendered = ctx.text.render(txt, "small", ctx.colours.text, True)
            ink = rendered.get_bounding_rect().move(rendered.get_rect(**{anchor: at}).topleft)
            pygame.draw.rect(surf, ctx.colours.panel, ink.inflate(bc.label_gap, ctx.space.hair * 2))
        for txt, at, anchor in values:
            ctx.text.draw(surf, txt, at, "small", ctx.colours.text, True, anchor)
        return surf

    def draw(self, surface: pygame.Surface) -> None:
        if self.rect.width <= 0 or self.rect.height <= 0:
            return
        if self._surface is None or self._surface.get_size() != self.rect.size:
            self._surface = self.render()
        surface.blit(self._surface, self.rect)
