"""`check [PATH...]`: validate level files, glossaries, decision files and whole mod folders.

Every problem of every file is printed as `file:line:col: field: message` (warnings as
`file:line:col: warning: field: message`), then a one-line summary on stderr. Exit 1 if any
error was found (or any warning, with --strict), 0 when clean. `--schema` writes the JSON
Schema of the level format (or of a glossary or decision file) for editor completion.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from game.errors import ContentError, Problem, UserError, part, render
from game.i18n import LANGUAGES, N_, load_translator
from game.levels.error_words import with_words
from game.os_words import os_reason

SCHEMA_KINDS = ("level", "glossary", "decisions")
WARNING = N_("warning:")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="level files or folders (default: the shipped levels and your mods)",
    )
    p.add_argument(
        "--schema",
        nargs="?",
        const="level",
        choices=SCHEMA_KINDS,
        help="write the JSON Schema of a file format (default: level) and exit",
    )
    p.add_argument("--out", type=Path, help="with --schema: write to this file, not stdout")
    p.add_argument(
        "--all-texts",
        action="store_true",
        help="list every text without a Spanish version, not just the first",
    )
    p.add_argument("--no-warnings", action="store_true", help="print errors only")
    p.add_argument("--strict", action="store_true", help="warnings count as errors")
    p.add_argument("--lang", choices=tuple(LANGUAGES), default="en", help="language of the messages")


def schema_text(kind: str = "level") -> str:
    """The JSON Schema of a content file format, for editors (yaml-language-server)."""
    from game.levels.docs import schema_text as text

    return text(kind)


@dataclass
class Findings:
    """What checking a set of files found, in the order the files were given."""

    files: list[str] = field(default_factory=list)
    order: list[str] = field(default_factory=list)  # every name in the order met
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


@dataclass
class _Level:
    level: Any
    node: yaml.Node
    path: Path


def gather(paths: list[Path], findings: Findings) -> list[Path]:
    """The files to check: files as given, folders searched for .yaml/.yml files."""
    from game.levels.catalog import level_files

    out: list[Path] = []
    for p in paths:
        findings.order.append(str(p))
        if not p.exists() and not p.is_symlink():
            findings.errors.append(Problem.of(str(p), 1, 1, "", N_("no such file or folder")))
        elif p.is_dir():
            files, problems = level_files(p)
            findings.errors.extend(problems)
            if not files and not problems:
                findings.errors.append(
                    Problem.of(str(p), 1, 1, "", N_("no level files (.yaml, .yml) in this folder"))
                )
            out.extend(files)
        else:
            out.append(p)
    seen: set[Path] = set()
    unique = []
    for f in out:
        key = f.resolve() if f.exists() else f
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def check_paths(paths: list[Path], all_texts: bool = False, warnings: bool = True) -> Findings:
    """Check files and folders; never raises for content problems."""
    from game.levels import validation, yamlpos
    from game.levels.catalog import file_kind, load_glossary
    from game.levels.decisions import DecisionFile
    from game.levels.lint import lint_level
    from game.levels.loader import validate_level

    findings = Findings()
    levels: list[_Level] = []
    decisions: list[tuple[Path, Any, yaml.Node]] = []
    for f in gather(paths, findings):
        name = str(f)
        findings.files.append(name)
        findings.order.append(name)
        try:
            text = yamlpos.read_text(f)
            data, node, dups = yamlpos.parse_lenient(text, name)
            kind = file_kind(f, data)
            if kind == "glossary":
                load_glossary(f)
            elif kind == "decisions":
                model = None
                try:
                    model = validation.validate(data, node, name, DecisionFile)
                except ContentError as exc:
                    findings.errors.extend(exc.problems)
                findings.errors.extend(dups)
                if model is not None:
                    decisions.append((f, model, node))
            else:
                level, problems = validate_level(data, node, name)
                findings.errors.extend(validation.sort_problems(dups + problems))
                if level is not None and not problems:
                    levels.append(_Level(level, node, f))
                    if warnings:
                        findings.warnings.extend(lint_level(level, node, name, all_texts))
        except ContentError as exc:
            findings.errors.extend(with_words(exc.problems))
        except Exception as exc:  # noqa: BLE001 - the checker must report, not crash
            findings.errors.append(
                Problem.of(
                    name,
                    1,
                    1,
                    "",
                    N_("internal error while checking ({kind}: {error}); please report it"),
                    kind=type(exc).__name__,
                    error=exc,
                )
            )
    findings.errors.extend(_duplicate_ids(levels))
    for f, model, node in decisions:
        errs, warns = _check_decisions(f, model, node, levels)
        findings.errors.extend(errs)
        if warnings:
            findings.warnings.extend(warns)
    return findings


def _shipped_levels() -> list[_Level]:
    """The shipped levels, to find id clashes with a mod and levels for decision files."""
    from game.levels import yamlpos
    from game.levels.catalog import file_kind, level_files, shipped_dir
    from game.levels.loader import validate_level

    out: list[_Level] = []
    folder = shipped_dir()
    if not folder.is_dir():
        return out
    for f in level_files(folder)[0]:
        try:
            data, node, _ = yamlpos.parse_lenient(yamlpos.read_text(f), str(f))
        except ContentError:
            continue
        if file_kind(f, data) != "level":
            continue
        level, problems = validate_level(data, node, str(f))
        if level is not None and not problems:
            out.append(_Level(level, node, f))
    return out


def _duplicate_ids(levels: list[_Level]) -> list[Problem]:
    from game.levels import yamlpos

    out = []
    first: dict[str, Path] = {}
    for lv in levels:
        if lv.level.id in first:
            line, col = yamlpos.locate(lv.node, ("id",))
            out.append(
                Problem.of(
                    str(lv.path),
                    line,
                    col,
                    "id",
                    N_("level id '{id}' is also used by {other}; the game loads only one"),
                    id=lv.level.id,
                    other=first[lv.level.id],
                )
            )
        else:
            first[lv.level.id] = lv.path
    checked = {lv.path.resolve() for lv in levels}
    if levels:
        for sh in _shipped_levels():
            if sh.path.resolve() in checked:
                continue
            for lv in levels:
                if lv.level.id == sh.level.id:
                    line, col = yamlpos.locate(lv.node, ("id",))
                    out.append(
                        Problem.of(
                            str(lv.path),
                            line,
                            col,
                            "id",
                            N_(
                                "level id '{id}' is already used by the shipped level {other}; "
                                "the game would skip this one"
                            ),
                            id=lv.level.id,
                            other=sh.path.name,
                        )
                    )
    return out


def _check_decisions(
    path: Path, model: Any, node: yaml.Node, levels: list[_Level]
) -> tuple[list[Problem], list[Problem]]:
    """Check a decision file's ids against its level: the level whose id is the file name
    up to the first dot (coop_network.plan.yaml -> coop_network)."""

    name = str(path)
    stem = path.name.split(".")[0]
    level = next((lv.level for lv in levels if lv.level.id == stem), None)
    if level is None:
        level = next((lv.level for lv in _shipped_levels() if lv.level.id == stem), None)
    if level is None:
        return [], [
            Problem.of(
                name,
                1,
                1,
                "",
                N_(
                    "no level with id '{id}' found, so the action ids are not checked (name a "
                    "decision file after its level, e.g. {example}.plan.yaml)"
                ),
                id=stem,
                example=stem if stem else "my_level",
            )
        ]
    from game.levels.decisions import id_problems

    return id_problems(model, node, name, level), []


def format_warning(p: Problem, gettext: Callable[[str], str] = str) -> str:
    """`file:line:col: warning: field: message`, the word and the message in `gettext`'s language."""
    field_part = f"{p.field}: " if p.field else ""
    message = render(p.parts, gettext) if p.parts else p.message
    return f"{p.file}:{p.line}:{p.col}: {gettext(WARNING)} {field_part}{message}"


