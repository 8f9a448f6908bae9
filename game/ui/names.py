"""Display names of the simulation's fixed vocabulary (scores, segments, tactics, resources,
action categories), marked for translation. Translate at the point of display: `ctx._(NAME)`."""

from __future__ import annotations

from game.i18n import N_

SCORES = {
    "equity": N_("Equity"),
    "participation": N_("Participation"),
    "resilience": N_("Resilience"),
    "support": N_("Support"),
}
SCORE_ORDER = ("equity", "participation", "resilience", "support")

SEGMENTS = {
    "firm": N_("Capitalist firms"),
    "coop": N_("Co-ops"),
    "council": N_("Councils"),
}

TACTICS = {
    "capital_flight": N_("Capital flight"),
    "consolidation": N_("Consolidation"),
    "credit_strike": N_("Credit strike"),
    "media_campaign": N_("Media campaign"),
    "legal_challenge": N_("Legal challenge"),
    "price_undercutting": N_("Price undercutting"),
    "counter_revolution": N_("Counter-revolution"),
}

RESOURCES = {
    "money": N_("Money"),
    "organisers": N_("Organisers"),
    "political_capital": N_("Political capital"),
}

CATEGORIES = {
    "education": N_("Education"),
    "law": N_("Law"),
    "finance": N_("Finance"),
    "organising": N_("Organising"),
    "mutual_aid": N_("Mutual aid"),
    "defence": N_("Defence"),
}


def name(table: dict[str, str], key: str, tr) -> str:
    """The translated display name, or the key made readable when it is not in the table."""
    return tr(table[key]) if key in table else key.replace("_", " ").capitalize()


RESOURCE_ICON_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("money", ("money", "fund", "cash", "credit", "budget", "capital")),
    (
        "organisers",
        (
            "organis",
            "organiz",
            "labour",
            "labor",
            "day",
            "time",
            "volunteer",
            "member",
            "worker",
            "people",
        ),
    ),
    (
        "political_capital",
        ("influence", "political", "goodwill", "trust", "legitim", "vote", "power"),
    ),
)
RESOURCE_FALLBACK = ("money", "organisers", "political_capital")


def resource_icon(resource_id: str, index: int = 0, icon: str | None = None) -> str:
    """An icon for a level's resource: its own `icon:`, else by the words in its id, else by
    its place in the list."""
    if icon:
        return icon
    rid = resource_id.lower()
    for icon, words in RESOURCE_ICON_WORDS:
        if rid == icon or any(w in rid for w in words):
            return icon
    return RESOURCE_FALLBACK[index % len(RESOURCE_FALLBACK)]


INTENSITY = ((0.34, N_("mild")), (0.67, N_("strong")), (9.9, N_("severe")))


def intensity_word(x: float) -> str:
    """The elite's strength in a word a player reads (untranslated; translate at display)."""
    for upper, word in INTENSITY:
        if x < upper:
            return word
    return INTENSITY[-1][1]
