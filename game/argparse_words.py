"""argparse's own messages ("usage:", "error:", "invalid choice"...) in the command's --lang.

Why this way: argparse translates its messages with the module-level gettext functions `_`
and `ngettext` it imported; while a command line is parsed (and its parser built: the group
titles are set then) they are pointed at our catalog, and put back afterwards. The msgids
below are argparse's (Python 3.11), marked so that tools/update_locale.py extracts them.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable, Iterator, Sequence

from game.i18n import N_, load_translator

MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"),
    N_("unexpected option string: %s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
)


def lang_in(argv: Sequence[str]) -> str | None:
    """The value of --lang on a command line not parsed yet (None when absent)."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


@contextlib.contextmanager
def argparse_language(lang: str | None) -> Iterator[None]:
    """argparse speaks `lang` inside the block (English when None, "en" or unknown)."""
    if not lang or lang == "en":
        yield
        return
    tr = load_translator(lang)
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = tr.gettext, tr.ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


# argparse names a value's type in "invalid %(type)s value" by the function's name ("int")
NUMBER_TYPES = {int: N_("whole number"), float: N_("number")}


def _named(parse: Callable[[str], object], name: str) -> Callable[[str], object]:
    """`parse` under the name argparse shows for it in a wrong value's message."""

    def convert(text: str) -> object:
        return parse(text)

    convert.__name__ = name
    return convert


def translate_parser(parser: argparse.ArgumentParser, gettext: Callable[[str], str]) -> None:
    """The texts a reader meets in --help, usage lines and errors, in the language of
    `gettext`: each parser's description, each argument's help and its metavar (the one
    given, or the one argparse would make from its name: --seed SEED, level). The msgids are
    the literals of the add_argument calls (tools/i18n_catalog.py extracts them). A help
    whose list is built in code ("one of: title, pathways") is translated by its lead."""
    parser.description = _text(parser.description, gettext)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                choice.help = _text(choice.help, gettext)
            for sub in {id(p): p for p in action.choices.values()}.values():
                translate_parser(sub, gettext)
            continue
        action.help = _text(action.help, gettext)
        if action.type in NUMBER_TYPES:
            action.type = _named(action.type, gettext(NUMBER_TYPES[action.type]))
        if isinstance(action.metavar, str):
            action.metavar = gettext(action.metavar)
        elif action.metavar is None and action.choices is None and action.nargs != 0:
            own = action.dest.upper() if action.option_strings else action.dest
            if gettext(own) != own:
                action.metavar = gettext(own)


def _text(text: str | None, gettext: Callable[[str], str]) -> str | None:
    if not text or text == argparse.SUPPRESS:
        return text
    said = gettext(text)
    if said == text and ": " in text:
        lead, rest = text.rsplit(": ", 1)
        said = f"{gettext(lead + ':')} {rest}"
    return said
