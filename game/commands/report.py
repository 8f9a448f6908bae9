"""`report RUN.json --out DIR`: the printable debrief of a run: DIR/report.html,
DIR/turns.csv, DIR/causes.csv and DIR/decisions.yaml (to replay it).

RUN.json is what `simulate --json` wrote, or a saved game from the game window (its saves
folder): a save holds the level, the seed and the decisions, so it is replayed first (and
the replayed run is written to DIR/run.json too). The level is looked up by its id in the
shipped levels, the user's mods and `--mods DIR` (or given with `--level FILE`) for its
questions, glossary and notes; without it a run still gets its report, which says what is
missing, while a save cannot be replayed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from game.errors import Problem, UserError, part
from game.i18n import LANGUAGES, N_, load_translator
from game.os_words import os_reason


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "run", type=Path, metavar="RUN.json", help="the output of simulate --json, or a saved game"
    )
    p.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help="folder to write report.html, turns.csv, causes.csv and decisions.yaml into",
    )
    p.add_argument(
        "--level",
        type=Path,
        metavar="FILE",
        help="the level file, if it is not installed (default: found by its id)",
    )
    p.add_argument(
        "--mods",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="also look for the level in this mods folder",
    )
    p.add_argument(
        "--lang",
        default="en",
        choices=tuple(LANGUAGES),
        help="language of the report's headings and the level's texts",
    )


def _is_save(path: Path) -> bool:
    """A saved game (not a run): a JSON object with a version, a level id and decisions."""
    try:
        if not path.is_file() or path.stat().st_size > 8 * 1024 * 1024:
            return False
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return False
    return (
        isinstance(data, dict)
        and "turns" not in data
        and "version" in data
        and ("level_id" in data or "level" in data)
    )


class _SaveDecisions:
    """A save's decisions in the shape `simulate.run_level` replays."""

    def __init__(self, path: Path, decisions: list[dict[str, Any]]) -> None:
        from pydantic import ValidationError

        from game.levels.decisions import DecisionFile, TurnDecision

        self.path = path
        try:
            turns: dict[int, list[str] | TurnDecision] = {
                i: TurnDecision(actions=list(d.get("actions", [])), choices=dict(d.get("choices", {})))
                for i, d in enumerate(decisions, start=1)
            }
        except (ValidationError, TypeError, AttributeError) as exc:
            raise UserError.of(
                part(N_("{path}: cannot be replayed: a turn's decisions are malformed"), path=path),
                part(" ({name})", name=exc.__class__.__name__),
            ) from None
        self.model = DecisionFile(turns=turns)

    def answer_at(self, turn: int, event: str) -> tuple[Any, ...] | None:
        """A save answers each turn's event in that turn's own decisions."""
        return (turn, "choices", event)

    def problem(self, turn: int, message: str, said: str = "", event: str = "") -> Problem:
        """`said`: the message already in the run's language (when not English); `event`:
        the refused answer's event (a save's turn holds it)."""
        words = (part("{said}", said=said),) if said else ()
        return Problem(str(self.path), 1, 1, f"decisions[{turn - 1}]", message, words)


