"""The turn screen's header: the level's title and the turn count, then every resource, left of
the header's buttons. It is planned when the screen is built (`plan_header`), so the scene can
put a tooltip (a `TipArea`) over each part the plan had to shorten, and drawn every frame from
that plan (`draw_header`): a long title is set smaller before it is cut, and the resources are
all shown (with their names above when they fit, else by icon with the names in a tooltip) or,
when even that leaves no room, left to the Actions tab's strip.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.ui.context import UIContext
from game.ui.scenes.turn.panels import ResourceLine, amount_w, draw_resources
from game.ui.scenes.turn.strip import strip_cut

TITLE_SIZES = ("large", "body", "small")  # the title's sizes, largest first


@dataclass(frozen=True)
class HeaderPlan:
    title: str  # as drawn (shortened with "…" only when no size fits it whole)
    title_size: str
    resources_x: int | None  # where the resources start; None: no room in the header
    names: bool  # each resource's name above its amount (else the icon alone)
    tips: tuple[tuple[pygame.Rect, str], ...]  # parts shown shortened, with the whole text
    name_w: int = 0  # a resource's name is cut with "…" beyond this


def resource_words(ctx: UIContext, resources: Sequence[ResourceLine]) -> str:
    """Each resource whole, a line each (the tooltip where names are cut or left out)."""
    return "\n".join(
        ctx.tr.say("{name}: {start:g}, +{income:g} a turn", name=r.name, start=r.value, income=r.income)
        for r in resources
    )


def strip_words(ctx: UIContext, resources: Sequence[ResourceLine], width: int) -> str:
    """The Actions tab's strip's tooltip text when it cuts or leaves out a name, else ""."""
    return resource_words(ctx, resources) if strip_cut(ctx, resources, width) else ""


def plan_header(
    ctx: UIContext,
    header_h: int,
    title: str,
    turn_line: str,
    limit: int,
    resources: Sequence[ResourceLine],
) -> HeaderPlan:
    """Where the header's parts go left of `limit` (the x of its first button)."""
    x = ctx.space.margin
    hd, rs = ctx.space.turn_header, ctx.space.resources
    room = max(ctx.space.margin, min(hd.title_max_w, limit - x))
    size = next((s for s in TITLE_SIZES if ctx.text.size(title, s, True)[0] <= room), None)
    tips: list[tuple[pygame.Rect, str]] = []
    shown = title
    if size is None:
        size, shown = TITLE_SIZES[-1], ctx.text.fit(title, TITLE_SIZES[-1], room, True)
    title_w = max(ctx.text.size(shown, size, True)[0], ctx.text.size(turn_line, "small")[0])
    if shown != title:
        tips.append((pygame.Rect(x, 0, title_w, header_h), f"{title}\n{turn_line}"))
    gap = rs.after
    rx = x + title_w + hd.resources_gap
    bare = [amount_w(ctx, r) for r in resources]
    full = [max(ctx.text.size(r.name, "small")[0], a) for r, a in zip(resources, bare, strict=True)]
    # whole names where the header has room for them, else each cut at the theme's resources.name_max_w
    whole_fit = rx + sum(full) + gap * (len(full) - 1) <= limit
    name_w = max(full, default=0) if whole_fit else ctx.space.resources.name_max_w
    named = full if whole_fit else [min(f, max(name_w, a)) for f, a in zip(full, bare, strict=True)]
    names_cut = not whole_fit and any(ctx.text.size(r.name, "small")[0] > name_w for r in resources)
    if resources and rx + sum(named) + gap * (len(named) - 1) <= limit:
        names, width = True, sum(named) + gap * (len(named) - 1)
    elif resources and rx + sum(bare) + gap * (len(bare) - 1) <= limit:
        names, width = False, sum(bare) + gap * (len(bare) - 1)
    else:
        return HeaderPlan(shown, size, None, False, tuple(tips))
    if names_cut or not names:
        tips.append((pygame.Rect(rx, 0, width, header_h), resource_words(ctx, resources)))
    return HeaderPlan(shown, size, rx, names, tuple(tips), name_w)


def draw_header(
    surface: pygame.Surface,
    ctx: UIContext,
    header_h: int,
    plan: HeaderPlan,
    turn_line: str,
    resources: Sequence[ResourceLine],
) -> None:
    """The header as planned: band, title, turn count and resources."""
    w = surface.get_width()
    pygame.draw.rect(surface, ctx.colours.bg_deep, (0, 0, w, header_h))
    pygame.draw.line(
        surface, ctx.colours.accent, (0, header_h - 1), (w, header_h - 1), max(2, ctx.space.line)
    )
    x = ctx.space.margin
    lh = ctx.fonts.line_height(plan.title_size, True)
    hd = ctx.space.turn_header
    top = max(hd.title_top, (header_h - lh - ctx.fonts.line_height("small") + hd.turn_line_raise) // 2)
    ctx.text.draw(surface, plan.title, (x, top), plan.title_size, ctx.colours.text, True)
    ctx.text.draw(surface, turn_line, (x, top + lh - hd.turn_line_raise), "small", ctx.colours.text_dim)
    if plan.resources_x is None:
        return
    lines = resources if plan.names else [ResourceLine(r.icon, "", r.value, r.income) for r in resources]
    draw_resources(surface, ctx, lines, plan.resources_x, w, hd.resources_top, name_w=plan.name_w or None)
