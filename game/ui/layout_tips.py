"""Tooltips checked where they appear: for each part of a screen that has one (each card, each
row of a list, each widget), shown by the mouse resting on it and by the keyboard's focus, the
tooltip must lie in the window with all its lines, leave in view the part it explains when
there is room elsewhere, never cover what the screen keeps clear (the forecast the player is
comparing with), and use only characters its font has.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.ui.layout_check import missing_glyphs


def _tip_points(w: Any) -> list[tuple[int, int]]:
    """Where the mouse can rest for each of a widget's tooltips (each card, each row)."""
    cards = getattr(w, "cards", None)
    if cards is not None:
        return [c.rect.center for c in cards if c.visible]
    if hasattr(w, "index_at") and hasattr(w, "stride"):
        first = w.scroll // w.stride
        rows = range(first, min(len(w.items), first + w.page + 1))
        ys = [w.rect.y + i * w.stride - w.scroll + w.item_height // 2 for i in rows]
        return [(w.rect.x + w.rect.width // 3, y) for y in ys if w.rect.top <= y < w.rect.bottom]
    return [w.rect.center]


def tooltip_problems(app: Any) -> list[str]:
    """Every tooltip of the top scene, shown by the mouse over each part and by the keyboard
    focus on each widget: it must lie in the window with all its lines, never cover the part
    it explains, nor what the screen keeps clear (the forecast), nor have a missing glyph."""
    scene = app.top
    window = app.screen.get_rect()
    keep = scene.keep_clear()
    family = app.ctx.fonts.family
    found: list[str] = []

    def check(how: str, tip: tuple[str, pygame.Rect] | None, at: pygame.Rect) -> None:
        if tip is None:
            return
        text, anchor = tip
        rect, _lines = app.tooltip_box(text, anchor)
        name = f"{how} {text[:40]!r}"
        if not window.contains(rect):
            found.append(f"tooltip {name} leaves the window: {tuple(rect)}")
        room = window.inflate(-2 * app.ctx.space.inset, -2 * app.ctx.space.inset)
        had_room = (
            rect.height <= max(anchor.top, window.bottom - anchor.bottom) - room.top
            or rect.width <= max(anchor.left, window.right - anchor.right) - room.left
        )
        if rect.colliderect(at) and had_room:
            found.append(f"tooltip {name} covers what it explains {tuple(at)}: {tuple(rect)}")
        for k in keep:
            if rect.colliderect(k) and not k.colliderect(at):
                found.append(f"tooltip {name} covers a panel kept clear {tuple(k)}: {tuple(rect)}")
        missing = missing_glyphs(family, False, text)
        if missing:
            found.append(f"tooltip {name}: no glyph for {''.join(missing)!r}")

    away = pygame.event.Event(pygame.MOUSEMOTION, pos=(-10, -10), rel=(0, 0), buttons=(0, 0, 0))
    ring = scene.focus
    saved = (ring.current, ring.visible, ring.keyboard)
    ring.visible = ring.keyboard = False
    try:
        for w in [w for w in scene.widgets if w.visible]:
            for pos in _tip_points(w):
                scene.handle_event(
                    pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
                )
                check("hover", scene.tooltip(), w.hover_rect)
            scene.handle_event(away)
        ring.visible = ring.keyboard = True
        for w in [w for w in scene.widgets if w.visible and w.focusable and w.enabled]:
            ring.focus(w)
            check("focus", scene.tooltip(), w.focus_rect)
    finally:
        scene.handle_event(away)
        if saved[0] is not None:
            ring.focus(saved[0])
        ring.visible, ring.keyboard = saved[1], saved[2]
    return found
