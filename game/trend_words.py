"""The ongoing trends in words (msgids, translated where `game.explain` shows them): the
sentence that opens why the trends moved a score, up, down or not at all, and the names of
the shocks resilience is measured against."""

from __future__ import annotations

from game.i18n import N_

SHOCK_NAMES = {
    "capital flight": N_("capital flight"),
    "consolidation": N_("merger"),
    "credit strike": N_("credit strike"),
    "harvest failure": N_("harvest failure"),
    "media blitz": N_("media blitz"),
    "price undercutting": N_("price undercutting"),
}


TREND_LEADS: dict[str, tuple[str, str, str]] = {
    "equity": (
        N_("the ongoing trends raised equity as pay moved closer to equal and to effort"),
        N_("the ongoing trends lowered equity as pay moved away from equal and from effort"),
        N_("the ongoing trends left equity as it was: pay held steady"),
    ),
    "participation": (
        N_(
            "the ongoing trends raised participation, through attendance, self-managed work and power "
            "concentration"
        ),
        N_(
            "the ongoing trends lowered participation, through attendance, self-managed work and power "
            "concentration"
        ),
        N_("the ongoing trends left participation as it was"),
    ),
    "resilience": (
        N_("the ongoing trends raised resilience (what the hardest-hit keep through a year of each shock)"),
        N_("the ongoing trends lowered resilience (what the hardest-hit keep through a year of each shock)"),
        N_("the ongoing trends left resilience as it was"),
    ),
    "support": (
        N_(
            "the ongoing trends raised support, through awareness (education and word of mouth) and basic "
            "needs met (what people judge the project by)"
        ),
        N_(
            "the ongoing trends lowered support, through awareness (education and word of mouth) and basic "
            "needs met (what people judge the project by)"
        ),
        N_("the ongoing trends left support as it was"),
    ),
}
