"""A layout checker: draw a scene once onto a recording surface and report, from the text
actually drawn and the widgets' own rects, every text box that overlaps another, leaves its
widget or the window, is cut by a clip, sits under a button, is a word cut in two, is crossed
by a drawn line, has a character its font has no glyph for, writes a number as English does
in another language ("0.5" for "0,5"), or ends in "…" with no tooltip
(on hover and keyboard focus) that gives the whole text. Tooltips themselves are checked in
`game.ui.layout_tips`.

Why record blits: the screens draw text in many ways (labels, wrapped paragraphs, charts,
pygame_gui buttons); every one of them ends in a `blit` of a surface the text cache rendered,
so watching the blits sees all text where it really lands, without a second layout model.
Used by tests/ui/test_layout.py over scenes x scales x languages x sizes x levels.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pygame
import pygame.freetype

from game.i18n import foreign_numbers
from game.ui.assets import font_file
from game.ui.text import TextCache, strip_markup
from game.ui.widgets.button import Button

Segment = tuple[tuple[int, int], tuple[int, int], int, int]  # two ends, a width, when drawn
Fill = tuple[pygame.Rect, int]  # a filled rectangle, when drawn (it hides lines drawn before it)


@dataclass(frozen=True)
class TextBox:
    """One piece of text as drawn: its words, its ink on screen, the clip it was drawn under,
    and the widget that drew it (None: the scene itself, e.g. the header)."""

    text: str
    rect: pygame.Rect  # the ink (non-transparent pixels) on the screen
    clip: pygame.Rect
    owner: Any
    broken: bool  # a word cut in two by the layout (wrap by character, ellipsis mid-word)
    bold: bool = False
    seq: int = 1 << 30  # when it was drawn (against lines and fills)

    def where(self) -> str:
        name = (
            "scene" if self.owner is None else (getattr(self.owner, "key", None) or type(self.owner).__name__)
        )
        return f"{self.text!r} at {tuple(self.rect)} [{name}]"


@dataclass
class Recorder:
    cache: TextCache
    owner: Any = None
    lines: list[Segment] = field(default_factory=list)  # every line drawn (screen coordinates)
    fills: list[Fill] = field(default_factory=list)  # every filled rectangle drawn
    seq: int = 0  # a counter of drawing calls, to know what was drawn over what
    dropped: list[tuple[str, Any]] = field(default_factory=list)  # (lines, widget) left out
    _ids: dict[int, tuple] = field(default_factory=dict)

    def text_key(self, source: pygame.Surface) -> tuple | None:
        key = self._ids.get(id(source))
        if key is None or self.cache._cache.get(key) is not source:
            self._ids = {id(s): k for k, s in self.cache._cache.items()}
            key = self._ids.get(id(source))
        return key

    def surface(self, size: tuple[int, int], *args: Any) -> RecordingSurface:
        """A recording surface (for `UIContext.canvas` while a check draws)."""
        surf = RecordingSurface(size, *args)
        surf.recorder = self
        surf.boxes = []
        surf.lines = []
        surf.fills = []
        return surf

    def on_blit(self, target: RecordingSurface, source: pygame.Surface, dest: Any, area: Any) -> None:
        pos = dest.topleft if isinstance(dest, pygame.Rect) else (int(dest[0]), int(dest[1]))
        clip = target.get_clip()
        if isinstance(source, RecordingSurface):  # a chart's own surface: its text, moved
            for b in source.boxes:
                target.boxes.append(
                    TextBox(
                        b.text,
                        b.rect.move(pos),
                        b.clip.move(pos).clip(clip),
                        b.owner,
                        b.broken,
                        b.bold,
                        b.seq,
                    )
                )
            target.lines += [
                ((p[0] + pos[0], p[1] + pos[1]), (q[0] + pos[0], q[1] + pos[1]), w, n)
                for p, q, w, n in source.lines
            ]
            target.fills += [(f.move(pos).clip(clip), n) for f, n in source.fills]
            return
        key = self.text_key(source)
        if key is None or not str(key[0]).strip():
            return
        ink = source.get_bounding_rect()
        if area is not None:
            a = pygame.Rect(area)
            ink = ink.clip(a).move(-a.x, -a.y)
        if ink.width == 0 or ink.height == 0:
            return
        text = str(key[0])
        bold = bool(key[3]) if len(key) > 3 else False
        self.seq += 1
        target.boxes.append(
            TextBox(text, ink.move(pos), clip, self.owner, text in self.cache.broken, bold, self.seq)
        )


class RecordingSurface(pygame.Surface):
    """A surface that keeps the text boxes blitted onto it (and those of recording surfaces
    blitted onto it, moved to where they land)."""

    recorder: Recorder
    boxes: list[TextBox]
    lines: list[Segment]  # lines drawn on it (pygame.draw.line and friends), to catch text they cross
    fills: list[Fill]

    def blit(self, source, dest, area=None, special_flags=0):  # type: ignore[override]
        rect = super().blit(source, dest, area, special_flags)
        self.recorder.on_blit(self, source, dest, area)
        return rect

    def blits(self, blit_sequence, doreturn=True):
        return [self.blit(*item) for item in blit_sequence]


@contextmanager
def _owned(widgets: list[Any], recorder: Recorder) -> Iterator[None]:
    """Wrap each widget's draw so the recorder knows who draws."""

    def wrap(w: Any, fn: Callable) -> Callable:
        def draw(surface: pygame.Surface) -> None:
            previous, recorder.owner = recorder.owner, w
            before = len(recorder.cache.dropped)
            try:
                fn(surface)
            finally:
                recorder.owner = previous
                recorder.dropped += [(text, w) for text in recorder.cache.dropped[before:]]
                del recorder.cache.dropped[before:]

        return draw

    for w in widgets:
        w.draw = wrap(w, w.draw)
        w.draw_over = wrap(w, w.draw_over)
    try:
        yield
    finally:
        for w in widgets:
            del w.draw
            del w.draw_over


