"""Refresh the message catalogs: extract strings from the interface code, merge them into each
language's .po (new strings empty, gone strings dropped), and compile the .mo files.

Run after changing interface text: `python tools/update_locale.py`; then translate the empty
msgstr entries in assets/locale/es/LC_MESSAGES/parecon.po and run it again. `--check` only
reports missing translations and stale .mo files (exit 1 if any).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from i18n_catalog import Message, compile_mo, extract, read_po, write_po  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "assets" / "locale"
DOMAIN = "parecon"
LANGS = ("en", "es")
SOURCES = (
    "game/os_words.py",
    "game/levels/yamlpos.py",
    "game/levels/yaml_words.py",
    "game/levels/lint.py",
    "game/levels/fields.py",
    "game/ui",
    "game/explain.py",
    "game/elite_words.py",
    "game/cause_words.py",
    "game/trend_words.py",
    "game/level_words.py",
    "game/saves.py",
    "game/reports/run.py",
    "game/levels/catalog.py",
    "game/levels/decisions.py",
    "game/levels/validation.py",
    "game/levels/error_words.py",
    "game/cli.py",
    "game/commands",
    "game/balance",
    "game/argparse_words.py",
    "game/classroom",
    "game/reports/classplay.py",
)
HEADERS = {
    "en": "Project-Id-Version: parecon-pathways\nLanguage: en\nMIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n"
    "Plural-Forms: nplurals=2; plural=(n != 1);\n",
    "es": "Project-Id-Version: parecon-pathways\nLanguage: es\nMIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n"
    "Plural-Forms: nplurals=2; plural=(n != 1);\n",
}


def source_files(root: Path = ROOT) -> list[Path]:
    files: list[Path] = []
    for src in SOURCES:
        p = root / src
        files.extend(sorted(p.rglob("*.py")) if p.is_dir() else [p] if p.exists() else [])
    return files


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def merge(lang: str, found: dict[str, Message]) -> dict[str, Message]:
    path = po_path(lang)
    _, old = read_po(path) if path.exists() else ("", {})
    merged: dict[str, Message] = {}
    for msgid, m in found.items():
        prev = old.get(msgid)
        new = Message(msgid, msgid_plural=m.msgid_plural, locations=list(m.locations))
        if prev is not None:
            new.msgstr, new.fuzzy = prev.msgstr, prev.fuzzy
            new.msgstr_plural = dict(prev.msgstr_plural)
        if m.msgid_plural is not None and not new.msgstr_plural:
            new.msgstr_plural = {0: "", 1: ""}
        merged[msgid] = new
    return merged


def is_translated(m: Message) -> bool:
    if m.fuzzy:
        return False
    if m.msgid_plural is not None:
        return bool(m.msgstr_plural) and all(m.msgstr_plural.values())
    return bool(m.msgstr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report only; change no file")
    args = parser.parse_args()
    found = extract(source_files(), ROOT)
    problems = 0
    for lang in LANGS:
        if lang == "en":
            continue  # English is the source language: msgids are the English text
        merged = merge(lang, found)
        missing = [m for m in merged.values() if not is_translated(m)]
        mo_path = po_path(lang).with_suffix(".mo")
        if args.check:
            stale = not mo_path.exists() or mo_path.read_bytes() != compile_mo(*read_po(po_path(lang)))
            for m in missing:
                print(f"{lang}: untranslated: {m.msgid!r} ({', '.join(m.locations[:2])})")
            if stale:
                print(f"{lang}: {mo_path} is out of date")
            problems += len(missing) + int(stale)
            continue
        write_po(po_path(lang), HEADERS[lang], merged)
        header, reread = read_po(po_path(lang))
        mo_path.write_bytes(compile_mo(header, reread))
        print(f"{lang}: {len(merged)} messages, {len(missing)} untranslated -> {mo_path}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
