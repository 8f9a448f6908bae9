"""A layout checker: draw a scene once onto a recording surface and report, from the text
actually drawn and the widgets' own rects, every text box that overlaps another, leaves its
widget or the window, is cut by a clip, sits under a button, or is a word cut in two.

Why record blits: the screens draw text in many ways (labels, wrapped paragraphs, charts,
pygame_gui buttons); every one of them ends in a `blit` of a surface the text cache rendered,
so watching the blits sees all text where it really lands, without a second layout model.
Used by tests/ui/test_layout.py over scenes x scales x languages x sizes x levels.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pygame

from game.ui.text import TextCache
from game.ui.widgets.button import Button


@dataclass(frozen=True)
class TextBox:
    """One piece of text as drawn: its words, its ink on screen, the clip it was drawn under,
    and the widget that drew it (None: the scene itself, e.g. the header)."""

    text: str
    rect: pygame.Rect  # the ink (non-transparent pixels) on the screen
    clip: pygame.Rect
    owner: Any
    broken: bool  # a word cut in two by the layout (wrap by character, ellipsis mid-word)

    def where(self) -> str:
        name = (
            "scene" if self.owner is None else (getattr(self.owner, "key", None) or type(self.owner).__name__)
        )
        return f"{self.text!r} at {tuple(self.rect)} [{name}]"


@dataclass
class Recorder:
    cache: TextCache
    owner: Any = None
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
        return surf

    def on_blit(self, target: RecordingSurface, source: pygame.Surface, dest: Any, area: Any) -> None:
        pos = dest.topleft if isinstance(dest, pygame.Rect) else (int(dest[0]), int(dest[1]))
        clip = target.get_clip()
        if isinstance(source, RecordingSurface):  # a chart's own surface: its text, moved
            for b in source.boxes:
                target.boxes.append(
                    TextBox(b.text, b.rect.move(pos), b.clip.move(pos).clip(clip), b.owner, b.broken)
                )
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
        target.boxes.append(TextBox(text, ink.move(pos), clip, self.owner, text in self.cache.broken))


class RecordingSurface(pygame.Surface):
    """A surface that keeps the text boxes blitted onto it (and those of recording surfaces
    blitted onto it, moved to where they land)."""

    recorder: Recorder
    boxes: list[TextBox]

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
        with _owned(list(scene.widgets), recorder):
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
    seen = [b for b in boxes if b.rect.clip(b.clip).width > 0]
    for i, a in enumerate(seen):
        ra = a.rect.inflate(-2 * slack, -2 * slack).clip(a.clip)
        for b in seen[i + 1 :]:
            rb = b.rect.inflate(-2 * slack, -2 * slack).clip(b.clip)
            if ra.colliderect(rb) and a.text != b.text:
                found.append(f"overlap: {a.where()} and {b.where()}")
    return found
