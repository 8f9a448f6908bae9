"""The turn screen's words, as pure functions of the typed reports, the level and a translator
(no pygame, no scene): why scores moved, the news of past turns, labels and goal lines."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from game import level_words
from game.explain import cause_name, cause_text, choice_label, elite_move_text, event_title, loss_warning_text
from game.i18n import N_, Translator
from game.sim.report import Cause, TurnReport
from game.ui.formats import format_delta
from game.ui.names import SCORE_ORDER, SCORES
from game.ui.session import ECONOMY_SERIES

TABS = (
    ("scores", N_("Scores")),
    ("economy", N_("Economy")),
    ("actions", N_("Actions")),
    ("charts", N_("Charts")),
    ("news", N_("News")),
)
METRIC_NAMES = {
    "coop_share": N_("Co-ops"),
    "council_share": N_("Councils"),
    "firm_share": N_("Capitalist firms"),
    "unemployment": N_("Unemployed"),
    "needs_met": N_("Basic needs met"),
}
METRIC_ICONS = {
    "coop_share": "coop",
    "council_share": "council",
    "firm_share": "firm",
    "unemployment": "cross",
    "needs_met": "check",
}


def score_name(key: str, tr: Translator) -> str:
    return tr.gettext(SCORES.get(key, key))


def cause_sentence(c: Cause, report: TurnReport, level: Any, tr: Translator, brief: bool = False) -> str:
    """'Equity rose 2.1: <why>' for one cause ('Equity rose 2.1: “Study circles”' if `brief`)."""
    amount = format_delta(abs(c.delta), 1, tr.lang).lstrip("+")
    tmpl = (
        tr.gettext("{score} rose {amount}: {text}")
        if c.delta > 0
        else tr.gettext("{score} fell {amount}: {text}")
    )
    why = cause_name(c, level, tr) if brief else cause_text(c, report, level, tr)
    return tmpl.format(score=score_name(c.score, tr), amount=amount, text=why)


def explain(
    reports: Sequence[TurnReport], key: str, level: Any, tr: Translator, brief: bool = False
) -> str | None:
    """The top causes of the last change of a score, for its gauge's tooltip: whole, or by
    their names only (`brief`) where the causes panel beside the gauges gives them whole (a
    card's reasons made the tooltip taller than a 720-line window at 200%)."""
    if not reports:
        return None
    report = reports[-1]
    causes = report.causes_of(key, 0.05)
    return "\n".join(cause_sentence(c, report, level, tr, brief) for c in causes[:3]) or None


def causes_text(reports: Sequence[TurnReport], level: Any, tr: Translator) -> str:
    """Why each score moved last turn, for the narrow layout's Scores tab."""
    lines = ["## " + tr.gettext("Why the scores moved")]
    any_cause = False
    for key in SCORE_ORDER:
        why = explain(reports, key, level, tr)
        if why:
            any_cause = True
            lines += [f"- {line}" for line in why.splitlines()]
    if not any_cause:
        lines.append(tr.gettext("Nothing has happened yet: choose actions and end the turn."))
    return "\n".join(lines)


@dataclass(frozen=True)
class NewsEntry:
    turn: int
    kind: str  # good, bad, event, elite
    text: str


def news_of(report: TurnReport, level: Any, tr: Translator) -> list[NewsEntry]:
    """One turn's news: its big causes, the event and answer, the elite's move, dangers."""
    items: list[NewsEntry] = []
    for c in sorted(report.causes, key=lambda c: -abs(c.delta))[:3]:
        if abs(c.delta) >= 0.5:
            kind = "good" if c.delta > 0 else "bad"
            items.append(NewsEntry(report.turn, kind, cause_sentence(c, report, level, tr)))
    for e in report.events:
        title, label = event_title(e.id, level, tr), choice_label(e.id, e.choice, level, tr)
        items.append(NewsEntry(report.turn, "event", f"{title}: {label}"))
    for m in report.elite.moves:
        items.append(NewsEntry(report.turn, "elite", elite_move_text(m, level, tr, report)))
    for w in report.warnings:
        items.append(NewsEntry(report.turn, "bad", loss_warning_text(w, level, tr)))
    return items


def danger_line(turns_left: int, text: str, tr: Translator) -> str:
    return tr.ngettext("{n} turn to fix: {text}", "{n} turns to fix: {text}", turns_left).format(
        n=turns_left, text=text
    )


def seasonal(level: Any, season: str, year: str, tr: Translator) -> str:
    """The season or the year version of a message, by the level's turn length."""
    return tr.gettext(season) if level.turn_length == "season" else tr.gettext(year)


def unit_name(level: Any, tr: Translator) -> str:
    """'Season', 'Year', or the level's own word for a turn (its `words.turn`)."""
    return level_words.turn_unit(level, tr)


def unit_n(level: Any, tr: Translator) -> str:
    """'Season {n}' or 'Year {n}' (or the level's own word), translated, for labels of past turns."""
    own = level_words.own_turn(level, tr)
    if own:
        return own + " {n}"
    return tr.gettext("Season {n}") if level.turn_length == "season" else tr.gettext("Year {n}")


def end_label(level: Any, tr: Translator) -> str:
    if level_words.own_turn(level, tr):
        return tr.gettext("End the turn")
    return tr.gettext("End the season") if level.turn_length == "season" else tr.gettext("End the year")


def metric_label(key: str, level: Any, tr: Translator) -> str:
    """An economy line's label: a segment by the level's own name, else the game's."""
    return level_words.share_name(level, key, tr) or tr.gettext(METRIC_NAMES[key])


def chart_title(mode: str, tr: Translator) -> str:
    return tr.gettext("Scores over time") if mode == "scores" else tr.gettext("The economy over time (%)")


def leaves(cond: Any) -> list[Any]:
    """The comparisons a condition is built from through all/any."""
    if cond is None:
        return []
    if getattr(cond, "all", None):
        return [x for c in cond.all for x in leaves(c)]
    if getattr(cond, "any", None):
        return [x for c in cond.any for x in leaves(c)]
    return [cond]


def goal_lines(level: Any, mode: str, tr: Translator) -> list[tuple[float, str]]:
    """Goal lines (value, label) for the chart, from the win condition's scores or shares."""
    out: list[tuple[float, str]] = []
    for cond in leaves(level.goals.win):
        if cond.metric is None or cond.value is None:
            continue
        if mode == "scores" and cond.metric in SCORE_ORDER:
            label = tr.say(
                "Goal: {name} {op} {value:g}", name=score_name(cond.metric, tr), op=cond.op, value=cond.value
            )
            out.append((float(cond.value), label))
        if mode == "economy" and cond.metric in ECONOMY_SERIES:
            label = tr.say(
                "Goal: {name} {op} {value:g}%",
                name=metric_label(cond.metric, level, tr),
                op=cond.op,
                value=100 * cond.value,
            )
            out.append((100 * float(cond.value), label))
    return out
