"""The glossary: the game's own terms (scores, segments, tactics, Parecon's institutions) and
every level's glossary entries, in the player's language; and auto-linking of those terms in
level texts so any highlighted term opens the glossary."""

from __future__ import annotations

import re
from dataclasses import dataclass

from game.i18n import N_, Translator, pick

# The game's own vocabulary: term id -> (term, definition). Level glossaries add to these.
CORE: dict[str, tuple[str, str]] = {
    "participatory_economy": (
        N_("Participatory economy (Parecon)"),
        N_(
            "An economy proposed by Michael Albert and Robin Hahnel: workplaces run by worker "
            "councils, consumption chosen by consumer councils, balanced job complexes, pay for "
            "effort and sacrifice, and participatory planning instead of markets or central "
            "planners."
        ),
    ),
    "participatory_planning": (
        N_("Participatory planning"),
        N_(
            "Councils propose what they want to make and to consume; a facilitation board "
            "publishes prices; proposals that ask for more than can be made are revised; the "
            "rounds repeat until supply and demand agree within a few percent."
        ),
    ),
    "worker_council": (
        N_("Worker council"),
        N_(
            "Everyone who works in a workplace, deciding together how it runs, each with a say "
            "in proportion to how much a decision affects them."
        ),
    ),
    "consumer_council": (
        N_("Consumer council"),
        N_(
            "A neighbourhood's residents deciding together what they ask the economy for, from "
            "parks and clinics to personal consumption."
        ),
    ),
    "balanced_job_complex": (
        N_("Balanced job complex"),
        N_(
            "A job made of a fair mix of tasks, so that no one only gives orders and no one "
            "only follows them: everyone has a share of empowering and of tedious work."
        ),
    ),
    "effort_and_sacrifice": (
        N_("Pay for effort and sacrifice"),
        N_(
            "Income for how hard and how long you work and how unpleasant the work is, not for "
            "owning property, bargaining power or luck."
        ),
    ),
    "equity": (
        N_("Equity"),
        N_(
            "The equity score (0 to 100): how evenly income is shared (the Gini coefficient) and "
            "how closely pay follows effort. Higher is fairer."
        ),
    ),
    "participation": (
        N_("Participation"),
        N_(
            "The participation score (0 to 100): how many economic decisions are taken by the "
            "people they affect, in councils they actually attend."
        ),
    ),
    "resilience": (
        N_("Resilience"),
        N_(
            "The resilience score (0 to 100): a copy of the economy lives through a year of each of "
            "five shocks (capital flight, credit strike, harvest failure, media blitz, price "
            "undercutting), and the score is how much of their real income the hardest-hit fifth "
            "of households keep, compared with the same year without the shock."
        ),
    ),
    "support": (
        N_("Support"),
        N_(
            "The support score (0 to 100): how many people know about the new institutions and "
            "back them. Education and word of mouth raise it; elite media campaigns lower it."
        ),
    ),
    "elite": (
        N_("The elite"),
        N_(
            "Owners and managers whose income and power the changes threaten. They see what you "
            "do, announce their next move a turn ahead, and spend their wealth to stop you."
        ),
    ),
    "capital_flight": (
        N_("Capital flight"),
        N_(
            "Owners move capital abroad, where it keeps earning for them, closing workplaces "
            "and cutting jobs at home."
        ),
    ),
    "consolidation": (
        N_("Consolidation"),
        N_(
            "Investors buy firms or farms and merge them: the capital stays at home and keeps "
            "earning for its owners, but the merged firms need fewer workers, so jobs are cut. "
            "A first-purchase (pre-emption) right changes who may buy."
        ),
    ),
    "credit_strike": (
        N_("Credit strike"),
        N_(
            "Banks cut co-ops' credit lines: co-ops lose working credit and investment. Councils "
            "planned by the council sector are not hit."
        ),
    ),
    "media_campaign": (
        N_("Media campaign"),
        N_("Owned newspapers and channels attack the new institutions, lowering support."),
    ),
    "legal_challenge": (
        N_("Legal challenge"),
        N_("Lawsuits and court orders that delay or overturn new laws."),
    ),
    "price_undercutting": (
        N_("Price undercutting"),
        N_(
            "Big firms cut their prices where co-ops compete, paying for the cut from their "
            "profits, so co-ops must sell for less. For a while it can make incomes more equal: "
            "owners pay for it and buyers gain, while the co-ops lose revenue. Not modelled: the "
            "recoupment, higher prices once the co-ops have gone, where the antitrust literature "
            "puts the harm to buyers (Brooke Group v. Brown & Williamson, US Supreme Court, 1993; "
            "Areeda and Turner, Harvard Law Review, 1975)."
        ),
    ),
    "counter_revolution": (
        N_("Counter-revolution"),
        N_("The old elite tries to take power back by force or by coup."),
    ),
    "coop": (
        N_("Worker co-op"),
        N_("A firm owned and run by its workers, one member one vote, still selling in markets."),
    ),
    "excess_demand": (
        N_("Excess demand"),
        N_(
            "How far apart what the councils ask for (D) and what can be made (S) are for a good: "
            "v = |2(S − D)|/(S + D), 0 when they agree and 2 when one side is zero. The planning "
            "rounds repeat until every good is within a few percent."
        ),
    ),
}


@dataclass(frozen=True)
class Entry:
    key: str
    term: str
    text: str
    source: str | None
    origin: str  # "core" or the level title


def slug(term: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", term.lower()).strip("_")


def entries(
    tr: Translator,
    levels: list | None = None,
    extra: list | None = None,
    sources: dict[str, str] | None = None,
) -> list[Entry]:
    """Every glossary entry, sorted by term in the player's language. `extra` holds the terms
    that mods add in their glossary.yaml files (a level's own terms come first); `sources`
    maps a lower-case term to the mod that defines it."""
    out: dict[str, Entry] = {}
    for key, (term, text) in CORE.items():
        out[key] = Entry(key, tr.gettext(term), tr.gettext(text), None, "core")
    for lv in levels or []:
        title = pick(lv.title, tr.lang)
        for g in lv.glossary:
            key = slug(g.en_term)
            if key in out and out[key].origin != "core":
                continue
            out[key] = Entry(key, pick(g.term, tr.lang), pick(g.text, tr.lang), g.source, title)
    for g in extra or []:
        key = slug(g.en_term)
        if key not in out:
            out[key] = Entry(
                key,
                pick(g.term, tr.lang),
                pick(g.text, tr.lang),
                g.source,
                "mod:" + (sources or {}).get(g.key, "mods"),
            )
    return sorted(out.values(), key=lambda e: e.term.casefold())


def mod_terms(catalog) -> tuple[list, dict[str, str]]:
    """The terms mods add (glossary.yaml files) and, for each, the mod it comes from."""
    sources = {term: (mod or "") for term, (_path, mod) in catalog.term_sources.items()}
    return list(catalog.glossary), sources


def auto_link(text: str, glossary: list[Entry], limit: int = 6) -> str:
    """Mark the first mention of each glossary term in `text` as a link: [[key|words]]."""
    linked = 0
    for e in sorted(glossary, key=lambda e: -len(e.term)):
        if linked >= limit:
            break
        words = e.term.split(" (")[0]
        if len(words) < 4:
            continue
        pattern = re.compile(r"(?<![\w\[|])(" + re.escape(words) + r")(?![\w\]])", re.IGNORECASE)
        m = pattern.search(text)
        if m and "[[" not in text[max(0, m.start() - 40) : m.start()].split("]]")[-1]:
            text = text[: m.start()] + f"[[{e.key}|{m.group(1)}]]" + text[m.end() :]
            linked += 1
    return text
