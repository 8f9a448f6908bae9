"""Finding levels: the shipped `levels/` folder, the user's mods folder and `--mods DIR`.

A mod is a folder of level files, with an optional `glossary.yaml` of extra glossary terms.
A folder given as a mods folder may hold level files itself (one mod, named after the folder)
and subfolders (one mod each). A broken file is reported and skipped; the others load, and
loading never raises, so the game always starts. Only regular files inside a mod's own folder
are read: a link that leads outside it is refused. Decision files (winning plans: a mapping
with a `turns` map and no level `id`) may sit next to the levels; they are not levels.

The glossary file format:

    format: 1                 # optional
    glossary:
      - term: Balanced job complex
        text: {en: "...", es: "..."}
        source: "Albert and Hahnel (1991), The Political Economy of Participatory Economics"
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field

from game.errors import ContentError, Problem, UserError, part, render
from game.i18n import N_
from game.levels import validation, yamlpos
from game.levels.error_words import with_words
from game.levels.loader import LoadedLevel, load_level, validate_level
from game.levels.schema import GlossaryEntry, Level
from game.os_words import os_reason
from game.resources import levels_dir

APP = "parecon-pathways"
GLOSSARY_NAMES = ("glossary.yaml", "glossary.yml")
SUFFIXES = (".yaml", ".yml")

FileKind = Literal["level", "glossary", "decisions"]


class GlossaryFile(BaseModel):
    """A mod's (or the shipped) glossary: terms the game shows next to every level's own."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    format: Literal[1] = Field(1, description="Glossary format version.")
    glossary: list[GlossaryEntry] = Field(min_length=1)


def shipped_dir() -> Path:
    return levels_dir()


def user_mods_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False)) / "mods"


@dataclass
class Catalog:
    levels: list[LoadedLevel] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    # term (lower case) -> (file, mod) it came from; the shipped glossary has mod None
    term_sources: dict[str, tuple[Path, str | None]] = field(default_factory=dict)

    def get(self, level_id: str) -> LoadedLevel:
        for lv in self.levels:
            if lv.level.id == level_id:
                return lv
        known = ", ".join(sorted(lv.level.id for lv in self.levels)) or "none"
        raise UserError.of(part(N_("unknown level '{id}'; known levels: {known}"), id=level_id, known=known))

    def skipped(self, gettext: Callable[[str], str] = str) -> list[str]:
        """One line per file that was not loaded, naming it and the first reason why, in the
        language of `gettext` (English by default)."""
        by_file: dict[str, list[Problem]] = {}
        for p in self.problems:
            by_file.setdefault(p.file, []).append(p)
        out = []
        for file, probs in by_file.items():
            parts = [part(N_("skipped {file}: {problem}"), file=file, problem=probs[0].words(gettext))]
            if len(probs) > 1:
                parts.append(
                    part(N_(" (and {n} more; see: main.py check {file})"), n=len(probs) - 1, file=file)
                )
            out.append(render(tuple(parts), gettext))
        return out

    def find(self, level_id: str) -> LoadedLevel | None:
        """The level with this id, or None."""
        return next((lv for lv in self.levels if lv.level.id == level_id), None)

    def glossary_for(self, level: Level) -> list[GlossaryEntry]:
        """The level's own terms first, then the catalog's terms it does not redefine."""
        own = {e.key for e in level.glossary}
        return list(level.glossary) + [e for e in self.glossary if e.key not in own]


def _hidden(path: Path, root: Path) -> bool:
    try:
        rel = path.relative_to(root)
    except ValueError:
        return False
    return any(part.startswith(".") for part in rel.parts)


