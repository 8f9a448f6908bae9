"""Fonts and text: a font book per family and scale, a cached label renderer, word wrapping,
and paragraphs with highlighted glossary terms.

Why a cache: rendering text is the slowest common drawing call in pygame-ce (about 11 us per
label); the screens redraw the same labels every frame, so each (text, size, colour, bold) is
rendered once and reused.
"""

from __future__ import annotations

import re
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass

import pygame

from game.theme_data import FontSizes, load_theme
from game.ui.assets import font_factor, font_file

Colour = tuple[int, int, int]

WRAP_CACHE = 512  # wrapped paragraphs kept
WORD_CACHE = 20_000  # measured words kept (then forgotten all at once)
LONG_WORD = 200  # characters beyond which a word is measured by character advances
# where a line may break: any white space but the no-break space ("15\u00a0%" stays whole)
_BREAKS = re.compile(r"[^\S\u00a0]+")


def _breaks(ch: str) -> bool:
    return ch.isspace() and ch != "\u00a0"


def _nbytes(surf: pygame.Surface) -> int:
    return surf.get_width() * surf.get_height() * surf.get_bytesize()


def _maybe_hidden(ch: str) -> bool:
    """Whether the text shaper may hide `ch` (format, unassigned and variation characters):
    such a character's drawn width is measured rather than read from the glyph metrics."""
    code = ord(ch)
    return (
        unicodedata.category(ch) in ("Cf", "Cn")
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
        or code == 0x034F
    )


class FontBook:
    """pygame fonts for one family at one UI scale, loaded once per (size, bold). Named sizes
    ("small", "body", "heading"...) come from the theme's `sizes`."""

    def __init__(self, family: str = "standard", scale: float = 1.0, sizes: FontSizes | None = None) -> None:
        self.family = family
        self.scale = scale
        self.sizes = sizes or load_theme().sizes
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}

    def pixel_size(self, size: int | str) -> int:
        base = self.sizes.get(size) if isinstance(size, str) else size
        return max(8, round(base * self.scale * font_factor(self.family)))

    def get(self, size: int | str = "body", bold: bool = False) -> pygame.font.Font:
        px = self.pixel_size(size)
        key = (px, bold)
        font = self._fonts.get(key)
        if font is None:
            font = pygame.font.Font(str(font_file(self.family, bold)), px)
            self._fonts[key] = font
        return font

    def line_height(self, size: int | str = "body", bold: bool = False) -> int:
        return self.get(size, bold).get_linesize()


