"""Fixtures for interface tests: a headless display, widget contexts at 100% and 200%, an App
on a temporary data folder, event helpers and golden-image comparison."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pygame
import pytest

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


@pytest.fixture(scope="session", autouse=True)
def _pygame():
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((320, 180))
    yield


@pytest.fixture(params=[1.0, 2.0], ids=["100pct", "200pct"])
def ctx(request):
    from game.ui.context import UIContext

    return UIContext.create(scale=request.param)


@pytest.fixture
def ctx100():
    from game.ui.context import UIContext

    return UIContext.create(scale=1.0)


@pytest.fixture
def make_app(tmp_path):
    from game.settings import Settings
    from game.ui.app import App

    apps = []

    def make(settings: Settings | None = None, **kw) -> App:
        kw.setdefault("persist", False)
        kw.setdefault("audio", False)
        app = App(settings or Settings(), kw.pop("data_dir", tmp_path), **kw)
        pygame.event.clear()
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.shutdown()


def key(k: int, mod: int = 0, unicode: str = "") -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=unicode, scancode=0)


def click(pos: tuple[int, int], button: int = 1) -> list[pygame.event.Event]:
    return [
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button),
    ]


def run_frames(app, events=(), frames: int = 1, dt: float = 1 / 60) -> None:
    app.step(list(events), dt)
    for _ in range(frames - 1):
        app.step([], dt)
    pygame.event.clear()  # pygame_gui posts events of its own; tests inject theirs


TASK_LIMIT = 120.0  # seconds one worker task may take before a test calls it hung


def settle(app, until=None, limit: int = 200) -> None:
    """Step the app a frame at a time until its worker tasks are done and `until()` holds (if
    given). Before each frame it waits for the tasks pending, on the tasks themselves and not
    on a clock, so the frames stepped are the same however loaded the machine is; `limit`
    frames without getting there, or a task taking `TASK_LIMIT` seconds, fails the test."""
    for _ in range(limit):
        if not app.workers.join(TASK_LIMIT):
            raise AssertionError(f"a worker task took more than {TASK_LIMIT:g} s")
        app.step([], 1 / 60)
        pygame.event.clear()
        if not app.workers.busy and (until is None or until()):
            return
    raise AssertionError(f"the game did not settle in {limit} frames")


def compare_golden(
    surface: pygame.Surface, name: str, tolerance: int = 8, max_fraction: float = 0.002
) -> None:
    """Compare with tests/golden/<name>.png: at most `max_fraction` of pixels may differ by more
    than `tolerance` in any channel. UPDATE_GOLDEN=1 rewrites the file."""
    path = GOLDEN / f"{name}.png"
    if os.environ.get("UPDATE_GOLDEN") == "1" or not path.exists():
        if os.environ.get("UPDATE_GOLDEN") != "1":
            pytest.fail(f"{path} is missing; run with UPDATE_GOLDEN=1 to create it")
        GOLDEN.mkdir(parents=True, exist_ok=True)
        pygame.image.save(surface, str(path))
        return
    expected = pygame.surfarray.array3d(pygame.image.load(str(path))).astype(np.int16)
    actual = pygame.surfarray.array3d(surface).astype(np.int16)
    assert actual.shape == expected.shape, f"size {actual.shape} != golden {expected.shape}"
    bad = (np.abs(actual - expected) > tolerance).any(axis=2)
    fraction = float(bad.mean())
    if fraction > max_fraction:
        pygame.image.save(surface, str(path.with_suffix(".actual.png")))
        pytest.fail(
            f"{name}: {fraction:.4%} of pixels differ (limit {max_fraction:.2%}); "
            f"see {path.with_suffix('.actual.png')}"
        )
