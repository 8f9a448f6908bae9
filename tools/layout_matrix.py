"""Run the layout checker over the whole product: every scene (each of its tabs) x UI scale x
language x level x window size x font, and print each fault found, one per line, then a
summary. Exit 1 if anything was found.

    python tools/layout_matrix.py                       # 100/150/200%, en/es, 3 levels, 2 sizes
    python tools/layout_matrix.py --scenes turn,planning --scales 200 --langs es --fonts dyslexic

The test suite (tests/ui/test_layout.py) runs a sample of this; this is the full run (about
300 cases, several minutes on one core).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    from game.commands.screenshot import SCENES
    from game.settings import Settings
    from game.ui import demo
    from game.ui.app import App
    from game.ui.layout_check import problems
    from game.ui.layout_run import each_view, show
    from game.ui.layout_tips import tooltip_problems

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scenes", default=",".join(SCENES))
    ap.add_argument("--levels", default="coop_network,sandbox_pluralist,union_register")
    ap.add_argument("--scales", default="100,150,200")
    ap.add_argument("--langs", default="en,es")
    ap.add_argument("--sizes", default="1280x720,1920x1080")
    ap.add_argument("--fonts", default="standard")
    args = ap.parse_args(argv)
    unknown = sorted(set(args.scenes.split(",")) - set(SCENES))
    if unknown:
        ap.error(f"unknown scene(s): {', '.join(unknown)}; one of: {', '.join(SCENES)}")
    try:
        sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",")]
        scales = [int(v) for v in args.scales.split(",")]
    except ValueError:
        ap.error("--sizes takes WIDTHxHEIGHT,... and --scales whole percentages, e.g. 100,200")
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((320, 180))
    cases = faults = 0
    kinds: Counter[str] = Counter()
    start = time.monotonic()
    for font in args.fonts.split(","):
        for size in sizes:
            for scale in scales:
                for lang in args.langs.split(","):
                    for scene in args.scenes.split(","):
                        levels = args.levels.split(",") if scene in demo.LEVEL_SCENES else [None]
                        for level in levels:
                            data = Path(tempfile.mkdtemp(prefix="layout-"))
                            settings = Settings(ui_scale=scale, language=lang, font=font)
                            app = App(settings, data, size=size, persist=False, audio=False)
                            try:
                                show(app, data, scene, level)
                                found = [
                                    f"{label}: {p}"
                                    for label, _s in each_view(app)
                                    for p in problems(app) + tooltip_problems(app)
                                ]
                            finally:
                                app.shutdown()
                            case = f"{scene}-{level or 'any'}-{scale}-{lang}-{size[0]}x{size[1]}-{font}"
                            for line in found:
                                print(f"{case} | {line}", flush=True)
                                kinds[line.split(": ", 1)[-1].split(" ")[0]] += 1
                            cases += 1
                            faults += len(found)
    took = time.monotonic() - start
    print(f"{cases} cases, {faults} faults in {took:.0f} s" + (f" {dict(kinds)}" if kinds else ""))
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
