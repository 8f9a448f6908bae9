"""The narrow layout's resource strip (the Actions tab at large text sizes): each resource's
icon, amount, income and whole name, flowing onto another row when a row is full, so no name
is cut while the window has room for it (a name wider than a whole row is cut with "…", and
the strip's tooltip says it whole)."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.ui.context import UIContext
from game.ui.scenes.turn.panels import ResourceLine, amount_w, amount_words

# a strip's rows: each a list of (resource's index, the width its name is cut at or None)
Rows = list[list[tuple[int, int | None]]]


def strip_rows(ctx: UIContext, lines: Sequence[ResourceLine], width: int) -> Rows:
    """The resources flowed into rows of `width`, in their order."""
    rs = ctx.space.resources
    rows: Rows = [[]]
    used = 0
    for i, r in enumerate(lines):
        amount = amount_w(ctx, r)
        wd = amount + ctx.text.size(r.name, "small")[0] + rs.name_gap
        cap = None
        if wd > width:  # alone on its row, the name cut to the room left
            cap, wd = max(0, width - amount - rs.name_gap), width
        if rows[-1] and used + rs.after + wd > width:
            rows.append([])
            used = 0
        used += (rs.after if rows[-1] else 0) + wd
        rows[-1].append((i, cap))
    return rows if rows[0] else []


def strip_cut(ctx: UIContext, lines: Sequence[ResourceLine], width: int) -> bool:
    """Whether the strip cuts a name (then its tooltip says every resource whole)."""
    return any(cap is not None for row in strip_rows(ctx, lines, width) for _i, cap in row)


def row_height(ctx: UIContext) -> int:
    return ctx.fonts.line_height("small", True) + ctx.space.turn.resource_strip_pad


def draw_strip(
    surface: pygame.Surface, ctx: UIContext, lines: Sequence[ResourceLine], rect: pygame.Rect
) -> None:
    """The strip in `rect`, a row of it under another (rows beyond the rect are left out)."""
    rs = ctx.space.resources
    sl = ctx.fonts.line_height("small", True)
    for n, row in enumerate(strip_rows(ctx, lines, rect.width)):
        y = rect.y + n * row_height(ctx)
        if n and y + sl > rect.bottom:
            break
        x = rect.x
        for i, cap in row:
            r = lines[i]
            name = r.name if cap is None else ctx.text.fit(r.name, "small", cap)
            icon_at = (x + rs.icon_x, y + sl // 2 + rs.compact_icon_y)
            ctx.icons.draw(surface, r.icon, icon_at, ctx.space.icon, ctx.colours.accent)
            at = (x + rs.value_x, y + ctx.space.nudge)
            value, inc = amount_words(ctx, r)
            drawn = ctx.text.draw(surface, value, at, "small", ctx.colours.text, True)
            at = (drawn.right + ctx.space.nudge, y + ctx.space.nudge)
            drawn = ctx.text.draw(surface, inc, at, "small", ctx.colours.good)
            at = (drawn.right + ctx.space.gap, y + ctx.space.nudge)
            ctx.text.draw(surface, name, at, "small", ctx.colours.text_dim)
            x += amount_w(ctx, r) + ctx.text.size(name, "small")[0] + rs.name_gap + rs.after