def level_files(folder: Path, recursive: bool = True) -> tuple[list[Path], list[Problem]]:
    """The YAML files of a folder (recursively), refusing links that leave it."""
    files: list[Path] = []
    problems: list[Problem] = []
    try:
        root = folder.resolve()
        found = sorted(folder.rglob("*") if recursive else folder.iterdir())
    except OSError as exc:
        return [], [Problem.of(str(folder), 1, 1, "", N_("cannot list folder: {why}"), why=os_reason(exc))]
    for path in found:
        if path.suffix.lower() not in SUFFIXES or _hidden(path, folder):
            continue
        try:
            real = path.resolve()
        except (OSError, RuntimeError):  # a broken or looping link
            problems.append(Problem.of(str(path), 1, 1, "", N_("refused: a link that cannot be followed")))
            continue
        if root not in real.parents and real != root:
            problems.append(
                Problem.of(str(path), 1, 1, "", N_("refused: the file lies outside its mod folder (a link)"))
            )
            continue
        if real.is_file():
            files.append(path)
    return files, problems


def file_kind(path: Path, data: Any) -> FileKind:
    """What a content file is: a glossary (by name), a decision file (by shape) or a level."""
    if path.name.lower() in GLOSSARY_NAMES:
        return "glossary"
    if isinstance(data, dict) and "id" not in data and isinstance(data.get("turns"), dict):
        return "decisions"
    return "level"


def load_glossary(path: Path) -> GlossaryFile:
    """Read and validate a glossary file; ContentError with every problem, located."""
    glossary = validation.load_model(path, GlossaryFile)
    problems = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(glossary.glossary):
        key = entry.key
        if not key:
            problems.append((i, part(N_("a term cannot be empty"))))
        elif key in seen:
            twice = N_("term '{term}' is defined twice (first as entry {first})")
            problems.append((i, part(twice, term=entry.en_term, first=seen[key])))
        else:
            seen[key] = i
    if problems:
        _, node = yamlpos.parse(yamlpos.read_text(path), str(path))
        out = []
        for i, msg in problems:
            line, col = yamlpos.locate(node, ("glossary", i, "term"))
            out.append(Problem(str(path), line, col, f"glossary[{i}].term", render((msg,)), (msg,)))
        raise ContentError(out)
    return glossary


def mod_folders(root: Path, problems: list[Problem] | None = None) -> list[tuple[Path, str, bool]]:
    """(folder, mod name, recursive) for a mods folder: its own files, then each subfolder.
    A subfolder that is a link is refused (into `problems`), as a file link is: a mod is
    what lies inside the mods folder, not what a link can reach."""
    out: list[tuple[Path, str, bool]] = [(root, root.name, False)]
    try:
        subs = sorted(d for d in root.iterdir() if d.is_dir() and not d.name.startswith("."))
    except OSError:
        subs = []
    for d in subs:
        if d.is_symlink():
            if problems is not None:
                problems.append(Problem.of(str(d), 1, 1, "", N_("refused: a mod folder that is a link")))
            continue
        out.append((d, d.name, True))
    return out


def load_catalog(
    mod_dirs: list[Path] | None = None, include_user: bool = True, include_shipped: bool = True
) -> Catalog:
    """Every level that loads; every problem of those that do not. Never raises."""
    cat = Catalog()
    folders: list[tuple[Path, str | None, bool]] = []
    if include_shipped:
        folders.append((shipped_dir(), None, True))
    roots: list[Path] = []
    if include_user and user_mods_dir().is_dir():
        roots.append(user_mods_dir())
    for d in mod_dirs or []:
        d = Path(d)
        if not d.is_dir():
            cat.problems.append(Problem.of(str(d), 1, 1, "", N_("mods folder not found")))
            continue
        roots.append(d)
    for root in roots:
        folders += mod_folders(root, cat.problems)
    seen: dict[str, Path] = {}
    for folder, mod, recursive in folders:
        if not folder.is_dir():
            continue
        files, probs = level_files(folder, recursive)
        cat.problems.extend(probs)
        for f in files:
            try:
                _load_file(cat, f, mod, seen)
            except ContentError as exc:
                cat.problems.extend(with_words(exc.problems))
            except Exception as exc:  # noqa: BLE001 - a mod must never stop the game
                cat.problems.append(
                    Problem.of(
                        str(f),
                        1,
                        1,
                        "",
                        N_("could not be loaded ({kind}: {error})"),
                        kind=type(exc).__name__,
                        error=exc,
                    )
                )
    return cat


