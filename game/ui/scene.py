"""The scene interface: one screen of the game, with lifecycle hooks the App calls.

Lifecycle: `enter` when pushed, `pause` when another scene covers it, `resume` when it is
on top again, `exit` when popped or replaced. `build` (re)creates the widgets for the current
window size, scale and language; it runs on enter, resume and every relayout, so a scene keeps
its state in plain attributes and never in its widgets.
"""

from __future__ import annotations

from typing import TypeVar

import pygame

from game.ui.context import UIContext
from game.ui.focus import FocusRing
from game.ui.host import SceneHost
from game.ui.widgets.base import Widget

W = TypeVar("W", bound=Widget)

MOUSE_EVENTS = (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION, pygame.MOUSEWHEEL)


class Scene:
    name = "scene"
    overlay = False  # True: drawn over a dimmed picture of the scene below (dialogs)
    initial_focus: str | None = None  # key of the widget focused when the screen opens

    def __init__(self, app: SceneHost) -> None:
        self.app = app
        self.widgets: list[Widget] = []
        self.focus = FocusRing()
        self.under: pygame.Surface | None = None
        self.time = 0.0

    # --- helpers ---------------------------------------------------------------------
    @property
    def ctx(self) -> UIContext:
        return self.app.ctx

    def _(self, message: str) -> str:
        return self.app.ctx.tr.gettext(message)

    @property
    def size(self) -> tuple[int, int]:
        return self.app.screen.get_size()

    def add(self, widget: W) -> W:
        if hasattr(widget, "ring"):
            widget.ring = self.focus  # so a mouse click moves the focus ring too
        self.widgets.append(widget)
        return widget

    # --- lifecycle -------------------------------------------------------------------
    def enter(self) -> None:
        self.rebuild()

    def exit(self) -> None:
        self.clear()

    def pause(self) -> None:
        self.clear()

    def resume(self) -> None:
        self.rebuild()

    def build(self) -> None:
        """Create this scene's widgets (called with an empty widget list)."""

    def after_build(self) -> None:
        """Widgets every screen of a kind adds after its own (last in the focus order)."""

    def rebuild(self) -> None:
        current = self.focus.current
        prefer = current.key if current is not None else self.initial_focus
        self.clear()
        self.build()
        self.after_build()
        self.focus.set_items(self.widgets, prefer)

    def clear(self) -> None:
        for w in self.widgets:
            w.kill()
        self.widgets = []

    def visible_rect(self, widget: Widget) -> pygame.Rect:
        """The part of a widget that is drawn (scrolling screens clip their content)."""
        return widget.rect

    # --- input -----------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.back()
                return True
            if self.focus.handle_key(event):
                return True
            return self.on_key(event)
        if event.type in MOUSE_EVENTS:
            if event.type != pygame.MOUSEMOTION:
                self.focus.visible = False
            for w in reversed(self.widgets):
                if w.visible and w.handle_event(event):
                    if w.focusable and event.type == pygame.MOUSEBUTTONDOWN:
                        self.focus.focus(w)
                    return True
        return False

    def on_key(self, event: pygame.event.Event) -> bool:
        """Scene shortcuts for keys the focus ring did not use."""
        return False

    def back(self) -> None:
        """Esc: leave this screen."""
        self.app.pop()

    # --- frame -----------------------------------------------------------------------
    def update(self, dt: float) -> None:
        self.time += dt
        for w in self.widgets:
            w.update(dt)

    def draw_background(self, surface: pygame.Surface) -> None:
        surface.fill(self.ctx.colours.bg)

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_background(surface)
        self.draw_widgets(surface)

    def draw_widgets(self, surface: pygame.Surface) -> None:
        for w in self.widgets:
            if w.visible:
                w.draw(surface)

    def draw_over(self, surface: pygame.Surface) -> None:
        for w in self.widgets:
            if w.visible:
                w.draw_over(surface)

    def quoted_texts(self) -> list[str]:
        """Texts this screen cites as they were published (a source's English title), whose
        numbers the layout checker leaves as they are written."""
        return []

    def keep_clear(self) -> list[pygame.Rect]:
        """Parts of the screen a tooltip should not cover (if it has anywhere else to go)."""
        return []

    def tooltip(self) -> tuple[str, pygame.Rect] | None:
        """The tooltip to show now: the hovered widget's, else the focused one's."""
        for w in reversed(self.widgets):
            if w.visible and w.hovered:
                text = w.tooltip_text()
                if text:
                    return text, w.hover_rect
        cur = self.focus.current
        if self.focus.visible and self.focus.keyboard and cur is not None:
            text = cur.tooltip_text()
            if text:
                return text, cur.focus_rect
        return None
