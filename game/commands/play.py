"""`python main.py [play]`: open the game window at the title screen."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from game.errors import UserError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder for saves and settings (default: the user data folder, "
        "or $PARECON_DATA_DIR); for shared classroom PCs and USB sticks",
    )
    parser.add_argument("--mods", metavar="DIR", help="a folder of extra levels (mods) to load")
    parser.add_argument("--fullscreen", action="store_true", help="start in full screen")
    parser.add_argument("--lang", choices=("en", "es"), help="interface language for this session")


def prepare(args: argparse.Namespace):
    """Settings and folders from the command line; shared with `screenshot`."""
    from game.saves import resolve_data_dir
    from game.settings import load_settings

    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    if data_dir.exists() and not data_dir.is_dir():
        raise UserError(f"--data-dir {data_dir}: not a folder", 2)
    mods = getattr(args, "mods", None)
    mods_dir = Path(mods).expanduser() if mods else None
    if mods_dir is not None and not mods_dir.is_dir():
        raise UserError(f"--mods {mods_dir}: no such folder", 2)
    settings, warnings = load_settings(data_dir)
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    if getattr(args, "lang", None):
        settings.language = args.lang
    if getattr(args, "fullscreen", False):
        settings.fullscreen = True
    return settings, data_dir, mods_dir


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    settings, data_dir, mods_dir = prepare(args)
    from game.ui.app import App

    app = App(settings, data_dir, mods_dir=mods_dir)
    app.open("title")
    return app.run()
