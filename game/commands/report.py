"""`report RUN.json --out DIR`: the printable debrief of a run that `simulate --json` wrote:
DIR/report.html, DIR/turns.csv and DIR/causes.csv. The level is looked up by its id in the
shipped levels, the user's mods and `--mods DIR` (or given with `--level FILE`) for its
questions, glossary and notes; without it the report says what is missing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.errors import UserError


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("run", type=Path, metavar="RUN.json", help="the output of simulate --json")
    p.add_argument("--out", type=Path, required=True, metavar="DIR",
                   help="folder to write report.html, turns.csv and causes.csv into")
    p.add_argument("--level", type=Path, metavar="FILE",
                   help="the level file, if it is not installed (default: found by its id)")
    p.add_argument("--mods", type=Path, action="append", default=[], metavar="DIR",
                   help="also look for the level in this mods folder")
    p.add_argument("--lang", default="en", choices=["en", "es"],
                   help="language of the report's headings and the level's texts")


def run(args: argparse.Namespace) -> int:
    from game.levels.catalog import load_catalog
    from game.levels.loader import load_level
    from game.reports.debrief import write_report
    from game.reports.run import load_run

    result = load_run(args.run)
    level = None
    glossary: list = []
    if args.level is not None:
        if not args.level.is_file():
            raise UserError(f"{args.level}: no such level file", 2)
        loaded = load_level(args.level)  # ContentError (located problems) if it is broken
        if loaded.level.id != result.level:
            raise UserError(f"{args.level}: this is level '{loaded.level.id}', but "
                            f"{args.run} is a run of '{result.level}'", 2)
        level = loaded.level
        glossary = list(level.glossary)
    else:
        cat = load_catalog(args.mods)
        found = cat.find(result.level)
        if found is not None:
            level = found.level
            own = {e.term.strip().lower() for e in level.glossary}
            glossary = list(level.glossary) + [
                g for g in cat.glossary
                if g.term.strip().lower() not in own
                and cat.term_sources.get(g.term.strip().lower(), (None, None))[1] == found.mod]
    if args.out.exists() and not args.out.is_dir():
        raise UserError(f"{args.out}: exists and is not a folder", 2)
    try:
        files = write_report(result, args.out, level, glossary, args.lang, args.run.name)
    except OSError as exc:
        raise UserError(f"{args.out}: cannot write the report: {exc.strerror or exc}", 2) \
            from None
    if level is None:
        print(f"note: level '{result.level}' not found; the report has no questions, "
              "glossary or background (use --level FILE or --mods DIR)", file=sys.stderr)
    for f in files:
        print(f)
    return 0

