"""Loading levels: YAML with positions, schema validation, then cross-references, all
problems of a file reported at once."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from game.errors import ContentError, Problem
from game.levels import yamlpos
from game.levels.schema import Level, reference_problems


@dataclass(frozen=True)
class LoadedLevel:
    """A validated level and where it came from (the hash identifies it in saves)."""

    level: Level
    path: Path
    sha256: str
    mod: str | None = None


def validate_level(data: Any, node: yaml.Node, name: str) -> tuple[Level | None, list[Problem]]:
    """Schema, then the references between parts; the level (None if the schema failed) and
    every problem found. Cross-references are only checked on a level that validated."""
    try:
        level = Level.model_validate(data)
    except ValidationError as exc:
        known = yamlpos.known_fields(Level)
        return None, yamlpos.validation_problems(exc, node, name, known, Level)
    problems = []
    for loc, msg in reference_problems(level):
        line, col = yamlpos.locate(node, loc)
        problems.append(Problem(name, line, col, yamlpos.field_path(loc), msg))
    return level, yamlpos.sort_problems(problems)


def parse_level(path: Path | str) -> tuple[Level | None, yaml.Node | None, str, list[Problem]]:
    """Read and validate a level file without raising for content problems: the level (or
    None), its node tree (for locating more findings), its text and every problem."""
    path = Path(path)
    name = str(path)
    try:
        text = yamlpos.read_text(path)
        data, node, dups = yamlpos.parse_lenient(text, name)
    except ContentError as exc:
        return None, None, "", exc.problems
    level, problems = validate_level(data, node, name)
    problems = yamlpos.sort_problems(dups + problems)
    return (level if not problems else None), node, text, problems


def load_level(path: Path | str, mod: str | None = None) -> LoadedLevel:
    """Load and validate one level file; raise ContentError listing every problem."""
    path = Path(path)
    level, _node, text, problems = parse_level(path)
    if problems or level is None:
        raise ContentError(problems)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return LoadedLevel(level, path, digest, mod)
