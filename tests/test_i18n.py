"""Languages: English fallback, Spanish complete for every interface string, catalogs current."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from game.i18n import LOCALE_DIR, load_translator, pick

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from i18n_catalog import compile_mo, extract, read_po  # noqa: E402
from update_locale import is_translated, source_files  # noqa: E402

PO = LOCALE_DIR / "es" / "LC_MESSAGES" / "parecon.po"


def test_english_is_identity_and_unknown_falls_back():
    en = load_translator("en")
    assert en.gettext("Play") == "Play" and en.found
    xx = load_translator("xx")
    assert xx.gettext("Play") == "Play" and not xx.found


def test_spanish_translates():
    es = load_translator("es")
    assert es.gettext("Play") == "Jugar"
    assert es.ngettext("{n} saved game", "{n} saved games", 3).format(n=3) == "3 partidas guardadas"
    assert es.gettext("a string nobody wrote") == "a string nobody wrote"


def test_every_interface_string_has_spanish():
    found = extract(source_files(ROOT), ROOT)
    assert len(found) > 50
    _, catalog = read_po(PO)
    missing = [
        f"{m} ({', '.join(found[m].locations[:1])})"
        for m in found
        if m not in catalog or not is_translated(catalog[m])
    ]
    assert not missing, "untranslated (run tools/update_locale.py): " + "; ".join(missing[:10])


def test_placeholders_kept_in_translation():
    import re

    _, catalog = read_po(PO)
    for msgid, m in catalog.items():
        want = sorted(re.findall(r"\{\w+\}", msgid))
        for text in [m.msgstr, *m.msgstr_plural.values()]:
            if text:
                assert sorted(set(re.findall(r"\{\w+\}", text))) == sorted(set(want)), msgid


def test_committed_mo_matches_po():
    header, messages = read_po(PO)
    assert PO.with_suffix(".mo").read_bytes() == compile_mo(header, messages)


def test_pick_level_text():
    assert pick("plain", "es") == "plain"
    assert pick({"en": "Hello", "es": "Hola"}, "es") == "Hola"
    assert pick({"en": "Hello"}, "es") == "Hello"
    assert pick({"en": "Hello", "es": ""}, "es") == "Hello"
    assert pick(None, "en") == ""

    class T:
        en = "Hi"
        es = None

    assert pick(T(), "es") == "Hi"


def test_translators_are_independent():
    en, es = load_translator("en"), load_translator("es")
    assert (en.gettext("Quit"), es.gettext("Quit")) == ("Quit", "Salir")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_translator_pick(lang):
    assert load_translator(lang).pick({"en": "A", "es": "B"}) == {"en": "A", "es": "B"}[lang]