def button_boxes(scene: Any) -> list[TextBox]:
    """The labels of the scene's pygame_gui buttons, where pygame_gui centres them."""
    out = []
    for w in scene.widgets:
        if not isinstance(w, Button) or not w.visible or not w.text:
            continue
        font = w.element.font
        tw, th = font.size(w.text) if font is not None else (0, 0)
        rect = pygame.Rect(0, 0, tw, th)
        rect.center = w.element.rect.center
        out.append(TextBox(w.text, rect, w.element.rect, w, False))
    return out


@contextmanager
def _watch_lines() -> Iterator[None]:
    """Keep the lines drawn on recording surfaces (pygame.draw.line, aaline, lines, aalines),
    clipped as drawn, so text they cross is found."""
    saved = {name: getattr(pygame.draw, name) for name in ("line", "aaline", "lines", "aalines")}

    def watch(name: str) -> Callable:
        fn = saved[name]

        def draw(surface: pygame.Surface, colour: Any, *args: Any, **kw: Any) -> pygame.Rect:
            rect = fn(surface, colour, *args, **kw)
            if isinstance(surface, RecordingSurface):
                if name in ("line", "aaline"):
                    points, closed = [args[0], args[1]], False
                    rest = args[2:]
                else:
                    closed, points, rest = bool(args[0]), list(args[1]), args[2:]
                width = int(rest[0] if rest and name in ("line", "lines") else kw.get("width", 1))
                points = [(int(x), int(y)) for x, y in points] + ([points[0]] if closed and points else [])
                clip = surface.get_clip()
                for a, b in zip(points, points[1:], strict=False):
                    cut = clip.clipline(a, b)
                    if cut:
                        surface.recorder.seq += 1
                        surface.lines.append((cut[0], cut[1], max(1, width), surface.recorder.seq))
            return rect

        return draw

    rect_fn = pygame.draw.rect

    def rect(
        surface: pygame.Surface, colour: Any, r: Any, width: int = 0, *args: Any, **kw: Any
    ) -> pygame.Rect:
        out = rect_fn(surface, colour, r, width, *args, **kw)
        if isinstance(surface, RecordingSurface) and width == 0 and (len(colour) < 4 or colour[3] == 255):
            surface.recorder.seq += 1
            surface.fills.append((pygame.Rect(r).clip(surface.get_clip()), surface.recorder.seq))
        return out

    for name in saved:
        setattr(pygame.draw, name, watch(name))
    pygame.draw.rect = rect  # type: ignore[assignment]
    try:
        yield
    finally:
        for name, fn in saved.items():
            setattr(pygame.draw, name, fn)
        pygame.draw.rect = rect_fn


