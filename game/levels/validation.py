"""Validation of parsed YAML against a pydantic model, with every error mapped back to the
file's line and column through the node tree that `game.levels.yamlpos` keeps.

Reading and positions live in `yamlpos`; turning pydantic's errors into located, readable
problems ("did you mean", one message for a union's branches) lives here.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from game.errors import ContentError, Part, Problem
from game.errors import part as msg_part
from game.levels.error_words import DID_YOU_MEAN, TEXT_KIND, UNKNOWN_KEY, got_part, message_parts
from game.levels.yamlpos import (
    MAX_BYTES,
    child_node,
    field_path,
    find_scalar,
    locate,
    parse_lenient,
    read_text,
)

M = TypeVar("M", bound=BaseModel)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# pydantic error types that mean "this value is the wrong kind of thing": when a union has a
# branch that accepted the kind, the other branches' complaints are noise
_KIND_ERRORS = {
    "string_type",
    "dict_type",
    "list_type",
    "int_type",
    "float_type",
    "bool_type",
    "model_type",
    "tuple_type",
    "int_parsing",
    "float_parsing",
    "none_required",
    "model_attributes_type",
    "int_from_float",
}


def _split_loc(
    node: yaml.Node, loc: tuple[Any, ...], kind: str
) -> tuple[tuple[Any, ...], tuple[Any, ...] | None, str | None]:
    """Separate the parts of an error location that name nodes from the union branch tags
    pydantic inserts ('str', 'dict[str,str]', 'TurnDecision'...). Returns the clean location,
    the clean location where the first tag was met (the union) and that tag."""
    clean: list[Any] = []
    union_at: tuple[Any, ...] | None = None
    tag: str | None = None
    current: yaml.Node | None = node
    for i, part in enumerate(loc):
        if part == "[key]":
            clean.append(part)
            continue
        found = child_node(current, part) if current is not None else None
        last = i == len(loc) - 1
        if found is not None:
            clean.append(part)
            current = found[1]
        elif last and kind in ("missing", "extra_forbidden"):
            clean.append(part)  # a key that is absent (missing) is still the field's name
        elif isinstance(part, str) and (
            isinstance(current, yaml.ScalarNode)
            or not isinstance(current, yaml.MappingNode)
            or part not in _keys(current)
        ):
            if union_at is None:
                union_at, tag = tuple(clean), part
        else:
            clean.append(part)
            current = None
    return tuple(clean), union_at, tag


_VALIDATED = re.compile(r"function-\w+\[\w+\(\), ([^\[\]]+)\]")


def _tag(part: str) -> str:
    """A union branch's name without the validators wrapped round it, so a checked string
    is still the 'str' branch: 'function-after[check_visible(), constrained-str]' -> 'str'."""
    return _VALIDATED.sub(r"\1", part).replace("constrained-str", "str")


def _keys(node: yaml.MappingNode) -> set[str]:
    return {k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)}


def _merged_kind_message(errs: list[Any], tags: list[str]) -> str:
    if {"str", "dict[str,str]"} <= set(tags):
        return TEXT_KIND
    parts: list[str] = []
    for e in errs:
        m = e["msg"]
        if m.startswith("Input should be "):
            m = m[len("Input should be ") :]
        m = m.split(",")[0].split(" or instance of")[0]
        if m not in parts:
            parts.append(m)
    if "a valid number" in parts and "a valid integer" in parts:
        parts.remove("a valid integer")
    return "Input should be " + " or ".join(parts)


def validation_problems(
    exc: ValidationError,
    node: yaml.Node,
    name: str,
    known_fields: dict[str, list[str]] | None = None,
    model: type[BaseModel] | None = None,
) -> list[Problem]:
    """Turn a pydantic ValidationError into located problems, one per error.

    Errors from the branches of a union (a text that is a string or a map, a number that is
    a float or an int) are merged: if one branch accepted the kind of value, only its errors
    are kept; if none did, one message says what kinds would do.
    """
    raw = []
    for err in exc.errors(include_url=False):
        parts = (_tag(p) if isinstance(p, str) else p for p in err["loc"])
        loc = tuple(p for p in parts if not (isinstance(p, str) and p.startswith("function-")))
        clean, union_at, tag = _split_loc(node, loc, err["type"])
        raw.append((err, loc, clean, union_at, tag))

    # group the union errors by where the union is
    groups: dict[tuple[Any, ...], dict[str, list[int]]] = {}
    for i, (_, _, _, union_at, tag) in enumerate(raw):
        if union_at is not None and tag is not None:
            groups.setdefault(union_at, {}).setdefault(tag, []).append(i)
    drop: set[int] = set()
    merged: list[tuple[tuple[Any, ...], str, Any]] = []
    for union_at, branches in groups.items():

        def mismatch(idx: list[int], at: tuple[Any, ...] = union_at) -> bool:
            return all(raw[i][0]["type"] in _KIND_ERRORS and raw[i][2] == at for i in idx)

        fitting = [t for t, idx in branches.items() if not mismatch(idx)]
        if fitting:
            for t, idx in branches.items():
                if t not in fitting:
                    drop.update(idx)
        else:
            idx_all = [i for idx in branches.values() for i in idx]
            drop.update(idx_all)
            errs = [raw[i][0] for i in idx_all]
            merged.append((union_at, _merged_kind_message(errs, list(branches)), errs[0].get("input")))

    problems: list[Problem] = []
    for i, (err, _loc, clean, _, _) in enumerate(raw):
        if i in drop:
            continue
        kind = err["type"]
        ctx = err.get("ctx") or {}
        if kind == "effect_range":
            clean = (*clean, "value")
        line, col = locate(node, clean, key_of_last=(kind == "extra_forbidden"))
        name_in_msg = (
            ctx.get("name") if kind == "unknown_name" else (ctx.get("p") if kind == "param_range" else None)
        )
        if isinstance(name_in_msg, str):
            found = find_scalar(node, clean, name_in_msg)
            if found is not None:
                clean, line, col = found
        msg = err["msg"]
        words: list[Part] = list(message_parts(kind, msg, ctx))
        if msg.startswith("Value error, "):
            msg = msg[len("Value error, ") :]
        if kind == "extra_forbidden":
            msg = "unknown key"
            words = [msg_part(UNKNOWN_KEY)]
            if (known_fields or model) and clean:
                parent = field_path(clean[:-1]) or "<top>"
                here = _model_at(model, clean[:-1]) if model is not None else None
                options = (
                    (_field_names(here) if here is not None else None)
                    or (known_fields or {}).get(parent)
                    or (known_fields or {}).get("*", [])
                )
                guess = difflib.get_close_matches(str(clean[-1]), options, n=1)
                if guess:
                    msg += f"; did you mean '{guess[0]}'?"
                    words.append(msg_part(DID_YOU_MEAN, guess=guess[0]))
        elif kind != "unknown_name" and "input" in err and not isinstance(err["input"], dict | list):
            msg += f" (got {_short(err['input'])})"
            if words:  # only after a message that was matched
                words.append(got_part(_short(err["input"])))
        problems.append(Problem(name, line, col, field_path(clean, node), msg, tuple(words)))
    for at, msg, value in merged:
        line, col = locate(node, at)
        merged_parts = [msg_part(TEXT_KIND)] if msg == TEXT_KIND else []
        if not isinstance(value, dict | list):
            msg += f" (got {_short(value)})"
            merged_parts.append(got_part(_short(value)))
        problems.append(
            Problem(
                name,
                line,
                col,
                field_path(at, node),
                msg,
                tuple(merged_parts) if merged_parts and merged_parts[0][0] == TEXT_KIND else (),
            )
        )
    return sort_problems(problems)


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """By position, without repeating the same message at the same place."""
    out: list[Problem] = []
    seen: set[tuple[int, int, str, str]] = set()
    for p in sorted(problems, key=lambda p: (p.line, p.col, p.field)):
        key = (p.line, p.col, p.field, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def load_model(
    path: Path, model: type[M], context: dict[str, Any] | None = None, max_bytes: int = MAX_BYTES
) -> M:
    """Read, parse and validate a YAML file into `model`; every problem raised at once."""
    name = str(path)
    data, node, dups = parse_lenient(read_text(path, max_bytes), name)
    try:
        result = validate(data, node, name, model, context)
    except ContentError as exc:
        raise ContentError(sort_problems(dups + exc.problems)) from None
    if dups:
        raise ContentError(dups)
    return result


def validate(
    data: Any, node: yaml.Node, name: str, model: type[M], context: dict[str, Any] | None = None
) -> M:
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        raise ContentError(validation_problems(exc, node, name, known_fields(model), model)) from None


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


def _field_names(model: type[BaseModel]) -> list[str]:
    return [f.alias or n for n, f in model.model_fields.items()]


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model that validates the mapping at `loc`, following field annotations, so that an
    unknown key is compared with the keys that are allowed where it stands."""
    ann: Any = model
    for part in loc:
        ann = _unwrap(ann, part)
        if ann is None:
            return None
        if isinstance(ann, type) and issubclass(ann, BaseModel) and isinstance(part, str):
            fields = {(f.alias or n): f for n, f in ann.model_fields.items()}
            if part not in fields:
                return None
            ann = fields[part].annotation
        elif isinstance(part, int) and getattr(ann, "__origin__", None) in (list, tuple):
            args: tuple[Any, ...] = getattr(ann, "__args__", ())
            ann = args[0] if args else None
        elif getattr(ann, "__origin__", None) is dict:
            args = getattr(ann, "__args__", ())
            ann = args[1] if len(args) == 2 else None
        else:
            return None
    found = _models_in(ann)
    return found[0] if len(found) == 1 else None


def _unwrap(ann: Any, part: Any) -> Any:
    """Strip Optional/Annotated/unions down to what can hold `part` (a model or container)."""
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return ann
    origin = getattr(ann, "__origin__", None)
    if origin in (list, tuple, dict):
        return ann
    for arg in getattr(ann, "__args__", ()) or ():
        got = _unwrap(arg, part)
        if got is None:
            continue
        if isinstance(part, int) and getattr(got, "__origin__", None) in (list, tuple):
            return got
        if isinstance(part, str) and (
            getattr(got, "__origin__", None) is dict or (isinstance(got, type) and issubclass(got, BaseModel))
        ):
            return got
    return None
