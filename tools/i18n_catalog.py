"""Message catalogs without babel: find translatable strings in the source, read and write
.po files, and compile .mo files that stdlib gettext reads.

Used by tools/update_locale.py and by the tests (which check that every string the interface
uses has a Spanish translation and that the committed .mo files match their .po sources).
"""

from __future__ import annotations

import ast
import struct
from dataclasses import dataclass, field
from pathlib import Path

TRANSLATE_FUNCS = {"_", "N_", "gettext", "say"}  # say: Translator.say, translate then format
PLURAL_FUNCS = {"ngettext"}
# argparse calls whose texts game.argparse_words translates under --lang: their help,
# description and metavar literals, and the metavar argparse makes from an option's name
ARGPARSE_CALLS = {"add_argument", "add_parser", "add_argument_group"}
ARGPARSE_TEXTS = ("help", "description", "metavar")
NO_VALUE_ACTIONS = {"store_true", "store_false", "store_const", "count", "help", "version", "append_const"}


@dataclass
class Message:
    msgid: str
    msgstr: str = ""
    msgid_plural: str | None = None
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    locations: list[str] = field(default_factory=list)
    fuzzy: bool = False


def _call_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def extract(paths: list[Path], root: Path) -> dict[str, Message]:
    """Every literal passed to _(), N_(), x._(), x.gettext() or x.ngettext() in these files."""
    found: dict[str, Message] = {}
    for path in sorted(paths):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _call_name(node) in ARGPARSE_CALLS:
                for text in _argparse_texts(node):
                    msg = found.setdefault(text, Message(text))
                    msg.locations.append(f"{path.relative_to(root).as_posix()}:{node.lineno}")
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = _call_name(node)
            args = node.args
            where = f"{path.relative_to(root).as_posix()}:{node.lineno}"
            if name in TRANSLATE_FUNCS and _is_str(args[0]):
                msg = found.setdefault(args[0].value, Message(args[0].value))
                msg.locations.append(where)
            elif name in PLURAL_FUNCS and len(args) >= 2 and _is_str(args[0]) and _is_str(args[1]):
                msg = found.setdefault(args[0].value, Message(args[0].value))
                msg.msgid_plural = args[1].value
                msg.locations.append(where)
    return found


def _argparse_texts(node: ast.Call) -> list[str]:
    """The texts of one add_argument/add_parser call a reader sees in --help: literal help,
    description and metavar, or else the metavar argparse derives (--seed: SEED; level: level)."""
    kw = {k.arg: k.value for k in node.keywords if k.arg}
    texts = [v.value for k in ARGPARSE_TEXTS if _is_str(v := kw.get(k, ast.Constant(None)))]
    if _call_name(node) != "add_argument" or "metavar" in kw or "choices" in kw or not node.args:
        return texts
    action = kw.get("action")
    if isinstance(action, ast.Constant) and action.value in NO_VALUE_ACTIONS:
        return texts
    names = [a.value for a in node.args if _is_str(a)]
    dest = kw.get("dest")
    if _is_str(dest):
        name = dest.value  # type: ignore[union-attr]
    elif names and names[0].startswith("-"):
        name = next((n for n in names if n.startswith("--")), names[0]).lstrip("-").replace("-", "_")
    else:
        name = names[0] if names else ""
    if name:
        texts.append(name.upper() if names and names[0].startswith("-") else name)
    return texts


