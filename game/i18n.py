"""Interface languages through stdlib gettext, and the choice of a level text's language.

Why a Translator object: each App holds its own (handed to scenes and widgets), so tests can
run English and Spanish side by side and nothing is installed into builtins at import time.
Catalogs live in assets/locale/<lang>/LC_MESSAGES/parecon.mo (compiled from the .po next to
them by tools/update_locale.py). A missing catalog or message falls back to English.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from game.resources import locale_dir

DOMAIN = "parecon"
LOCALE_DIR = locale_dir()
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}
FALLBACK = "en"


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet (translate where shown)."""
    return message


class Translator:
    """One language's messages; `_` and `gettext` translate, falling back to English."""

    def __init__(self, lang: str, catalog: gettext.NullTranslations, found: bool) -> None:
        self.lang = lang
        self._catalog = catalog
        self.found = found

    def gettext(self, message: str) -> str:
        return self._catalog.gettext(message)

    _ = gettext

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._catalog.ngettext(singular, plural, n)

    def pick(self, text: Any) -> str:
        """A level text in this translator's language (see `pick`)."""
        return pick(text, self.lang)

    def __repr__(self) -> str:
        return f"Translator({self.lang!r}, found={self.found})"


def load_translator(lang: str, localedir: Path | None = None) -> Translator:
    """The translator for `lang`; English (the source language) when no catalog exists."""
    folder = LOCALE_DIR if localedir is None else Path(localedir)
    if lang == FALLBACK:
        return Translator(FALLBACK, gettext.NullTranslations(), True)
    try:
        catalog = gettext.translation(DOMAIN, localedir=str(folder), languages=[lang])
    except OSError:
        return Translator(lang, gettext.NullTranslations(), False)
    return Translator(lang, catalog, True)


def pick(text: Any, lang: str) -> str:
    """The `lang` version of a level text: a plain string, a {lang: text} map, or an object
    with per-language attributes; English when the language is missing or empty."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    if isinstance(text, Mapping):
        for key in (lang, FALLBACK):
            value = text.get(key)
            if isinstance(value, str) and value:
                return value
        for value in text.values():
            if isinstance(value, str) and value:
                return value
        return ""
    for key in (lang, FALLBACK):
        value = getattr(text, key, None)
        if isinstance(value, str) and value:
            return value
    return str(text)
