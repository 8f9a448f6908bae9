"""The simulation's results in words, made where they are shown (screens, `simulate`, the
printable debrief) through one translation system: gettext (`game.i18n.Translator`).

The simulation returns typed data (`game.sim.report`); every sentence about it is built here,
from the numbers it carries and the level's own texts, so the screens parse no prose and a
new language is a catalog, not code. A new kind of cause or elite outcome gets its sentence
here (and its Spanish in assets/locale/es/LC_MESSAGES/parecon.po via tools/update_locale.py).
"""

from __future__ import annotations

from typing import Any

from game import level_words
from game.cause_words import campaign_end_text, resilience_text, undercut_equity_text
from game.elite_words import CAPITAL_MOVES, FLIGHT_BOUGHT, MERGER_TRUST, TACTIC_TEXTS
from game.i18n import N_, Translator
from game.sim.report import Cause, EliteMove, Ending, LossWarning, Quote, Refusal, TurnReport
from game.sim.units import fmt_goal, fmt_value
from game.trend_words import SHOCK_NAMES, TREND_LEADS

METRIC_NAMES: dict[str, str] = {
    "equity": N_("equity"),
    "participation": N_("participation"),
    "resilience": N_("resilience"),
    "support": N_("support"),
    "firm_share": N_("share in capitalist firms"),
    "coop_share": N_("co-op share"),
    "council_share": N_("council share"),
    "unemployment": N_("unemployment"),
    "self_managed_share": N_("self-managed share"),
    "awareness": N_("awareness"),
    "gini": N_("Gini"),
    "needs_met": N_("basic needs met"),
    "pay_gap": N_("pay-for-effort gap"),
    "attendance": N_("attendance"),
    "elite_power": N_("elite power"),
    "power_concentration": N_("power concentration"),
    "coop_count": N_("number of co-ops"),
    "coop_pay_gap": N_("co-op pay gap"),
    "plan_rounds": N_("planning rounds"),
    "turn": N_("turn"),
    # parameters that events' and their choices' conditions read
    "pre_emption": N_("pre-emption of farmland sales"),
    "pay_pace": N_("pace of the pay change"),
    "pay_transition": N_("how far pay has moved to effort"),
}
OPS: dict[str, str] = {
    "<": N_("below"),
    "<=": N_("at most"),
    ">": N_("above"),
    ">=": N_("at least"),
    "==": N_("equal to"),
}


def strength_text(x: float, tr: Translator) -> str:
    """A campaign's strength after the defences in the words the elite's warning used for
    its threat ("mild", "strong", "severe"), so the two can be compared; its size in points
    is what it did to the scores (`elite_effect_text`), never a raw intensity."""
    from game.ui.names import intensity_word

    return tr.gettext(intensity_word(x))


def metric_name(key: str, tr: Translator, level: Any = None) -> str:
    """A metric's or parameter's name in words; a segment's share by the level's own name
    for the segment when it has one ("share in guilds")."""
    seg = level_words.SHARE_SEGMENTS.get(key)
    own = getattr(getattr(getattr(level, "words", None), "segments", None), seg or "", None)
    if seg is not None and seg != "unemployed" and own:
        return tr.gettext("share in {segment}").format(segment=level_words.inline(tr.pick(own)))
    msg = METRIC_NAMES.get(key)
    return tr.gettext(msg) if msg is not None else key.replace("_", " ")


def describe(cond: Any, tr: Translator, level: Any = None) -> str:
    """A level condition in words, for goals, refusals and the debrief: figures in their
    units (shares as percentages, `game.sim.units`), actions by their titles when `level`
    is given."""
    if cond is None:
        return tr.gettext("always")
    if cond.all is not None:
        return tr.gettext(" and ").join(describe(c, tr, level) for c in cond.all)
    if cond.any is not None:
        return "(" + tr.gettext(" or ").join(describe(c, tr, level) for c in cond.any) + ")"
    if cond.not_ is not None:
        return tr.gettext("not ({x})").format(x=describe(cond.not_, tr, level))
    if cond.played is not None:
        title = _action_title(level, cond.played, tr) if level is not None else cond.played
        return tr.gettext("'{x}' has been played").format(x=title)
    op = tr.gettext(OPS[cond.op])
    key = cond.metric or cond.param
    return f"{metric_name(key, tr, level)} {op} {fmt_goal(key, float(cond.value), tr.num)}"


