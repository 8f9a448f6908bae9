"""A level's own words (its `words:`) for the game's fixed parts, with the game's defaults, in
the reader's language. The turn screen, the planning view, the causes, the news, the debrief,
the classroom and `simulate` name segments, the elite, its media, the councils, the council
sector's goods and the turn through here, and nowhere else."""

from __future__ import annotations

from typing import Any

from game.i18n import N_, Translator

SEGMENTS = {
    "firm": N_("Capitalist firms"),
    "coop": N_("Co-ops"),
    "council": N_("Councils"),
    "unemployed": N_("Unemployed"),
}
# the workforce metrics that are the segments' shares
SHARE_SEGMENTS = {
    "firm_share": "firm",
    "coop_share": "coop",
    "council_share": "council",
    "unemployment": "unemployed",
}
# The council sector's goods, by the ids game.sim.council uses.
GOODS = {
    "food": N_("Food"),
    "housing": N_("Housing"),
    "care": N_("Care"),
    "tools": N_("Tools"),
    "energy": N_("Energy"),
    "labour": N_("Labour"),
    "nature": N_("Nature"),
    "parks": N_("Parks"),
}
DEFAULTS = {
    "elite": N_("Owners"),
    "media": N_("Owned media"),
    "worker_councils": N_("worker councils"),
    "consumer_councils": N_("consumer councils"),
}


def _words(level: Any) -> Any:
    return getattr(level, "words", None) if level is not None else None


def segment(level: Any, key: str, tr: Translator) -> str:
    """The name of a workforce segment (firm, coop, council, unemployed), capitalised."""
    own = getattr(getattr(_words(level), "segments", None), key, None)
    if own:
        return tr.pick(own)
    return tr.gettext(SEGMENTS[key]) if key in SEGMENTS else key.replace("_", " ").capitalize()


def share_name(level: Any, metric: str, tr: Translator) -> str | None:
    """The segment's name for a workforce-share metric (`firm_share`), None for other metrics."""
    key = SHARE_SEGMENTS.get(metric)
    return segment(level, key, tr) if key is not None else None


def word(level: Any, key: str, tr: Translator) -> str:
    """The level's word for the elite, its media, or its worker or consumer councils."""
    own = getattr(_words(level), key, None)
    return tr.pick(own) if own else tr.gettext(DEFAULTS[key])


def inline(name: str) -> str:
    """A capitalised name put inside a sentence ("Merchant houses" -> "merchant houses"); a
    name whose second letter is a capital too (an acronym) stays as it is."""
    if len(name) > 1 and name[0].isupper() and not name[1].isupper():
        return name[0].lower() + name[1:]
    return name


def good(level: Any, gid: str, tr: Translator) -> str:
    """The name of one of the council sector's goods."""
    own = getattr(getattr(_words(level), "goods", None), gid, None)
    if own:
        return tr.pick(own)
    return tr.gettext(GOODS[gid]) if gid in GOODS else gid.replace("_", " ").capitalize()


def own_turn(level: Any, tr: Translator) -> str | None:
    """The level's own name for a turn, or None when it keeps Season or Year."""
    own = getattr(_words(level), "turn", None)
    return tr.pick(own) if own else None


def turn_unit(level: Any, tr: Translator) -> str:
    """What one turn is called, capitalised: the level's own word, else Season or Year."""
    own = own_turn(level, tr)
    if own:
        return own
    return tr.gettext("Season") if getattr(level, "turn_length", "season") == "season" else tr.gettext("Year")
