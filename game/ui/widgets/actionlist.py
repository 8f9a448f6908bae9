"""The hand as a list, for large text sizes: one row per action with its category icon,
title, costs and forecast; Enter or a click chooses or un-chooses it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.ui.context import UIContext
from game.ui.formats import format_delta
from game.ui.widgets.card import ActionCard
from game.ui.widgets.listview import ListView
from game.ui.widgets.panel import triangle


class ActionList(ListView):
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
        height = (
            ctx.fonts.line_height("body", True)
            + ctx.fonts.line_height("small", True)
            + ctx.space.card_row.extra_h
        )
        super().__init__(
            ctx,
            rect,
            list(cards),
            self._paint,
            item_height=height,
            key=key,
            selected=index,
            on_activate=lambda i: on_toggle(self.items[i].action),
            tips=lambda card: card.tooltip_text(),
        )
        self.gap = ctx.space.tight
        self._ensure_visible()

    @property
    def index(self) -> int:
        return self.selected

    def _paint(
        self,
        surface: pygame.Surface,
        r: pygame.Rect,
        card: ActionCard,
        selected: bool,
        focused: bool,
    ) -> None:
        ctx = self.ctx
        bg = ctx.colours.panel_hi if selected else ctx.colours.panel
        if not card.affordable:
            bg = ctx.colours.muted_panel
        pygame.draw.rect(surface, bg, r, border_radius=ctx.space.radius)
        edge = (
            ctx.colours.accent
            if card.selected
            else (ctx.colours.link if selected else ctx.colours.panel_edge)
        )
        pygame.draw.rect(
            surface,
            edge,
            r,
            max(1, ctx.space.ring if card.selected else ctx.space.hair),
            border_radius=ctx.space.radius,
        )
        pad = ctx.space.inset
        isz = ctx.space.icon_large
        colour = ctx.colours.categories.get(card.category, ctx.colours.link)
        ctx.icons.draw(surface, card.category, (r.x + pad + isz // 2, r.centery), isz, colour)
        x = r.x + pad * 2 + isz
        mark = "check" if card.selected else ("lock" if not card.affordable else None)
        right = r.right - pad
        if mark:
            ctx.icons.draw(
                surface,
                mark,
                (right - ctx.space.card_row.mark_centre, r.y + pad + ctx.space.card_row.mark_centre),
                ctx.space.icon_mark,
                ctx.colours.text,
            )
            right -= ctx.space.card_row.mark_room
        text_col = ctx.colours.text if card.affordable else ctx.colours.text_dim
        title = ctx.text.fit(card.title, "body", right - x, True)
        ctx.text.draw(surface, title, (x, r.y + pad - ctx.space.tiny), "body", text_col, True)
        y = r.y + pad + ctx.fonts.line_height("body", True) - ctx.space.tiny
        sl = ctx.fonts.line_height("small", True)
        csz = ctx.space.icon_list
        for res, amount in card.costs.items():
            ctx.icons.draw(
                surface,
                card.resource_icons.get(res, res),
                (x + csz // 2, y + sl // 2),
                csz,
                ctx.colours.text_dim,
            )
            rect = ctx.text.draw(
                surface, ctx.tr.num(amount, "g"), (x + csz + ctx.space.nudge, y), "small", text_col, True
            )
            x = rect.right + ctx.space.card_row.cost_gap
        x += ctx.space.card_row.forecast_gap
        for score, delta in card.forecast.items():
            shown = format_delta(delta, 1, ctx.lang)
            if shown == "0":
                continue
            need = csz + ctx.space.delta.room + ctx.text.size(shown, "small", True)[0]
            if x + need > r.right - pad:
                break
            ctx.icons.draw(
                surface,
                score,
                (x + csz // 2, y + sl // 2),
                csz,
                ctx.colours.scores.get(score, ctx.colours.text),
            )
            x += csz + ctx.space.tiny
            dcol = ctx.colours.good if delta > 0 else ctx.colours.bad
            triangle(
                surface,
                (x + ctx.space.delta.triangle_x, y + sl // 2),
                ctx.space.delta.triangle,
                "up" if delta > 0 else "down",
                dcol,
            )
            rect = ctx.text.draw(
                surface, shown, (x + ctx.space.delta.text_x, y), "small", ctx.colours.text, True
            )
            x = rect.right + ctx.space.delta.after
