"""Where a chart's threshold labels go: beside their lines, inside the plot, clear of each
other, of the other threshold lines and, where it can be, of the data lines, since a label's
backing hides what lies under it. Apart from charts.py, which draws the lines."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pygame

from game.ui.context import UIContext

Colour = tuple[int, int, int]
Segments = Sequence[tuple[tuple[float, float], tuple[float, float]]]  # stretches of data lines
LABELS_MAY_HIDE = 0.2  # [D] the share of a plot its threshold labels may cover, whole


@dataclass
class Threshold:
    value: float
    label: str
    colour: Colour | None = None  # the theme's text_dim when not given
    short: str = ""  # drawn instead when `label` does not fit the plot's width (a narrow chart)
    tiny: str = ""  # drawn when not even the short labels fit (the value, in the reader's words)


def label_places(
    ctx: UIContext,
    thresholds: Sequence[Threshold],
    shown: list[Threshold],
    ymap: Callable[[float], float],
    plot: pygame.Rect,
    segments: Segments = (),
) -> list[tuple[pygame.Rect, pygame.Surface]]:
    """Where each threshold's label goes: the full labels if they all find a free place,
    else the short ones, else the tiny ones (a narrow chart), else whichever placed
    most. A label with no free place is left out: its line stays, the description has
    it. Keeping off the data lines is a preference that never costs a label: where the
    labels placed that way are fewer, they are placed as if the data lines were not there."""

    def place(avoid: Segments) -> list[tuple[pygame.Rect, pygame.Surface]]:
        """The labels' places keeping off the data lines `avoid`."""
        best: list[tuple[pygame.Rect, pygame.Surface]] = []
        whole: list[list[tuple[pygame.Rect, pygame.Surface]]] = []  # kinds that placed them all
        lines = [round(ymap(th.value)) for th in shown]
        for kind in ("label", "short", "tiny"):
            placed: list[tuple[pygame.Rect, pygame.Surface]] = []
            for th in shown:
                short = th.short or th.label  # a line with no shorter label keeps its own
                text = th.label if kind == "label" else short if kind == "short" else th.tiny or short
                box, lbl = (
                    label_spot(ctx, thresholds, text, th, ymap, plot, [b for b, _ in placed], avoid)
                    if text
                    else (None, None)
                )
                if box is not None and lbl is not None:
                    placed.append((box, lbl))
            if len(placed) == len(shown):
                # the whole labels unless one of them lies across another line (lines closer
                # than a label's height) or they hide much of a small plot: then the kind
                # that hides the least of it
                across = [
                    j
                    for i, (box, _) in enumerate(placed)
                    for j, y in enumerate(lines)
                    if j != i and box.top <= y <= box.bottom
                ]
                hidden = sum(box.width * box.height for box, _ in placed)
                if not across and hidden <= LABELS_MAY_HIDE * plot.width * plot.height:
                    return placed
                whole.append(placed)
            if len(placed) > len(best):
                best = placed
        if whole:
            return min(whole, key=lambda kind: sum(box.width * box.height for box, _ in kind))
        return best

    kept = place(segments)
    if segments and len(kept) < len(shown):
        plain = place(())
        return plain if len(plain) > len(kept) else kept
    return kept


def label_spot(
    ctx: UIContext,
    thresholds: Sequence[Threshold],
    text: str,
    th: Threshold,
    ymap: Callable[[float], float],
    plot: pygame.Rect,
    placed: list[pygame.Rect],
    segments: Segments = (),
) -> tuple[pygame.Rect | None, pygame.Surface | None]:
    """A free place for a threshold's label beside its line, inside the plot (a label
    wider than the plot has none), and the label drawn. Its backing hides what lies under
    it, so a spot that cuts no data line is preferred (a label once cut the support line
    in two on the debrief)."""
    yy = round(ymap(th.value))
    lbl = ctx.text.render(text, "small", th.colour or ctx.colours.text_dim)
    w_, h_ = (
        lbl.get_width() + ctx.space.chart.label_pad_x,
        lbl.get_height() + ctx.space.chart.label_pad_y,
    )
    inset = ctx.space.chart.label_inset
    if w_ > plot.width - inset:
        return None, lbl
    left, right = plot.x + inset, max(plot.x + inset, plot.right - w_ - inset)
    xs = sorted(
        {
            left,
            (left + right) // 2,
            right,
            *range(left, right, max(1, w_ + ctx.space.chart.label_step_gap)),
        }
    )
    over = ctx.space.chart.label_overhang
    # above its line, below it, or on it (its backing interrupts its own line), kept inside
    # the plot: lines closer than a label's height (3.5 and 25 on a short chart) would
    # otherwise put one line's label across the other line
    on_line = max(plot.top - over, min(yy - h_ // 2, plot.bottom + over - h_))
    ys = (yy - ctx.space.chart.label_off_line - h_, yy + ctx.space.chart.label_off_line, on_line)
    spots = [
        pygame.Rect(x, y, w_, h_)
        for y in ys
        for x in xs
        if plot.top - over <= y and y + h_ <= plot.bottom + over
    ]
    others = [
        round(ymap(t.value)) for t in thresholds if t is not th and plot.top <= ymap(t.value) <= plot.bottom
    ]
    # a spot that covers no other threshold line first, then one that cuts the fewest
    # stretches of the data lines, then one whose nearest line is its own
    spots.sort(
        key=lambda r: (
            any(r.top <= y <= r.bottom for y in others),
            sum(1 for a, b in segments if r.clipline(a, b)),
            any(abs(r.centery - y) < abs(r.centery - yy) for y in others),
        )
    )
    return next((r for r in spots if r.collidelist(placed) < 0), None), lbl
