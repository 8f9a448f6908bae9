"""Layout helpers that keep every screen usable from 100% to 200% scale at 1280x720."""

from __future__ import annotations

import math

import pygame


def fit_columns(n: int, area: pygame.Rect, item_h: int, gap: int, max_cols: int = 3) -> list[pygame.Rect]:
    """n equal items in as few columns as fit `area` vertically (filled column by column)."""
    if n <= 0:
        return []
    rows_fit = max(1, (area.height + gap) // (item_h + gap))
    cols = min(max_cols, math.ceil(n / rows_fit))
    rows = math.ceil(n / cols)
    col_w = (area.width - gap * (cols - 1)) // cols
    out = []
    for i in range(n):
        c, r = divmod(i, rows)
        out.append(pygame.Rect(area.x + c * (col_w + gap), area.y + r * (item_h + gap), col_w, item_h))
    return out


def row(n: int, area: pygame.Rect, gap: int) -> list[pygame.Rect]:
    """n equal rects side by side filling `area`."""
    if n <= 0:
        return []
    w = (area.width - gap * (n - 1)) // n
    return [pygame.Rect(area.x + i * (w + gap), area.y, w, area.height) for i in range(n)]


def tooltip_place(
    screen: pygame.Rect,
    anchor: pygame.Rect,
    size: tuple[int, int],
    pad: int,
    gap: int,
    keep_clear: list[pygame.Rect],
) -> pygame.Rect:
    """Where a tooltip goes: beside its widget (right, then left), else below or above it,
    in the window and off the parts the screen keeps clear (the forecast the player is
    comparing); the first place that covers none of them."""
    w, h = size
    cy = min(max(screen.top + pad, anchor.centery - h // 2), screen.bottom - h - pad)
    cx = min(max(screen.left + pad, anchor.centerx - w // 2), screen.right - w - pad)
    beside = [pygame.Rect(anchor.right + gap, cy, w, h), pygame.Rect(anchor.left - gap - w, cy, w, h)]
    places = []
    for y in (anchor.bottom + gap, anchor.top - gap - h):  # centred, else flush with an edge
        places += [pygame.Rect(x, y, w, h) for x in (cx, anchor.right - w, anchor.left)]
    # beside a small widget first (never over the next one in a column); beside a tall one last
    places = beside + places if anchor.height < screen.height // 3 else places + beside
    area = screen.inflate(-2 * pad, -2 * pad)
    inside = [r for r in places if area.contains(r)]
    for r in inside:
        if r.collidelist(keep_clear) < 0:
            return r
    # too big for every place beside its widget: moved into the window, off the widget and
    # the parts kept clear where it can be
    moved = [r.clamp(area) for r in places] or [pygame.Rect(cx, cy, w, h)]
    clear = [r for r in moved if not r.colliderect(anchor)]
    for r in clear:
        if r.collidelist(keep_clear) < 0:
            return r
    return inside[0] if inside else (clear or moved)[0]
