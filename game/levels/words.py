"""A level's own words for the game's fixed parts (`words:` in a level file): what it calls its
workforce's segments, the old elite and its media, the council sector's councils and goods,
and one turn. The mechanics stay the game's; only the names a player reads change, so a
level about families, villages and guilds never reads "Capitalist firms" or "Owned media".

Each name is a short text (English, and Spanish beside it); what a level leaves out keeps the
game's default wording (`game.level_words`)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, StrictStr, field_validator
from pydantic_core import PydanticCustomError

from game.levels.fields import Plain
from game.levels.texts import Strict, _check_text

# A name labels a chart line, the economy panel and the planning view's bars, and is put into
# sentences ("{elite} moved capital abroad"): longer ones crowd those places at 200% scale.
MAX_WORD = 32

Word = Annotated[
    Plain | dict[StrictStr, Plain],
    Field(description=f"A short name, at most {MAX_WORD} characters in each language."),
]


def check_word(v: Any) -> Any:
    """A text of `words`: English required beside other languages, and short."""
    if v is None:
        return v
    _check_text(v)
    for text in [v] if isinstance(v, str) else v.values():
        if len(text) > MAX_WORD:
            raise PydanticCustomError(
                "word_length",
                "a name in `words` has at most {n} characters, because it labels chart lines, "
                "the economy panel and the planning view's bars (this one has {got})",
                {"n": MAX_WORD, "got": len(text)},
            )
    return v


class Segments(Strict):
    """What this level calls the parts of its workforce (the game's: Capitalist firms, Co-ops,
    Councils, Unemployed). Chart lines, the economy panel and the debrief use them."""

    firm: Word | None = Field(default=None, description="The owner-run, profit-seeking sector.")
    coop: Word | None = Field(default=None, description="Self-managed workplaces that sell at the market.")
    council: Word | None = Field(default=None, description="The planned council sector.")
    unemployed: Word | None = Field(default=None, description="People without work.")
    _w = field_validator("firm", "coop", "council", "unemployed")(check_word)


class Goods(Strict):
    """Names of the council sector's eight goods in the planning view (the game's: Food,
    Housing, Care, Tools, Energy, Labour, Nature, Parks). The model's goods stay the same:
    give each the name it has in your level's world."""

    food: Word | None = Field(default=None, description="What people eat.")
    housing: Word | None = Field(default=None, description="Where they live.")
    care: Word | None = Field(default=None, description="Care for children, the sick and the old.")
    tools: Word | None = Field(default=None, description="Tools and machines (an input to the others).")
    energy: Word | None = Field(default=None, description="Fuel and power (an input).")
    labour: Word | None = Field(default=None, description="Work (a primary input).")
    nature: Word | None = Field(default=None, description="Land, water and materials (a primary input).")
    parks: Word | None = Field(default=None, description="A public good all use together.")
    _w = field_validator("food", "housing", "care", "tools", "energy", "labour", "nature", "parks")(
        check_word
    )


class Words(Strict):
    """The level's own names for the game's fixed parts, in both languages; every key is
    optional and what is left out keeps the game's wording."""

    segments: Segments = Field(default_factory=lambda: Segments(), description="The workforce's parts.")
    elite: Word | None = Field(
        default=None,
        description="Who the old elite are, a plural noun (default 'Owners'): 'Owners move capital abroad'.",
    )
    media: Word | None = Field(
        default=None,
        description="The elite's media, a plural noun (default 'Owned media'): 'Owned media attack ...'.",
    )
    worker_councils: Word | None = Field(
        default=None, description="The council sector's producers (default 'worker councils'), lower case."
    )
    consumer_councils: Word | None = Field(
        default=None, description="The council sector's consumers (default 'consumer councils'), lower case."
    )
    goods: Goods = Field(default_factory=lambda: Goods(), description="The council sector's goods.")
    turn: Word | None = Field(
        default=None, description="One turn (default 'Season' or 'Year' from `turn_length`), capitalised."
    )
    _w = field_validator("elite", "media", "worker_councils", "consumer_councils", "turn")(check_word)