def report(findings: Findings, gettext: Callable[[str], str] = str) -> list[str]:
    """The lines to print: each file's errors and warnings together, by position."""
    order: dict[str, int] = {}
    for name in findings.order + findings.files:
        order.setdefault(name, len(order))
    items = [(p, False) for p in findings.errors] + [(p, True) for p in findings.warnings]
    items.sort(key=lambda t: (order.get(t[0].file, -1), t[0].file, t[0].line, t[0].col, t[1]))
    return [format_warning(p, gettext) if w else p.words(gettext) for p, w in items]


def skipped_lines(findings: Findings, gettext: Callable[[str], str] = str) -> list[str]:
    """One line per file with an error: the game skips it (its other files still load), and
    why: how many errors, and the first one's place and message."""
    by_file: dict[str, list[Problem]] = {}
    checked = set(findings.files)  # not a path that does not exist: nothing there to skip
    for p in findings.errors:
        if p.file in checked:
            by_file.setdefault(p.file, []).append(p)
    out = []
    for file, probs in by_file.items():
        first = min(probs, key=lambda p: (p.line, p.col))
        message = first.words(gettext).split(": ", 1)[1]  # without the file, which leads the line
        if first.field:
            message = message[len(first.field) + 2 :]
        head = (
            part(N_("the game skips {file}: 1 error ("), file=file)
            if len(probs) == 1
            else part(N_("the game skips {file}: {n} errors (first: "), file=file, n=len(probs))
        )
        where = (
            part(
                N_("line {line}, field {field}: {message})"),
                line=first.line,
                field=first.field,
                message=message,
            )
            if first.field
            else part(N_("line {line}: {message})"), line=first.line, message=message)
        )
        out.append(render((head, where), gettext))
    return out


def run(args: argparse.Namespace) -> int:
    if args.schema:
        text = schema_text(args.schema)
        if args.out is None:
            sys.stdout.write(text)
            return 0
        try:
            args.out.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UserError.of(
                part(N_("{path}: cannot write: {why}"), path=args.out, why=os_reason(exc))
            ) from None
        print(f"wrote the {args.schema} schema to {args.out}", file=sys.stderr)
        return 0
    if args.out is not None:
        raise UserError.of(part(N_("--out is only used with --schema")))
    paths = list(args.paths)
    if not paths:
        from game.levels.catalog import shipped_dir, user_mods_dir

        paths = [shipped_dir()] + ([user_mods_dir()] if user_mods_dir().is_dir() else [])
    findings = check_paths(paths, all_texts=args.all_texts, warnings=not args.no_warnings)
    tr = load_translator(args.lang)
    gettext = tr.gettext
    for line in report(findings, gettext):
        print(line)
    for line in skipped_lines(findings, gettext):
        print(line, file=sys.stderr)
    n_files, n_err, n_warn = len(findings.files), len(findings.errors), len(findings.warnings)
    summary = ", ".join(
        (
            tr.ngettext("{n} file checked", "{n} files checked", n_files).format(n=n_files),
            tr.ngettext("{n} error", "{n} errors", n_err).format(n=n_err),
            tr.ngettext("{n} warning", "{n} warnings", n_warn).format(n=n_warn),
        )
    )
    print(summary, file=sys.stderr)
    return 1 if n_err or (args.strict and n_warn) else 0
