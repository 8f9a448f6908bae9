"""The command line over every layer: the game window and the tools for teachers, modders,
tests and benchmarks. Every user mistake ends in a message and a non-zero exit code."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence

from game.argparse_words import argparse_language, lang_in, translate_parser
from game.errors import UserError
from game.i18n import N_

# name -> (module under game.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "play": ("play", N_("open the game window (the default)")),
    "simulate": ("simulate", N_("run a level headless and print its turn reports")),
    "plan": ("plan", N_("run the participatory planning procedure on an economy file")),
    "check": ("check", N_("validate level files and mods")),
    "screenshot": ("screenshot", N_("render a scene headless to a PNG")),
    "report": ("report", N_("write the printable debrief (HTML + CSV) of a run")),
    "classroom": ("classroom", N_("the classroom server: students' browsers plan the economy together")),
    "balance": ("balance", N_("play a level with bots and report whether it is a game of strategy")),
}


class _Parser(argparse.ArgumentParser):
    """argparse that says what is wrong and exits 2, like every other input error here."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, argparse._("%(prog)s: error: %(message)s\n") % {"prog": self.prog, "message": message})  # type: ignore[attr-defined]


def build_parser(lang: str | None = None) -> argparse.ArgumentParser:
    """Every command's parser; its help, usage and error texts in `lang` (English if None)."""
    parser = _Parser(prog="main.py", description="Parecon Pathways")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name, (module, helptext) in COMMANDS.items():
        try:
            mod = importlib.import_module(f"game.commands.{module}")
        except ModuleNotFoundError as exc:  # a command not built in this checkout
            if exc.name != f"game.commands.{module}":
                raise
            continue
        p = sub.add_parser(name, help=helptext, description=helptext)
        mod.add_arguments(p)
    if lang and lang != "en":
        from game.i18n import load_translator

        translate_parser(parser, load_translator(lang).gettext)
    return parser


def _printable_streams() -> None:
    """File names that are not valid UTF-8 (read as surrogates) print as escapes instead of
    stopping the command with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]


def _in_language(exc: UserError, lang: str | None) -> str:
    """The error in the command's --lang (English when none is given)."""
    if not lang or lang == "en":
        return str(exc)
    from game.i18n import load_translator

    return exc.words(load_translator(lang).gettext)


def main(argv: Sequence[str] | None = None) -> int:
    _printable_streams()
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("--") and argv[0] not in ("--help",):
        argv = ["play", *argv]
    with argparse_language(lang_in(argv)):  # argparse's own words in --lang
        parser = build_parser(lang_in(argv))
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return 0
    module = importlib.import_module(f"game.commands.{COMMANDS[args.command][0]}")
    try:
        return int(module.run(args) or 0)
    except UserError as exc:
        print(_in_language(exc, getattr(args, "lang", None)), file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into a command that stopped reading (head)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
