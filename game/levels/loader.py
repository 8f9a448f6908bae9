"""Loading levels: YAML with positions, schema validation, then cross-references, all
problems of a file reported at once."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from game.errors import ContentError, Problem
from game.levels import validation, yamlpos
from game.levels.error_words import own_parts, with_words
from game.levels.schema import (
    Action,
    Condition,
    Event,
    Goals,
    Level,
    Loss,
    Resource,
    reference_problems,
)

_NAMED = re.compile(r"^unknown \w+ '([^']+)'")


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
        known = validation.known_fields(Level)
        problems = validation.validation_problems(exc, node, name, known, Level)
        partial = _partial_level(data)
        if partial is not None:  # the references of the parts that did validate
            problems += _reference_problems(partial, node, name)
        return None, validation.sort_problems(problems)
    return level, validation.sort_problems(_reference_problems(level, node, name))


def _reference_problems(level: Level, node: yaml.Node, name: str) -> list[Problem]:
    problems = []
    for loc, msg in reference_problems(level):
        line, col = yamlpos.locate(node, loc)
        named = _NAMED.search(msg)
        if named:  # point at the very name, not the condition or list that holds it
            found = yamlpos.find_scalar(node, loc, named.group(1))
            if found is not None:
                loc, line, col = found
        problems.append(Problem(name, line, col, yamlpos.field_path(loc, node), msg, own_parts(msg)))
    return problems


def _raw_id(item: Any) -> str:
    value = item.get("id") if isinstance(item, dict) else None
    return value if isinstance(value, str) else ("" if value is None else str(value))


def _items(raw: Any, model: Any, placeholder: Any) -> list[Any]:
    """Validate a list item by item; an invalid item becomes a placeholder with its id and
    nothing that refers elsewhere, so positions and ids stay as written."""
    out: list[Any] = []
    for item in raw if isinstance(raw, list) else []:
        try:
            out.append(model.model_validate(item))
        except ValidationError:
            out.append(placeholder(_raw_id(item)))
    return out


def _partial_level(data: Any) -> Level | None:
    """A level built from the parts of `data` that validate on their own, for checking the
    references between parts even when another part has errors (so that one run of `check`
    shows every problem of the file). Never used to play."""
    if not isinstance(data, dict):
        return None
    goals_raw: dict[str, Any] = data["goals"] if isinstance(data.get("goals"), dict) else {}
    try:
        win: Condition | None = Condition.model_validate(goals_raw.get("win"))
    except ValidationError:
        win = None
    goals = Goals.model_construct(
        win=win, lose=_items(goals_raw.get("lose"), Loss, lambda i: Loss.model_construct(id=i, when=None))
    )
    return Level.model_construct(
        resources=_items(data.get("resources"), Resource, lambda i: Resource.model_construct(id=i)),
        actions=_items(
            data.get("actions"),
            Action,
            lambda i: Action.model_construct(id=i, cost={}, requires=[], condition=None, effects=[]),
        ),
        events=_items(
            data.get("events"), Event, lambda i: Event.model_construct(id=i, when=None, choices=[])
        ),
        goals=goals,
    )


def parse_level(path: Path | str) -> tuple[Level | None, yaml.Node | None, str, list[Problem]]:
    """Read and validate a level file without raising for content problems: the level (or
    None), its node tree (for locating more findings), its text and every problem."""
    path = Path(path)
    name = str(path)
    try:
        text = yamlpos.read_text(path)
        data, node, dups = yamlpos.parse_lenient(text, name)
    except ContentError as exc:  # the file cannot be read: say why in the reader's language
        return None, None, "", with_words(exc.problems)
    level, problems = validate_level(data, node, name)
    problems = validation.sort_problems(dups + problems)
    return (level if not problems else None), node, text, problems


def load_level(path: Path | str, mod: str | None = None) -> LoadedLevel:
    """Load and validate one level file; raise ContentError listing every problem."""
    path = Path(path)
    level, _node, text, problems = parse_level(path)
    if problems or level is None:
        raise ContentError(problems)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return LoadedLevel(level, path, digest, mod)
