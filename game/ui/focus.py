"""Keyboard focus for a whole screen: Tab / Shift+Tab walk the focusable widgets in order,
arrows move to the nearest widget in that direction (after the focused widget had its chance
to use them), Enter or Space activates. The ring is drawn by the App on top of everything.
"""

from __future__ import annotations

import pygame

from game.ui.context import UIContext
from game.ui.widgets.base import Widget

ACTIVATE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
ARROWS = {
    pygame.K_UP: (0, -1),
    pygame.K_DOWN: (0, 1),
    pygame.K_LEFT: (-1, 0),
    pygame.K_RIGHT: (1, 0),
}


class FocusRing:
    def __init__(self) -> None:
        self.items: list[Widget] = []
        self.index = -1
        self.visible = True
        self.keyboard = False  # True once a key moved or used the focus (tooltips follow it)

    def set_items(self, items: list[Widget], prefer: str | None = None) -> None:
        """Replace the focus order, keeping focus on the widget with the same key if any."""
        old = self.current
        old_key = prefer or (old.key if old is not None else None)
        for w in self.items:
            w.set_focused(False)
        self.items = [w for w in items if w.focusable]
        self.index = -1
        if old_key is not None:
            for i, w in enumerate(self.items):
                if w.key == old_key and self._usable(w):
                    self.index = i
        if self.index < 0:
            self.index = next((i for i, w in enumerate(self.items) if self._usable(w)), -1)
        self._mark()

    @staticmethod
    def _usable(w: Widget) -> bool:
        return w.visible and w.enabled

    @property
    def current(self) -> Widget | None:
        if 0 <= self.index < len(self.items):
            return self.items[self.index]
        return None

    def _mark(self) -> None:
        for i, w in enumerate(self.items):
            w.set_focused(i == self.index)

    def focus(self, widget: Widget) -> None:
        if widget in self.items:
            self.index = self.items.index(widget)
            self._mark()

    def step(self, delta: int) -> bool:
        n = len(self.items)
        if n == 0:
            return False
        i = self.index
        for _ in range(n):
            i = (i + delta) % n if i >= 0 else (0 if delta > 0 else n - 1)
            if self._usable(self.items[i]):
                self.index = i
                self._mark()
                return True
        return False

    def move(self, dx: int, dy: int) -> bool:
        """Focus the nearest usable widget whose centre lies in direction (dx, dy)."""
        cur = self.current
        if cur is None:
            return self.step(1)
        cx, cy = cur.focus_rect.center
        best: tuple[float, int] | None = None
        for i, w in enumerate(self.items):
            if i == self.index or not self._usable(w):
                continue
            wx, wy = w.focus_rect.center
            along = (wx - cx) * dx + (wy - cy) * dy
            if along <= 0:
                continue
            across = abs((wx - cx) * dy) + abs((wy - cy) * dx)
            score = along + 2.5 * across
            if best is None or score < best[0]:
                best = (score, i)
        if best is None:
            return False
        self.index = best[1]
        self._mark()
        return True

    def handle_key(self, event: pygame.event.Event) -> bool:
        """Route one KEYDOWN; True when it was used."""
        used = self._handle_key(event)
        if used:
            self.keyboard = True
        return used

    def _handle_key(self, event: pygame.event.Event) -> bool:
        cur = self.current
        if event.key == pygame.K_TAB:
            self.visible = True
            return self.step(-1 if event.mod & pygame.KMOD_SHIFT else 1)
        if cur is not None and self._usable(cur) and cur.on_key(event):
            self.visible = True
            return True
        if event.key in ARROWS:
            self.visible = True
            dx, dy = ARROWS[event.key]
            return self.move(dx, dy)
        if event.key in ACTIVATE_KEYS and cur is not None and self._usable(cur):
            self.visible = True
            cur.activate()
            return True
        return False

    def draw(self, surface: pygame.Surface, ctx: UIContext) -> None:
        cur = self.current
        if not self.visible or cur is None or not cur.visible:
            return
        pad = max(3, ctx.space.nudge)
        width = max(3, ctx.space.ring)
        rect = cur.focus_rect.inflate(pad * 2, pad * 2)
        radius = max(6, ctx.space.radius_panel)
        pygame.draw.rect(
            surface,
            ctx.colours.bg_deep,
            rect.inflate(width * 2, width * 2),
            width,
            border_radius=radius + width,
        )
        pygame.draw.rect(surface, ctx.colours.focus, rect, width, border_radius=radius)
