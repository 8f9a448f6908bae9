"""Buttons: pygame_gui buttons (themed by assets/theme.json) that also take keyboard focus."""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pygame_gui
from pygame_gui.core import ObjectID

from game.ui.context import UIContext
from game.ui.widgets.base import Widget


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
