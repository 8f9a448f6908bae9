"""Fonts and text: a font book per family and scale, a cached label renderer, word wrapping,
and paragraphs with highlighted glossary terms.

Why a cache: rendering text is the slowest common drawing call in pygame-ce (about 11 us per
label); the screens redraw the same labels every frame, so each (text, size, colour, bold) is
rendered once and reused.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass

import pygame

from game.ui.assets import font_factor, font_file

Colour = tuple[int, int, int]

# Sizes at 100% scale (design pixels). Body text is at least 18 px for projectors.
SIZES = {"small": 18, "body": 20, "large": 24, "heading": 30, "title": 64, "huge": 80}


class FontBook:
    """pygame fonts for one family at one UI scale, loaded once per (size, bold)."""

    def __init__(self, family: str = "standard", scale: float = 1.0) -> None:
        self.family = family
        self.scale = scale
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}

    def pixel_size(self, size: int | str) -> int:
        base = SIZES[size] if isinstance(size, str) else size
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
    """Rendered labels, least recently used dropped past `capacity`."""

    def __init__(self, fonts: FontBook, capacity: int = 1500) -> None:
        self.fonts = fonts
        self.capacity = capacity
        self._cache: OrderedDict[tuple, pygame.Surface] = OrderedDict()
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
        surf = self.fonts.get(size, bold).render(text, True, colour)
        self._cache[key] = surf
        if len(self._cache) > self.capacity:
            self._cache.popitem(last=False)
        return surf

    def size(self, text: str, size: int | str = "body", bold: bool = False) -> tuple[int, int]:
        return self.fonts.get(size, bold).size(text)

    def wrap(self, text: str, size: int | str, width: int, bold: bool = False) -> list[str]:
        """Greedy word wrap; explicit newlines start new lines; over-long words are split."""
        font = self.fonts.get(size, bold)
        lines: list[str] = []
        for para in text.split("\n"):
            words = para.split(" ")
            cur = ""
            for word in words:
                trial = word if not cur else f"{cur} {word}"
                if font.size(trial)[0] <= width:
                    cur = trial
                    continue
                if cur:
                    lines.append(cur)
                while font.size(word)[0] > width and len(word) > 1:
                    cut = len(word)
                    while cut > 1 and font.size(word[:cut])[0] > width:
                        cut -= 1
                    lines.append(word[:cut])
                    word = word[cut:]
                cur = word
            lines.append(cur)
        return lines

    def fit(self, text: str, size: int | str, width: int, bold: bool = False) -> str:
        """The text, shortened with an ellipsis if it is wider than `width`."""
        font = self.fonts.get(size, bold)
        if font.size(text)[0] <= width:
            return text
        while text and font.size(text + "…")[0] > width:
            text = text[:-1]
        return text.rstrip() + "…"

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
            lines[-1] = self.fit(lines[-1] + " …", size, rect.width, bold)
        lh = self.fonts.line_height(size, bold)
        y = rect.top
        for line in lines:
            if y + lh > rect.bottom + lh // 3:
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
    space = font.size(" ")[0]
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
            w = font.size(part)[0]
            if x > 0 and x + w > width:
                x, y = 0, y + lh
            words.append(PlacedWord(part, x, y, w, lh, run.link))
            x += w
    return words, (y + lh if words else 0)
