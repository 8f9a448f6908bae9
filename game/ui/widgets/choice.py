"""A choice in a dialog: a wide button whose label wraps onto two lines, with a detail line
(cost, consequence) under it. Drawn by us so long labels are never cut off."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui import palette
from game.ui.context import UIContext
from game.ui.widgets.base import Widget

# kind -> (background, text), as names of the theme's palette colours
KIND_COLOURS = {
    "primary": ("accent", "text_dark"),
    "danger": ("bad", "text_dark"),
    "normal": ("panel_hi", "text"),
    "quiet": ("bg_deep", "text_dim"),
}
HOVER_MIX = 0.12  # how far a hovered or focused choice's fill moves towards the text colour


class ChoiceButton(Widget):
    focusable = True

    def __init__(
        self,
        ctx: UIContext,
        rect: pygame.Rect,
        label: str,
        detail: str,
        on_click: Callable[[], None],
        *,
        kind: str = "normal",
        key: str | None = None,
    ) -> None:
        super().__init__(ctx, rect, key=key or label)
        self.label = label
        self.detail = detail
        self.kind = kind
        self.on_click = on_click

    @staticmethod
    def height_for(ctx: UIContext, label: str, detail: str, width: int) -> int:
        lines = min(2, len(ctx.text.wrap(label, "body", width - 2 * ctx.space.button_pad_x, True)))
        h = lines * ctx.fonts.line_height("body", True) + 2 * ctx.space.button_pad_y
        if detail:
            h += ctx.fonts.line_height("small")
        return h

    def activate(self) -> None:
        if self.enabled:
            self.ctx.play_sound("click")
            self.on_click()

    def handle_event(self, event: pygame.event.Event) -> bool:
        super().handle_event(event)
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self.rect.collidepoint(event.pos):
            self.activate()
            return True
        return event.type == pygame.MOUSEBUTTONDOWN and self.rect.collidepoint(event.pos)

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        bg_name, fg_name = KIND_COLOURS.get(self.kind, KIND_COLOURS["normal"])
        bg, fg = getattr(ctx.colours, bg_name), getattr(ctx.colours, fg_name)
        if self.hovered or self.focused:
            bg = palette.mix(bg, ctx.colours.text, HOVER_MIX)
        pygame.draw.rect(surface, bg, self.rect, border_radius=ctx.space.radius_card)
        edge = ctx.colours.link if self.hovered else ctx.colours.panel_edge
        pygame.draw.rect(
            surface, edge, self.rect, max(1, ctx.space.line), border_radius=ctx.space.radius_card
        )
        inner = self.rect.inflate(-2 * ctx.space.button_pad_x, -2 * ctx.space.button_pad_y)
        used = ctx.text.draw_wrapped(surface, self.label, inner, "body", fg, True, max_lines=2)
        if self.detail:
            dcol = palette.mix(fg, bg, 0.25)
            ctx.text.draw(
                surface,
                ctx.text.fit(self.detail, "small", inner.width),
                (inner.x, inner.y + used),
                "small",
                dcol,
            )
