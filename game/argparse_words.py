"""argparse's own messages ("usage:", "error:", "invalid choice"...) in the command's --lang.

Why this way: argparse translates its messages with the module-level gettext functions `_`
and `ngettext` it imported; while a command line is parsed (and its parser built: the group
titles are set then) they are pointed at our catalog, and put back afterwards. The msgids
below are argparse's (Python 3.11), marked so that tools/update_locale.py extracts them.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator, Sequence

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
