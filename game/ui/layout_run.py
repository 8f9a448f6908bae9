"""Open a scene as the screenshot tool shows it and walk its tabs, for the layout checks
(tests/ui/test_layout.py and `tools/layout_matrix.py`, which runs every scene at every scale,
language, level and window size)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame

from game.commands.screenshot import example_saves
from game.ui import demo


def settle(app: Any, timeout: float = 60.0) -> None:
    """Step the app until its worker threads are idle (forecasts, planning rounds)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.step([], 1 / 60)
        pygame.event.clear()
        if not app.workers.busy:
            break
        time.sleep(0.005)
    app.step([], 1 / 60)


def show(app: Any, data_dir: Path, scene: str, level: str | None) -> None:
    """Push `scene` (for `level`) with the example saves, as `python main.py screenshot` does."""
    example_saves(data_dir, app.catalog())
    app.push(demo.scene_for_screenshot(app, scene, level))
    settle(app)
    if scene == "planning":  # a middle round, as the screenshot tool shows it
        top = app.top
        top.playing = False
        top.round = min(2, max(0, top.rounds - 1))
        top.rebuild()
        app.step([], 1 / 60)


def tabs(scene: Any) -> list[str]:
    """The scene's tabs (turn screen: `layout.tabs`; others: buttons keyed tab:NAME)."""
    layout = getattr(scene, "layout", None)
    if layout is not None and getattr(layout, "tabs", None):
        return [k for k, _r in layout.tabs]
    return [w.key[4:] for w in scene.widgets if (w.key or "").startswith("tab:")]


def each_view(app: Any) -> Iterator[tuple[str, Any]]:
    """Yield (label, scene) for the scene as opened and, with tabs, for every tab."""
    top = app.top
    names = tabs(top)
    if not names:
        yield top.name, top
        return
    for name in names:
        top.tab = name
        top.rebuild()
        app.step([], 1 / 60)
        yield f"{top.name}:{name}", top
