"""`python main.py screenshot SCENE [--level ID] [--out FILE.png]`: render one scene headless at
1280x720 (in a plausible mid-game state where the scene needs one) and save it as a PNG."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from game.commands.paths import data_folder, output_file
from game.commands.play import theme_flag
from game.errors import UserError, part
from game.i18n import LANGUAGES, N_
from game.os_words import os_reason

SCENES = (
    "title",
    "pathways",
    "briefing",
    "turn",
    "planning",
    "event",
    "debrief",
    "glossary",
    "settings",
    "saves",
    "credits",
    "classconsole",
    "classplay",
    "classturn",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scene", help=N_("one of:") + " " + ", ".join(SCENES))
    parser.add_argument("--level", metavar="ID", help="the level to show (scenes that need one)")
    parser.add_argument("--out", metavar="FILE.png", help="where to write (default: out/SCENE.png)")
    parser.add_argument(
        "--lang", choices=tuple(LANGUAGES), default="en", help="language of the interface (default en)"
    )
    parser.add_argument("--scale", type=int, default=100, help="UI scale in percent (100-200)")
    parser.add_argument(
        "--font",
        choices=("standard", "hyperlegible", "dyslexic"),
        default="standard",
        help="the interface's font: standard, hyperlegible (Atkinson) or dyslexic (OpenDyslexic)",
    )
    theme_flag(parser, default="default")
    parser.add_argument("--size", default="1280x720", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--mods", metavar="DIR", help="a folder of extra levels (mods) to load")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="use this data folder's saves (default: a temporary one with examples)",
    )


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(p) for p in text.lower().split("x"))
    except ValueError:
        raise UserError.of(
            part(N_("--size {size}: expected WIDTHxHEIGHT, e.g. 1280x720"), size=repr(text))
        ) from None
    if not (320 <= w <= 7680 and 240 <= h <= 4320):
        raise UserError.of(part(N_("--size {size}: out of range"), size=repr(text)))
    return w, h


def example_saves(data_dir: Path, catalog: Any) -> None:
    """A saves folder as a class might have it: an autosave, a manual save, a damaged file and
    one from a newer version of the game (so every state of the list is shown). The two good
    saves are real games of shipped levels, played by the demo policy, so their titles, turn
    counts and scores are what loading them shows."""
    from game.saves import SaveStore
    from game.ui.demo import unfinished_session

    store = SaveStore(data_dir)
    for level_id, turns, name, when in (
        ("coop_network", 6, None, "2025-03-14T10:42:00+00:00"),
        ("reservation_pilot", 3, "class-4b", "2025-03-13T14:05:00+00:00"),
    ):
        loaded = catalog.find(level_id)
        if loaded is None:
            continue
        save = unfinished_session(loaded, "en", turns).to_save().model_copy(update={"saved_at": when})
        if name is None:
            store.autosave(save)
        else:
            store.write(name, save)
    store.folder.mkdir(parents=True, exist_ok=True)
    (store.folder / "friday.json").write_text('{"version": 2, "level_id": "coop_net', encoding="utf-8")
    (store.folder / "from-the-future.json").write_text(
        json.dumps({"version": 9, "level_id": "revolution", "seed": 1}), encoding="utf-8"
    )


def run(args: argparse.Namespace) -> int:
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    if args.scene not in SCENES:
        raise UserError.of(
            part(
                N_("unknown scene '{scene}'; choose one of: {scenes}"),
                scene=args.scene,
                scenes=", ".join(SCENES),
            )
        )
    if not 100 <= args.scale <= 200:
        raise UserError.of(part(N_("--scale {scale}: must be between 100 and 200"), scale=args.scale))
    size = _size(args.size)
    out = Path(args.out) if args.out else Path("out") / f"{args.scene}.png"
    if out.suffix.lower() != ".png":
        raise UserError.of(part(N_("--out {out}: the file name must end in .png"), out=out))
    output_file(out, "--out")
    if args.data_dir:
        data_folder(args.data_dir)

    import pygame

    from game.settings import Settings
    from game.ui import demo
    from game.ui.app import App
    from game.ui.scenes.planning import PlanningScene

    settings = Settings(language=args.lang, ui_scale=args.scale, font=args.font, theme=args.theme)
    with tempfile.TemporaryDirectory(prefix="parecon-shot-") as tmp:
        mods_dir = Path(args.mods).expanduser() if args.mods else None
        if mods_dir is not None and not mods_dir.is_dir():
            raise UserError.of(part(N_("{flag} {path}: no such folder"), flag="--mods", path=mods_dir))
        data_dir = Path(args.data_dir).expanduser() if args.data_dir else Path(tmp)
        app = App(settings, data_dir, size=size, persist=False, audio=False, mods_dir=mods_dir)
        for line in app.catalog().skipped(app.ctx._):
            print(line, file=sys.stderr)
        if not args.data_dir:
            example_saves(data_dir, app.catalog())
        scene = demo.scene_for_screenshot(app, args.scene, args.level)
        app.push(scene)
        demo.settle(app)
        if isinstance(scene, PlanningScene):
            scene.playing = False
            scene.round = min(2, max(0, scene.rounds - 1))
            scene.rebuild()
            demo.settle(app)
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            app.screenshot(out)
        except (OSError, pygame.error) as exc:
            why = os_reason(exc) if isinstance(exc, OSError) else exc
            raise UserError.of(
                part(N_("--out {out}: cannot write the picture: {why}"), out=out, why=why)
            ) from None
        finally:
            app.shutdown()
    print(out)
    return 0
