"""Text widgets: a paragraph whose [[highlighted terms]] link to the glossary.

Links are sky blue AND underlined (never colour alone); hovering one shows its short
definition as a tooltip; clicking it, or Enter while it is selected with Left/Right, opens
the glossary at that term.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.context import UIContext
from game.ui.text import PlacedWord, layout_runs, parse_markup
from game.ui.widgets.base import Widget


class Paragraph(Widget):
    def __init__(
        self,
        ctx: UIContext,
        rect: pygame.Rect,
        text: str,
        *,
        size: int | str = "body",
        colour: tuple[int, int, int] | None = None,
        on_link: Callable[[str], None] | None = None,
        define: Callable[[str], str | None] | None = None,
        key: str | None = None,
    ) -> None:
        super().__init__(ctx, rect, key=key)
        self.size = size
        self.colour = colour or ctx.colours.text
        self.on_link = on_link
        self.define = define
        self._underlines: dict[tuple[str, int], tuple[int, list[tuple[int, int]]]] = {}  # text -> place
        self.set_text(text)

    def set_text(self, text: str) -> None:
        self.text = text
        self.words, self.height = layout_runs(self.ctx.text, parse_markup(text), self.size, self.rect.width)
        self.links: list[str] = []
        for w in self.words:
            if w.link and w.link not in self.links:
                self.links.append(w.link)
        self.link_index = 0
        self.hover_link: str | None = None
        self.scroll = 0
        self.bar_w = 0
        if self.rect.height > 0 and self.height > self.rect.height:
            # too long for its box: narrower lines beside a scroll bar, and the text scrolls
            self.bar_w = self.ctx.space.list.scrollbar_room
            width = max(1, self.rect.width - self.bar_w)
            self.words, self.height = layout_runs(self.ctx.text, parse_markup(text), self.size, width)
            self.links = []
            for w in self.words:
                if w.link and w.link not in self.links:
                    self.links.append(w.link)

    @property
    def max_scroll(self) -> int:
        return max(0, self.height - self.rect.height) if self.rect.height > 0 else 0

    def scroll_by(self, dy: int) -> bool:
        old = self.scroll
        self.scroll = max(0, min(self.max_scroll, self.scroll + dy))
        return self.scroll != old

    def _shown(self, w: PlacedWord) -> bool:
        """Whole lines inside the box (after scrolling) are drawn; others wait for a scroll."""
        if self.rect.height <= 0:
            return True
        y = w.y - self.scroll
        return y >= 0 and y + w.h <= self.rect.height  # no line hangs out of the box

    def hidden_words(self) -> list[str]:
        """Words laid out below the box that no scrolling reaches (layout checks)."""
        if self.rect.height <= 0 or self.max_scroll:
            return []
        return [w.text for w in self.words if not self._shown(w)]

    @property
    def focusable(self) -> bool:  # type: ignore[override]
        return (bool(self.links) and self.on_link is not None) or self.max_scroll > 0

    def _word_rect(self, w: PlacedWord) -> pygame.Rect:
        return pygame.Rect(self.rect.x + w.x, self.rect.y + w.y - self.scroll, w.w, w.h)

    def link_at(self, pos: tuple[int, int]) -> str | None:
        for w in self.words:
            if w.link and self._shown(w) and self._word_rect(w).collidepoint(pos):
                return w.link
        return None

    def handle_event(self, event: pygame.event.Event) -> bool:
        if (
            event.type == pygame.MOUSEWHEEL
            and self.max_scroll
            and self.rect.collidepoint(pygame.mouse.get_pos())
        ):
            return self.scroll_by(-event.y * self.ctx.fonts.line_height(self.size) * 2)
        if event.type == pygame.MOUSEMOTION:
            self.hover_link = self.link_at(event.pos)
            self.hovered = self.hover_link is not None
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            link = self.link_at(event.pos)
            if link and self.on_link:
                self.link_index = self.links.index(link)
                self.on_link(link)
                return True
        return False

    def on_key(self, event: pygame.event.Event) -> bool:
        if self.max_scroll:
            step = self.ctx.fonts.line_height(self.size) * 2
            page = max(step, self.rect.height - step)
            moves = {pygame.K_UP: -step, pygame.K_DOWN: step, pygame.K_PAGEUP: -page, pygame.K_PAGEDOWN: page}
            if event.key in moves:
                self.scroll_by(moves[event.key])
                return True
        if not self.links:
            return False
        if event.key == pygame.K_RIGHT and self.link_index < len(self.links) - 1:
            self.link_index += 1
            self._reveal_link()
            return True
        if event.key == pygame.K_LEFT and self.link_index > 0:
            self.link_index -= 1
            self._reveal_link()
            return True
        return False

    def _reveal_link(self) -> None:
        """Scroll the selected link into view."""
        term = self.links[self.link_index]
        for w in self.words:
            if w.link == term:
                if w.y < self.scroll or w.y + w.h > self.scroll + self.rect.height:
                    self.scroll = max(0, min(self.max_scroll, w.y))
                return

    def activate(self) -> None:
        if self.links and self.on_link:
            self.ctx.play_sound("click")
            self.on_link(self.links[self.link_index])

    def tooltip_text(self) -> str | None:
        term = self.hover_link if self.hovered else (self.links[self.link_index] if self.links else None)
        if term and self.define:
            return self.define(term)
        return None

    @property
    def focus_rect(self) -> pygame.Rect:
        if self.links:
            term = self.links[self.link_index]
            rects = [self._word_rect(w) for w in self.words if w.link == term]
            if rects:
                return rects[0].unionall(rects[1:]) if rects[0].y == rects[-1].y else rects[0]
        return self.rect

    def _underline(self, text: str, surf: pygame.Surface, thick: int) -> tuple[int, list[tuple[int, int]]]:
        """Where a link's underline goes in its word's surface: a little under the baseline
        (the font's own ascent, not a share of the line, which put it under the descenders of
        a font with long ones, OpenDyslexic), broken with a gap where a descender (g, p, y)
        passes, as browsers' skip-ink does, so it never runs through a letter in any font."""
        key = (text, thick)
        if key not in self._underlines:
            font = self.ctx.fonts.get(self.size)
            h = surf.get_height()
            gap = max(2, thick)
            # halfway down the descent: clear of the letters' feet, crossing only descenders
            y = min(h - thick, font.get_ascent() + max(thick + 2 * gap, -font.get_descent() // 2))
            mask = pygame.mask.from_surface(surf)
            rows = range(max(0, y - thick // 2 - gap), min(h, y + thick - thick // 2 + gap))
            inked = [x for x in range(surf.get_width()) if any(mask.get_at((x, yy)) for yy in rows)]
            spans, start = [], 0
            for x in inked:
                if x - gap > start:
                    spans.append((start, x - gap))
                start = max(start, x + gap + 1)
            if start < surf.get_width() - 1:
                spans.append((start, surf.get_width() - 1))
            self._underlines[key] = (y, spans)
        return self._underlines[key]

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        thick = max(1, ctx.space.line)
        for w in self.words:
            if not self._shown(w):
                continue
            if w.link:
                surf = ctx.text.render(w.text, self.size, ctx.colours.link)
                r = self._word_rect(w)
                surface.blit(surf, r)
                base, spans = self._underline(w.text, surf, thick)
                for x0, x1 in spans:
                    pygame.draw.line(
                        surface,
                        ctx.colours.link,
                        (r.left + x0, r.top + base),
                        (r.left + x1, r.top + base),
                        thick,
                    )
            else:
                surface.blit(ctx.text.render(w.text, self.size, self.colour), self._word_rect(w))
        if self.max_scroll:
            track = pygame.Rect(
                self.rect.right - ctx.space.scrollbar, self.rect.y, ctx.space.scrollbar, self.rect.height
            )
            pygame.draw.rect(surface, ctx.colours.panel_hi, track, border_radius=track.width)
            h = max(ctx.space.thumb, track.height * self.rect.height // max(1, self.height))
            y = track.y + (track.height - h) * self.scroll // self.max_scroll
            pygame.draw.rect(
                surface, ctx.colours.text_dim, (track.x, y, track.width, h), border_radius=track.width
            )


class ScrollText(Widget):
    """Long text that scrolls: '# ' headings, '## ' subheadings, '- ' bullets, blank lines
    between paragraphs. Up/Down/Page keys and the wheel scroll it while it has focus."""

    focusable = True

    def __init__(self, ctx: UIContext, rect: pygame.Rect, text: str, *, key: str | None = None) -> None:
        super().__init__(ctx, rect, key=key)
        self.scroll = 0
        self.pad = ctx.space.panel_pad
        self.set_text(text)

    @property
    def view(self) -> pygame.Rect:
        """The text area inside the panel's padding."""
        return self.rect.inflate(-2 * self.pad, -2 * self.pad)

    def set_text(self, text: str) -> None:
        ctx = self.ctx
        width = self.view.width - ctx.space.pad
        self.lines: list[tuple[str, int | str, bool, int, tuple[int, int, int], int, bool]] = []
        y = 0
        for raw in text.splitlines():
            line = raw.rstrip()
            if not line:
                y += ctx.space.inset
                continue
            if line.startswith("# "):
                size, bold, indent, colour, body = "heading", True, 0, ctx.colours.text, line[2:]
                y += ctx.space.tight
            elif line.startswith("## "):
                size, bold, indent, colour, body = "large", True, 0, ctx.colours.accent, line[3:]
                y += ctx.space.nudge
            elif line.startswith("- "):
                size, bold, indent, colour, body = (
                    "body",
                    False,
                    ctx.space.bullet_indent,
                    ctx.colours.text,
                    line[2:],
                )
            else:
                size, bold, indent, colour, body = "body", False, 0, ctx.colours.text_dim, line
            lh = ctx.fonts.line_height(size, bold)
            for i, part in enumerate(ctx.text.wrap(body, size, width - indent, bold)):
                bullet = line.startswith("- ") and i == 0
                self.lines.append((part, size, bold, indent, colour, y, bullet))
                y += lh
        self.content_h = y
        self.scroll = max(0, min(self.scroll, self.max_scroll))

    @property
    def max_scroll(self) -> int:
        return max(0, self.content_h - self.view.height)

    def scroll_by(self, dy: int) -> bool:
        old = self.scroll
        self.scroll = max(0, min(self.max_scroll, self.scroll + dy))
        return self.scroll != old

    def on_key(self, event: pygame.event.Event) -> bool:
        step = self.ctx.fonts.line_height("body") * 2
        page = max(step, self.view.height - step)
        moves = {
            pygame.K_UP: -step,
            pygame.K_DOWN: step,
            pygame.K_PAGEUP: -page,
            pygame.K_PAGEDOWN: page,
            pygame.K_HOME: -(10**9),
            pygame.K_END: 10**9,
        }
        if event.key in moves:
            return self.scroll_by(moves[event.key]) or event.key in (
                pygame.K_PAGEUP,
                pygame.K_PAGEDOWN,
            )
        return False

    def handle_event(self, event: pygame.event.Event) -> bool:
        super().handle_event(event)
        if event.type == pygame.MOUSEWHEEL and self.hovered:
            self.scroll_by(-event.y * self.ctx.fonts.line_height("body") * 2)
            return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        pygame.draw.rect(surface, ctx.colours.panel, self.rect, border_radius=ctx.space.radius_panel)
        view = self.view
        clip = surface.get_clip()
        surface.set_clip(view)
        for text, size, bold, indent, colour, y, bullet in self.lines:
            yy = view.y + y - self.scroll
            lh = ctx.fonts.line_height(size, bold)
            if yy < view.y or yy + lh > view.bottom:
                continue  # only whole lines: a line cut through is unreadable (scroll to it)
            if bullet:
                pygame.draw.circle(
                    surface,
                    ctx.colours.accent,
                    (view.x + ctx.space.gap, yy + lh // 2),
                    max(2, ctx.space.stripe),
                )
            surface.blit(ctx.text.render(text, size, colour, bold), (view.x + indent, yy))
        surface.set_clip(clip)
        if self.max_scroll > 0:
            bar = ctx.space.scrollbar
            track = pygame.Rect(view.right - bar, view.y, bar, view.height)
            pygame.draw.rect(surface, ctx.colours.panel, track, border_radius=track.width)
            h = max(ctx.space.thumb, track.height * view.height // max(1, self.content_h))
            y = track.y + (track.height - h) * self.scroll // self.max_scroll
            pygame.draw.rect(
                surface, ctx.colours.text_dim, (track.x, y, track.width, h), border_radius=track.width
            )
