"""Interface languages through stdlib gettext, and the choice of a level text's language.

Why a Translator object: each App holds its own (handed to scenes and widgets), so tests can
run English and Spanish side by side and nothing is installed into builtins at import time.
Catalogs live in assets/locale/<lang>/LC_MESSAGES/parecon.mo (compiled from the .po next to
them by tools/update_locale.py). A missing catalog or message falls back to English.
"""

from __future__ import annotations

import gettext
import re
import string
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from game.resources import locale_dir

DOMAIN = "parecon"
LOCALE_DIR = locale_dir()
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}
FALLBACK = "en"

# How each language writes a number: (decimal mark, group separator, fewest digits before the
# first group). Spanish has the decimal comma and the point between thousands (Unicode CLDR,
# locale "es", common/main/es.xml, https://cldr.unicode.org/). [D] The point from four digits
# on ("1.989"), as the levels' Spanish texts write it and as is common in Spain; CLDR "es"
# starts at five digits and the RAE's Ortografía de la lengua española (2010, §8.2.2,
# https://www.rae.es/ortograf%C3%ADa/) prefers a thin space to the point.
NUMBER_STYLE: dict[str, tuple[str, str, int]] = {"en": (".", ",", 1), "es": (",", ".", 1)}

# How each language writes the percent sign after its number. Spanish separates them: "15 %".
# The RAE and ASALE's Ortografía de la lengua española (2010, p. 590, on symbols) follows the
# International Bureau of Weights and Measures: "%" is written after a space, like every
# symbol after its figure ("10 km", "20 °C"); the Diccionario panhispánico de dudas (2005,
# "números", 12c) had advised writing it joined, and the Ortografía dropped that exception
# (Fundéu BBVA, Novedades de la Ortografía 2010, p. 7). The space is a no-break space
# (U+00A0), so a line never breaks between number and sign; the shipped fonts all have its
# glyph (the narrow U+202F the Ortografía also allows is missing from two of them). Unicode
# CLDR's "es" percent pattern is the same, "#,##0 %" with U+00A0. English joins them: "15%".
NBSP = "\u00a0"
PERCENT_SIGN: dict[str, str] = {"en": "%", "es": NBSP + "%"}


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

    def num(self, value: float, spec: str = "") -> str:
        """A number as this language writes it (`number`)."""
        return number(value, spec, self.lang)

    def pct(self, share: float, digits: int = 0) -> str:
        """A share (0.154) as a percentage in this language ("15.4%", "15,4 %": PERCENT_SIGN)."""
        return percent(share * 100, f".{digits}f", self.lang)

    def percent(self, value: float, spec: str = "") -> str:
        """A number already in percent (15.4, `spec` ".1f") with this language's sign."""
        return percent(value, spec, self.lang)

    def fmt(self, template: str, /, **args: Any) -> str:
        """`template.format(**args)` with every number written as this language writes it."""
        return format_text(template, self.lang, **args)

    def say(self, message: str, /, **args: Any) -> str:
        """`message` translated, then formatted with numbers in this language (`fmt`)."""
        return format_text(self.gettext(message), self.lang, **args)

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
    with per-language attributes; English when the language is missing or empty. Its
    percentages are written as its language writes them (`percent_prose`)."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    if isinstance(text, Mapping):
        for key in (lang, FALLBACK):
            value = text.get(key)
            if isinstance(value, str) and value:
                return percent_prose(value, key)
        for value in text.values():
            if isinstance(value, str) and value:
                return value
        return ""
    for key in (lang, FALLBACK):
        value = getattr(text, key, None)
        if isinstance(value, str) and value:
            return percent_prose(value, key)
    return str(text)


def percent(value: float, spec: str = "", lang: str = FALLBACK) -> str:
    """`value`, already in percent (15.4), as `lang` writes a percentage: "15.4%" in English,
    "15,4 %" (a no-break space) in Spanish (PERCENT_SIGN)."""
    return number(value, spec, lang) + PERCENT_SIGN.get(lang, "%")


def number(value: float, spec: str = "", lang: str = FALLBACK) -> str:
    """`format(value, spec)` as `lang` writes numbers: "1,989.5" in English is "1.989,5" in
    Spanish, "0.5" is "0,5" (NUMBER_STYLE). The spec is Python's (".1f", ",.0f", "+.2f",
    ".0%"); in Spanish a quantity is grouped in thousands whether or not the spec asked, and
    a percentage's sign follows a no-break space (PERCENT_SIGN)."""
    text = format(value, spec)
    if lang == FALLBACK or lang not in NUMBER_STYLE:
        return text
    mark, group, least = NUMBER_STYLE[lang]
    head = len(text) - len(text.lstrip("+-\u2212 "))
    sign, body = text[:head], text[head:]
    digits_end = len(body)
    for i, ch in enumerate(body):
        if not (ch.isdigit() or ch in ".,"):
            digits_end = i
            break
    core, tail = body[:digits_end], body[digits_end:]
    whole, _, frac = core.replace(",", "").partition(".")
    if not whole.isdigit():
        return text  # nan, inf, exponent forms: leave as Python wrote them
    if tail.startswith("%"):
        tail = PERCENT_SIGN.get(lang, "%") + tail[1:]
    if len(whole) >= 3 + least:
        groups: list[str] = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = group.join([whole, *groups])
    return sign + whole + (mark + frac if frac else "") + tail


