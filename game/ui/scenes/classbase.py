"""Pieces shared by the class screens (teacher's console, council play, class votes): a
keyboard-first scene and large, high-contrast drawing helpers for a projector.

Why keys before the focus ring: these screens are driven from the teacher's keyboard at the
front of the room; arrows and Enter mean "change this value" and "go on", never "move the
focus to the Back button". Nothing on them needs a mouse.
"""

from __future__ import annotations

import pygame

from game.classroom.texts import good_name
from game.ui.scenes.common import MenuScene

SIZES = ("heading", "large", "body", "small")  # a line too long for its size tries the next


class ClassScene(MenuScene):
    icon = "council"

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key != pygame.K_ESCAPE and self.on_key(event):
            return True
        return super().handle_event(event)

    def good(self, gid: str) -> str:
        """A good by the level's own name (the classroom's `goods`), in the class's language."""
        return good_name(self._, gid, getattr(getattr(self, "room", None), "goods", None))

    # --- drawing helpers ----------------------------------------------------------------
    def line(self, surface: pygame.Surface, text: str, x: int, y: int, size: str = "large", **kw) -> int:
        """Draw one line of text; returns the y below it."""
        ctx = self.ctx
        colour = kw.pop("colour", ctx.colours.text)
        bold = kw.pop("bold", False)
        width = kw.pop("width", None)
        if width is not None:  # set smaller before it is cut
            sizes = SIZES[SIZES.index(size) :] if size in SIZES else (size,)
            size = next((s for s in sizes if ctx.text.size(text, s, bold)[0] <= width), sizes[-1])
            text = ctx.text.fit(text, size, width, bold)
        ctx.text.draw(surface, text, (x, y), size, colour, bold)
        return y + ctx.fonts.line_height(size, bold)

    def para(self, surface: pygame.Surface, text: str, x: int, y: int, size: str, width: int, **kw) -> int:
        """Draw `text` wrapped in at most two lines, set smaller first if two are not enough;
        returns the y below it."""
        ctx = self.ctx
        bold = kw.get("bold", False)
        sizes = SIZES[SIZES.index(size) :] if size in SIZES else (size,)
        size = next((s for s in sizes if len(ctx.text.wrap(text, s, width, bold)) <= 2), sizes[-1])
        lines = ctx.text.wrap(text, size, width, bold)
        if len(lines) > 2:
            lines = [lines[0], ctx.text.shorten(lines[1], size, width, bold, whole=text)]
        for line in lines:
            y = self.line(surface, line, x, y, size, **kw)
        return y

    @property
    def keys_lines(self) -> int:
        """The keys take two lines where one would cut them (large text)."""
        return 2 if self.size[0] < self.ctx.space.classroom.wide_min_w else 1

    def keys_top(self) -> int:
        """Where the keys line along the bottom begins (nothing else goes below)."""
        return (
            self.size[1]
            - self.keys_lines * self.ctx.fonts.line_height("body")
            - self.ctx.space.classroom.keys_pad
        )

    @staticmethod
    def window(n: int, fit: int, current: int) -> range:
        """The rows of a list of `n` shown when `fit` fit: all, or a run that keeps the
        current row in view (the keys move through the rest)."""
        fit = max(1, fit)
        if n <= fit:
            return range(n)
        first = min(max(0, current - fit // 2), n - fit)
        return range(first, first + fit)

    def keys_help(self, surface: pygame.Surface, text: str) -> None:
        """The keys of this screen along the bottom edge (wrapped onto `keys_lines`)."""
        ctx = self.ctx
        w, h = surface.get_size()
        lh = ctx.fonts.line_height("body")
        top = self.keys_top()
        pygame.draw.rect(surface, ctx.colours.bg_deep, (0, top, w, h - top))
        ctx.text.draw_wrapped(
            surface,
            text,
            pygame.Rect(
                ctx.space.classroom.keys_x,
                top + ctx.space.classroom.keys_top_pad,
                w - ctx.space.classroom.keys_edges,
                lh * self.keys_lines,
            ),
            "body",
            ctx.colours.text,
            max_lines=self.keys_lines,
        )

    def board_table(self, surface: pygame.Surface, rect: pygame.Rect, board: dict) -> None:
        """Prices and signed excess per good, with a bar for the excess (the facilitation board)."""
        ctx = self.ctx
        _ = self._
        x, y = rect.x, rect.y
        y = self.line(surface, _("Facilitation board"), x, y, "large", bold=True)
        col_price = x + rect.width * 45 // 100
        col_bar = x + rect.width * 62 // 100
        lh = ctx.fonts.line_height("large")
        self.line(
            surface,
            _("Good"),
            x,
            y,
            "body",
            colour=ctx.colours.text_dim,
            width=col_price - x - ctx.space.tight,
        )
        self.line(
            surface,
            _("Price"),
            col_price,
            y,
            "body",
            colour=ctx.colours.text_dim,
            width=col_bar - col_price - ctx.space.tight,
        )
        self.line(surface, _("Excess"), col_bar, y, "body", colour=ctx.colours.text_dim)
        y += ctx.fonts.line_height("body")
        excess = board.get("excess")
        bar_w = rect.right - col_bar - ctx.space.classroom.excess_text_w
        for k, g in enumerate(board["goods"]):
            if y + lh > rect.bottom:
                break
            self.line(surface, self.good(g), x, y, "large", width=col_price - x - ctx.space.gap)
            self.line(surface, ctx.tr.num(board["prices"][k], ",.1f"), col_price, y, "large")
            if excess is not None:
                v = float(excess[k])
                within = abs(v) < board["threshold"]
                colour = ctx.colours.good if within else (ctx.colours.bad if v > 0 else ctx.colours.link)
                length = int(min(1.0, abs(v)) * bar_w)
                pygame.draw.rect(surface, colour, (col_bar, y + lh // 4, max(2, length), lh // 2))
                sign = "+" if v >= 0 else "−"
                ctx.text.draw(
                    surface,
                    sign + ctx.tr.pct(abs(v), 1),
                    (col_bar + length + ctx.space.gap, y),
                    "large",
                    ctx.colours.text,
                )
            y += lh
