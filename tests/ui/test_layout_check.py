"""The layout checker's own rules, each shown to catch its fault on a small made-up screen and
to pass the same screen done right: text cut with "…" and no tooltip with the whole text, a
character the font has no glyph for, text crossed by a line (unless a backing hides the line
there, or it is the word's own underline), and tooltips that leave the window or cover what
the screen keeps clear."""

from __future__ import annotations

import pygame

from game.settings import Settings
from game.ui.layout_check import missing_glyphs, problems
from game.ui.layout_tips import tooltip_problems
from game.ui.scene import Scene
from game.ui.widgets.base import TipArea, Widget

LONG = "A title far too long for the little room it is given on this screen"


class Painter(Widget):
    """Draws what a test asks (a function of the surface and the context)."""

    def __init__(self, ctx, rect, paint, **kw) -> None:
        super().__init__(ctx, rect, **kw)
        self.paint = paint

    def draw(self, surface: pygame.Surface) -> None:
        self.paint(surface, self.ctx)


class Made(Scene):
    """A screen of the widgets a test gives, and the parts it keeps clear."""

    name = "made"

    def __init__(self, app, make, keep=()) -> None:
        super().__init__(app)
        self.make = make
        self.keep = list(keep)

    def build(self) -> None:
        for w in self.make(self.ctx):
            self.add(w)

    def keep_clear(self) -> list[pygame.Rect]:
        return self.keep


def open_made(make_app, make, keep=()):
    app = make_app(Settings(), size=(1280, 720))
    app.push(Made(app, make, keep))
    app.step([], 1 / 60)
    return app


def shortened(ctx):
    rect = pygame.Rect(40, 40, 200, 40)

    def paint(surface, ctx):
        ctx.text.draw(surface, ctx.text.fit(LONG, "body", rect.width), rect.topleft, "body")

    return rect, Painter(ctx, rect, paint, key="short")


def test_a_text_cut_with_an_ellipsis_needs_a_tooltip_with_the_whole_text(make_app):
    app = open_made(make_app, lambda ctx: [shortened(ctx)[1]])
    found = problems(app)
    assert any("cut with '…'" in p and LONG[:40] in p for p in found), found


def test_a_focusable_tooltip_with_the_whole_text_answers_the_cut(make_app):
    def make(ctx):
        rect, painter = shortened(ctx)
        return [painter, TipArea(ctx, rect, LONG, key="tip")]

    app = open_made(make_app, make)
    assert not [p for p in problems(app) if "cut with" in p]


def test_a_tooltip_with_only_part_of_the_text_does_not(make_app):
    def make(ctx):
        rect, painter = shortened(ctx)
        return [painter, TipArea(ctx, rect, LONG[:30], key="tip")]

    app = open_made(make_app, make)
    assert [p for p in problems(app) if "cut with" in p]


def test_a_character_missing_from_the_font_is_found(make_app):
    assert missing_glyphs("standard", False, "a → b") == ["→"]
    assert missing_glyphs("standard", False, "año · 15% …") == []

    def paint(surface, ctx):
        ctx.text.draw(surface, "Next → there", (40, 40), "body")

    app = open_made(make_app, lambda ctx: [Painter(ctx, pygame.Rect(40, 40, 400, 40), paint)])
    found = problems(app)
    assert any("no glyph" in p and "→" in p for p in found), found


def crossed_label(backing: bool, underline: bool = False):
    def paint(surface, ctx):
        label = ctx.text.render("Goal: support 40", "small", ctx.colours.text)
        box = label.get_rect(topleft=(60, 60))
        if underline:
            pygame.draw.line(surface, ctx.colours.link, box.bottomleft, box.bottomright, 1)
        else:
            pygame.draw.line(surface, ctx.colours.grid, (40, box.centery), (500, box.centery), 1)
        if backing:
            pygame.draw.rect(surface, ctx.colours.panel, box.inflate(6, 0))
        surface.blit(label, box)

    return lambda ctx: [Painter(ctx, pygame.Rect(40, 40, 480, 80), paint)]


def test_text_crossed_by_a_line_is_found(make_app):
    found = problems(open_made(make_app, crossed_label(backing=False)))
    assert any("crossed by a line" in p for p in found), found


def test_a_backing_drawn_over_the_line_or_an_underline_is_no_fault(make_app):
    assert not [p for p in problems(open_made(make_app, crossed_label(backing=True))) if "crossed" in p]
    assert not [p for p in problems(open_made(make_app, crossed_label(False, True))) if "crossed" in p]


def test_a_tooltip_over_a_panel_kept_clear_is_found(make_app):
    def make(ctx):
        return [TipArea(ctx, pygame.Rect(600, 300, 80, 40), "Some words", key="tip")]

    found = tooltip_problems(open_made(make_app, make, keep=[pygame.Rect(900, 0, 380, 720)]))
    assert not found, found  # room is left beside the kept part: no fault
    # the whole window but the widget itself kept clear: nowhere is left for it
    around = [(0, 0, 1280, 300), (0, 340, 1280, 380), (0, 300, 600, 40), (680, 300, 600, 40)]
    found = tooltip_problems(open_made(make_app, make, keep=[pygame.Rect(r) for r in around]))
    assert any("kept clear" in p for p in found), found
    # both ways it was found: by the mouse over it and by the keyboard's focus
    assert {p.split()[1] for p in found} == {"hover", "focus"}


def test_a_tooltip_too_long_for_the_window_is_found(make_app):
    words = " ".join(["word"] * 3000)

    def make(ctx):
        return [TipArea(ctx, pygame.Rect(600, 300, 80, 40), words, key="tip")]

    found = tooltip_problems(open_made(make_app, make))
    assert any("leaves the window" in p for p in found), found
