"""The window's life: a minimum size kept while resizing, and SIGTERM or Ctrl+C ending the
game cleanly at any moment, even in the middle of a layout that has not finished, with the
game in progress autosaved."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.ui.lifecycle import MIN_SIZE

ROOT = Path(__file__).resolve().parents[2]

BUSY_GAME = """
import sys
from pathlib import Path
from game.settings import Settings
from game.ui.app import App
from game.ui import demo
from game.ui.games import new_session
from game.ui.scenes import make_scene

app = App(Settings(), Path(sys.argv[1]), persist=False, audio=False)
loaded = app.catalog().find("coop_network")
session = new_session(loaded, 42)
demo.play_turns(session, 2)
app.push(make_scene(app, "turn", session=session))
app.step([], 1 / 60)
scene = app.top

def endless_layout(dt):
    words = "participatory " * 2000
    n = 0
    while True:  # a layout that never ends, as a cubic wrap once did
        scene.ctx.text.wrap(words + str(n), "body", 300)
        n += 1
        if n == 1:  # inside the endless layout now: the test may send its signal
            print("busy", flush=True)

scene.update = endless_layout
sys.exit(app.run())
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stop_signal_mid_layout_ends_cleanly_and_autosaves(tmp_path: Path, sig: int) -> None:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", BUSY_GAME, str(tmp_path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    try:
        assert proc.stdout.readline().strip() == "busy"  # printed from inside the layout
        proc.send_signal(sig)
        code = proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    err = proc.stderr.read() if proc.stderr else ""
    assert code == 0, err
    assert "Traceback" not in err
    save = json.loads((tmp_path / "saves" / "autosave.json").read_text(encoding="utf-8"))
    assert save["level_id"] == "coop_network" and len(save["decisions"]) == 2


def test_the_window_keeps_its_minimum_size_while_resizing(make_app) -> None:
    app = make_app()
    app.open("title")
    app.step([], 1 / 60)
    pygame.display.set_mode((320, 200), pygame.RESIZABLE)  # a window manager ignoring the minimum
    app.step([pygame.event.Event(pygame.VIDEORESIZE, size=(320, 200), w=320, h=200)], 1 / 60)
    w, h = pygame.display.get_surface().get_size()
    assert w >= MIN_SIZE[0] and h >= MIN_SIZE[1]
    assert app.manager.window_resolution == (w, h)
