"""The widget interface shared by every control: a rect, optional keyboard focus, tooltips."""

from __future__ import annotations

import pygame

from game.ui.context import UIContext


class Widget:
    """Something drawn in a rect. Focusable widgets can be reached with Tab and activated with
    Enter; `on_key` lets a focused widget use arrows itself (lists, sliders, option rows)."""

    focusable = False

    def __init__(
        self,
        ctx: UIContext,
        rect: pygame.Rect,
        *,
        key: str | None = None,
        tooltip: str | None = None,
    ) -> None:
        self.ctx = ctx
        self.rect = pygame.Rect(rect)
        self.key = key
        self.tooltip = tooltip
        self.enabled = True
        self.clipped = False  # scrolled out of its scene's view: not drawn, not clicked
        self.visible = True
        self.hovered = False
        self.focused = False

    # --- input -----------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        """Mouse input for custom widgets; returns True when the event was used."""
        if event.type == pygame.MOUSEMOTION:
            self.hovered = self.visible and self.rect.collidepoint(event.pos)
        return False

    def on_key(self, event: pygame.event.Event) -> bool:
        """Keys while focused (before the focus ring moves); True when used."""
        return False

    def activate(self) -> None:
        """Enter/Space while focused, or a click."""

    def set_focused(self, focused: bool) -> None:
        self.focused = focused

    def tooltip_text(self) -> str | None:
        return self.tooltip

    def tooltip_at(self, pos: tuple[int, int]) -> str | None:
        """The tooltip the mouse over `pos` (or the focus on the part there) would show; for
        widgets made of parts (a hand of cards, a list) each part has its own."""
        return self.tooltip_text()

    # --- drawing ---------------------------------------------------------------------
    def update(self, dt: float) -> None:
        pass

    def draw(self, surface: pygame.Surface) -> None:
        pass

    def draw_over(self, surface: pygame.Surface) -> None:
        """Drawn after the pygame_gui layer (for decorations on top of gui elements)."""

    def kill(self) -> None:
        """Release pygame_gui elements, if any."""

    @property
    def focus_rect(self) -> pygame.Rect:
        return self.rect

    @property
    def hover_rect(self) -> pygame.Rect:
        """The part under the mouse its tooltip explains (and should leave in view)."""
        return self.rect


class TipArea(Widget):
    """An invisible, focusable part of the screen that names in a tooltip what it shows too
    briefly (a title cut with "…", resources shown by icon alone): the mouse over it or the
    Tab key on it shows the whole text."""

    focusable = True

    def __init__(self, ctx: UIContext, rect: pygame.Rect, text: str, *, key: str | None = None) -> None:
        super().__init__(ctx, rect, key=key, tooltip=text)
