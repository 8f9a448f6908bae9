"""How long laying out a level's texts takes, uncached (the first frame of a screen): every
text of the largest shipped level, and of a worst case a hostile mod can write within the
schema (every text at its maximum length, half of it one unbroken word), wrapped at the
widths of the screens at 100% and 200%. Target: within one frame (16.7 ms at 60 fps) for a
shipped level; the worst case must stay bounded (linear), not freeze. Prints one JSON line."""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame  # noqa: E402

from game.levels.fields import MAX_TEXT, MAX_TITLE  # noqa: E402
from game.levels.lint import texts  # noqa: E402
from game.levels.loader import load_level  # noqa: E402
from game.ui.text import FontBook, TextCache  # noqa: E402

WIDTHS = (360, 620, 1100)


def level_texts(path: Path) -> list[str]:
    level = load_level(path).level
    out = []
    for _loc, value in texts(level):
        out.extend([value] if isinstance(value, str) else value.values())
    return out


def hostile(shipped: list[str]) -> list[str]:
    """The same number of texts, each at its maximum length, half of it one long word."""
    out = []
    for i, t in enumerate(shipped):
        n = MAX_TITLE if len(t) <= MAX_TITLE else MAX_TEXT
        out.append(("W" * (n // 2) + " " + "participatory " * n)[:n] if i % 2 else "é" * n)
    return out


def layout_ms(strings: list[str], scale: float, repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        cache = TextCache(FontBook("standard", scale))  # uncached: a screen's first frame
        t0 = time.perf_counter()
        for s in strings:
            for w in WIDTHS:
                cache.wrap(s, "body", round(w * scale))
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> dict:
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((320, 200))
    shipped = max(
        (level_texts(p) for p in sorted((ROOT / "levels").glob("*.yaml"))), key=lambda t: sum(map(len, t))
    )
    bad = hostile(shipped)
    shipped_100 = layout_ms(shipped, 1.0)
    hostile_100 = layout_ms(bad, 1.0, 3)
    longest = layout_ms(["participatory " * (MAX_TEXT // 14)], 2.0) / len(WIDTHS)
    return {
        "texts": len(shipped),
        "shipped_chars": sum(map(len, shipped)),
        "hostile_chars": sum(map(len, bad)),
        "shipped_ms_100": round(shipped_100, 2),
        "shipped_ms_per_text": round(shipped_100 / (len(shipped) * len(WIDTHS)), 3),
        "hostile_ms_per_text": round(hostile_100 / (len(bad) * len(WIDTHS)), 3),
        "longest_text_ms_200": round(longest, 2),
        "shipped_ms_200": round(layout_ms(shipped, 2.0), 2),
        "hostile_ms_100": round(hostile_100, 1),
        "hostile_ms_200": round(layout_ms(bad, 2.0, 3), 1),
        "widths": list(WIDTHS),
        "frame_budget_ms": 16.7,
    }


if __name__ == "__main__":
    print(json.dumps(main()))
