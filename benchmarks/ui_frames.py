"""Frame times of every scene at 1280x720 and the time from start to the title screen.

Runs headless (SDL dummy drivers), so it measures our drawing and logic, not the GPU or the
display. Each scene is put in its screenshot state, warmed up, then stepped N frames with a
fixed dt; it prints one line per scene and a JSON line last:
{"startup_s": ..., "scenes": {"title": {"median_ms": ..., "p99_ms": ...}, ...}}

Run: `python benchmarks/ui_frames.py [--frames 300]`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from game.commands.screenshot import SCENES  # noqa: E402  (every scene it can render)

STARTUP = """
import os, sys, time, tempfile
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from game.settings import Settings
from game.ui.app import App
app = App(Settings(), tempfile.mkdtemp(), persist=False, audio=False)
app.open("title")
app.step([], 1 / 60)
print(time.perf_counter() - t0)
"""


def startup_seconds() -> float:
    """Wall time of a fresh interpreter until the title screen's first frame is drawn."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", STARTUP.format(root=str(ROOT))],
        check=True,
        env=env,
        capture_output=True,
    )
    return time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=300)
    args = parser.parse_args()
    os.environ.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    sys.path.insert(0, str(ROOT))
    from game.commands.screenshot import example_saves
    from game.settings import Settings
    from game.ui import demo
    from game.ui.app import App

    startup = min(startup_seconds() for _ in range(3))
    print(f"startup to title: {startup:.3f} s")
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        example_saves(Path(tmp))
        for name in SCENES:
            app = App(Settings(), Path(tmp), persist=False, audio=False)
            app.push(demo.scene_for_screenshot(app, name, None))
            demo.settle(app)
            times = []
            for _ in range(args.frames):
                t = time.perf_counter()
                app.step([], 1 / 60)
                times.append((time.perf_counter() - t) * 1000)
            times.sort()
            med = statistics.median(times)
            p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
            results[name] = {"median_ms": round(med, 3), "p99_ms": round(p99, 3)}
            print(f"{name:10s} median {med:6.2f} ms  p99 {p99:6.2f} ms")
            app.shutdown()
    print(
        json.dumps(
            {
                "startup_s": round(startup, 3),
                "frames": args.frames,
                "size": "1280x720",
                "scenes": results,
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
