"""The hand of action cards: a row that pages with Left/Right while it has focus; Enter or a
click chooses or un-chooses the focused card."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.ui.context import UIContext
from game.ui.widgets.base import Widget
from game.ui.widgets.card import ActionCard
from game.ui.widgets.panel import triangle


class HandView(Widget):
    focusable = True

    def __init__(
        self,
        ctx: UIContext,
        rect: pygame.Rect,
        cards: Sequence[ActionCard],
        *,
        on_toggle: Callable[[str], None],
        key: str = "hand",
        index: int = 0,
    ) -> None:
        super().__init__(ctx, rect, key=key)
        self.cards = list(cards)
        self.on_toggle = on_toggle
        self.index = max(0, min(index, len(self.cards) - 1))
        self.gap = ctx.space.inset
        self.arrow_w = ctx.space.hand.arrow_w
        inner = rect.width - 2 * self.arrow_w
        min_w, max_w = ctx.space.hand.card_min_w, ctx.space.hand.card_max_w
        self.per_page = max(1, (inner + self.gap) // (min_w + self.gap))
        self.card_w = min(max_w, (inner - self.gap * (self.per_page - 1)) // self.per_page)
        self.first = 0
        self._ensure_visible()

    def _ensure_visible(self) -> None:
        if self.index < self.first:
            self.first = self.index
        elif self.index >= self.first + self.per_page:
            self.first = self.index - self.per_page + 1
        self.first = max(0, min(self.first, max(0, len(self.cards) - self.per_page)))
        self._place()

    def _place(self) -> None:
        n = min(self.per_page, len(self.cards))
        total = n * self.card_w + (n - 1) * self.gap
        x0 = self.rect.x + self.arrow_w + max(0, (self.rect.width - 2 * self.arrow_w - total) // 2)
        for i, card in enumerate(self.cards):
            k = i - self.first
            card.visible = 0 <= k < self.per_page
            card.rect = pygame.Rect(
                x0 + k * (self.card_w + self.gap), self.rect.y, self.card_w, self.rect.height
            )

    @property
    def current(self) -> ActionCard | None:
        return self.cards[self.index] if self.cards else None

    def set_focused(self, focused: bool) -> None:
        super().set_focused(focused)
        for i, c in enumerate(self.cards):
            c.focused = focused and i == self.index

    def move(self, delta: int) -> bool:
        new = self.index + delta
        if not self.cards or new < 0 or new >= len(self.cards):
            return False
        self.index = new
        self._ensure_visible()
        self.set_focused(self.focused)
        return True

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_LEFT:
            return self.move(-1)
        if event.key == pygame.K_RIGHT:
            return self.move(1)
        if event.key == pygame.K_HOME:
            return self.move(-self.index)
        if event.key == pygame.K_END:
            return self.move(len(self.cards) - 1 - self.index)
        return False

    def activate(self) -> None:
        if self.current is not None:
            self.ctx.play_sound("click")
            self.on_toggle(self.current.action)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEMOTION:
            self.hovered = self.rect.collidepoint(event.pos)
            for c in self.cards:
                c.hovered = c.visible and c.rect.collidepoint(event.pos)
            return False
        if event.type == pygame.MOUSEWHEEL and self.hovered:
            self.first = max(0, min(self.first - event.y, max(0, len(self.cards) - self.per_page)))
            self.index = max(self.first, min(self.index, self.first + self.per_page - 1))
            self._place()
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.rect.collidepoint(event.pos):
            left = pygame.Rect(self.rect.x, self.rect.y, self.arrow_w, self.rect.height)
            right = pygame.Rect(self.rect.right - self.arrow_w, self.rect.y, self.arrow_w, self.rect.height)
            if left.collidepoint(event.pos):
                self.first = max(0, self.first - self.per_page)
                self.index = self.first
                self._place()
                return True
            if right.collidepoint(event.pos):
                self.first = min(max(0, len(self.cards) - self.per_page), self.first + self.per_page)
                self.index = self.first
                self._place()
                return True
            for i, c in enumerate(self.cards):
                if c.visible and c.rect.collidepoint(event.pos):
                    self.index = i
                    self.set_focused(True)
                    self.activate()
                    return True
            return True
        return False

    def tooltip_text(self) -> str | None:
        for c in self.cards:
            if c.visible and c.hovered:
                return c.tooltip_text()
        return self.current.tooltip_text() if (self.focused and self.current) else None

    def tooltip_at(self, pos: tuple[int, int]) -> str | None:
        for c in self.cards:
            if c.visible and c.rect.collidepoint(pos):
                return c.tooltip_text()
        return None

    @property
    def hover_rect(self) -> pygame.Rect:
        return next((c.rect for c in self.cards if c.visible and c.hovered), self.rect)

    @property
    def focus_rect(self) -> pygame.Rect:
        return self.current.rect if self.current is not None and self.current.visible else self.rect

    def draw(self, surface: pygame.Surface) -> None:
        for c in self.cards:
            if c.visible:
                c.draw(surface)
        can_left = self.first > 0
        can_right = self.first + self.per_page < len(self.cards)
        size = self.ctx.space.icon_small
        cy = self.rect.centery
        triangle(
            surface,
            (self.rect.x + self.arrow_w // 2, cy),
            size,
            "left",
            self.ctx.colours.link if can_left else self.ctx.colours.panel_edge,
        )
        triangle(
            surface,
            (self.rect.right - self.arrow_w // 2, cy),
            size,
            "right",
            self.ctx.colours.link if can_right else self.ctx.colours.panel_edge,
        )
