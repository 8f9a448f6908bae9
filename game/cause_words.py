"""Why a campaign, its end, or any move changed a score, in words (msgids translated where
`game.explain` shows them), from the figures the turn's report carries.

- Undercutting raises equity while it lasts: the big firms sell below cost, paid from their
  profits, and every buyer gains; the co-ops' members lose revenue. The sentence says what
  share of the workforce those members are (they are "few" only below `FEW`), and that the
  gain ends with the campaign.
- The end of a price war is a cause of its own (kind "end", `game.sim.causes`): what the
  turn did against a turn more of the campaign, so the trends are never credited with it.
- Resilience follows the households of each group through each shock, so who is in the
  group a shock hits first moves it: a move that adds co-op members lowers what the
  hardest-hit fifth keep through price cuts or a credit strike, one that throws members
  out raises it. A resilience cause names the shock that moved most and, when the co-ops'
  membership moved it, says so (`Cause.parts`: the move's Shapley shares of the drivers).
"""

from __future__ import annotations

from game.i18n import N_, Translator
from game.sim.report import Cause, TurnReport
from game.trend_words import SHOCK_NAMES

FEW = 0.10  # co-op members above this share of the workforce are not "few"
COOP_MOVE = 0.001  # a move's part of the co-op share below which membership is not named
SHOCK_MOVE = 0.0005  # a shock's kept share moving less than this is not named
COOP_SHOCKS = ("price undercutting", "credit strike")  # the shocks that hit co-op members first

# why undercutting moved equity (its cause on the equity score): raised, with the co-op
# members few or not (`FEW`), or lowered
UNDERCUT_EQUITY: dict[str, str] = {
    "few": N_(
        "; it raised equity while the campaign lasts: {firms} sell below cost, paid from their "
        "profits, and every buyer pays less: a transfer from the owners and from the members of "
        "{coops} to every buyer; the members of {coops} lose much of their pay, but they are few "
        "({share} of the workforce), so incomes on the whole move closer together; the gain ends "
        "when the big firms stop selling below cost"
    ),
    "many": N_(
        "; it raised equity while the campaign lasts: {firms} sell below cost, paid from their "
        "profits, and every buyer pays less: a transfer from the owners and from the members of "
        "{coops} to every buyer; the members of {coops}, {share} of the workforce, lose much of "
        "their pay, yet incomes on the whole move closer together (the Gini falls); the gain "
        "ends when the big firms stop selling below cost"
    ),
    "lowered": N_(
        "; it lowered equity: the members of {coops} lost more of their pay than the owners' "
        "smaller profits and the buyers' cheaper goods made up"
    ),
}

CAMPAIGN_END = N_(
    "{Firms} stopped selling below cost where {coops} compete (the campaign had cut their "
    "revenue by {cut}), measured against one more turn of the campaign"
)
# what the end of undercutting did to equity, by sign
CAMPAIGN_END_EQUITY: dict[bool, str] = {
    True: N_("; the members of {coops} earn their full revenue again, more than the buyers' lost discount"),
    False: N_(
        "; the transfer from their profits to every buyer ended, and the equity it had brought went with it"
    ),
}

# a resilience cause: the shock whose kept share moved most, and whether co-op membership did it
RESILIENCE_MORE_MEMBERS = N_(
    "; resilience fell because more people are now in {coops} ({coop} points of the workforce), the "
    "group a {shock} hits first: what the hardest-hit fifth keep after a {shock} {kept} points"
)
RESILIENCE_FEWER_MEMBERS = N_(
    "; resilience rose only because fewer people are in {coops} ({coop} points of the workforce), the "
    "group a {shock} hits first: members lost their place, which is no strength; what the "
    "hardest-hit fifth keep after a {shock} {kept} points"
)
RESILIENCE_SHOCK = N_("; through what the hardest-hit fifth keep after a {shock}: {kept} points")


def undercut_equity_text(cause: Cause, report: TurnReport, who: dict[str, str], tr: Translator) -> str:
    """Why the elite's undercutting moved equity ('' if it moved it by less than 0.05)."""
    if abs(cause.delta) < 0.05:
        return ""
    share = float(report.metrics.get("coop_share", 0.0))
    key = "lowered" if cause.delta < 0 else "few" if share <= FEW else "many"
    return tr.gettext(UNDERCUT_EQUITY[key]).format(share=tr.pct(share), **who)


def campaign_end_text(cause: Cause, who: dict[str, str], tr: Translator) -> str:
    """The end of last turn's price war, with the cut that stopped (its quote)."""
    cut = next((q.before for q in cause.quotes if q.name == "undercut"), 0.0)
    text = tr.gettext(CAMPAIGN_END).format(cut=tr.pct(cut, 0 if cut >= 0.1 else 1), **who)
    if cause.score == "equity" and abs(cause.delta) >= 0.05:
        text += tr.gettext(CAMPAIGN_END_EQUITY[cause.delta > 0]).format(**who)
    return text


def resilience_text(cause: Cause, who: dict[str, str], tr: Translator) -> str:
    """Through what a move moved resilience: the shock whose kept share its part moved
    most, and, when co-op membership moved the other way, the composition effect ('' for
    a cause under 0.05 points or without parts)."""
    if cause.score != "resilience" or abs(cause.delta) < 0.05 or not cause.parts:
        return ""
    parts = {p.name: p.delta for p in cause.parts}
    coop = parts.pop("coop_share", 0.0)
    if not parts:
        return ""
    name, kept = max(parts.items(), key=lambda kv: abs(kv[1]))
    if abs(kept) < SHOCK_MOVE:
        return ""
    shock = name.partition(":")[2]
    args = {
        "shock": tr.gettext(SHOCK_NAMES.get(shock, shock)),
        "kept": tr.num(100.0 * kept, "+.1f"),
        "coop": tr.num(100.0 * coop, "+.1f"),
        **who,
    }
    members = shock in COOP_SHOCKS and abs(coop) >= COOP_MOVE and (coop > 0) == (kept < 0)
    if members and (cause.delta < 0) == (coop > 0):
        msg = RESILIENCE_MORE_MEMBERS if coop > 0 else RESILIENCE_FEWER_MEMBERS
        return tr.gettext(msg).format(**args)
    return tr.gettext(RESILIENCE_SHOCK).format(**args)