class TextCache:
    """Rendered labels and wrapped paragraphs, least recently used dropped past `capacity`
    entries or `max_bytes` of pixels (a long line is a big surface: the cache must stay
    flat in memory however many texts a long session shows).

    Layout is linear in the text's length: widths come from one `metrics` call per word,
    and a word wider than the line is broken by character, so no text can freeze a screen.
    """

    def __init__(self, fonts: FontBook, capacity: int = 1500, max_bytes: int = 48 * 1024 * 1024) -> None:
        self.fonts = fonts
        self.capacity = capacity
        self.max_bytes = max_bytes
        self.bytes = 0
        self._cache: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._wraps: OrderedDict[tuple, list[str]] = OrderedDict()
        self._words: dict[tuple, int] = {}
        self._hidden: dict[tuple[pygame.font.Font, str], int] = {}
        self.broken: set[str] = set()  # texts that end or start inside a word (layout checks)
        self.dropped: list[str] = []  # lines draw_wrapped had no room for (layout checks)
        self.cut: dict[str, set[str]] = {}  # text shortened with "…" -> the whole texts (layout checks)
        self.hits = 0
        self.misses = 0

    def render(
        self,
        text: str,
        size: int | str = "body",
        colour: Colour = (255, 255, 255),
        bold: bool = False,
    ) -> pygame.Surface:
        key = (text, size, tuple(colour), bold)
        surf = self._cache.get(key)
        if surf is not None:
            self._cache.move_to_end(key)
            self.hits += 1
            return surf
        self.misses += 1
        font = self.fonts.get(size, bold)
        try:
            surf = font.render(text.replace("\0", ""), True, colour)
        except (pygame.error, ValueError):  # text of zero width (only invisible characters)
            surf = pygame.Surface((1, font.get_linesize()), pygame.SRCALPHA)
        self._cache[key] = surf
        self.bytes += _nbytes(surf)
        while len(self._cache) > self.capacity or (self.bytes > self.max_bytes and len(self._cache) > 1):
            _k, old = self._cache.popitem(last=False)
            self.bytes -= _nbytes(old)
        return surf

    def clear(self) -> None:
        """Drop every rendered label (after a change of scale or font they are all stale)."""
        self._cache.clear()
        self._wraps.clear()
        self._words.clear()
        self.broken.clear()
        self.cut.clear()
        self.bytes = 0

    def size(self, text: str, size: int | str = "body", bold: bool = False) -> tuple[int, int]:
        font = self.fonts.get(size, bold)
        try:
            return font.size(text.replace("\0", ""))
        except (pygame.error, ValueError):
            return 0, font.get_linesize()

    def advances(self, text: str, size: int | str = "body", bold: bool = False) -> list[int]:
        """The advance of each character (0 for one the font cannot measure), in one call."""
        font = self.fonts.get(size, bold)
        try:
            found = font.metrics(text)
        except (pygame.error, ValueError):
            found = []
        out = [m[4] if m else 0 for m in found[: len(text)]]
        out += [0] * (len(text) - len(out))
        # The shaper hides some characters (a soft hyphen, joiners, tags) although the
        # font's metrics give them an advance: measure what they add to a drawn line.
        return [
            self._drawn_width(ch, font) if _maybe_hidden(ch) else adv
            for ch, adv in zip(text, out, strict=True)
        ]

    def _drawn_width(self, ch: str, font: pygame.font.Font) -> int:
        """What `ch` adds to a drawn line (0 when the shaper hides it), remembered."""
        key = (font, ch)  # the font itself: an id could be reused by another font
        found = self._hidden.get(key)
        if found is None:
            try:
                found = max(0, font.size("0" + ch + "0")[0] - font.size("00")[0])
            except (pygame.error, ValueError):
                found = 0
            self._hidden[key] = found
        return found

    def break_word(self, word: str, size: int | str, width: int, bold: bool = False) -> list[str]:
        """A word wider than `width` cut by character into pieces that fit (at least one
        character each), in one pass."""
        pieces: list[str] = []
        start = acc = 0
        soft = -1  # the last place after a / or - (where a web address or a compound breaks)
        cut_inside = False
        advances = self.advances(word, size, bold)
        for i, adv in enumerate(advances):
            if acc + adv > width and i > start:
                cut = soft + 1 if soft >= start else i
                cut_inside = cut_inside or soft < start
                pieces.append(word[start:cut])
                start, acc = cut, sum(advances[cut:i])
            acc += adv
            if word[i] in "/-" and i < len(word) - 1:
                soft = i
        pieces.append(word[start:])
        if cut_inside:
            self.broken.update(pieces)
        return pieces

    def wrap(self, text: str, size: int | str, width: int, bold: bool = False) -> list[str]:
        """Greedy word wrap; explicit newlines start new lines; over-long words are broken by
        character. Linear in the text's length, and cached."""
        key = (text, size, width, bold)
        found = self._wraps.get(key)
        if found is not None:
            self._wraps.move_to_end(key)
            return list(found)
        lines = self._wrap(text, size, max(1, width), bold)
        self._wraps[key] = lines
        if len(self._wraps) > WRAP_CACHE:
            self._wraps.popitem(last=False)
        return list(lines)

    def word_width(self, word: str, size: int | str = "body", bold: bool = False) -> int:
        """A word's width, remembered: paragraphs repeat their words, and every width of a
        relayout measures them again."""
        key = (word, size, bold)
        found = self._words.get(key)
        if found is None:
            found = (
                self.size(word, size, bold)[0]
                if len(word) <= LONG_WORD
                else sum(self.advances(word, size, bold))
            )
            if len(self._words) >= WORD_CACHE:
                self._words.clear()
            self._words[key] = found
        return found

    def _wrap(self, text: str, size: int | str, width: int, bold: bool) -> list[str]:
        space = self.word_width(" ", size, bold)
        lines: list[str] = []
        for para in text.split("\n"):
            cur: list[str] = []
            cur_w = 0
            for word in para.split(" "):
                w = self.word_width(word, size, bold) if len(word) <= LONG_WORD else width + 1
                gap = space if cur else 0
                if cur_w + gap + w <= width:
                    cur.append(word)
                    cur_w += gap + w
                    continue
                if cur:
                    lines.append(" ".join(cur))
                    cur, cur_w = [], 0
                if w > width:
                    pieces = self.break_word(word, size, width, bold)
                    lines.extend(pieces[:-1])
                    word = pieces[-1]
                    w = self.word_width(word, size, bold)
                cur, cur_w = [word], w
            lines.append(" ".join(cur))
        return lines

    def _note_cut(self, short: str, whole: str) -> str:
        """Remember what a shortened text stood for (the layout checker asks that the whole
        text be one hover or key away, in a tooltip)."""
        if len(self.cut) >= WRAP_CACHE * 4:
            self.cut.clear()
        self.cut.setdefault(short, set()).add(whole)
        return short

    def shorten(
        self, line: str, size: int | str, width: int, bold: bool = False, whole: str | None = None
    ) -> str:
        """A wrapped line followed by more text (`whole`): " …" after its last whole word that
        leaves room for it (a line of one word keeps the word whole and the mark goes)."""
        words = line.split(" ")
        while words:
            trial = " ".join(words) + " …"
            if self.size(trial, size, bold)[0] <= width:
                return self._note_cut(trial, whole or line)
            if len(words) == 1:
                return words[0]
            words.pop()
        return line

    def words_fit(self, text: str, size: int | str, width: int, bold: bool = False) -> bool:
        """Whether every word of `text` fits a line `width` wide (else wrapping cuts one)."""
        return all(self.word_width(word, size, bold) <= width for word in _BREAKS.split(text) if word)

    def fit(self, text: str, size: int | str, width: int, bold: bool = False) -> str:
        """The text, shortened with an ellipsis after its last whole word that fits if it is
        wider than `width` (one pass); only a first word wider than `width` is cut inside."""
        if len(text) <= LONG_WORD and self.size(text, size, bold)[0] <= width:
            return text
        room = width - self.size("…", size, bold)[0]
        acc = 0
        cut = 0
        word_end = 0  # the end of the last whole word that fits
        for i, adv in enumerate(self.advances(text, size, bold)):
            if acc + adv > room:
                if _breaks(text[i]):
                    word_end = i
                break
            if _breaks(text[i]) and i > 0 and not _breaks(text[i - 1]):
                word_end = i
            acc += adv
            cut = i + 1
        else:
            if len(text) > LONG_WORD:
                return text
        head = text[:word_end].rstrip(" ,;:·-–") if word_end else ""
        if head:
            return self._note_cut(head + "…", text)
        out = text[:cut].rstrip() + "…"
        self.broken.add(out)
        return self._note_cut(out, text)

    def draw(
        self,
        surface: pygame.Surface,
        text: str,
        pos: tuple[int, int],
        size: int | str = "body",
        colour: Colour = (255, 255, 255),
        bold: bool = False,
        anchor: str = "topleft",
    ) -> pygame.Rect:
        surf = self.render(text, size, colour, bold)
        rect = surf.get_rect(**{anchor: pos})
        surface.blit(surf, rect)
        return rect

    def draw_wrapped(
        self,
        surface: pygame.Surface,
        text: str,
        rect: pygame.Rect,
        size: int | str = "body",
        colour: Colour = (255, 255, 255),
        bold: bool = False,
        max_lines: int | None = None,
        align: str = "left",
    ) -> int:
        """Draw wrapped text inside rect (clipped); returns the height used."""
        lines = self.wrap(text, size, rect.width, bold)
        if max_lines is not None and len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = self.shorten(lines[-1], size, rect.width, bold, whole=text)
        lh = self.fonts.line_height(size, bold)
        y = rect.top
        for i, line in enumerate(lines):
            if y + lh > rect.bottom + lh // 3:
                self.dropped.append(" ".join(lines[i:]))
                break
            surf = self.render(line, size, colour, bold)
            if align == "center":
                x = rect.centerx - surf.get_width() // 2
            elif align == "right":
                x = rect.right - surf.get_width()
            else:
                x = rect.left
            surface.blit(surf, (x, y))
            y += lh
        return y - rect.top


