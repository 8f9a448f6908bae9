"""Score gauge: the score's icon and name, a 0-100 bar, the value, a word for the level
("low", "fair", "good", "high") and the change since last turn as "+3" with an up arrow or
"−4" with a down arrow, so nothing depends on colour alone."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.i18n import N_
from game.ui.context import UIContext
from game.ui.formats import format_delta
from game.ui.widgets.base import Widget
from game.ui.widgets.panel import triangle

LEVELS = ((25, N_("low")), (50, N_("fair")), (75, N_("good")), (101, N_("high")))


def level_word(value: float) -> str:
    """The untranslated level word for a 0-100 score."""
    for upper, word in LEVELS:
        if value < upper:
            return word
    return LEVELS[-1][1]


class ScoreGauge(Widget):
    focusable = True

    def __init__(
        self,
        ctx: UIContext,
        rect: pygame.Rect,
        *,
        key: str,
        label: str,
        value: float,
        previous: float | None = None,
        icon: str | None = None,
        colour: tuple[int, int, int] | None = None,
        target: float | None = None,
        explain: str | None = None,
        on_open: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(ctx, rect, key=f"gauge:{key}")
        # with a short `explain` (the causes by name), Enter or a click opens them whole
        self.on_open = on_open
        self.score = key
        self.label = label
        self.value = float(value)
        self.previous = previous
        self.icon = icon or key
        self.colour = colour or ctx.colours.scores.get(key, ctx.colours.link)
        self.target = target  # a goal line on the bar, if the level has one
        self.explain = explain  # why it moved (the sim's causes), shown as tooltip

    @property
    def delta(self) -> float | None:
        return None if self.previous is None else self.value - self.previous

    def level(self) -> str:
        return self.ctx._(level_word(self.value))

    def describe(self) -> str:
        """The gauge as one sentence, e.g. 'Equity: 62, good (+3 since last turn)'."""
        _ = self.ctx._
        text = _("{label}: {value}, {level}").format(
            label=self.label, value=round(self.value), level=self.level()
        )
        if self.delta is not None:
            text += " " + _("({delta} since last turn)").format(delta=format_delta(self.delta))
        return text

    def tooltip_text(self) -> str | None:
        more = (
            "\n" + self.ctx._("Enter or click: the reasons in full") if self.on_open and self.explain else ""
        )
        return self.describe() + (f"\n{self.explain}" if self.explain else "") + more

    def activate(self) -> None:
        if self.on_open is not None and self.explain:
            self.on_open()

    def handle_event(self, event: pygame.event.Event) -> bool:
        super().handle_event(event)
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.rect.collidepoint(event.pos):
            if self.on_open is not None and self.explain:
                self.on_open()
                return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        r = self.rect
        pygame.draw.rect(
            surface,
            ctx.colours.panel_hi if self.hovered else ctx.colours.panel,
            r,
            border_radius=ctx.space.radius_card,
        )
        pad = ctx.space.inset
        isz = min(r.height - 2 * pad, ctx.space.gauge.icon_max)
        ctx.icons.draw(surface, self.icon, (r.x + pad + isz // 2, r.centery), isz, self.colour)
        x0 = r.x + pad * 2 + isz
        lh = ctx.fonts.line_height("body", True)
        top = r.y + max(pad // 2, (r.height - lh - ctx.space.gauge.bar_room - ctx.space.nudge) // 2)
        # name and level word on the first line, value at the right
        value_txt = str(round(self.value))
        vw = ctx.text.size(value_txt, "large", True)[0]
        delta = self.delta
        dtxt = format_delta(delta) if delta is not None else ""
        dw = (ctx.text.size(dtxt, "body", True)[0] + ctx.space.gauge.delta_room) if delta is not None else 0
        right = r.right - pad
        name = ctx.text.fit(
            self.label,
            "body",
            max(ctx.space.gauge.name_min_w, right - vw - dw - x0 - ctx.space.gauge.name_gap),
            True,
        )
        ctx.text.draw(surface, name, (x0, top), "body", ctx.colours.text, bold=True)
        # change since last turn: arrow shape + signed number
        if delta is not None:
            n = round(delta)
            dcol = ctx.colours.good if n > 0 else ctx.colours.bad if n < 0 else ctx.colours.text_dim
            tx = right - dw
            ymid = top + lh // 2
            if n > 0:
                triangle(
                    surface, (tx + ctx.space.gauge.triangle_x, ymid), ctx.space.gauge.triangle, "up", dcol
                )
            elif n < 0:
                triangle(
                    surface, (tx + ctx.space.gauge.triangle_x, ymid), ctx.space.gauge.triangle, "down", dcol
                )
            else:
                pygame.draw.rect(
                    surface,
                    dcol,
                    (
                        tx + ctx.space.tiny,
                        ymid - ctx.space.tiny,
                        ctx.space.gauge.flat_w,
                        max(2, ctx.space.gauge.flat_h),
                    ),
                )
            ctx.text.draw(surface, dtxt, (tx + ctx.space.gauge.delta_text_x, top), "body", dcol, bold=True)
            right = tx - ctx.space.inset
        ctx.text.draw(
            surface,
            value_txt,
            (right, top + lh // 2),
            "large",
            ctx.colours.text,
            bold=True,
            anchor="midright",
        )
        # the bar with quarter ticks (the level boundaries)
        word = self.level()
        ww = ctx.text.size(word, "small", True)[0]
        bar = pygame.Rect(
            x0,
            top + lh + ctx.space.nudge,
            r.right - pad - x0 - ww - ctx.space.gap,
            max(6, ctx.space.gauge.bar_h),
        )
        ctx.text.draw(
            surface, word, (r.right - pad, bar.centery), "small", ctx.colours.text, True, "midright"
        )
        pygame.draw.rect(surface, ctx.colours.bg_deep, bar, border_radius=bar.height // 2)
        fill = bar.copy()
        fill.width = round(bar.width * max(0.0, min(100.0, self.value)) / 100)
        if fill.width > 0:
            pygame.draw.rect(surface, self.colour, fill, border_radius=bar.height // 2)
        for q in (25, 50, 75):
            x = bar.x + bar.width * q // 100
            pygame.draw.line(surface, ctx.colours.bg, (x, bar.y), (x, bar.bottom - 1), max(1, ctx.space.line))
        if self.previous is not None:
            x = bar.x + round(bar.width * max(0.0, min(100.0, self.previous)) / 100)
            pygame.draw.line(
                surface,
                ctx.colours.text,
                (x, bar.y - ctx.space.gauge.mark_above),
                (x, bar.bottom + ctx.space.gauge.mark_below),
                max(1, ctx.space.line),
            )
        if self.target is not None:
            x = bar.x + round(bar.width * self.target / 100)
            triangle(
                surface,
                (x, bar.bottom + ctx.space.gauge.target_y),
                ctx.space.gauge.target,
                "up",
                ctx.colours.text,
            )
