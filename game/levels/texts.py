"""What every part of the level format shares: strict models, ids, and texts that may come
in English and Spanish, with their checks. Here apart from the schema so that the level's
parts in their own modules (its `words`) can use them without an import circle."""

from __future__ import annotations

import difflib
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StrictStr
from pydantic_core import PydanticCustomError

from game.i18n import pick
from game.levels.fields import MAX_TITLE, Plain

Id = Annotated[StrictStr, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=48)]
LANGS = ("en", "es")


def _unknown(kind: str, name: str, known: list[str] | tuple[str, ...]) -> PydanticCustomError:
    guess = difflib.get_close_matches(name, list(known), n=1)
    hint = f"; did you mean '{guess[0]}'?" if guess else f"; known: {', '.join(sorted(known))}"
    return PydanticCustomError(
        "unknown_name", "unknown {kind} '{name}'{hint}", {"kind": kind, "name": name, "hint": hint}
    )


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_text(v: Any) -> Any:
    if isinstance(v, dict):
        if "en" not in v:
            raise PydanticCustomError("text_en", "a translated text needs an 'en' entry")
        for lang in v:
            if lang not in LANGS:
                raise _unknown("language", str(lang), LANGS)
    return v


def _check_title(v: Any) -> Any:
    """A text shown as a title or label: one line's worth in every language."""
    _check_text(v)
    for text in [v] if isinstance(v, str) else v.values():
        if len(text) > MAX_TITLE:
            raise PydanticCustomError(
                "title_length",
                "a title or label has at most {n} characters (this one has {got})",
                {"n": MAX_TITLE, "got": len(text)},
            )
    return v


Text = Annotated[
    Plain | dict[StrictStr, Plain],
    Field(description=("Plain text, or a map from language code (en, es) to text; English is the fallback.")),
]


def text_of(value: str | dict[str, str], lang: str = "en") -> str:
    """The text in `lang`, falling back to English; its percentages written as its language
    writes them (`game.i18n.pick`)."""
    return pick(value, lang)
