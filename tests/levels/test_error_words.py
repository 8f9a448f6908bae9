"""Pydantic's messages are matched by type to our translatable templates: if pydantic's
English changes, the match fails here (and the message would stay English in Spanish)."""

from __future__ import annotations

from typing import Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, ValidationError

from game.errors import render
from game.i18n import load_translator
from game.levels.error_words import BUILT_IN, COUNTED, message_parts, own_parts


class Sample(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: StrictStr = Field("x", max_length=3, min_length=2, pattern=r"^[a-z]+$")
    one: StrictStr = Field("xy", min_length=1, max_length=1)
    count: StrictInt = Field(1, ge=1, le=5)
    ratio: float = Field(0.5, gt=0, lt=1)
    flag: StrictBool = False
    kind: Literal["a", "b"] = "a"
    items: list[int] = Field(default_factory=lambda: [1], min_length=1, max_length=2)
    single: list[int] = Field(default_factory=lambda: [1], min_length=1, max_length=1)
    table: dict[str, int] = Field(default_factory=dict)
    whole: int = 0
    lax: bool = False
    finite: float = Field(0, allow_inf_nan=False)
    needed: StrictStr


BAD = [
    {"name": 5, "count": "x", "flag": "yes", "table": [1], "items": 3, "zzz": 1},
    {"name": "abcdef", "one": "", "count": 0, "ratio": 0, "kind": "c", "items": [], "single": [1, 2]},
    {"name": "a", "one": "ab", "count": 9, "ratio": 2, "items": [1, 2, 3], "whole": 1.5, "needed": "x"},
    {"name": "A1", "whole": "x", "ratio": "x", "needed": "x"},
    {"needed": "x", "finite": float("inf"), "flag": 3, "lax": "maybe"},
]


def _errors() -> list[dict]:
    out = []
    for data in BAD:
        with pytest.raises(ValidationError) as exc:
            Sample.model_validate(data)
        out += exc.value.errors(include_url=False)
    return out


def test_every_built_in_message_is_matched_and_translated() -> None:
    es = load_translator("es").gettext
    seen = set()
    for err in _errors():
        if err["type"] == "extra_forbidden":  # said as "unknown key" by validation
            continue
        parts = message_parts(err["type"], err["msg"], err.get("ctx") or {})
        assert parts, err
        assert render(parts) == err["msg"]
        assert render(parts, es) != err["msg"], err
        seen.add(err["type"])
    covered = (set(BUILT_IN) | set(COUNTED)) - {"model_type", "enum", "multiple_of", "int_type", "float_type"}
    assert covered <= seen, covered - seen


def test_the_games_own_errors_are_translated_and_others_stay_english() -> None:
    es = load_translator("es").gettext
    assert message_parts("value_error", "Value error, something odd", {}) == ()
    assert message_parts("odd", "at most 60 things (this one has 75)", {"n": 60, "got": 75}) == ()
    msg = "a title or label has at most 60 characters (this one has 75)"
    parts = message_parts("title_length", msg, {"n": 60, "got": 75})
    assert render(parts) == msg
    assert render(parts, es) == "un título o etiqueta tiene como mucho 60 caracteres (este tiene 75)"
    msg = "unknown resource 'mony'; did you mean 'money'?"
    assert render(own_parts(msg)) == msg
    assert render(own_parts(msg), es) == "recurso desconocido 'mony'; ¿querías decir 'money'?"
    msg = "Input should be 'season' or 'year'"
    parts = message_parts("literal_error", msg, {"expected": "'season' or 'year'"})
    assert render(parts) == msg and render(parts, es) == "debe ser 'season' o 'year'"
