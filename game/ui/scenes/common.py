"""Pieces shared by the menu screens: a header with a title and a back button."""

from __future__ import annotations

import pygame

from game.ui.scene import Scene
from game.ui.widgets.base import TipArea
from game.ui.widgets.button import Button, label_width


class MenuScene(Scene):
    """A screen with a title bar (icon, title, subtitle) and a Back button at the top right.
    A screen too small for all its parts at once shows them behind tabs (`add_tabs`); `tab`
    is the open one (buttons keyed "tab:KEY", as on the turn screen)."""

    title = ""
    icon: str | None = None
    tab: str | None = None

    def subtitle(self) -> str:
        return ""

    def _header_text_width(self) -> int:
        ctx = self.ctx
        w = self.size[0]
        back_w = max(
            ctx.space.menu.back_min_w,
            ctx.text.size(self._("Back"), "body", True)[0] + ctx.space.menu.back_label_pad,
        )
        return (
            w
            - ctx.space.menu.title_x
            - (ctx.space.menu.icon_room if self.icon else 0)
            - back_w
            - ctx.space.menu.title_back_gap
        )

    @property
    def compact(self) -> bool:
        """A short window for the text size (200% at 720 lines): a slimmer header with one
        line of subtitle, so the screen's own content keeps most of the height."""
        return self.size[1] < self.ctx.space.menu.compact_below_h

    def _subtitle_lines(self) -> list[str]:
        """The subtitle wrapped whole, never cut: a menu is where a new player reads. A line
        that lies below the Back button runs under it, to the window's right margin, so a
        long subtitle takes as few lines as it can (two in Spanish at 200% in 1280x720)."""
        sub = self.subtitle()
        if not sub:
            return []
        wrap, narrow = self.ctx.text.wrap, self._header_text_width()
        lines: list[str] = []
        rest = sub
        while rest:
            if self._below_back(len(lines)):
                return lines + wrap(rest, "small", self._header_wide_width())
            found = wrap(rest, "small", narrow)
            if len(found) == 1 or not rest.startswith(found[0]):  # the rest fits (or was broken
                return lines + found  # inside a word: then every line keeps the narrow width)
            lines.append(found[0])
            rest = rest[len(found[0]) :].lstrip()
        return lines

    def _header_wide_width(self) -> int:
        """The subtitle's width below the Back button: up to the button's right edge."""
        menu = self.ctx.space.menu
        return self.size[0] - menu.title_x - (menu.icon_room if self.icon else 0) - menu.back_right

    def _below_back(self, line: int) -> bool:
        """Whether the subtitle's line number `line` (0 first) starts below the Back button:
        the header's text starts at its padding or lower, the button ends at back_top + back_h
        or higher (add_back)."""
        ctx, menu = self.ctx, self.ctx.space.menu
        top = (
            (menu.pad_y_compact if self.compact else menu.pad_y)
            + ctx.fonts.line_height("heading", True)
            + line * ctx.fonts.line_height("small")
        )
        return top >= menu.back_top + menu.back_h

    def _header_cut(self) -> bool:
        """Whether the header shortens its title (then a tooltip says it whole)."""
        return self.ctx.text.size(self._(self.title), "heading", True)[0] > self._header_text_width()

    def header_height(self) -> int:
        ctx = self.ctx
        lines = self._subtitle_lines()
        h = (
            (ctx.space.menu.pad_y_compact if self.compact else ctx.space.menu.pad_y) * 2
            + ctx.fonts.line_height("heading", True)
            + len(lines) * ctx.fonts.line_height("small")
        )
        return max(ctx.space.menu.min_h_compact if self.compact else ctx.space.menu.min_h, h)

    def button_height(self, normal: int | None = None) -> int:
        """Buttons are a little lower on a compact screen (the text inside keeps its size);
        `normal` is the height otherwise (screen pixels), by default the menu's button's."""
        menu = self.ctx.space.menu
        if self.compact:
            return menu.button_h_compact
        return menu.button_h if normal is None else normal

    def tabs_fit_one_row(self, tabs: list[tuple[str, str]]) -> bool:
        """Whether `add_tabs` would lay these tabs (key, label) out on a single row."""
        menu, w = self.ctx.space.menu, self.size[0]
        row = sum(label_width(self.ctx, label) + menu.tab_label_pad + menu.tab_gap for _k, label in tabs)
        return row - menu.tab_gap <= w - 2 * menu.tabs_edge

    def add_tabs(self, tabs: list[tuple[str, str]], top: int) -> int:
        """A row of tab buttons (key, label) under the header, flowing onto a second row if
        the words are long; returns the y below them. Opens the first tab if none is open."""
        ctx = self.ctx
        keys = [k for k, _label in tabs]
        if self.tab not in keys:
            self.tab = keys[0]
        w = self.size[0]
        pad, tab_h, gap = (
            ctx.space.menu.tabs_edge,
            self.button_height(ctx.space.menu.tab_h),
            ctx.space.menu.tab_gap,
        )
        x, y = pad, top
        for key, label in tabs:
            bw = min(w - 2 * pad, label_width(ctx, label) + ctx.space.menu.tab_label_pad)
            if x > pad and x + bw > w - pad:
                x, y = pad, y + tab_h + gap
            self.tab_button(key, label, pygame.Rect(x, y, bw, tab_h))
            x += bw + gap
        return y + tab_h + ctx.space.menu.below_tabs

    def tab_button(self, key: str, label: str, rect: pygame.Rect) -> Button:
        """One tab (the open one drawn as the primary button)."""
        return self.add(
            Button(
                self.ctx,
                self.app.manager,
                rect,
                label,
                self._open_tab(key),
                kind="primary" if key == self.tab else "normal",
                key=f"tab:{key}",
            )
        )

    def _open_tab(self, key: str):
        def open_tab() -> None:
            if self.tab != key:
                self.tab = key
                self.rebuild()

        return open_tab

    def after_build(self) -> None:
        self.add_back()
        if self._header_cut():
            ctx = self.ctx
            rect = pygame.Rect(ctx.space.menu.title_x, 0, self._header_text_width(), self.header_height())
            whole = "\n".join(t for t in (self._(self.title), self.subtitle()) if t)
            self.add(TipArea(ctx, rect, whole, key="header-tip"))

    def add_back(self) -> Button:
        ctx = self.ctx
        w, _h = self.size
        bw = max(
            ctx.space.menu.back_min_w,
            ctx.text.size(self._("Back"), "body", True)[0] + ctx.space.menu.back_label_pad,
        )
        bh = ctx.space.menu.back_h
        top = min(ctx.space.menu.back_top, (self.header_height() - bh) // 2)
        rect = pygame.Rect(w - bw - ctx.space.menu.back_right, top, bw, bh)
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
        x = ctx.space.menu.title_x
        lh = ctx.fonts.line_height("heading", True)
        sl = ctx.fonts.line_height("small")
        lines = self._subtitle_lines()
        y = (hh - lh - len(lines) * sl) // 2
        if self.icon:
            isz = ctx.space.icon_header
            ctx.icons.draw(
                surface, self.icon, (x + ctx.space.menu.icon_x, y + lh // 2), isz, ctx.colours.accent
            )
            x += ctx.space.menu.icon_room
        title = ctx.text.fit(self._(self.title), "heading", self._header_text_width(), True)
        ctx.text.draw(surface, title, (x, y), "heading", ctx.colours.text, True)
        for i, line in enumerate(lines):
            ctx.text.draw(surface, line, (x, y + lh + i * sl), "small", ctx.colours.text_dim)