@cache
def _face(path: str) -> pygame.freetype.Font:
    if not pygame.freetype.get_init():
        pygame.freetype.init()
    return pygame.freetype.Font(path, 16)


@cache
def _has_glyph(path: str, char: str) -> bool:
    return _face(path).get_metrics(char)[0] is not None


def missing_glyphs(family: str, bold: bool, text: str) -> list[str]:
    """The characters of `text` the font file has no glyph for (drawn as empty boxes)."""
    path = str(font_file(family, bold))
    # a no-break space is drawn from the font like a letter ("15\u00a0%" in Spanish)
    chars = {c for c in text if (c == "\u00a0" or not c.isspace()) and unicodedata.category(c)[0] != "C"}
    return sorted(c for c in chars if not _has_glyph(path, c))


def record(app: Any) -> tuple[list[TextBox], Recorder]:
    """Draw the top scene (as App.draw does, without focus ring, tooltip or notices)."""
    scene = app.top
    ctx = app.ctx
    recorder = Recorder(ctx.text)
    ctx.text.dropped.clear()
    surf = recorder.surface(app.screen.get_size())
    canvas, ctx.canvas = ctx.canvas, recorder.surface
    charts = [w for w in scene.widgets if hasattr(w, "_surface")]
    for w in charts:
        w._surface = None  # drawn again, on recording surfaces
    try:
        with _owned(list(scene.widgets), recorder), _watch_lines():
            if scene.overlay and scene.under is not None:
                pygame.Surface.blit(surf, scene.under, (0, 0))
            scene.draw(surf)
            app.manager.draw_ui(surf)
            scene.draw_over(surf)
    finally:
        ctx.canvas = canvas
        for w in charts:
            w._surface = None
    recorder.dropped += [(text, None) for text in ctx.text.dropped]
    ctx.text.dropped.clear()
    recorder.lines, recorder.fills = surf.lines, surf.fills
    return surf.boxes + button_boxes(scene), recorder


def _owner_rect(box: TextBox, scene: Any) -> pygame.Rect | None:
    if box.owner is None:
        return None
    return scene.visible_rect(box.owner) if hasattr(scene, "visible_rect") else box.owner.rect


def problems(app: Any, slack: int = 1) -> list[str]:
    """Every layout fault on the top scene, as readable lines (empty: the screen is right)."""
    scene = app.top
    boxes, recorder = record(app)
    window = app.screen.get_rect()
    found: list[str] = []
    buttons = [w for w in scene.widgets if isinstance(w, Button) and w.visible]
    for b in boxes:
        r = b.rect.inflate(-2 * slack, -2 * slack)
        visible = r.clip(b.clip)
        if not (visible.width and visible.height):
            continue  # scrolled out of view
        if not window.contains(r):
            found.append(f"outside the window: {b.where()}")
        if b.broken:
            found.append(f"a word cut in two: {b.where()}")
        own = _owner_rect(b, scene)
        # a list, or a widget the scene scrolls (partly shown), may show its edge items cut:
        # scrolling brings them in
        scrolls = getattr(b.owner, "scrolls", False) or (own is not None and own != b.owner.rect)
        if visible != r and not isinstance(b.owner, Button) and not scrolls:
            found.append(f"cut by its panel's edge: {b.where()} clip {tuple(b.clip)}")
        if own is not None and not isinstance(b.owner, Button) and not own.inflate(2, 2).contains(visible):
            found.append(f"outside its widget {tuple(own)}: {b.where()}")
        if isinstance(b.owner, Button) and b.rect.width > b.owner.rect.width - 2 * slack:
            found.append(f"wider than its button {tuple(b.owner.rect)}: {b.where()}")
        for btn in buttons:
            if btn is not b.owner and btn.rect.colliderect(r) and b.clip.colliderect(btn.rect):
                found.append(f"under the button {btn.text!r}: {b.where()}")
    for text, owner in recorder.dropped:
        name = "scene" if owner is None else owner.key or type(owner).__name__
        found.append(f"lines left out for want of room in {name}: {text[:60]!r}")
    for w in scene.widgets:
        if w.visible and getattr(w, "squeezed", False):
            found.append(f"no room for the chart itself in {w.key or type(w).__name__} {tuple(w.rect)}")
        hidden = w.hidden_words() if w.visible and hasattr(w, "hidden_words") else []
        if hidden:
            found.append(f"words left out of {w.key or type(w).__name__}: {' '.join(hidden)[:60]!r}")
    lang = app.ctx.lang
    quoted = " ".join(scene.quoted_texts())  # sources cited as published ("the 3.5% Rule")
    for b in boxes:  # "0.5" on a Spanish screen: a number that missed game.i18n.number
        foreign = [t for t in foreign_numbers(b.text, lang) if t not in quoted]
        if foreign and b.rect.clip(b.clip).width:
            found.append(f"number written in English in {lang} text {', '.join(foreign)}: {b.where()}")
    found += _cut_without_tip(scene, boxes, recorder.cache.cut)
    found += _glyph_faults(boxes, recorder.cache.fonts.family)
    found += _crossed(boxes, recorder.lines, recorder.fills, slack)
    seen = [b for b in boxes if b.rect.clip(b.clip).width > 0]
    for i, a in enumerate(seen):
        ra = a.rect.inflate(-2 * slack, -2 * slack).clip(a.clip)
        for b in seen[i + 1 :]:
            rb = b.rect.inflate(-2 * slack, -2 * slack).clip(b.clip)
            if ra.colliderect(rb) and a.text != b.text:
                found.append(f"overlap: {a.where()} and {b.where()}")
    return found


