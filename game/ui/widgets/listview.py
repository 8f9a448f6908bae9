"""A scrolling list with a selection: arrows and Page Up/Down move within it while it has
focus, the wheel scrolls, a click selects, Enter or a double click activates."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pygame

from game.ui.context import UIContext
from game.ui.widgets.base import Widget

ItemPainter = Callable[[pygame.Surface, pygame.Rect, Any, bool, bool], None]


class ListView(Widget):
    focusable = True

    def __init__(
        self,
        ctx: UIContext,
        rect: pygame.Rect,
        items: Sequence[Any],
        painter: ItemPainter,
        *,
        item_height: int,
        on_select: Callable[[int], None] | None = None,
        on_activate: Callable[[int], None] | None = None,
        key: str | None = None,
        selected: int = 0,
        empty_text: str = "",
        tips: Callable[[Any], str | None] | None = None,
    ) -> None:
        super().__init__(ctx, rect, key=key)
        self.tips = tips  # an item's tooltip (its whole text where the row shortens it)
        self.hover_index = -1
        self.items = list(items)
        self.painter = painter
        self.item_height = item_height
        self.gap = ctx.space.gap
        self.on_select = on_select
        self.on_activate = on_activate
        self.selected = max(0, min(selected, len(self.items) - 1)) if self.items else -1
        self.scroll = 0
        self.empty_text = empty_text
        self._last_click = (-1, -10.0)
        self._clock = 0.0
        self._ensure_visible()

    @property
    def stride(self) -> int:
        return self.item_height + self.gap

    @property
    def page(self) -> int:
        return max(1, self.rect.height // self.stride)

    def _max_scroll(self) -> int:
        return max(0, len(self.items) * self.stride - self.gap - self.rect.height)

    def _ensure_visible(self) -> None:
        if self.selected < 0:
            return
        top = self.selected * self.stride
        if top < self.scroll:
            self.scroll = top
        elif top + self.item_height > self.scroll + self.rect.height:
            self.scroll = top + self.item_height - self.rect.height
        self.scroll = max(0, min(self.scroll, self._max_scroll()))

    def select(self, index: int) -> None:
        if not self.items:
            return
        index = max(0, min(len(self.items) - 1, index))
        if index != self.selected:
            self.selected = index
            self._ensure_visible()
            if self.on_select:
                self.on_select(index)

    def activate(self) -> None:
        if self.on_activate and 0 <= self.selected < len(self.items):
            self.ctx.play_sound("click")
            self.on_activate(self.selected)

    def on_key(self, event: pygame.event.Event) -> bool:
        moves = {
            pygame.K_UP: -1,
            pygame.K_DOWN: 1,
            pygame.K_PAGEUP: -self.page,
            pygame.K_PAGEDOWN: self.page,
        }
        if event.key in moves and self.items:
            target = self.selected + moves[event.key]
            if target < 0 or target >= len(self.items):
                return False  # let the focus leave the list at its ends
            self.select(target)
            return True
        if event.key == pygame.K_HOME and self.items:
            self.select(0)
            return True
        if event.key == pygame.K_END and self.items:
            self.select(len(self.items) - 1)
            return True
        return False

    def update(self, dt: float) -> None:
        self._clock += dt

    def index_at(self, pos: tuple[int, int]) -> int:
        if not self.rect.collidepoint(pos):
            return -1
        i = (pos[1] - self.rect.y + self.scroll) // self.stride
        within = (pos[1] - self.rect.y + self.scroll) % self.stride < self.item_height
        return int(i) if 0 <= i < len(self.items) and within else -1

    def item_tip(self, index: int) -> str | None:
        if self.tips is None or not 0 <= index < len(self.items):
            return None
        return self.tips(self.items[index])

    def tooltip_text(self) -> str | None:
        """The hovered row's tooltip, else the selected row's while the list has the focus."""
        if self.hovered and self.hover_index >= 0:
            return self.item_tip(self.hover_index)
        return self.item_tip(self.selected) if self.focused else None

    def tooltip_at(self, pos: tuple[int, int]) -> str | None:
        return self.item_tip(self.index_at(pos))

    def handle_event(self, event: pygame.event.Event) -> bool:
        super().handle_event(event)
        if event.type == pygame.MOUSEMOTION:
            self.hover_index = self.index_at(event.pos) if self.hovered else -1
        if event.type == pygame.MOUSEWHEEL:
            if self.hovered:
                self.scroll = max(0, min(self._max_scroll(), self.scroll - event.y * self.stride // 2))
                return True
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            i = self.index_at(event.pos)
            if i < 0:
                return self.rect.collidepoint(event.pos)
            double = self._last_click[0] == i and self._clock - self._last_click[1] < 0.4
            self.select(i)
            self._last_click = (i, self._clock)
            if double:
                self.activate()
            return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        if not self.items:
            if self.empty_text:
                ctx.text.draw_wrapped(
                    surface,
                    self.empty_text,
                    self.rect.inflate(-ctx.space.margin, 0),
                    "body",
                    ctx.colours.text_dim,
                )
            return
        clip = surface.get_clip()
        surface.set_clip(self.rect)
        first = self.scroll // self.stride
        for i in range(first, min(len(self.items), first + self.page + 2)):
            r = pygame.Rect(
                self.rect.x,
                self.rect.y + i * self.stride - self.scroll,
                self.rect.width - ctx.space.list.scrollbar_room,
                self.item_height,
            )
            if not self.rect.contains(r) and self.item_height <= self.rect.height:
                continue  # only whole items: one cut through is unreadable (scroll to it)
            self.painter(surface, r, self.items[i], i == self.selected, self.focused)
        surface.set_clip(clip)
        if self._max_scroll() > 0:
            bar = ctx.space.scrollbar
            track = pygame.Rect(self.rect.right - bar, self.rect.y, bar, self.rect.height)
            pygame.draw.rect(surface, ctx.colours.panel, track, border_radius=track.width)
            total = len(self.items) * self.stride
            h = max(ctx.space.thumb, track.height * self.rect.height // total)
            y = track.y + (track.height - h) * self.scroll // max(1, self._max_scroll())
            pygame.draw.rect(
                surface, ctx.colours.text_dim, (track.x, y, track.width, h), border_radius=track.width
            )

    def row_rect(self, index: int) -> pygame.Rect:
        """Row `index` where it is drawn (within the list), else the whole list."""
        if 0 <= index < len(self.items):
            r = pygame.Rect(
                self.rect.x,
                self.rect.y + index * self.stride - self.scroll,
                self.rect.width - self.ctx.space.list.scrollbar_room,
                self.item_height,
            )
            return r.clip(self.rect) if r.colliderect(self.rect) else self.rect
        return self.rect

    @property
    def focus_rect(self) -> pygame.Rect:
        return self.row_rect(self.selected)

    @property
    def hover_rect(self) -> pygame.Rect:
        return self.row_rect(self.hover_index)