LINK_RE = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]")


@dataclass(frozen=True)
class Run:
    text: str
    link: str | None = None  # glossary term id for highlighted terms


def parse_markup(text: str) -> list[Run]:
    """Split `[[term]]` / `[[term|shown words]]` glossary links out of plain text."""
    runs: list[Run] = []
    pos = 0
    for m in LINK_RE.finditer(text):
        if m.start() > pos:
            runs.append(Run(text[pos : m.start()]))
        term = m.group(1).strip()
        runs.append(Run(m.group(2) or m.group(1), link=term))
        pos = m.end()
    if pos < len(text):
        runs.append(Run(text[pos:]))
    return runs


def strip_markup(text: str) -> str:
    return "".join(r.text for r in parse_markup(text))


@dataclass
class PlacedWord:
    text: str
    x: int
    y: int
    w: int
    h: int
    link: str | None


def layout_runs(
    cache: TextCache, runs: list[Run], size: int | str, width: int
) -> tuple[list[PlacedWord], int]:
    """Place words of styled runs into lines no wider than `width`; returns words and height."""
    font = cache.fonts.get(size)
    space = cache.size(" ", size)[0]
    lh = font.get_linesize()
    words: list[PlacedWord] = []
    x = y = 0
    for run in runs:
        parts = re.split(r"(\n| )", run.text)
        for part in parts:
            if part == "\n":
                x, y = 0, y + lh
                continue
            if part == " ":
                if x > 0:
                    x += space
                continue
            if not part:
                continue
            w = cache.word_width(part, size) if len(part) <= LONG_WORD else width + 1
            pieces = [part] if w <= width else cache.break_word(part, size, max(1, width))
            for piece in pieces:
                if len(pieces) > 1:
                    w = sum(cache.advances(piece, size))
                if x > 0 and x + w > width:
                    x, y = 0, y + lh
                words.append(PlacedWord(piece, x, y, w, lh, run.link))
                x += w
    return words, (y + lh if words else 0)