def _plain(text: str) -> str:
    return " ".join(strip_markup(text).split())


def tip_gives(scene: Any, pos: tuple[int, int], whole: str) -> bool:
    """Whether a widget at `pos` that takes the keyboard focus has a tooltip (for the part at
    `pos`) holding the whole of `whole`."""
    want = _plain(whole)
    for w in scene.widgets:
        if w.visible and w.focusable and w.rect.collidepoint(pos):
            tip = w.tooltip_at(pos)
            if tip and want in _plain(tip):
                return True
    return False


def _cut_without_tip(scene: Any, boxes: list[TextBox], cut: dict[str, set[str]]) -> list[str]:
    found = []
    for b in boxes:
        wholes = cut.get(b.text, set()) - {b.text}
        if not wholes or not b.rect.clip(b.clip).width:
            continue
        if not any(tip_gives(scene, b.rect.center, whole) for whole in wholes):
            whole = sorted(wholes)[0]
            found.append(f"cut with '…', no tooltip gives the whole {whole[:60]!r}: {b.where()}")
    return found


def _glyph_faults(boxes: list[TextBox], family: str) -> list[str]:
    found = []
    for b in boxes:
        faces = (False, True) if isinstance(b.owner, Button) else (b.bold,)
        missing = sorted({c for bold in faces for c in missing_glyphs(family, bold, b.text)})
        if missing:
            found.append(f"no glyph in the {family} font for {''.join(missing)!r}: {b.where()}")
    return found


def _crossed(boxes: list[TextBox], lines: list[Segment], fills: list[Fill], slack: int) -> list[str]:
    """Text a line crosses, unless a filled box drawn between them (a label's backing) hides
    the line there, or the line is a link's underline."""
    found = []
    for b in boxes:
        r = b.rect.inflate(-2 * slack, -2 * slack).clip(b.clip)
        if not (r.width and r.height):
            continue
        for p, q, width, drawn in lines:
            ends = r.inflate(width - 1, width - 1).clipline(p, q)
            if not ends or any(
                drawn < n < b.seq and f.collidepoint(ends[0]) and f.collidepoint(ends[1]) for f, n in fills
            ):
                continue
            wide = b.rect.inflate(8, 0)
            underline = (
                p[1] == q[1]
                and b.rect.y + b.rect.height * 3 // 5 <= p[1] < b.rect.bottom + width
                and wide.left <= min(p[0], q[0])
                and max(p[0], q[0]) <= wide.right
            )  # a link's underline, at the foot of its own word (or just under its ink)
            if not underline:
                found.append(f"crossed by a line {p}-{q}: {b.where()}")
                break
    return found
