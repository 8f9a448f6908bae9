"""The news feed: newest first, each item with an icon by kind, the turn and a headline."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.i18n import N_
from game.ui.context import UIContext
from game.ui.widgets.listview import ListView

KIND_ICONS = {
    "news": "news",
    "event": "event",
    "elite": "warning",
    "good": "check",
    "bad": "cross",
    "info": "info",
}
# kind -> the name of its colour in the theme's palette
KIND_COLOURS = {
    "news": "text_dim",
    "event": "link",
    "elite": "elite",
    "good": "good",
    "bad": "bad",
    "info": "text_dim",
}
KIND_WORDS = {
    "news": N_("News"),
    "event": N_("Event"),
    "elite": N_("Elite"),
    "good": N_("Gain"),
    "bad": N_("Loss"),
    "info": N_("Note"),
}


@dataclass(frozen=True)
class NewsItem:
    turn: int
    kind: str  # news, event, elite, good, bad, info
    text: str


class NewsFeed(ListView):
    def __init__(
        self,
        ctx: UIContext,
        rect: pygame.Rect,
        items: Sequence[NewsItem],
        *,
        key: str = "news",
        lines: int = 2,
        turn_word: str | None = None,
    ) -> None:
        self.lines = lines
        self.turn_word = turn_word  # translated "Season {n}" / "Year {n}"; default "Turn {n}"
        lh = ctx.fonts.line_height("small")
        height = lh * (lines + 1) + ctx.space.pad
        super().__init__(
            ctx,
            rect,
            list(items),
            self._paint,
            item_height=height,
            key=key,
            empty_text=ctx._("No news yet."),
            tips=lambda item: item.text,  # the whole item where its lines are cut
        )
        self.gap = ctx.space.tight

    def _paint(
        self, surface: pygame.Surface, r: pygame.Rect, item: NewsItem, selected: bool, focused: bool
    ) -> None:
        ctx = self.ctx
        colour = getattr(ctx.colours, KIND_COLOURS.get(item.kind, "text_dim"))
        bg = ctx.colours.panel_hi if selected and focused else ctx.colours.panel
        pygame.draw.rect(surface, bg, r, border_radius=ctx.space.radius)
        pygame.draw.rect(
            surface, colour, (r.x, r.y + ctx.space.tight, max(2, ctx.space.stripe), r.height - ctx.space.pad)
        )
        pad = ctx.space.inset
        isz = ctx.space.icon_list
        lh = ctx.fonts.line_height("small")
        ctx.icons.draw(
            surface,
            KIND_ICONS.get(item.kind, "news"),
            (r.x + pad + isz // 2, r.y + pad + lh // 2),
            isz,
            colour,
        )
        head = (
            (self.turn_word or ctx._("Turn {n}")).format(n=item.turn)
            + " · "
            + ctx._(KIND_WORDS.get(item.kind, "News"))
        )
        ctx.text.draw(
            surface,
            head,
            (r.x + pad + isz + ctx.space.gap, r.y + pad // 2 + ctx.space.tiny),
            "small",
            ctx.colours.text_dim,
            bold=True,
        )
        body = pygame.Rect(
            r.x + pad + isz + ctx.space.gap,
            r.y + pad // 2 + lh + ctx.space.tiny,
            r.width - 2 * pad - isz - ctx.space.gap,
            lh * self.lines,
        )
        ctx.text.draw_wrapped(surface, item.text, body, "small", ctx.colours.text, max_lines=self.lines)