def _replay_save(
    path: Path, mods: list[Path], level_file: Path | None, lang: str
) -> tuple[dict[str, Any], Any]:
    """Replay a saved game into a run (the dict `simulate --json` prints) and its level."""
    from game.commands.simulate import run_level
    from game.levels.catalog import load_catalog
    from game.levels.loader import load_level
    from game.saves import _Unreadable, parse_save

    try:
        save = parse_save(path.read_bytes())
    except _Unreadable as exc:
        bad = exc.problem
        raise UserError(
            f"{path}: cannot be loaded: {bad.detail}",
            2,
            (part(N_("{path}: cannot be loaded: "), path=path), (bad.template, bad.args))
            if bad.template
            else (),
        ) from None
    except OSError as exc:
        raise UserError.of(part(N_("{path}: cannot read: {why}"), path=path, why=os_reason(exc))) from None
    if level_file is not None:
        loaded = load_level(level_file)
    else:
        found = load_catalog(mods).find(save.level_id)
        if found is None:
            raise UserError.of(
                part(
                    N_(
                        "{path}: a saved game of level '{id}', which is not installed here; give its "
                        "file with --level or its mod folder with --mods"
                    ),
                    path=path,
                    id=save.level_id,
                )
            )
        loaded = found
    if loaded.level.id != save.level_id:
        raise UserError.of(
            part(
                N_("{file}: this is level '{id}', but {path} is a game of '{other}'"),
                file=level_file,
                id=loaded.level.id,
                path=path,
                other=save.level_id,
            )
        )
    if save.level_hash and save.level_hash != f"sha256:{loaded.sha256}":
        note = N_(
            "note: level '{id}' has changed since this game was saved; the replay may differ from "
            "what was played"
        )
        print(load_translator(lang).gettext(note).format(id=save.level_id), file=sys.stderr)
    if not save.decisions:
        raise UserError.of(part(N_("{path}: no turn has been played in this saved game yet"), path=path))
    decisions = _SaveDecisions(path, save.decisions)
    return run_level(loaded.level, save.seed, len(save.decisions), decisions, lang), loaded


def run(args: argparse.Namespace) -> int:
    from game.commands.paths import existing_file, existing_folder, output_folder
    from game.levels.catalog import load_catalog
    from game.levels.loader import load_level
    from game.reports.debrief import write_report
    from game.reports.run import Run, load_run

    if args.out.exists() and not args.out.is_dir():
        raise UserError.of(part(N_("{path}: exists and is not a folder"), path=args.out))
    output_folder(args.out, "--out")
    args.mods = [existing_folder(m, "--mods") for m in args.mods]
    if args.level is not None:
        existing_file(args.level, "--level")
    replayed = None
    loaded = None
    if _is_save(args.run):
        replayed, loaded = _replay_save(args.run, args.mods, args.level, args.lang)
        result = Run.model_validate(replayed)
    else:
        result = load_run(args.run)
    level = None
    cat = None
    if loaded is None and args.level is not None:
        if not args.level.is_file():
            raise UserError.of(part(N_("{name}: no such level file"), name=args.level))
        loaded = load_level(args.level)  # ContentError (located problems) if it is broken
        if loaded.level.id != result.level:
            raise UserError.of(
                part(
                    N_("{file}: this is level '{id}', but {run} is a run of '{other}'"),
                    file=args.level,
                    id=loaded.level.id,
                    run=args.run,
                    other=result.level,
                )
            )
    elif loaded is None:
        cat = load_catalog(args.mods)
        for line in cat.skipped(
            load_translator(args.lang).gettext
        ):  # a broken mod file: say so, or its level just looks missing
            print(line, file=sys.stderr)
        loaded = cat.find(result.level)
    glossary: list = []
    if loaded is not None:
        level = loaded.level
        glossary = list(level.glossary)
        if cat is not None or loaded.mod is not None:
            # the glossary.yaml terms of the level's own mod (or the shipped ones)
            cat = cat or load_catalog(args.mods)
            own = {e.key for e in level.glossary}
            glossary += [
                g for g in cat.glossary if g.key not in own and cat.term_sources[g.key][1] == loaded.mod
            ]
    try:
        files = write_report(result, args.out, level, glossary, args.lang, args.run.name)
        if replayed is not None:
            run_file = args.out / "run.json"
            run_file.write_text(
                json.dumps(replayed, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
            )
            files.append(run_file)
    except OSError as exc:
        raise UserError.of(
            part(N_("{path}: cannot write the report: {why}"), path=args.out, why=os_reason(exc))
        ) from None
    if level is None:
        note = N_(
            "note: level '{id}' not found; the report has no questions, glossary or background "
            "(use --level FILE or --mods DIR)"
        )
        print(load_translator(args.lang).gettext(note).format(id=result.level), file=sys.stderr)
    for f in files:
        print(f)
    return 0