def _load_file(cat: Catalog, f: Path, mod: str | None, seen: dict[str, Path]) -> None:
    name = str(f)
    text = yamlpos.read_text(f)
    data, node, dups = yamlpos.parse_lenient(text, name)
    kind = file_kind(f, data)
    if kind == "decisions":
        return
    if kind == "glossary":
        for entry in load_glossary(f).glossary:
            key = entry.key
            if key in cat.term_sources:
                where = cat.term_sources[key][0]
                cat.problems.append(
                    Problem.of(
                        name,
                        1,
                        1,
                        "glossary",
                        N_("term '{term}' is already defined in {where}; skipped"),
                        term=entry.en_term,
                        where=where,
                    )
                )
                continue
            cat.term_sources[key] = (f, mod)
            cat.glossary.append(entry)
        return
    level, problems = validate_level(data, node, name)
    problems = validation.sort_problems(dups + problems)
    if problems or level is None:
        raise ContentError(problems)
    if level.id in seen:
        line, col = yamlpos.locate(node, ("id",))
        cat.problems.append(
            Problem.of(
                name,
                line,
                col,
                "id",
                N_("level id '{id}' is already used by {other}; skipped"),
                id=level.id,
                other=seen[level.id],
            )
        )
        return
    seen[level.id] = f
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    cat.levels.append(LoadedLevel(level, f, digest, mod))


def resolve_level(
    name: str, mod_dirs: list[Path] | None = None, gettext: Callable[[str], str] = str
) -> LoadedLevel:
    """A level by path (a file) or by id (searched in the catalog); the files skipped are
    told in the language of `gettext`."""
    p = Path(name)
    if p.suffix.lower() in SUFFIXES or p.exists():
        if not p.is_file():
            raise UserError.of(part(N_("{name}: no such level file"), name=name))
        return load_level(p)
    cat = load_catalog(mod_dirs)
    for line in cat.skipped(gettext):
        print(line, file=sys.stderr)
    return cat.get(name)


def reload_level(cat: Catalog, loaded: LoadedLevel) -> tuple[LoadedLevel | None, list[Problem]]:
    """Read a level's file again (and its mod's glossary), for a modder's F5. On any problem
    the catalog is left as it was and the problems are returned, located; otherwise the new
    level (and glossary terms) replace the old in the catalog."""
    from game.levels.loader import parse_level

    level, _node, text, problems = parse_level(loaded.path)
    glossary: tuple[Path, list[GlossaryEntry]] | None = None
    if loaded.mod is not None:
        for name in GLOSSARY_NAMES:
            path = loaded.path.parent / name
            if path.is_file():
                try:
                    glossary = (path, list(load_glossary(path).glossary))
                except ContentError as exc:
                    problems = [*problems, *exc.problems]
                break
    if problems or level is None:
        return None, list(problems)
    other = next((lv for lv in cat.levels if lv.level.id == level.id and lv.path != loaded.path), None)
    if other is not None:
        msg = N_("level id '{id}' is already used by {other}")
        return None, [Problem.of(str(loaded.path), 1, 1, "id", msg, id=level.id, other=other.path)]
    fresh = LoadedLevel(level, loaded.path, hashlib.sha256(text.encode("utf-8")).hexdigest(), loaded.mod)
    cat.levels = [fresh if lv.path == loaded.path else lv for lv in cat.levels]
    if fresh not in cat.levels:
        cat.levels.append(fresh)
    if glossary is not None:
        path, entries = glossary
        stale = {k for k, (f, _m) in cat.term_sources.items() if f == path}
        cat.glossary = [e for e in cat.glossary if e.key not in stale]
        for k in stale:
            del cat.term_sources[k]
        for entry in entries:
            key = entry.key
            if key not in cat.term_sources:
                cat.term_sources[key] = (path, loaded.mod)
                cat.glossary.append(entry)
    return fresh, []