def _goal_of(cond: Any, metric: str) -> Any:
    """The comparison on `metric` in a goal or loss condition (None if there is none)."""
    from game.sim.effects import comparisons

    return next((c for c in comparisons(cond) if c.metric == metric), None)


def reading_text(reading: Any, cond: Any, tr: Translator, msg: str, level: Any = None) -> str:
    """A measure's final value beside the threshold it was compared with, both in the
    threshold's unit and with enough digits to tell them apart ("was 15.4%, ... 15%")."""
    c = _goal_of(cond, reading.name)
    goal = float(c.value) if c is not None else None
    return tr.gettext(msg).format(
        name=metric_name(reading.name, tr, level),
        value=fmt_value(reading.name, reading.value, goal, tr.num),
        op=tr.gettext(OPS[c.op]) if c is not None else "",
        goal=fmt_goal(reading.name, goal, tr.num) if goal is not None else "",
    )


def _action_title(level: Any, action_id: str, tr: Translator) -> str:
    for a in level.actions:
        if a.id == action_id:
            return tr.pick(a.title)
    return action_id


def _resource_name(level: Any, rid: str, tr: Translator) -> str:
    for r in level.resources:
        if r.id == rid:
            return tr.pick(r.name)
    return rid


def refusal_text(refusal: Refusal, level: Any, tr: Translator) -> str:
    """Why an action cannot be played, in the player's words."""
    kind = refusal.kind
    if kind in ("cost", "choice_cost"):
        return tr.gettext("Costs {cost} {resource}; only {left} left").format(
            cost=tr.num(refusal.need, "g"),
            resource=_resource_name(level, refusal.resource, tr),
            left=tr.num(refusal.have, "g"),
        )
    if kind == "requires":
        return tr.gettext("Play “{title}” first").format(title=_action_title(level, refusal.requires, tr))
    if kind == "once":
        return tr.gettext("Already played: this action works once only")
    if kind == "twice":
        return tr.gettext("Already chosen this turn")
    if kind == "condition":
        return tr.gettext("Needs {condition}").format(condition=describe(refusal.condition, tr, level))
    if kind == "choice_closed":
        return tr.gettext("Not offered when the event came: it needs {condition}").format(
            condition=describe(refusal.condition, tr, level)
        )
    return tr.gettext("Unknown action “{id}”").format(id=refusal.action)


def actors(level: Any, tr: Translator) -> dict[str, str]:
    """The level's names for the elite, its media and the segments it acts on, for the
    sentences about the elite: capitalised to open a sentence, lower case inside one."""
    firms = level_words.segment(level, "firm", tr)
    return {
        "elite": level_words.word(level, "elite", tr),
        "media": level_words.word(level, "media", tr),
        "Firms": firms,
        "firms": level_words.inline(firms),
        "coops": level_words.inline(level_words.segment(level, "coop", tr)),
    }


def tactic_text(tactic: str, tr: Translator, level: Any = None) -> str:
    """What a tactic of the elite does, in one sentence, in the level's words."""
    msg = TACTIC_TEXTS.get(tactic)
    return tr.gettext(msg).format(**actors(level, tr)) if msg is not None else tactic.replace("_", " ")


def odds_text(warning: Any, level: Any, tr: Translator, best_only: bool = False) -> str:
    """The chance that an announced move ends the level, unanswered and after each card
    that answers it, or only the best one (the warning's own figures; empty for a move that
    cannot end it)."""
    if not warning.odds and not warning.answers:
        return ""
    if best_only and warning.answers:
        best = warning.answers[0]
        return tr.say(
            "Odds it ends the level: {odds:.0%}; with {card}: {best:.0%}.",
            odds=warning.odds,
            card=_action_title(level, best.action, tr),
            best=best.odds,
        )
    text = tr.say("Chance it ends the level: {odds:.0%} unanswered", odds=warning.odds)
    for a in warning.answers:
        text += "; " + tr.say("{odds:.0%} with {card}", odds=a.odds, card=_action_title(level, a.action, tr))
    return text + "."


def elite_effect_text(move: EliteMove, report: TurnReport, tr: Translator) -> str:
    """What an elite move did to the scores this turn, as the causes quote it ("support
    -13.1"): the size of a campaign in the points the player sees move ('' when nothing
    moved by a tenth of a point)."""
    parts = [
        f"{tr.gettext(METRIC_NAMES[c.score])} {tr.num(c.delta, '+.1f')}"
        for c in report.causes
        if c.kind == "elite" and c.id == move.tactic and abs(c.delta) >= 0.05 and c.score in METRIC_NAMES
    ]
    return tr.gettext("; its effect this turn: {effects}").format(effects=", ".join(parts)) if parts else ""


