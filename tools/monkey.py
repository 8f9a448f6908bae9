"""A monkey at the keyboard for a whole school day: random keys, clicks, wheel turns and
scale changes (Ctrl+plus/minus) fed to a headless game window, with its resident memory
sampled along the way. Memory must stay flat: a classroom PC has 4 GB.

    python tools/monkey.py --events 20000 --seed 1

prints the memory curve (events, resident MB) and one JSON line last: events, scale changes,
memory at start and end, peak. The test suite plays 20,000 events and asserts a bound.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KEYS = ("tab", "left", "right", "up", "down", "return", "escape", "space", "page down", "page up", "home")


def rss_mb() -> float:
    """Resident memory of this process now, in MB (Linux /proc; peak elsewhere)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1024**2
    except (OSError, ValueError, IndexError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _events(rng: random.Random, size: tuple[int, int], scale_every: int, n: int) -> list:
    import pygame

    if scale_every and n % scale_every == 0:
        key = pygame.K_EQUALS if rng.random() < 0.5 else pygame.K_MINUS
        return [pygame.event.Event(pygame.KEYDOWN, key=key, mod=pygame.KMOD_LCTRL, unicode="", scancode=0)]
    roll = rng.random()
    pos = (rng.randrange(size[0]), rng.randrange(size[1]))
    if roll < 0.45:
        key = pygame.key.key_code(rng.choice(KEYS))
        mod = pygame.KMOD_LSHIFT if key == pygame.K_TAB and rng.random() < 0.3 else 0
        return [
            pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0),
            pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0),
        ]
    if roll < 0.8:
        return [
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False),
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False),
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False),
        ]
    if roll < 0.9:
        return [
            pygame.event.Event(
                pygame.MOUSEWHEEL,
                x=0,
                y=rng.choice((-3, -1, 1, 3)),
                flipped=False,
                precise_x=0.0,
                precise_y=0.0,
                touch=False,
            )
        ]
    return [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(1, 1), buttons=(0, 0, 0), touch=False)]


def play(
    events: int, seed: int = 1, scale_every: int = 20, sample_every: int = 1000, per_frame: int = 4
) -> dict:
    """Feed `events` monkey events (a scale change every `scale_every`) to a headless App;
    return the memory curve and the counts."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import gc

    import pygame

    from game.settings import Settings
    from game.ui.app import App

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="parecon-monkey-") as tmp:
        app = App(Settings(), Path(tmp), persist=False, audio=False)
        app.open("title")
        app.step([], 1 / 60)
        gc.collect()
        start = rss_mb()
        curve = [(0, round(start, 1))]
        done = scale_changes = restarts = 0
        batch: list = []
        while done < events:
            evs = _events(rng, app.screen.get_size(), scale_every, done + 1)
            done += 1
            if evs[0].type == pygame.KEYDOWN and evs[0].mod & pygame.KMOD_CTRL:
                scale_changes += 1
            batch.extend(evs)
            if len(batch) >= per_frame or done == events:
                # as the real loop does: the monkey's events join what the interface posted
                # itself (pygame_gui's button events) in SDL's queue, read once per frame
                for ev in batch:
                    pygame.event.post(ev)
                if not app.step(pygame.event.get(), 1 / 60):  # the monkey chose Quit: start again
                    restarts += 1
                    app.running = True
                    app.shutdown()
                    app.open("title")
                batch = []
            if done % sample_every == 0:
                gc.collect()
                curve.append((done, round(rss_mb(), 1)))
        app.shutdown()
        gc.collect()
        end = rss_mb()
    return {
        "events": done,
        "scale_changes": scale_changes,
        "restarts": restarts,
        "start_mb": round(start, 1),
        "end_mb": round(end, 1),
        "peak_mb": max(mb for _n, mb in curve),
        "curve": curve,
    }


def main(argv: list[str] | None = None) -> int:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    parser = argparse.ArgumentParser(description="Monkey events with memory sampling.")
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale-every", type=int, default=20, help="a scale change every N events")
    parser.add_argument("--sample-every", type=int, default=1000)
    parser.add_argument("--per-frame", type=int, default=4, help="events handled in one frame")
    args = parser.parse_args(argv)
    result = play(args.events, args.seed, args.scale_every, args.sample_every, args.per_frame)
    for n, mb in result["curve"]:
        print(f"{n:>7} events  {mb:8.1f} MB")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
