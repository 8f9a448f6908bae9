"""Panels and small drawing helpers shared by widgets and scenes."""

from __future__ import annotations

import pygame

from game.ui.context import UIContext

Colour = tuple[int, int, int]


def draw_panel(
    surface: pygame.Surface,
    ctx: UIContext,
    rect: pygame.Rect,
    *,
    title: str | None = None,
    icon: str | None = None,
    colour: Colour | None = None,
    edge: Colour | None = None,
    accent: Colour | None = None,
) -> pygame.Rect:
    """A rounded panel, optionally with an icon and title; returns the content rect below it."""
    radius = ctx.space.radius_panel
    pygame.draw.rect(surface, colour or ctx.colours.panel, rect, border_radius=radius)
    pygame.draw.rect(
        surface, edge or ctx.colours.panel_edge, rect, max(1, ctx.space.hair), border_radius=radius
    )
    pad = ctx.space.panel_pad
    inner = rect.inflate(-2 * pad, -2 * pad)
    if accent is not None:
        bar = pygame.Rect(rect.x, rect.y + radius, max(2, ctx.space.stripe), rect.height - 2 * radius)
        pygame.draw.rect(surface, accent, bar)
    if title:
        x = inner.x
        lh = ctx.fonts.line_height("body", True)
        if icon:
            isz = ctx.space.icon
            ctx.icons.draw(surface, icon, (x + isz // 2, inner.y + lh // 2), isz, accent or ctx.colours.text)
            x += isz + ctx.space.inset
        title = ctx.text.fit(title, "body", inner.right - x, True)
        ctx.text.draw(surface, title, (x, inner.y), "body", ctx.colours.text, bold=True)
        inner = pygame.Rect(
            inner.x, inner.y + lh + ctx.space.gap, inner.width, inner.height - lh - ctx.space.gap
        )
    return inner


def triangle(
    surface: pygame.Surface, center: tuple[int, int], size: int, direction: str, colour: Colour
) -> None:
    """A filled arrow head pointing up, down, left or right."""
    cx, cy = center
    h = size / 2
    pts = {
        "up": [(cx, cy - h), (cx + h, cy + h * 0.8), (cx - h, cy + h * 0.8)],
        "down": [(cx, cy + h), (cx + h, cy - h * 0.8), (cx - h, cy - h * 0.8)],
        "left": [(cx - h, cy), (cx + h * 0.8, cy - h), (cx + h * 0.8, cy + h)],
        "right": [(cx + h, cy), (cx - h * 0.8, cy - h), (cx - h * 0.8, cy + h)],
    }[direction]
    pygame.draw.polygon(surface, colour, [(round(x), round(y)) for x, y in pts])


def dashed_line(
    surface: pygame.Surface,
    colour: Colour,
    a: tuple[float, float],
    b: tuple[float, float],
    width: int,
    pattern: tuple[int, ...],
    phase: float = 0.0,
) -> float:
    """Draw a line with an on/off dash pattern (pixels); returns the phase to continue with."""
    if not pattern:
        pygame.draw.line(surface, colour, a, b, width)
        return phase
    ax, ay = a
    bx, by = b
    length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
    if length == 0:
        return phase
    ux, uy = (bx - ax) / length, (by - ay) / length
    period = sum(pattern)
    pos = 0.0
    while pos < length:
        p = (phase + pos) % period
        acc = 0
        for i, seg in enumerate(pattern):
            if p < acc + seg:
                remaining = acc + seg - p
                on = i % 2 == 0
                break
            acc += seg
        end = min(length, pos + remaining)
        if on:
            pygame.draw.line(
                surface,
                colour,
                (ax + ux * pos, ay + uy * pos),
                (ax + ux * end, ay + uy * end),
                width,
            )
        pos = end
    return (phase + length) % period