def elite_move_text(move: EliteMove, level: Any, tr: Translator, report: TurnReport | None = None) -> str:
    """What the elite did this turn, with its numbers; with the turn's `report`, also what
    it did to the scores (the news and `simulate`'s elite line; a cause line shows that
    beside it already)."""
    text = _elite_move_words(move, level, tr)
    return text + elite_effect_text(move, report, tr) if report is not None else text


def _elite_move_words(move: EliteMove, level: Any, tr: Translator) -> str:
    note = (
        tr.gettext(" (countered by {share})").format(share=tr.pct(move.countered))
        if move.countered > 0
        else ""
    )
    law = _action_title(level, move.law, tr) if move.law else ""
    o = move.outcome
    who = actors(level, tr)
    if o in CAPITAL_MOVES:  # capital flight abroad, or a merger that keeps it at home
        # a merger buys only the land that changes hands: its share is a fraction of a percent
        digits = 0 if o == "flight" or move.amount >= 0.1 else 1 if move.amount >= 0.01 else 2
        if o == "merger" and move.trust > 0:
            note += tr.gettext(MERGER_TRUST).format(trust=tr.pct(move.trust))
        text = tr.gettext(CAPITAL_MOVES[o]).format(
            loss=tr.pct(move.amount, digits), note=note, jobs=tr.num(move.jobs, ",.0f"), **who
        )
        if move.bought > 0:
            text += tr.gettext(FLIGHT_BOUGHT).format(bought=tr.num(move.bought, ",.0f"))
        return text
    if o == "credit":
        return tr.gettext("Lenders cut the credit lines of {coops} by {cut}{note}").format(
            cut=tr.pct(move.amount), note=note, **who
        )
    if o == "media":
        if move.amount < move.intensity * (1 - move.countered) - 1e-9:  # weaker than announced
            note += tr.gettext(" (weakened by your media defences)")
        return tr.gettext("{media} ran a {strength} campaign against the project{note}").format(
            strength=strength_text(move.amount, tr), note=note, **who
        )
    if o == "court_struck":
        return tr.gettext("A court struck down '{law}'{note}; the rules it set no longer apply").format(
            law=law, note=note
        )
    if o == "court_struck_none":
        return tr.gettext(
            "A court struck down '{law}'{note}, but what it had already done stays done"
        ).format(law=law, note=note)
    if o == "court_failed":
        return tr.gettext("A legal challenge to '{law}' failed in court{note}").format(law=law, note=note)
    if o == "court_nothing":
        return tr.gettext("A legal challenge found no law to attack")
    if o == "undercut":
        return tr.gettext(
            "{Firms} undercut the prices of {coops}, cutting their revenue by {cut}{note}"
        ).format(cut=tr.pct(move.amount), note=note, **who)
    if o == "coup_won":
        return tr.gettext("The counter-revolution succeeded (it had a {chance} chance){note}").format(
            chance=tr.pct(move.amount), note=note
        )
    if o == "coup_lost":
        return tr.gettext("The counter-revolution was defeated (it had a {chance} chance){note}").format(
            chance=tr.pct(move.amount), note=note
        )
    return tactic_text(move.tactic, tr, level)


def _quoted(quotes: tuple[Quote, ...]) -> dict[str, Quote]:
    return {q.name: q for q in quotes}


