"""A settings row: a label and a value changed with ◀ ▶ (mouse), Left/Right or Enter (keys)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pygame

from game.ui.context import UIContext
from game.ui.widgets.base import Widget
from game.ui.widgets.panel import triangle


class OptionRow(Widget):
    focusable = True

    @staticmethod
    def value_width(ctx: UIContext, height: int, choices: Sequence[tuple[Any, str]]) -> int:
        """The value column a row `height` high needs for the widest of `choices`: its words
        between the two arrows (square, as high as the row)."""
        widest = max((ctx.text.size(text, "body", True)[0] for _v, text in choices), default=0)
        return widest + ctx.space.option.value_pad + 2 * height

    def __init__(
        self,
        ctx: UIContext,
        rect: pygame.Rect,
        label: str,
        choices: Sequence[tuple[Any, str]],
        value: Any,
        on_change: Callable[[Any], None],
        *,
        key: str | None = None,
        tooltip: str | None = None,
        meter: bool = False,
        wrap: bool = False,
        value_w: int | None = None,
    ) -> None:
        super().__init__(ctx, rect, key=key or label, tooltip=tooltip)
        self.value_w = value_w  # the value column's width, shared by a screen's rows
        self.label = label
        self.choices = list(choices)
        values = [c[0] for c in self.choices]
        self.index = values.index(value) if value in values else 0
        self.on_change = on_change
        self.meter = meter  # draw a level bar (volume, scale)
        self.wrap = wrap  # Enter past the last choice goes back to the first

    def tooltip_text(self) -> str | None:
        """Its own tooltip, after the label and value whole where the row cuts them."""
        ctx, vr = self.ctx, self._value_rect()
        left, right = self._arrow_rects()
        shown = self.choices[self.index][1]
        cut = ctx.text.size(self.label, "body")[0] > vr.x - self.rect.x - ctx.space.option.label_gap or (
            ctx.text.size(shown, "body", True)[0] > right.left - left.right - ctx.space.option.value_pad
        )
        return "\n".join(t for t in (f"{self.label}: {shown}" if cut else "", self.tooltip) if t) or None

    @property
    def value(self) -> Any:
        return self.choices[self.index][0]

    def _value_rect(self) -> pygame.Rect:
        w = min(self.ctx.space.option.value_max_w, self.rect.width // 2)
        if self.value_w is not None:
            w = min(w, self.value_w)
        return pygame.Rect(
            self.rect.right - w - self.ctx.space.option.value_right, self.rect.y, w, self.rect.height
        )

    def _arrow_rects(self) -> tuple[pygame.Rect, pygame.Rect]:
        vr = self._value_rect()
        s = self.rect.height
        return pygame.Rect(vr.x, vr.y, s, s), pygame.Rect(vr.right - s, vr.y, s, s)

    def change(self, delta: int) -> None:
        n = len(self.choices)
        new = self.index + delta
        new = new % n if self.wrap else max(0, min(n - 1, new))
        if new != self.index:
            self.index = new
            self.ctx.play_sound("click")
            self.on_change(self.value)

    def activate(self) -> None:
        self.wrap = True
        self.change(1)
        self.wrap = False

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_LEFT:
            self.change(-1)
            return True
        if event.key == pygame.K_RIGHT:
            self.change(1)
            return True
        return False

    def handle_event(self, event: pygame.event.Event) -> bool:
        super().handle_event(event)
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.rect.collidepoint(event.pos):
            left, right = self._arrow_rects()
            if left.collidepoint(event.pos):
                self.change(-1)
            elif right.collidepoint(event.pos):
                self.change(1)
            else:
                self.activate()
            return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        bg = ctx.colours.panel_hi if (self.hovered or self.focused) else ctx.colours.panel
        pygame.draw.rect(surface, bg, self.rect, border_radius=ctx.space.radius_card)
        lh = ctx.fonts.line_height("body")
        vr = self._value_rect()
        label = ctx.text.fit(self.label, "body", vr.x - self.rect.x - ctx.space.option.label_gap)
        ctx.text.draw(
            surface,
            label,
            (self.rect.x + ctx.space.margin, self.rect.centery - lh // 2),
            "body",
            ctx.colours.text,
        )
        left, right = self._arrow_rects()
        at_start = self.index == 0
        at_end = self.index == len(self.choices) - 1
        size = ctx.space.arrow
        triangle(surface, left.center, size, "left", ctx.colours.disabled if at_start else ctx.colours.link)
        triangle(surface, right.center, size, "right", ctx.colours.disabled if at_end else ctx.colours.link)
        text = self.choices[self.index][1]
        inner = pygame.Rect(left.right, vr.y, right.left - left.right, vr.height)
        if self.meter and len(self.choices) > 1:
            frac = self.index / (len(self.choices) - 1)
            bar = pygame.Rect(
                inner.x + ctx.space.option.meter_inset,
                inner.bottom - ctx.space.option.meter_bottom,
                inner.width - ctx.space.option.meter_insets,
                max(2, ctx.space.option.meter_h),
            )
            pygame.draw.rect(surface, ctx.colours.grid, bar, border_radius=bar.height)
            fill = bar.copy()
            fill.width = max(bar.height, round(bar.width * frac))
            pygame.draw.rect(surface, ctx.colours.link, fill, border_radius=bar.height)
        text = ctx.text.fit(text, "body", inner.width - ctx.space.option.value_pad, True)
        ctx.text.draw(
            surface,
            text,
            (inner.centerx, inner.centery - (ctx.space.option.meter_raise if self.meter else 0)),
            "body",
            ctx.colours.text,
            bold=True,
            anchor="center",
        )
