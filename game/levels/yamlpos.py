"""YAML with positions: parse once with libyaml's safe loader, keep the node tree so that
every validation error can be mapped back to `file:line:col`.

PyYAML silently lets a duplicate key win; here a duplicate is an error. No tag may construct
an object (the safe loader refuses them), and files are checked for size, encoding and NULs
before parsing.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from game.errors import ContentError, Problem

MAX_BYTES = 1_000_000
M = TypeVar("M", bound=BaseModel)


def _loader_class() -> type:
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:  # pragma: no cover - every supported wheel ships libyaml
        raise RuntimeError("PyYAML was built without libyaml; reinstall pyyaml")
    return loader


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """Read a content file as UTF-8 text, refusing empty, huge, binary or mis-encoded files."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError([Problem(name, 1, 1, "", f"cannot read file: {exc.strerror}")]) from None
    if len(raw) > max_bytes:
        msg = f"file is {len(raw):,} bytes; the limit is {max_bytes:,}"
        raise ContentError([Problem(name, 1, 1, "", msg)])
    if b"\x00" in raw:
        raise ContentError([Problem(name, 1, 1, "", "binary file (contains NUL bytes), not YAML")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ContentError([Problem(name, line, col, "", "file is not valid UTF-8 text")]) from None
    if not text.strip():
        raise ContentError([Problem(name, 1, 1, "", "file is empty")])
    return text


def parse(text: str, name: str) -> tuple[Any, yaml.Node]:
    """Parse one YAML document; return the plain data and its node tree."""
    loader = _loader_class()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ContentError([Problem(name, 1, 1, "", "file holds no YAML document")])
        dups = _duplicate_keys(node, name)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or exc.context or "YAML error"
        raise ContentError([Problem(name, line, col, "", f"YAML syntax: {what}")]) from None
    except yaml.YAMLError as exc:
        raise ContentError([Problem(name, 1, 1, "", f"YAML error: {exc}")]) from None
    finally:
        loader.dispose()
    if dups:
        raise ContentError(dups)
    return data, node


def _duplicate_keys(node: yaml.Node, name: str, path: str = "") -> list[Problem]:
    out: list[Problem] = []
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key, value in node.value:
            k = key.value if isinstance(key, yaml.ScalarNode) else repr(key)
            here = f"{path}.{k}" if path else str(k)
            if k in seen:
                msg = f"duplicate key '{k}' (first at line {seen[k]})"
                out.append(Problem(name, key.start_mark.line + 1, key.start_mark.column + 1,
                                   here, msg))
            else:
                seen[k] = key.start_mark.line + 1
            out.extend(_duplicate_keys(value, name, here))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out.extend(_duplicate_keys(item, name, f"{path}[{i}]"))
    return out


def locate(node: yaml.Node, loc: tuple[Any, ...], key_of_last: bool = False) -> tuple[int, int]:
    """Walk `loc` (a pydantic error location) down the node tree; return (line, col), 1-based.

    Stops at the deepest node that exists, so a missing field points at its parent mapping.
    With `key_of_last`, point at the key rather than the value (for unknown keys).
    """
    current = node
    for i, part in enumerate(loc):
        nxt = None
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                    last = i == len(loc) - 1
                    nxt = key if (last and key_of_last) else value
                    break
        elif isinstance(current, yaml.SequenceNode) and isinstance(part, int):
            if 0 <= part < len(current.value):
                nxt = current.value[part]
        if nxt is None:
            continue  # pydantic adds union/tag names to locations; skip what is not a node
        current = nxt
    return current.start_mark.line + 1, current.start_mark.column + 1


def field_path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def validation_problems(exc: ValidationError, node: yaml.Node, name: str,
                        known_fields: dict[str, list[str]] | None = None) -> list[Problem]:
    """Turn a pydantic ValidationError into located problems, one per error."""
    problems: list[Problem] = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        kind = err["type"]
        line, col = locate(node, loc, key_of_last=(kind == "extra_forbidden"))
        msg = err["msg"]
        if msg.startswith("Value error, "):
            msg = msg[len("Value error, "):]
        if kind == "extra_forbidden":
            msg = "unknown key"
            if known_fields and loc:
                parent = field_path(loc[:-1]) or "<top>"
                options = known_fields.get(parent) or known_fields.get("*", [])
                guess = difflib.get_close_matches(str(loc[-1]), options, n=1)
                if guess:
                    msg += f"; did you mean '{guess[0]}'?"
        elif kind not in ("missing",) and "input" in err and not isinstance(err["input"], dict | list):
            msg += f" (got {_short(err['input'])})"
        problems.append(Problem(name, line, col, field_path(loc), msg))
    problems.sort(key=lambda p: (p.line, p.col))
    return problems


def load_model(path: Path, model: type[M], context: dict[str, Any] | None = None,
               max_bytes: int = MAX_BYTES) -> M:
    """Read, parse and validate a YAML file into `model`; every problem raised at once."""
    name = str(path)
    data, node = parse(read_text(path, max_bytes), name)
    return validate(data, node, name, model, context)


def validate(data: Any, node: yaml.Node, name: str, model: type[M],
             context: dict[str, Any] | None = None) -> M:
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        raise ContentError(validation_problems(exc, node, name, known_fields(model))) from None


def known_fields(model: type[BaseModel]) -> dict[str, list[str]]:
    """Every field name of the model tree, for 'did you mean' suggestions on unknown keys."""
    names: set[str] = set()
    seen: set[type] = set()

    def walk(m: type[BaseModel]) -> None:
        if m in seen:
            return
        seen.add(m)
        for fname, f in m.model_fields.items():
            names.add(f.alias or fname)
            for sub in _models_in(f.annotation):
                walk(sub)

    walk(model)
    return {"*": sorted(names)}


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    out: list[type[BaseModel]] = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    for arg in getattr(annotation, "__args__", ()) or ():
        out.extend(_models_in(arg))
    return out
