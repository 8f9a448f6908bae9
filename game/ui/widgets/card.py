"""An action card: category icon and word, title, costs with resource icons, a short text
and the forecast change of each score before the player commits."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pygame

from game.i18n import N_
from game.ui.context import UIContext
from game.ui.formats import format_delta
from game.ui.widgets.base import Widget
from game.ui.widgets.panel import triangle

CATEGORY_NAMES = {
    "education": N_("Education"),
    "law": N_("Law"),
    "finance": N_("Finance"),
    "organising": N_("Organising"),
    "mutual_aid": N_("Mutual aid"),
    "defence": N_("Defence"),
}
RESOURCE_NAMES = {
    "money": N_("money"),
    "organisers": N_("organisers"),
    "political_capital": N_("political capital"),
}


class ActionCard(Widget):
    focusable = True

    def __init__(
        self,
        ctx: UIContext,
        rect: pygame.Rect,
        *,
        key: str,
        title: str,
        category: str,
        costs: Mapping[str, float],
        text: str,
        forecast: Mapping[str, float],
        selected: bool = False,
        affordable: bool = True,
        unaffordable_reason: str = "",
        on_activate: Callable[[str], None] | None = None,
        score_names: Mapping[str, str] | None = None,
        resource_icons: Mapping[str, str] | None = None,
        resource_names: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(ctx, rect, key=f"card:{key}")
        self.action = key
        self.title = title
        self.category = category
        self.costs = dict(costs)
        self.text = text
        self.forecast = dict(forecast)
        self.selected = selected
        self.affordable = affordable
        self.unaffordable_reason = unaffordable_reason
        self.on_activate = on_activate
        self.score_names = dict(score_names or {})
        self.resource_icons = dict(resource_icons or {})  # resource id -> icon name
        self.resource_names = dict(resource_names or {})  # resource id -> shown name

    def activate(self) -> None:
        if self.on_activate is not None:
            self.ctx.play_sound("click")
            self.on_activate(self.action)

    def handle_event(self, event: pygame.event.Event) -> bool:
        super().handle_event(event)
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.rect.collidepoint(event.pos):
            self.activate()
            return True
        return False

    def tooltip_text(self) -> str | None:
        _ = self.ctx._
        parts = [self.title, self.text]
        costs = ", ".join(
            f"{self.ctx.tr.num(v, 'g')} {self.resource_names.get(k) or _(RESOURCE_NAMES.get(k, k))}"
            for k, v in self.costs.items()
        )
        if costs:
            parts.append(_("Cost: {costs}").format(costs=costs))
        if self.forecast:
            fc = ", ".join(
                f"{_(self.score_names.get(k, k))} {format_delta(v)}" for k, v in self.forecast.items()
            )
            parts.append(_("Forecast: {changes}").format(changes=fc))
        if not self.affordable and self.unaffordable_reason:
            parts.append(self.unaffordable_reason)
        return "\n".join(p for p in parts if p)

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        _ = ctx._
        r = self.rect
        bg = ctx.colours.panel_hi if (self.hovered or self.focused) else ctx.colours.panel
        if not self.affordable:
            bg = ctx.colours.muted_panel
        radius = ctx.space.radius_panel
        pygame.draw.rect(surface, bg, r, border_radius=radius)
        edge = ctx.colours.accent if self.selected else ctx.colours.panel_edge
        pygame.draw.rect(
            surface,
            edge,
            r,
            max(1, ctx.space.ring if self.selected else ctx.space.hair),
            border_radius=radius,
        )
        pad = ctx.space.pad
        # header band: category icon and word, and a check mark when chosen
        band_h = ctx.fonts.line_height("small") + ctx.space.card.band_extra_h
        band = pygame.Rect(r.x, r.y, r.width, band_h)
        pygame.draw.rect(
            surface,
            ctx.colours.card_band(self.category),
            band,
            border_top_left_radius=radius,
            border_top_right_radius=radius,
        )
        isz = ctx.space.icon
        ctx.icons.draw(surface, self.category, (r.x + pad + isz // 2, band.centery), isz, ctx.colours.text)
        cat = _(CATEGORY_NAMES.get(self.category, self.category))
        mark_w = isz + ctx.space.card.mark_gap if (self.selected or not self.affordable) else 0
        if ctx.text.size(cat, "small")[0] > r.width - 2 * pad - isz - ctx.space.card.band_icon_gap - mark_w:
            cat = ""  # no room for the word: the icon alone names the category
        ctx.text.draw(
            surface,
            cat,
            (r.x + pad + isz + ctx.space.card.band_icon_gap, band.centery),
            "small",
            ctx.colours.text,
            anchor="midleft",
        )
        if self.selected:
            ctx.icons.draw(surface, "check", (r.right - pad - isz // 2, band.centery), isz, ctx.colours.text)
        elif not self.affordable:
            ctx.icons.draw(surface, "lock", (r.right - pad - isz // 2, band.centery), isz, ctx.colours.text)
        y = band.bottom + ctx.space.gap
        inner_w = r.width - 2 * pad
        text_col = ctx.colours.text if self.affordable else ctx.colours.text_dim
        # room for the title once the costs line and the forecast strip are kept (compact cards)
        strip_need = ctx.fonts.line_height("small", True) + ctx.space.card.strip_room
        cost_need = ctx.fonts.line_height("small", True) + ctx.space.card.costs_after if self.costs else 0
        room = r.bottom - y - strip_need - cost_need - ctx.space.card.title_after
        # a title with a word too long for the card is set one size smaller, never cut
        tsize = "body" if ctx.text.words_fit(self.title, "body", inner_w, True) else "small"
        title_lines = max(1, min(3, room // ctx.fonts.line_height(tsize, True)))  # 3 on tall cards
        used = ctx.text.draw_wrapped(
            surface,
            self.title,
            pygame.Rect(r.x + pad, y, inner_w, r.height),
            tsize,
            text_col,
            bold=True,
            max_lines=title_lines,
        )
        y += used + ctx.space.card.title_after
        # costs
        x = r.x + pad
        csz = ctx.space.icon_list
        lh = ctx.fonts.line_height("small", True)
        for res, amount in self.costs.items():
            icon = self.resource_icons.get(res, res)
            ctx.icons.draw(surface, icon, (x + csz // 2, y + lh // 2), csz, ctx.colours.text_dim)
            rect = ctx.text.draw(
                surface, ctx.tr.num(amount, "g"), (x + csz + ctx.space.nudge, y), "small", text_col, True
            )
            x = rect.right + ctx.space.card.cost_gap
        if self.costs:
            y += lh + ctx.space.card.costs_after
        # forecast strip at the bottom
        fl = ctx.fonts.line_height("small", True)
        strip_h = fl + ctx.space.card.strip_pad_y
        strip = pygame.Rect(
            r.x + ctx.space.card.strip_inset,
            r.bottom - strip_h - ctx.space.card.strip_inset,
            r.width - ctx.space.card.strip_insets,
            strip_h,
        )
        body = pygame.Rect(r.x + pad, y, inner_w, strip.top - y - ctx.space.card.body_gap)
        if body.height > ctx.fonts.line_height("small"):
            lines = max(1, body.height // ctx.fonts.line_height("small"))
            msg = self.text if self.affordable else (self.unaffordable_reason or self.text)
            ctx.text.draw_wrapped(surface, msg, body, "small", ctx.colours.text_dim, max_lines=lines)
        pygame.draw.rect(surface, ctx.colours.bg_deep, strip, border_radius=ctx.space.radius)
        x = strip.x + ctx.space.card.strip_pad_x
        fsz = ctx.space.icon_small
        shown = [(k, v) for k, v in self.forecast.items() if format_delta(v, 1, ctx.lang) != "0"]
        if self.forecast and not shown:
            ctx.text.draw(
                surface,
                _("no visible change"),
                (x, strip.centery),
                "small",
                ctx.colours.text_dim,
                anchor="midleft",
            )
        for score, delta in shown:
            label = format_delta(delta, 1, ctx.lang)
            need = fsz + ctx.space.delta.room + ctx.text.size(label, "small", True)[0]
            if x + need > strip.right - ctx.space.card.strip_end:
                break
            colour = ctx.colours.scores.get(score, ctx.colours.text)
            ctx.icons.draw(surface, score, (x + fsz // 2, strip.centery), fsz, colour)
            x += fsz + ctx.space.tiny
            dcol = ctx.colours.good if delta > 0 else ctx.colours.bad
            triangle(
                surface,
                (x + ctx.space.delta.triangle_x, strip.centery),
                ctx.space.delta.triangle,
                "up" if delta > 0 else "down",
                dcol,
            )
            x += ctx.space.delta.text_x
            rect = ctx.text.draw(
                surface, label, (x, strip.centery), "small", ctx.colours.text, True, "midleft"
            )
            x = rect.right + ctx.space.card.forecast_gap
