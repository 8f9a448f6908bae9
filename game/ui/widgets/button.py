"""Buttons: pygame_gui buttons (themed by assets/theme.json) that also take keyboard focus."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pygame
import pygame_gui
from pygame_gui.core import ObjectID

from game.ui.context import UIContext
from game.ui.widgets.base import Widget


@cache
def _theme_font(kind: str) -> tuple[int, bool]:
    """The design size and boldness of a button kind's label, from the theme file."""
    from game.ui.theme import load_theme_file

    theme = load_theme_file()
    font = {**theme["button"].get("font", {}), **theme.get(f"@{kind}", {}).get("font", {})}
    return int(font.get("size", 20)), font.get("bold") == "1"


def label_width(ctx: UIContext, text: str, kind: str = "normal") -> int:
    """How wide pygame_gui draws `text` on a button of this kind (its theme font, not the
    body font), so a button sized from it holds its label at every scale and font."""
    size, bold = _theme_font(kind)
    return ctx.text.size(text, size, bold)[0]


class Button(Widget):
    """A themed button. Mouse clicks come through pygame_gui; Enter/Space through the focus
    ring; both call `on_click` once and play the click sound."""

    focusable = True

    def __init__(
        self,
        ctx: UIContext,
        manager: pygame_gui.UIManager,
        rect: pygame.Rect,
        text: str,
        on_click: Callable[[], None],
        *,
        kind: str = "normal",
        key: str | None = None,
        tooltip: str | None = None,
        enabled: bool = True,
        sound: str | None = "click",
    ) -> None:
        super().__init__(ctx, rect, key=key or text, tooltip=tooltip)
        object_id = ObjectID(class_id=f"@{kind}") if kind != "normal" else None
        self.text = text
        self.on_click = on_click
        self.sound = sound
        self.ring = None  # the FocusRing of the scene that holds this button (set by Scene.add)
        self.element = pygame_gui.elements.UIButton(
            relative_rect=self.rect,
            text=text,
            manager=manager,
            object_id=object_id,
            command=self._clicked,
        )
        self.set_enabled(enabled)

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        if enabled:
            self.element.enable()
        else:
            self.element.disable()

    def set_text(self, text: str) -> None:
        self.text = text
        self.element.set_text(text)

    def _clicked(self) -> None:
        if self.ring is not None:
            self.ring.focus(self)
        self.activate()

    def activate(self) -> None:
        if not self.enabled:
            return
        if self.sound:
            self.ctx.play_sound(self.sound)
        self.on_click()

    def kill(self) -> None:
        self.element.kill()