class _NumberFormatter(string.Formatter):
    """str.format whose numeric fields are written in one language's style."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> Any:
        plain: Any = _plain(value)
        # a whole number with no spec is written as it is: it may be a seed, a port or a year
        # the reader types back; a spec ("{n:,}", "{x:.1f}") or a fraction says it is a quantity
        quantity = format_spec or not isinstance(plain, int)
        if isinstance(plain, int | float) and not isinstance(plain, bool) and quantity:
            return number(plain, format_spec, self.lang)
        return super().format_field(plain, format_spec)


def _plain(value: Any) -> Any:
    """numpy scalars as the Python numbers they hold, so `number` formats every kind alike."""
    return value.item() if hasattr(value, "item") else value


def lang_of(tr: Callable[[str], str]) -> str:
    """The language of a Translator's bound gettext (English for any other callable)."""
    return str(getattr(getattr(tr, "__self__", None), "lang", FALLBACK))


def format_text(template: str, lang: str, /, **args: Any) -> str:
    """`template.format(**args)` with numbers in `lang`'s style (`number`): fractions and
    fields with a spec; whole numbers without a spec stay bare (ids, seeds, ports, years).
    A field the template follows with "%" ("{t}%") is a percentage: its sign is written as
    `lang` writes it (`percent_template`). Text arguments are left as they are (format those
    numbers with `number` where made)."""
    if lang == FALLBACK:
        return template.format(**args)
    return _NumberFormatter(lang).format(percent_template(template, lang), **args)


# a replacement field followed by a percent sign: "{t}%", "{v:.1f}%" (not "{odds:.0%}", whose
# sign is the spec's and `number` writes)
_FIELD_PERCENT = re.compile(r"(?<!\{)(\{[^{}]*\})[ \u2009\u202f]?%")
# in prose: a percent sign after a digit ("15%", "15 %"), and what to leave alone (addresses:
# "Coop%C3%A9rative", "Erica%20Chenoweth")
_PROSE_PERCENT = re.compile(r"(\S*://\S*|\bdoi:\S+)|(?<=\d)[ \u2009\u202f]?%")


def percent_template(template: str, lang: str) -> str:
    """A message template whose "{field}%" writes the percent sign as `lang` does."""
    sign = PERCENT_SIGN.get(lang, "%")
    if sign == "%" or "%" not in template:
        return template
    return _FIELD_PERCENT.sub(lambda m: m.group(1) + sign, template)


def percent_prose(text: str, lang: str) -> str:
    """Written text (a level's briefing, a source's note) with every percentage's sign as
    `lang` writes it after its digits ("el 15%" is "el 15 %" in Spanish); web addresses
    and DOIs are left as they are."""
    sign = PERCENT_SIGN.get(lang, "%")
    if sign == "%" or "%" not in text:
        return text
    return _PROSE_PERCENT.sub(lambda m: m.group(1) or sign, text)


# a written number with a separator in it ("0.5", "1,989", "12.345,6"), not part of a word,
# an address or a DOI (stripped first: "doi:10.1126/science.aas8827", "https://...")
_NUMBER_TOKEN = re.compile(r"(?<![\w.,§])\d+(?:[.,]\d+)+(?![\w§]|[.,]\d)")
_ADDRESSES = re.compile(r"\S*://\S*|\bdoi:\S+|\b10\.\d{4,}/\S+", re.IGNORECASE)
# what a version number follows: a hyphen (GPL-3.0), a licence's name (License 1.1,
# Attribution 3.0), a package's name (pygame_gui 0.6.14, fontpkg-atkinson-hyperlegible 1.6)
_VERSION_AFTER = re.compile(r"(?:-|\b(?:License|Licence|Attribution|[a-z0-9]+[_-][\w-]*) )$")


def _written_as(token: str, lang: str) -> bool:
    mark, group, least = NUMBER_STYLE[lang]
    whole, _, frac = token.partition(mark)
    if mark in frac or group in frac:
        return False
    if group not in whole:
        return True
    parts = whole.split(group)
    return (
        1 <= len(parts[0]) <= 3
        and not parts[0].startswith("0")
        and all(len(p) == 3 for p in parts[1:])
        and len(whole.replace(group, "")) >= 3 + least
    )


def foreign_numbers(text: str, lang: str) -> list[str]:
    """The numbers in `text` that `lang` does not write so (an English "0.5", "3.25" or
    "1,183,330" in Spanish text, a Spanish "15%" without its no-break space), for the tests
    and the layout checker. Some cannot be told
    by their look ("1,989" is a Spanish decimal, "1.989" a Spanish thousand): the
    formatter's own tests cover those. Versions are not quantities and are left out."""
    if lang not in NUMBER_STYLE or lang == FALLBACK:
        return []
    text = _ADDRESSES.sub(" ", text)
    found = []
    for m in _NUMBER_TOKEN.finditer(text):
        token = m.group(0)
        if _written_as(token, lang) or _VERSION_AFTER.search(text[: m.start()]):
            continue
        if token.count(".") >= 2 and "," not in token:
            continue  # a version (0.6.14, 2.5.8): no quantity has two decimal points
        found.append(token)
    sign = PERCENT_SIGN.get(lang, "%")
    if sign != "%":  # "15%" (or "15 %", which a line may break) where "15\u00a0%" is due
        found += [m.group(0) for m in _JOINED_PERCENT.finditer(text) if not m.group(0).endswith(sign)]
    return found


# a number and its percent sign, with whatever is between them
_JOINED_PERCENT = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*[ \u00a0\u2009\u202f]?%")
