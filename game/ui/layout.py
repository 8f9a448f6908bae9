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
