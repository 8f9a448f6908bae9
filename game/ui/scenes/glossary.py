"""The glossary: every term of the game and of the levels, with sources; opened at a term
from any highlighted word."""

from __future__ import annotations

import pygame

from game.i18n import N_
from game.ui import glossary as gloss
from game.ui.scenes.common import MenuScene
from game.ui.widgets.listview import ListView
from game.ui.widgets.textblock import Paragraph


class GlossaryScene(MenuScene):
    name = "glossary"
    title = N_("Glossary")
    icon = "info"

    def __init__(self, app, term: str | None = None, levels: list | None = None) -> None:
        super().__init__(app)
        self.levels = levels if levels is not None else [lv.level for lv in app.catalog().levels]
        self.term = term
        self.selected = 0

    def subtitle(self) -> str:
        return self._("The words of a participatory economy. Underlined words lead to other entries.")

    def build(self) -> None:
        ctx = self.ctx
        w, h = self.size
        self.entries = gloss.entries(ctx.tr, self.levels, *gloss.mod_terms(self.app.catalog()))
        if self.term is not None:
            for i, e in enumerate(self.entries):
                if e.key == self.term or gloss.slug(e.term) == gloss.slug(self.term):
                    self.selected = i
            self.term = None
        top = self.header_height() + ctx.space.margin
        list_w = min(ctx.space.glossary.list_max_w, w * 2 // 5)
        item_h = ctx.fonts.line_height("body", True) + ctx.space.glossary.item_extra_h
        self.listview = ListView(
            ctx,
            pygame.Rect(ctx.space.glossary.edge, top, list_w, h - top - ctx.space.glossary.edge),
            self.entries,
            self._paint,
            item_height=item_h,
            key="terms",
            selected=self.selected,
            on_select=self._select,
            tips=lambda e: e.term,  # a term too long for the list
        )
        self.add(self.listview)
        self.detail = pygame.Rect(
            self.listview.rect.right + ctx.space.glossary.edge,
            top,
            w - list_w - ctx.space.glossary.detail_less_w,
            h - top - ctx.space.glossary.edge,
        )
        self._add_text()

    def _add_text(self) -> None:
        ctx = self.ctx
        inner = self.detail.inflate(-ctx.space.glossary.detail_pad_x, -ctx.space.glossary.detail_pad_y)
        head = ctx.fonts.line_height("heading", True) + ctx.space.glossary.below_term
        e = self.entries[self.selected] if self.entries else None
        text = gloss.auto_link(e.text, [x for x in self.entries if x.key != e.key]) if e else ""
        if e is not None:  # where the entry comes from, below it (the whole text scrolls)
            text += "\n\n" + "\n".join(self.foot(e))
        self.paragraph = Paragraph(
            ctx,
            pygame.Rect(inner.x, inner.y + head, inner.width, inner.height - head),
            text,
            on_link=self.jump,
            define=self.define,
            key="entry-text",
        )
        self.add(self.paragraph)

    def define(self, key: str) -> str | None:
        for e in self.entries:
            if e.key == key:
                return e.text
        return None

    def jump(self, key: str) -> None:
        for i, e in enumerate(self.entries):
            if e.key == key:
                self.selected = i
                self.listview.select(i)
                break

    def _select(self, i: int) -> None:
        self.selected = i
        self.widgets.remove(self.paragraph)
        self.focus.items = [w for w in self.focus.items if w is not self.paragraph]
        self._add_text()
        self.focus.set_items(self.widgets, self.focus.current.key if self.focus.current else None)

    def _paint(self, surface, r, e, selected, focused) -> None:
        ctx = self.ctx
        pygame.draw.rect(
            surface,
            ctx.colours.panel_hi if selected else ctx.colours.panel,
            r,
            border_radius=ctx.space.radius,
        )
        if selected:
            pygame.draw.rect(
                surface, ctx.colours.accent, r, max(1, ctx.space.line), border_radius=ctx.space.radius
            )
        ctx.text.draw(
            surface,
            ctx.text.fit(e.term, "body", r.width - ctx.space.glossary.term_less_w, selected),
            (r.x + ctx.space.pad, r.centery),
            "body",
            ctx.colours.text,
            selected,
            "midleft",
        )

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        _ = self._
        self.draw_background(surface)
        pygame.draw.rect(surface, ctx.colours.panel, self.detail, border_radius=ctx.space.radius_panel)
        super().draw_widgets(surface)
        if not self.entries:
            return
        e = self.entries[self.selected]
        inner = self.detail.inflate(-ctx.space.glossary.detail_pad_x, -ctx.space.glossary.detail_pad_y)
        ctx.text.draw(
            surface,
            ctx.text.fit(e.term, "heading", inner.width, True),
            inner.topleft,
            "heading",
            ctx.colours.text,
            True,
        )

    def foot(self, e) -> list[str]:
        _ = self._
        foot = []
        if e.source:
            foot.append(_("Source: {source}").format(source=e.source))
        if e.origin == "core":
            foot.append(_("A term of the game"))
        elif e.origin.startswith("mod:"):
            foot.append(_("From the mod: {name}").format(name=e.origin[4:]))
        else:
            foot.append(_("From the pathway: {title}").format(title=e.origin))
        return foot
