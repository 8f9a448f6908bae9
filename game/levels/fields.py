"""The kinds of values a level's fields hold: finite, strict, bounded numbers and texts that
can be laid out. Content comes from mods, so each kind refuses what would crash or freeze a
screen or the simulation later (see docs/reliability.md)."""

from __future__ import annotations

import unicodedata
from typing import Annotated

from pydantic import AfterValidator, Field, StrictStr
from pydantic_core import PydanticCustomError

from game.i18n import N_

# Every number in a level is finite, no boolean, and within MAX_NUMBER: content comes from
# mods, and one infinity or NaN would reach every score and chart of the game.
MAX_NUMBER = 1e9
MAX_TEXT = 4000  # characters of one text (a briefing paragraph, an action's explanation)
MAX_TITLE = 120  # characters of a title, a label, a name or a glossary term


Number = Annotated[float, Field(strict=True, ge=-MAX_NUMBER, le=MAX_NUMBER, allow_inf_nan=False)]
Share = Annotated[float, Field(strict=True, ge=0, le=1, allow_inf_nan=False)]
NonNegative = Annotated[float, Field(strict=True, ge=0, le=MAX_NUMBER, allow_inf_nan=False)]
# what a text may not hold: control characters other than tab and newline, and surrogates
_CONTROL = {"Cc", "Cs"}
_VISIBLE = ("L", "N", "P", "S")  # letters, digits, punctuation, symbols


def check_visible(v: str) -> str:
    """Refuse control characters and text with nothing visible (only spaces or zero-width and
    format characters such as U+200B, U+202E, U+FEFF): fonts render such text with zero
    width, which no screen can lay out."""
    for i, ch in enumerate(v):
        if ch not in "\n\t" and unicodedata.category(ch) in _CONTROL:
            raise PydanticCustomError(
                "text_control",
                "text holds the control character U+{code} at character {pos}",
                {"code": f"{ord(ch):04X}", "pos": i + 1},
            )
    if not any(unicodedata.category(ch).startswith(_VISIBLE) for ch in v):
        raise PydanticCustomError(
            "text_invisible", "text has nothing visible (only spaces or invisible characters)"
        )
    return v


Plain = Annotated[StrictStr, Field(max_length=MAX_TEXT), AfterValidator(check_visible)]


# Icons a level's resource may show (`icon:` of a resource), each with what it looks like, so a
# modder can choose without opening the game. Every one is a file in assets/icons.
RESOURCE_ICONS: dict[str, str] = {
    "money": "a stack of coins",
    "organisers": "a person holding a flag",
    "political_capital": "a ballot box",
    "participation": "three people",
    "council": "a circle of people around a centre",
    "coop": "two linked rings",
    "finance": "a seedling growing from a coin (seed, savings)",
    "resilience": "a tree",
    "mutual_aid": "a steaming pot",
    "gear": "a gear wheel (tools, machines)",
    "hourglass": "an hourglass (time)",
    "education": "an open book",
    "support": "a heart",
    "law": "a public building with columns",
    "news": "a newspaper",
    "flag": "a flag",
}

# Names longer than these are cut with "…" where the screens are narrowest (a card at 200%
# scale, the header, the pathway map): `check` warns about them. (kind, most characters, where)
NAME_LENGTHS: dict[str, tuple[int, str]] = {
    "title": (48, N_("the pathway map and the window's header")),
    "action": (60, N_("two lines of an action card")),
    "event": (60, N_("the event dialog's heading")),
    "choice": (90, N_("an event's answer button")),
    "resource": (32, N_("the turn screen's header")),
    "term": (48, N_("the glossary's list")),
}
