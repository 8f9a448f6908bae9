"""A save that cannot be read says why in the player's language, never only in English."""

from __future__ import annotations

import json

import pytest

from game.i18n import load_translator
from game.saves import SAVE_VERSION, _Unreadable, parse_save

BROKEN = {
    "empty": b"  ",
    "not json": b"{not json",
    "not text": b"\xff\xfe\x00",
    "not an object": b"[1, 2]",
    "no version": b'{"seed": 1}',
    "newer": json.dumps({"version": SAVE_VERSION + 5}).encode(),
    "missing field": json.dumps({"version": SAVE_VERSION}).encode(),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_the_reason_is_in_spanish(name: str) -> None:
    with pytest.raises(_Unreadable) as info:
        parse_save(BROKEN[name])
    problem = info.value.problem
    es = problem.words(load_translator("es").gettext)
    en = problem.words(load_translator("en").gettext)
    assert es and es != en, (name, es)
    assert "{" not in es and "{" not in en
