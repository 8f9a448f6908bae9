"""`python main.py [play]`: open the game window at the title screen."""

from __future__ import annotations

import argparse
import os
import sys

from game.errors import UserError, part
from game.i18n import LANGUAGES, N_, load_translator


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder for saves and settings (default: the user data folder, "
        "or $PARECON_DATA_DIR); for shared classroom PCs and USB sticks",
    )
    parser.add_argument("--mods", metavar="DIR", help="a folder of extra levels (mods) to load")
    parser.add_argument("--fullscreen", action="store_true", help="start in full screen")
    parser.add_argument("--lang", choices=tuple(LANGUAGES), help="interface language for this session")
    theme_flag(parser)
    parser.add_argument(
        "--scenario",
        metavar="CODE",
        help="start straight at a level's briefing from a scenario code such as "
        "coop_network-42 (level id and seed), so a whole class plays the same game",
    )
    _class_flag(parser)


def theme_flag(parser: argparse.ArgumentParser, default: str | None = None) -> None:
    from game.theme_data import THEME_FILES

    parser.add_argument(
        "--theme",
        choices=tuple(THEME_FILES),
        default=default,
        help="colours for this session: default, or high_contrast (white on black, bright colours)",
    )


def _class_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--class-session",
        action="store_true",
        help="open the teacher's console: council play at the projector or from students' browsers",
    )


def prepare(args: argparse.Namespace):
    """Settings and folders from the command line; shared with `screenshot`."""
    from game.atomic import clean_orphans
    from game.commands.paths import data_folder, existing_folder
    from game.saves import SAVES_FOLDER, resolve_data_dir
    from game.settings import load_settings

    data_dir = data_folder(resolve_data_dir(getattr(args, "data_dir", None)))
    mods = getattr(args, "mods", None)
    mods_dir = existing_folder(mods, "--mods") if mods else None
    for folder in (data_dir, data_dir / SAVES_FOLDER):  # left by a game killed mid-write
        clean_orphans(folder)
    settings, warnings = load_settings(data_dir)
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    if getattr(args, "lang", None):
        settings.language = args.lang
    if getattr(args, "theme", None):
        settings.theme = args.theme
    if getattr(args, "fullscreen", False):
        settings.fullscreen = True
    return settings, data_dir, mods_dir


NO_DISPLAY = N_("no display found; set DISPLAY or run `python main.py screenshot ...` for images")
HEADLESS_DRIVERS = ("offscreen", "dummy")


def display_available() -> bool:
    """False when SDL found no screen and fell back to drawing off screen by itself (a
    server, a container, an SSH session). A driver the user chose explicitly
    (SDL_VIDEODRIVER) is always taken as asked for."""
    if os.environ.get("SDL_VIDEODRIVER"):
        return True
    if sys.platform not in ("win32", "darwin") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        return False  # asked before SDL starts, which would print its own errors first
    import pygame

    try:
        pygame.display.init()
        driver = pygame.display.get_driver()
    except pygame.error:
        return False
    if driver in HEADLESS_DRIVERS:
        pygame.display.quit()
        return False
    return True


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    settings, data_dir, mods_dir = prepare(args)
    from game.ui.app import App

    scenario = None
    if getattr(args, "scenario", None):
        from game.reports.scenario import parse_scenario_code

        parsed = parse_scenario_code(args.scenario)
        if parsed is None:
            raise UserError.of(
                part(
                    N_(
                        "--scenario {code}: a scenario code is a level id, a dash and a seed, "
                        "such as coop_network-42"
                    ),
                    code=repr(args.scenario),
                )
            )
        scenario = parsed
        from game.levels.catalog import load_catalog

        catalog = load_catalog(mod_dirs=[mods_dir] if mods_dir is not None else None)
        if catalog.find(parsed[0]) is None:  # checked before any window opens
            known = ", ".join(sorted(lv.level.id for lv in catalog.levels))
            raise UserError.of(
                part(N_("--scenario: unknown level '{id}'; known levels: {known}"), id=parsed[0], known=known)
            )
    if not display_available():
        print(load_translator(settings.language).gettext(NO_DISPLAY), file=sys.stderr)
        return 1
    app = App(settings, data_dir, mods_dir=mods_dir)
    for line in app.catalog().skipped(app.ctx._):
        print(line, file=sys.stderr)
    app.open("title")
    if getattr(args, "class_session", False):
        app.open("classconsole")
    if scenario is not None:
        level_id, seed = scenario
        app.open("briefing", loaded=app.catalog().find(level_id), seed=seed)
    return app.run()