def _whole_turn(cause: Cause, q: dict[str, Quote], tr: Translator) -> str:
    """Where the score and its drivers went over the whole turn, every cause together: the
    figures the player saw before and after the turn, kept apart from the trends' own part."""

    def span(before: str, after: str) -> str:
        return tr.gettext("{before} to {after}").format(before=before, after=after)

    def score(name: str) -> str:
        return span(tr.num(q[name].before, ".1f"), tr.num(q[name].after, ".1f"))

    def share(name: str) -> str:
        return span(tr.pct(q[name].before, 1), tr.pct(q[name].after, 1))

    def ratio(name: str) -> str:
        return span(tr.num(q[name].before, ".3f"), tr.num(q[name].after, ".3f"))

    items: list[str] = []
    if cause.score == "equity" and {"equity", "gini", "pay_gap"} <= q.keys():
        items = [
            tr.gettext("equity {x}").format(x=score("equity")),
            tr.gettext("Gini {x}").format(x=ratio("gini")),
            tr.gettext("pay-for-effort gap {x}").format(x=ratio("pay_gap")),
        ]
    elif (
        cause.score == "participation"
        and {
            "participation",
            "attendance",
            "self_managed_share",
            "power_concentration",
        }
        <= q.keys()
    ):
        items = [
            tr.gettext("participation {x}").format(x=score("participation")),
            tr.gettext("attendance {x}").format(x=share("attendance")),
            tr.gettext("self-managed work {x}").format(x=share("self_managed_share")),
            tr.gettext("power concentration {x}").format(x=share("power_concentration")),
        ]
    elif cause.score == "resilience" and "resilience" in q:
        items = [tr.gettext("resilience {x}").format(x=score("resilience"))]
        shock = next((x for x in cause.quotes if x.name.startswith("stress:")), None)
        if shock is not None:
            name = shock.name.partition(":")[2]
            items.append(
                tr.gettext("what they keep after a {shock} {x}").format(
                    shock=tr.gettext(SHOCK_NAMES.get(name, name)),
                    x=span(tr.pct(shock.before, 1), tr.pct(shock.after, 1)),
                )
            )
    elif cause.score == "support" and {"support", "awareness", "needs_met"} <= q.keys():
        items = [
            tr.gettext("support {x}").format(x=score("support")),
            tr.gettext("awareness {x}").format(x=share("awareness")),
            tr.gettext("basic needs met {x}").format(x=share("needs_met")),
        ]
    if not items:
        return ""
    return tr.gettext("Over the whole turn, every cause together: {items}").format(items="; ".join(items))


def trend_text(cause: Cause, tr: Translator) -> str:
    """Why the ongoing trends moved a score. The verb says what the trends themselves did
    (the cause's own part, shown beside the sentence); the figures after it say, apart and
    labelled so, where the score and its drivers went over the whole turn with every cause
    together, which may be the other way (a campaign can outweigh the trends)."""
    leads = TREND_LEADS.get(cause.score)
    if leads is None:
        return tr.gettext("ongoing trends")
    up, down = cause.delta > 1e-9, cause.delta < -1e-9
    lead = tr.gettext(leads[0] if up else leads[1] if down else leads[2])
    whole = _whole_turn(cause, _quoted(cause.quotes), tr)
    return f"{lead}. {whole}" if whole else lead


def cause_text(cause: Cause, report: TurnReport, level: Any, tr: Translator) -> str:
    """Why one move changed a score: the move's name and its reasons, true to the numbers;
    for resilience, also through which shock, and whether it was who is in the co-ops
    (`game.cause_words`)."""
    if cause.kind == "trend":
        return trend_text(cause, tr)
    return _move_text(cause, report, level, tr) + resilience_text(cause, actors(level, tr), tr)


def _move_text(cause: Cause, report: TurnReport, level: Any, tr: Translator) -> str:
    if cause.kind == "action":
        act = next((a for a in level.actions if a.id == cause.id), None)
        if act is None:
            return cause.id
        because = "; ".join(tr.pick(e.because) for e in act.effects)
        return f"{tr.pick(act.title)}: {because}"
    if cause.kind == "event":
        ev_id, _, choice_id = cause.id.partition(":")
        ev = next((e for e in level.events if e.id == ev_id), None)
        ch = next((c for c in ev.choices if c.id == choice_id), None) if ev is not None else None
        if ev is None or ch is None:
            return cause.id
        because = "; ".join(tr.pick(e.because) for e in ch.effects) or tr.gettext("no change")
        return f"{tr.pick(ev.title)} ({tr.pick(ch.label)}): {because}"
    if cause.kind == "end":
        return campaign_end_text(cause, actors(level, tr), tr)
    move = next((m for m in report.elite.moves if m.tactic == cause.id), None)
    text = elite_move_text(move, level, tr) if move is not None else tactic_text(cause.id, tr, level)
    if cause.id == "price_undercutting" and cause.score == "equity":
        text += undercut_equity_text(cause, report, actors(level, tr), tr)
    return text


def event_title(event_id: str, level: Any, tr: Translator) -> str:
    ev = next((e for e in level.events if e.id == event_id), None)
    return tr.pick(ev.title) if ev is not None else event_id


