"""Pieces shared by the menu screens: a header with a title and a back button."""

from __future__ import annotations

import pygame

from game.ui.scene import Scene
from game.ui.widgets.button import Button


class MenuScene(Scene):
    """A screen with a title bar (icon, title, subtitle) and a Back button at the top right."""

    title = ""
    icon: str | None = None

    def subtitle(self) -> str:
        return ""

    def _header_text_width(self) -> int:
        ctx = self.ctx
        w = self.size[0]
        back_w = max(ctx.px(130), ctx.text.size(self._("Back"), "body", True)[0] + ctx.px(48))
        return w - ctx.px(28) - (ctx.px(50) if self.icon else 0) - back_w - ctx.px(48)

    def _subtitle_lines(self) -> list[str]:
        sub = self.subtitle()
        if not sub:
            return []
        lines = self.ctx.text.wrap(sub, "small", self._header_text_width())
        if len(lines) > 2:
            lines = lines[:2]
            lines[1] = self.ctx.text.fit(lines[1] + " …", "small", self._header_text_width())
        return lines

    def header_height(self) -> int:
        ctx = self.ctx
        lines = self._subtitle_lines()
        h = (
            ctx.px(20) * 2
            + ctx.fonts.line_height("heading", True)
            + len(lines) * ctx.fonts.line_height("small")
        )
        return max(ctx.px(84), h)

    def after_build(self) -> None:
        self.add_back()

    def add_back(self) -> Button:
        ctx = self.ctx
        w, _h = self.size
        bw = max(ctx.px(130), ctx.text.size(self._("Back"), "body", True)[0] + ctx.px(48))
        rect = pygame.Rect(w - bw - ctx.px(24), ctx.px(18), bw, ctx.px(48))
        return self.add(
            Button(
                ctx,
                self.app.manager,
                rect,
                self._("Back"),
                self.back,
                kind="quiet",
                key="back",
                tooltip=self._("Esc also goes back"),
            )
        )

    def draw_background(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        surface.fill(ctx.colours.bg)
        w, _h = surface.get_size()
        hh = self.header_height()
        pygame.draw.rect(surface, ctx.colours.bg_deep, (0, 0, w, hh))
        pygame.draw.line(surface, ctx.colours.accent, (0, hh - 1), (w, hh - 1), max(2, ctx.space.line))
        x = ctx.px(28)
        lh = ctx.fonts.line_height("heading", True)
        sl = ctx.fonts.line_height("small")
        lines = self._subtitle_lines()
        y = (hh - lh - len(lines) * sl) // 2
        if self.icon:
            isz = ctx.space.icon_header
            ctx.icons.draw(surface, self.icon, (x + ctx.px(18), y + lh // 2), isz, ctx.colours.accent)
            x += ctx.px(50)
        title = ctx.text.fit(self._(self.title), "heading", self._header_text_width(), True)
        ctx.text.draw(surface, title, (x, y), "heading", ctx.colours.text, True)
        for i, line in enumerate(lines):
            ctx.text.draw(surface, line, (x, y + lh + i * sl), "small", ctx.colours.text_dim)