def _is_str(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _unquote(s: str) -> str:
    s = s.strip()
    if not (s.startswith('"') and s.endswith('"')):
        raise ValueError(f"expected a quoted string, got {s!r}")
    body = s[1:-1]
    out = []
    i = 0
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            out.append(escapes.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _quote(s: str) -> str:
    esc = s.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    if "\n" in esc.rstrip("\n") or len(esc) > 70:
        parts = esc.split("\n")
        lines = [p + "\\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
        return '""\n' + "\n".join(f'"{line}"' for line in lines)
    return '"' + esc.replace("\n", "\\n") + '"'


def read_po(path: Path) -> tuple[str, dict[str, Message]]:
    """The header msgstr and the messages of a .po file (obsolete #~ entries skipped)."""
    header = ""
    messages: dict[str, Message] = {}
    cur: Message | None = None
    key: str | None = None
    flags: set[str] = set()
    locs: list[str] = []

    def finish() -> None:
        nonlocal cur, header
        if cur is None:
            return
        if cur.msgid == "":
            header = cur.msgstr
        else:
            messages[cur.msgid] = cur
        cur = None

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#~"):
            if not line:
                finish()
                key = None
            continue
        if line.startswith("#,"):
            flags |= {f.strip() for f in line[2:].split(",")}
            continue
        if line.startswith("#:"):
            locs.extend(line[2:].split())
            continue
        if line.startswith("#"):
            continue
        if line.startswith("msgid_plural "):
            assert cur is not None
            cur.msgid_plural = _unquote(line[len("msgid_plural ") :])
            key = "msgid_plural"
        elif line.startswith("msgid "):
            finish()
            cur = Message(_unquote(line[len("msgid ") :]), fuzzy="fuzzy" in flags, locations=locs)
            flags, locs = set(), []
            key = "msgid"
        elif line.startswith("msgstr["):
            assert cur is not None
            idx = int(line[7 : line.index("]")])
            cur.msgstr_plural[idx] = _unquote(line[line.index("]") + 1 :])
            key = f"plural{idx}"
        elif line.startswith("msgstr "):
            assert cur is not None
            cur.msgstr = _unquote(line[len("msgstr ") :])
            key = "msgstr"
        elif line.startswith('"'):
            assert cur is not None and key is not None
            piece = _unquote(line)
            if key == "msgid":
                cur.msgid += piece
            elif key == "msgid_plural":
                cur.msgid_plural = (cur.msgid_plural or "") + piece
            elif key == "msgstr":
                cur.msgstr += piece
            else:
                i = int(key[6:])
                cur.msgstr_plural[i] += piece
        else:
            raise ValueError(f"{path}: cannot parse line {raw!r}")
    finish()
    return header, messages


def write_po(path: Path, header: str, messages: dict[str, Message]) -> None:
    out = ['msgid ""', "msgstr " + _quote(header), ""]
    for msgid in sorted(messages, key=lambda m: (messages[m].locations[:1] or ["~"], m)):
        m = messages[msgid]
        for loc in m.locations[:4]:
            out.append(f"#: {loc}")
        if m.fuzzy:
            out.append("#, fuzzy")
        out.append("msgid " + _quote(m.msgid))
        if m.msgid_plural is not None:
            out.append("msgid_plural " + _quote(m.msgid_plural))
            for i in sorted(m.msgstr_plural) or [0, 1]:
                out.append(f"msgstr[{i}] " + _quote(m.msgstr_plural.get(i, "")))
        else:
            out.append("msgstr " + _quote(m.msgstr))
        out.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(out), encoding="utf-8")


def compile_mo(header: str, messages: dict[str, Message]) -> bytes:
    """The GNU .mo bytes for these messages (untranslated and fuzzy entries left out)."""
    entries: dict[bytes, bytes] = {b"": header.encode("utf-8")}
    for m in messages.values():
        if m.fuzzy:
            continue
        if m.msgid_plural is not None:
            count = max(m.msgstr_plural, default=-1) + 1
            forms = [m.msgstr_plural.get(i, "") for i in range(count)]
            if not forms or not all(forms):
                continue
            entries[(m.msgid + "\0" + m.msgid_plural).encode()] = "\0".join(forms).encode()
        elif m.msgstr:
            entries[m.msgid.encode()] = m.msgstr.encode()
    keys = sorted(entries)
    ids = b""
    strs = b""
    offsets = []
    for k in keys:
        offsets.append((len(ids), len(k), len(strs), len(entries[k])))
        ids += k + b"\0"
        strs += entries[k] + b"\0"
    n = len(keys)
    keystart = 7 * 4 + 16 * n
    valuestart = keystart + len(ids)
    koffsets: list[int] = []
    voffsets: list[int] = []
    for o1, l1, o2, l2 in offsets:
        koffsets += [l1, o1 + keystart]
        voffsets += [l2, o2 + valuestart]
    head = struct.pack("Iiiiiii", 0x950412DE, 0, n, 7 * 4, 7 * 4 + n * 8, 0, 0)
    return (
        head
        + struct.pack(f"{len(koffsets)}i", *koffsets)
        + struct.pack(f"{len(voffsets)}i", *voffsets)
        + ids
        + strs
    )