def choice_label(event_id: str, choice_id: str, level: Any, tr: Translator) -> str:
    ev = next((e for e in level.events if e.id == event_id), None)
    ch = next((c for c in ev.choices if c.id == choice_id), None) if ev is not None else None
    return tr.pick(ch.label) if ch is not None else choice_id


def loss_warning_text(warning: LossWarning, level: Any, tr: Translator) -> str:
    """The level's own warning for a losing condition that holds now."""
    loss = next((x for x in level.goals.lose if x.id == warning.id), None)
    return tr.pick(loss.warning) if loss is not None else warning.id


def cause_name(cause: Cause, level: Any, tr: Translator) -> str:
    """A cause by its name only ("“Study circles”", "the elite's move", "the ongoing
    trends"), for a tooltip whose reasons are shown whole in a panel beside it."""
    return _move_name(f"{cause.kind}:{cause.id}", level, tr)


def _move_name(move: str, level: Any, tr: Translator) -> str:
    """'action:study_circles' as the player knows it: the action's title, in quotes."""
    kind, _, ident = move.partition(":")
    if kind == "action":
        action = next((a for a in level.actions if a.id == ident), None)
        return "“" + (tr.pick(action.title) if action is not None else ident) + "”"
    if kind == "event":
        event = next((e for e in level.events if e.id == ident.split(":")[0]), None)
        return "“" + (tr.pick(event.title) if event is not None else ident) + "”"
    if kind == "elite":
        return tr.gettext("the elite's move")
    if kind == "end":
        return tr.gettext("the end of the elite's price war")
    return tr.gettext("the ongoing trends")


def ending_text(ending: Ending | None, level: Any, tr: Translator) -> str:
    """Why the level was won or lost ('' while it goes on)."""
    if ending is None:
        return ""
    if ending.kind == "won":
        return tr.pick(level.goals.win_text)
    if ending.kind == "coup":
        return tr.gettext(
            "The old elite's counter-revolution succeeded: popular defence and "
            "support were too weak when it struck."
        )
    if ending.kind == "loss":
        loss = next((x for x in level.goals.lose if x.id == ending.loss), None)
        if loss is None:
            return ending.loss
        msg = N_("({name} was {value}; the level is lost when it is {op} {goal})")
        figures = " ".join(reading_text(r, loss.when, tr, msg, level) for r in ending.shortfall)
        return f"{tr.pick(loss.reason)} {figures}".strip()
    if ending.kind == "stopped":
        return tr.gettext(
            "The simulation stopped: after {move}, {quantity} was no longer a finite number. "
            "The level's numbers make the economy run away; its author can fix them."
        ).format(move=_move_name(ending.move, level, tr), quantity=ending.quantity)
    text = tr.gettext("Time ran out before the goal was reached: the goal was {goal}.").format(
        goal=describe(level.goals.win, tr, level)
    )
    if ending.shortfall:
        items = "; ".join(
            reading_text(r, level.goals.win, tr, N_("{name} was {value}, the goal {op} {goal}"), level)
            for r in ending.shortfall
        )
        text += " " + tr.gettext("Short: {items}.").format(items=items)
    return text.strip()


def report_dict(report: TurnReport, level: Any, tr: Translator) -> dict[str, Any]:
    """A turn report as JSON data with the sentences a reader needs beside the numbers
    (`simulate --json`, read back by the printable debrief)."""
    out = report.to_dict()
    for c, d in zip(report.causes, out["causes"], strict=True):
        d["text"] = cause_text(c, report, level, tr)
    for m, d in zip(report.elite.moves, out["elite"]["moves"], strict=True):
        d["text"] = elite_move_text(m, level, tr, report)
    if report.elite.warning is not None:
        out["elite"]["warning"]["text"] = tactic_text(report.elite.warning.tactic, tr, level)
        if odds := odds_text(report.elite.warning, level, tr):
            out["elite"]["warning"]["odds_text"] = odds
    for e, d in zip(report.events, out["events"], strict=True):
        d["title"] = event_title(e.id, level, tr)
        d["label"] = choice_label(e.id, e.choice, level, tr)
    for w, d in zip(report.warnings, out["warnings"], strict=True):
        d["text"] = loss_warning_text(w, level, tr)
    out["news"] = [d["text"] for d in out["elite"]["moves"]]
    return out
