"""Loading levels: YAML with positions, schema validation, then cross-references, all
problems of a file reported at once."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

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


def load_level(path: Path | str, mod: str | None = None) -> LoadedLevel:
    """Load and validate one level file; raise ContentError listing every problem."""
    path = Path(path)
    name = str(path)
    text = yamlpos.read_text(path)
    data, node = yamlpos.parse(text, name)
    try:
        level = Level.model_validate(data)
    except ValidationError as exc:
        known = yamlpos.known_fields(Level)
        raise ContentError(yamlpos.validation_problems(exc, node, name, known)) from None
    refs = reference_problems(level)
    if refs:
        problems = []
        for loc, msg in refs:
            line, col = yamlpos.locate(node, loc)
            problems.append(Problem(name, line, col, yamlpos.field_path(loc), msg))
        raise ContentError(sorted(problems, key=lambda p: (p.line, p.col)))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return LoadedLevel(level, path, digest, mod)
