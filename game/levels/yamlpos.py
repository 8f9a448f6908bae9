"""YAML with positions: parse once with libyaml's safe loader, keep the node tree so that
every validation error can be mapped back to `file:line:col`.

PyYAML silently lets a duplicate key win; here a duplicate is an error. No tag may construct
an object (the safe loader refuses them), and files are checked for size, encoding and NULs
before parsing. Content comes from mods, so the structure is bounded too: nesting deeper than
`MAX_DEPTH` would crash libyaml's recursive composer, self-referencing aliases would send any
walk round in circles, and nested aliases ("billion laughs") would make validation take
forever; all three are refused with a located error before anything walks the tree.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel

from game.errors import ContentError, Problem, render
from game.errors import part as msg_part
from game.i18n import N_
from game.levels.yaml_words import reader_parts, syntax_parts
from game.os_words import os_reason

MAX_BYTES = 1_000_000
MAX_DEPTH = 64  # nesting of collections; a level needs about 8
MAX_NODES = 500_000  # nodes after expanding aliases
MAX_NUMBER_CHARS = 100  # a longer int would overflow every float (and Python stops at 4,300 digits)
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
M = TypeVar("M", bound=BaseModel)
# the messages about a file's size and shape, translatable (see `_said`)
TOO_BIG = N_("file is {size} bytes; the limit is {most}")
TOO_DEEP = N_("nesting is deeper than {n} levels")
TOO_DEEP_ALIASES = N_("nesting is deeper than {n} levels once aliases are expanded")
TOO_MANY = N_("more than {n} values once aliases are expanded")
TOO_LONG = N_("a number written with {n} characters; numbers have at most {most}")
SELF_ALIAS = N_("an alias refers to a collection that contains it")
DUPLICATE = N_("duplicate key '{key}' (first at line {first})")


_said = Problem.of


def _loader_class() -> type:
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:  # pragma: no cover - every supported wheel ships libyaml
        raise RuntimeError("PyYAML was built without libyaml; reinstall pyyaml")
    return loader


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """Read a content file as UTF-8 text, refusing empty, huge, binary or mis-encoded files."""
    name = str(path)
    try:
        if path.is_dir():
            raise ContentError([Problem(name, 1, 1, "", "is a folder, not a file")])
        if path.exists() and not path.is_file():  # a device or a pipe could be endless
            raise ContentError([Problem(name, 1, 1, "", "not a regular file")])
        size = path.stat().st_size
        if size > max_bytes:  # do not even read a huge file
            raise ContentError([_said(name, 1, 1, "", TOO_BIG, size=f"{size:,}", most=f"{max_bytes:,}")])
        with path.open("rb") as handle:  # bounded, in case it grows while being read
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        said = (msg_part(N_("cannot read file: {why}"), why=os_reason(exc)),)
        raise ContentError([Problem(name, 1, 1, "", render(said), said)]) from None
    if len(raw) > max_bytes:
        raise ContentError([_said(name, 1, 1, "", TOO_BIG, size=f"{len(raw):,}", most=f"{max_bytes:,}")])
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ContentError([Problem(name, 1, 1, "", "file is UTF-16 text; save it as UTF-8")])
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
    """Parse one YAML document; return the plain data and its node tree. Duplicate keys raise."""
    data, node, dups = parse_lenient(text, name)
    if dups:
        raise ContentError(dups)
    return data, node


def parse_lenient(text: str, name: str) -> tuple[Any, yaml.Node, list[Problem]]:
    """Parse one YAML document, returning duplicate keys as problems instead of raising, so
    that a caller can validate the rest and report every problem of the file at once (the
    data keeps the last of duplicated keys, as YAML loaders do). Anything that prevents
    parsing (syntax, tags, nesting, aliases) still raises ContentError."""
    _scan(text, name)
    loader = _loader_class()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ContentError([Problem(name, 1, 1, "", "file holds no YAML document")])
        _check_graph(node, name)
        dups = _duplicate_keys(node, name)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        raise ContentError([_yaml_problem(exc, name)]) from None
    except yaml.reader.ReaderError as exc:
        raise ContentError([_reader_problem(exc, text, name)]) from None
    except yaml.YAMLError as exc:
        raise ContentError([Problem(name, 1, 1, "", f"YAML error: {exc}")]) from None
    finally:
        loader.dispose()
    return data, node, dups


def _yaml_problem(exc: yaml.MarkedYAMLError, name: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    said = syntax_parts(exc.problem or exc.context or "YAML error")
    return Problem(name, line, col, "", render(said), said)


def _reader_problem(exc: yaml.reader.ReaderError, text: str, name: str) -> Problem:
    """A character the reader refused, located by its position in the text."""
    at = max(0, min(int(exc.position), len(text)))
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1) + 1
    character = exc.character
    code = ord(character) if isinstance(character, str) and len(character) == 1 else character
    said = reader_parts(code if isinstance(code, int) else str(code), str(exc.reason))
    return Problem(name, line, col, "", render(said), said)


def _scan(text: str, name: str) -> None:
    """Check nesting depth on the event stream (libyaml's parser is not recursive; its
    composer is, and segfaults on very deep nesting)."""
    loader = _loader_class()(text)
    depth = 0
    try:
        while loader.check_event():
            ev = loader.get_event()
            if isinstance(ev, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    m = ev.start_mark
                    raise ContentError([_said(name, m.line + 1, m.column + 1, "", TOO_DEEP, n=MAX_DEPTH)])
            elif isinstance(ev, yaml.CollectionEndEvent):
                depth -= 1
            elif isinstance(ev, yaml.ScalarEvent) and len(ev.value) > MAX_NUMBER_CHARS:
                tag = loader.resolve(yaml.ScalarNode, ev.value, ev.implicit)
                if tag in (_INT_TAG, _FLOAT_TAG):  # Python refuses to convert such an int
                    m = ev.start_mark
                    long = _said(
                        name,
                        m.line + 1,
                        m.column + 1,
                        "",
                        TOO_LONG,
                        n=f"{len(ev.value):,}",
                        most=MAX_NUMBER_CHARS,
                    )
                    raise ContentError([long])
    except yaml.MarkedYAMLError as exc:
        raise ContentError([_yaml_problem(exc, name)]) from None
    except yaml.reader.ReaderError as exc:
        raise ContentError([_reader_problem(exc, text, name)]) from None
    except yaml.YAMLError as exc:
        raise ContentError([Problem(name, 1, 1, "", f"YAML error: {exc}")]) from None
    finally:
        loader.dispose()


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_graph(root: yaml.Node, name: str) -> None:
    """Refuse aliases that contain themselves, and trees too big or deep once aliases are
    expanded. Iterative, with sizes memoised per node, so it is linear in the text."""
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            kids = _children(node)
            size[key] = 1 + sum(size[id(k)] for k in kids)
            depth[key] = 1 + max((depth[id(k)] for k in kids), default=0)
            on_path.discard(key)
            m = node.start_mark
            if size[key] > MAX_NODES:
                raise ContentError([_said(name, m.line + 1, m.column + 1, "", TOO_MANY, n=f"{MAX_NODES:,}")])
            if depth[key] > MAX_DEPTH:
                raise ContentError([_said(name, m.line + 1, m.column + 1, "", TOO_DEEP_ALIASES, n=MAX_DEPTH)])
            continue
        if key in size:
            continue
        if key in on_path:
            m = node.start_mark
            raise ContentError([_said(name, m.line + 1, m.column + 1, "", SELF_ALIAS)])
        on_path.add(key)
        stack.append((node, True))
        for kid in _children(node):
            if id(kid) in on_path:
                m = node.start_mark
                raise ContentError([_said(name, m.line + 1, m.column + 1, "", SELF_ALIAS)])
            if id(kid) not in size:
                stack.append((kid, False))


def _duplicate_keys(node: yaml.Node, name: str, path: str = "") -> list[Problem]:
    out: list[Problem] = []
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key, value in node.value:
            k = key.value if isinstance(key, yaml.ScalarNode) else repr(key)
            here = f"{path}.{k}" if path else str(k)
            if k in seen:
                m = key.start_mark
                out.append(_said(name, m.line + 1, m.column + 1, here, DUPLICATE, key=k, first=seen[k]))
            else:
                seen[k] = key.start_mark.line + 1
            out.extend(_duplicate_keys(value, name, here))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out.extend(_duplicate_keys(item, name, f"{path}[{i}]"))
    return out


def child_node(current: yaml.Node, part: Any) -> tuple[yaml.Node, yaml.Node] | None:
    """(key node, value node) of `part` in a mapping, or (item, item) in a sequence."""
    if isinstance(current, yaml.MappingNode):
        found = None
        for key, value in current.value:  # the last of duplicate keys is the one that counts
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                found = (key, value)
        return found
    if isinstance(current, yaml.SequenceNode) and isinstance(part, int):
        if 0 <= part < len(current.value):
            item = current.value[part]
            return item, item
    return None


def locate(node: yaml.Node, loc: tuple[Any, ...], key_of_last: bool = False) -> tuple[int, int]:
    """Walk `loc` (a pydantic error location) down the node tree; return (line, col), 1-based.

    Stops at the deepest node that exists, so a missing field points at its parent mapping.
    With `key_of_last`, point at the key rather than the value (for unknown keys). A `[key]`
    part (pydantic's marker for a bad mapping key) points at the key itself.
    """
    current = node
    for i, part in enumerate(loc):
        if part == "[key]":
            continue
        found = child_node(current, part)
        if found is None:
            continue  # pydantic adds union/tag names to locations; skip what is not a node
        last = i == len(loc) - 1
        at_key = (last and key_of_last) or (i + 1 < len(loc) and loc[i + 1] == "[key]")
        current = found[0] if at_key else found[1]
    return current.start_mark.line + 1, current.start_mark.column + 1


def node_at(node: yaml.Node, loc: tuple[Any, ...]) -> yaml.Node | None:
    """The value node at `loc`, or None if the path does not exist."""
    current = node
    for part in loc:
        found = child_node(current, part)
        if found is None:
            return None
        current = found[1]
    return current


def find_scalar(node: yaml.Node, loc: tuple[Any, ...], value: str) -> tuple[tuple[Any, ...], int, int] | None:
    """Search the subtree at `loc` for a key or scalar equal to `value` (the name a message
    complains about) and return its full location and (line, col), so that an error raised
    on a whole list or condition points at the very item."""
    start = node_at(node, loc)
    if start is None:
        return None
    stack: list[tuple[yaml.Node, tuple[Any, ...]]] = [(start, tuple(loc))]
    while stack:
        current, here = stack.pop(0)
        if isinstance(current, yaml.MappingNode):
            for k, v in current.value:
                if isinstance(k, yaml.ScalarNode) and k.value == value:
                    return (*here, k.value), k.start_mark.line + 1, k.start_mark.column + 1
                if isinstance(v, yaml.ScalarNode) and v.value == value:
                    return (*here, k.value), v.start_mark.line + 1, v.start_mark.column + 1
            for k, v in current.value:
                if isinstance(k, yaml.ScalarNode) and not isinstance(v, yaml.ScalarNode):
                    stack.append((v, (*here, k.value)))
        elif isinstance(current, yaml.SequenceNode):
            for i, item in enumerate(current.value):
                if isinstance(item, yaml.ScalarNode) and item.value == value:
                    return (*here, i), item.start_mark.line + 1, item.start_mark.column + 1
            stack.extend(
                (item, (*here, i))
                for i, item in enumerate(current.value)
                if not isinstance(item, yaml.ScalarNode)
            )
    return None


def field_path(loc: tuple[Any, ...], node: yaml.Node | None = None) -> str:
    """`actions[2].effects[0].param`: list items in brackets, keys after dots. With the node
    tree, a number that is a mapping key (a turn in a decision file) is shown as a key."""
    out = ""
    current = node
    for part in loc:
        if part == "[key]":
            continue
        is_key = isinstance(current, yaml.MappingNode)
        if isinstance(part, int) and not is_key:
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
        if current is not None:
            found = child_node(current, part)
            current = found[1] if found is not None else None
    return out
