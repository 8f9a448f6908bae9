"""The turn screen's composite widgets, built from the session and the draft: the hand's
cards, the chart of scores or of the economy, and the event and pause dialogs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pygame

from game.explain import choice_label, loss_warning_text, odds_text, refusal_text
from game.i18n import N_
from game.os_words import os_reason_text
from game.sim.report import Refusal
from game.sim.thresholds import ACTIVE_SHARE, COMMITTED_SHARE
from game.ui.context import UIContext
from game.ui.host import SceneHost
from game.ui.names import SCORE_ORDER, SCORES, resource_icon
from game.ui.scenes.dialog import Choice, Dialog
from game.ui.scenes.turn import header, panels
from game.ui.scenes.turn import layout as lay_mod
from game.ui.scenes.turn import text as T
from game.ui.scenes.turn.draft import TurnDraft
from game.ui.scenes.turn.strip import draw_strip, strip_rows
from game.ui.session import ECONOMY_SERIES, Session
from game.ui.widgets.base import TipArea
from game.ui.widgets.button import Button, label_width
from game.ui.widgets.card import ActionCard
from game.ui.widgets.charts import LineChart, Series, Threshold, styled_series
from game.ui.widgets.gauge import ScoreGauge


def action_cards(
    ctx: UIContext,
    session: Session,
    draft: TurnDraft,
    facts: FactsCache,
    rect: pygame.Rect,
    on_toggle: Callable[[str], None],
) -> list[ActionCard]:
    """One card per action: cost, forecast alone, chosen or not, and why it cannot be played
    (`TurnFacts.refusals`: read before any turn began, so a rebuild while one plays waits
    for nothing)."""
    tr, level = ctx.tr, session.level
    playable = facts.get(ctx, session, draft).refusals
    icons = {r.id: resource_icon(r.id, i, r.icon) for i, r in enumerate(level.resources)}
    names = {r.id: tr.pick(r.name) for r in level.resources}
    cards = []
    for a in level.actions:
        reason, chosen = playable.get(a.id), a.id in draft.chosen
        cards.append(
            ActionCard(
                ctx,
                pygame.Rect(0, rect.y, 200, rect.height),
                key=a.id,
                title=tr.pick(a.title),
                category=a.category,
                costs=dict(a.cost),
                resource_icons=icons,
                resource_names=names,
                text=tr.pick(a.text),
                forecast=draft.card_forecasts.get(a.id, {}),
                selected=chosen,
                affordable=chosen or reason is None,
                unaffordable_reason="" if reason is None else refusal_text(reason, level, tr),
                on_activate=on_toggle,
                score_names={k: SCORES[k] for k in SCORE_ORDER},
            )
        )
    return cards


def series_items(session: Session, mode: str, ctx: UIContext) -> list[tuple[str, str, list[float], str]]:
    """The chart's lines: the four scores and the committed minority (the supporters who also
    take part, which the 25 line is about), or the economy's shares in percent."""
    tr = ctx.tr
    if mode == "scores":
        scores = [(k, T.score_name(k, tr), session.score_history(k), k) for k in SCORE_ORDER]
        committed = [100 * v for v in session.metric_history("committed")]
        return [*scores, ("committed", tr.gettext("Committed"), committed, "flag")]
    return [
        (
            k,
            T.metric_label(k, session.level, tr),
            [100 * v for v in session.metric_history(k)],
            T.METRIC_ICONS[k],
        )
        for k in ECONOMY_SERIES
    ]


def movement_lines(mode: str, ctx: UIContext, series: Sequence[Series] = ()) -> list[Threshold]:
    """The participation thresholds on the scores charts, the turn screen's and the debrief's
    (game/sim/thresholds.py): 3.5 on the participation line (Chenoweth & Stephan 2011), 25
    on the committed minority's line, the lower of support and participation (Centola et al.
    2018). Each is drawn in the colour of the line it is about (`series`), with a short label
    for a narrow chart and a shorter one that still names it: never a bare "3.5" or "25",
    which says nothing to a player."""
    if mode != "scores":
        return []
    _ = ctx.tr.gettext
    colour = {s.key: s.colour for s in series}
    return [
        Threshold(
            100 * ACTIVE_SHARE,
            _("participation 3.5 (Chenoweth)"),
            colour.get("participation"),
            short=_("participation 3.5"),
            tiny=_("3.5 active"),
        ),
        Threshold(
            100 * COMMITTED_SHARE,
            _("committed 25 (Centola)"),
            colour.get("committed"),
            short=_("committed 25"),
            tiny=_("25 committed"),
        ),
    ]


def score_chart(
    ctx: UIContext, session: Session, mode: str, rect: pygame.Rect, titled: bool = True
) -> LineChart:
    level = session.level
    series = styled_series(series_items(session, mode, ctx), ctx.colours)
    return LineChart(
        ctx,
        rect,
        series,
        title=T.chart_title(mode, ctx.tr) if titled else "",
        y_range=(0, 100),
        thresholds=[Threshold(v, label) for v, label in T.goal_lines(level, mode, ctx.tr)]
        + movement_lines(mode, ctx, series),
        x_start=0,
        x_label=T.unit_name(level, ctx.tr),
        key="chart",
    )


def event_dialog(
    host: SceneHost, event: Any, session: Session, answered: str | None, on_choice: Callable[[str], None]
) -> Dialog:
    """The event with its choices and their costs; Esc keeps the answer given (or the first)."""
    tr, _ = host.ctx.tr, host.ctx._
    names = {r.id: tr.pick(r.name) for r in session.level.resources}
    choices = []
    for i, c in enumerate(session.sim.open_choices()):  # a choice whose `when` fails is not offered
        cost = ", ".join(f"{tr.num(v, 'g')} {names.get(k, k)}" for k, v in c.cost.items())
        detail = _("Cost: {costs}").format(costs=cost) if cost else _("No cost")
        choices.append(Choice(c.id, tr.pick(c.label), detail, "primary" if i == 0 else "normal"))
    return Dialog(
        host,
        tr.pick(event.title),
        tr.pick(event.text),
        choices,
        on_choice=on_choice,
        cancel=answered or event.choices[0].id,
        icon="event",
        icon_colour="link",
    )


def pause_dialog(host: SceneHost, session: Session) -> Dialog:
    """The turn screen's menu: resume, save a copy, glossary, settings, leave."""
    _ = host.ctx._

    def chose(key: str) -> None:
        if key == "save":
            slot = host.saves.next_free_slot()
            try:
                host.saves.write(slot, session.to_save())
                host.notify(_("Saved as “{slot}”.").format(slot=slot))
            except OSError as exc:
                host.notify(_("Saving failed: {reason}").format(reason=os_reason_text(exc, _)), 6)
        elif key == "glossary":
            host.open("glossary", levels=[session.level])
        elif key == "settings":
            host.open("settings")
        elif key == "leave":
            host.pop()

    body = _("Scenario code: {code}. The game saves itself at the end of every turn.")
    choices = [
        Choice("resume", _("Resume"), kind="primary"),
        Choice("save", _("Save a copy")),
        Choice("glossary", _("Glossary")),
        Choice("settings", _("Settings")),
        Choice("leave", _("Leave to the title screen"), kind="quiet"),
    ]
    return Dialog(
        host,
        _("Paused"),
        body.format(code=session.scenario_code),
        choices,
        on_choice=chose,
        cancel="resume",
        icon="hourglass",
    )


def layout_for(
    ctx: UIContext,
    size: tuple[int, int],
    tab: str,
    labels: list[tuple[str, str]],
    end_label: str,
    resources: Sequence[panels.ResourceLine] = (),
) -> lay_mod.TurnLayout:
    """The wide layout if the window has room at this scale, else the tabbed one (whose
    Actions tab gives the `resources` strip as many rows as their whole names need)."""
    sizes = ctx.space.turn
    menu_w = ctx.text.size(ctx._("Menu"), "body", True)[0] + sizes.button_label_pad
    if lay_mod.is_wide(size, sizes):
        return lay_mod.wide_layout(size, sizes, menu_w)
    end_w = label_width(ctx, end_label, "primary") + sizes.button_label_pad
    return lay_mod.narrow_layout(
        size,
        sizes,
        tab,
        labels,
        lambda s, font, bold: label_width(ctx, s),  # the tabs are buttons
        ctx.fonts.line_height,
        end_w,
        menu_w,
        strip_rows=max(1, len(strip_rows(ctx, resources, size[0] - 2 * sizes.narrow_pad))),
    )


TIP_MAY_TAKE = 0.4  # [D] the share of the window's height a gauge's whole tooltip may take


def add_gauges(scene: Any, session: Session, lay: Any) -> None:
    """The Scores gauges. Where no causes panel has room (a short window at 200%), a gauge's
    tooltip names its causes and Enter or a click opens them whole (the whole tooltip, with a
    card's reasons, was taller than the window), and a button under the gauges opens every
    score's causes (the space there stayed empty)."""
    ctx, host = scene.ctx, scene.app
    short = not lay.wide and lay.causes is None
    for gauge in score_gauges(ctx, session, lay.gauges, host, short, scene.size):
        scene.add(gauge)
    label, sz = ctx._("Why the scores moved"), ctx.space.turn
    rect = pygame.Rect(ctx.space.pad, lay.gauges[-1].bottom + ctx.space.pad, 0, sz.chart_button_h)
    rect.width = label_width(ctx, label) + sz.chart_button_label_pad
    room = pygame.Rect((0, 0), scene.size).inflate(-2 * ctx.space.pad, -2 * ctx.space.pad)
    if short and session.reports and room.contains(rect):
        text = T.causes_text(session.reports, session.level, ctx.tr).split("\n", 1)[-1]

        def why() -> None:
            host.push(why_dialog(host, "", text, label))

        scene.add(Button(ctx, host.manager, rect, label, why, key="why"))


def score_gauges(
    ctx: UIContext,
    session: Session,
    rects: list[pygame.Rect],
    host: SceneHost | None = None,
    short: bool = False,
    window: tuple[int, int] = (0, 0),
) -> list[ScoreGauge]:
    """The four score gauges, each with its change and why it moved (its tooltip). With a
    `host`, a gauge whose whole tooltip would take over TIP_MAY_TAKE of the `window`'s
    height, or every gauge when `short` (no causes panel), names its causes and Enter
    or a click opens them whole in a dialog: a long tooltip covered the forecast."""
    tr = ctx.tr
    scores, prev = session.scores(), session.previous_scores()
    gauges = []
    wide = min(ctx.space.popup.tooltip_max_w * 3 // 2, window[0] - 2 * ctx.space.inset)
    for key, rect in zip(SCORE_ORDER, rects, strict=True):
        whole = T.explain(session.reports, key, session.level, tr)
        lines = len(ctx.text.wrap(whole, "small", wide)) if whole else 0
        tall = lines * ctx.fonts.line_height("small") > TIP_MAY_TAKE * window[1]
        brief = (
            T.explain(session.reports, key, session.level, tr, brief=True)
            if host and (short or tall)
            else whole
        )

        def opener(k: str = key, text: str = whole or "") -> None:
            if host is not None:
                host.push(why_dialog(host, k, text))

        gauges.append(
            ScoreGauge(
                ctx,
                rect,
                key=key,
                label=T.score_name(key, tr),
                value=scores[key],
                previous=None if prev is None else prev[key],
                explain=brief,
                on_open=opener if brief != whole else None,
            )
        )
    return gauges


def why_dialog(host: SceneHost, score: str, text: str, title: str = "") -> Dialog:
    """Why a score (or, with `title`, every score) moved last turn, every cause whole (the
    dialog scrolls a long text)."""
    _ = host.ctx._
    title = title or _("Why {score} moved").format(score=T.score_name(score, host.ctx.tr).lower())
    choices = [Choice("close", _("Close"), kind="primary")]
    return Dialog(host, title, text, choices, cancel="close", icon=score or "info")


def resource_lines(
    ctx: UIContext, session: Session, draft: TurnDraft | None = None
) -> list[panels.ResourceLine]:
    """Each resource as the cards count it: what is left this turn after the event's answer
    and the chosen actions (with the income the next turn brings)."""
    tr = ctx.tr
    res = (
        session.resources()
        if draft is None or session.finished
        else session.budget(draft.chosen, draft.choices)
    )
    return [
        panels.ResourceLine(resource_icon(r.id, i, r.icon), tr.pick(r.name), res.get(r.id, 0), r.income)
        for i, r in enumerate(session.level.resources)
    ]


def turn_line(ctx: UIContext, s: Session) -> str:
    """ "Season 3 of 16", in the level's own word for its turns."""
    unit = T.unit_name(s.level, ctx.tr)
    return ctx._("{unit} {n} of {total}").format(unit=unit, n=min(s.turn, s.level.turns), total=s.level.turns)


@dataclass(frozen=True)
class TurnFacts:
    """What the turn screen draws from the game, read on the main thread while no turn is being
    played. A turn plays in a worker thread and the screen keeps drawing; frames drawn then use
    the facts read before, never the simulation, which the worker is changing (asking it for the
    turn's budget drew the next turn's random numbers early: the game then differed from its
    save's replay)."""

    title: str
    turn_line: str
    resources: list[panels.ResourceLine]
    metrics: dict[str, float]
    dangers: list[tuple[int, str]]
    refusals: dict[str, Refusal | None]  # why each action cannot be played (None: it can)
    start_resources: list[panels.ResourceLine]  # before the draft spends: the widest


def turn_facts(ctx: UIContext, s: Session, d: TurnDraft) -> TurnFacts:
    losses = s.reports[-1].warnings if s.reports else ()
    return TurnFacts(
        s.title(),
        turn_line(ctx, s),
        resource_lines(ctx, s, d),
        s.metrics(),
        [(w.turns_left, loss_warning_text(w, s.level, ctx.tr)) for w in losses],
        s.playable(d.chosen, d.choices),
        resource_lines(ctx, s),
    )


class FactsCache:
    """The screen's TurnFacts, read again when the draft, the turn or the language changed,
    but never while a worker plays the turn (`TurnDraft.busy`)."""

    def __init__(self) -> None:
        self.facts: TurnFacts | None = None
        self.key: tuple = ()

    def get(self, ctx: UIContext, s: Session, d: TurnDraft) -> TurnFacts:
        if self.facts is not None and d.busy:
            return self.facts
        key = (s.turn, tuple(d.chosen), tuple(sorted(d.choices.items())), ctx.tr)
        if self.facts is None or key != self.key:
            self.facts, self.key = turn_facts(ctx, s, d), key
        return self.facts


def plan_header(ctx: UIContext, facts: TurnFacts, lay: lay_mod.TurnLayout) -> header.HeaderPlan:
    """The header's parts left of its buttons (Menu, and End in the narrow layout)."""
    assert lay.menu is not None and lay.end is not None
    buttons = [r.x for r in (lay.menu, lay.end) if r.y < lay.header_h]
    limit = min(buttons) - ctx.space.turn_header.buttons_gap
    return header.plan_header(ctx, lay.header_h, facts.title, facts.turn_line, limit, facts.resources)


def tip_areas(
    ctx: UIContext, s: Session, facts: TurnFacts, setup: Any, lay: lay_mod.TurnLayout
) -> list[TipArea]:
    """Tooltips (mouse and Tab) with the whole text of what the screen draws shortened: the
    header's title and resources, the Actions tab's resource strip, the economy and elite."""
    out = [
        TipArea(ctx, rect, whole, key=f"header-tip:{i}")
        for i, (rect, whole) in enumerate(plan_header(ctx, facts, lay).tips)
    ]
    if lay.resource_strip is not None:
        whole = header.strip_words(ctx, facts.resources, lay.resource_strip.width)
        if whole:
            out.append(TipArea(ctx, lay.resource_strip, whole, key="resources-tip"))
    for name, panel in lay.panels.items():
        whole = panel_words(ctx, s, facts, setup, name)
        if whole:
            out.append(TipArea(ctx, panel, whole, key=f"panel-tip:{name}"))
    return out


def panel_words(ctx: UIContext, s: Session, facts: TurnFacts, setup: Any, name: str) -> str:
    """A panel's text whole, for its tooltip (the panel shortens it to its room)."""
    if name == "economy":
        return "\n".join(
            f"{label}: {value}" for _i, _c, label, value in panels.economy_rows(ctx, facts.metrics, s.level)
        )
    if name == "elite":
        odds = odds_text(setup.warning, s.level, ctx.tr, best_only=True) if setup.warning is not None else ""
        return panels.elite_words(ctx, setup.warning, facts.dangers, s.level, odds)
    return ""


def draw_turn(
    surface: pygame.Surface,
    ctx: UIContext,
    facts: TurnFacts,
    level: Any,
    d: TurnDraft,
    lay: lay_mod.TurnLayout,
    setup: Any,
    time: float,
) -> None:
    """Draw the header and the panels the layout shows (the widgets draw themselves), from
    `facts`: nothing here asks the simulation, which a worker may be changing."""
    resources = facts.resources
    plan = plan_header(ctx, facts, lay)
    header.draw_header(surface, ctx, lay.header_h, plan, facts.turn_line, resources)
    if "economy" in lay.panels:
        panels.draw_economy(surface, ctx, lay.panels["economy"], facts.metrics, level)
    if "elite" in lay.panels:
        odds = odds_text(setup.warning, level, ctx.tr, best_only=True) if setup.warning is not None else ""
        panels.draw_elite(surface, ctx, lay.panels["elite"], setup.warning, facts.dangers, level, odds)
    if "forecast" in lay.panels:
        ev = setup.event
        answer = None
        if ev is not None and ev.id in d.choices:
            answer = choice_label(ev.id, d.choices[ev.id], level, ctx.tr)
        panels.draw_forecast(surface, ctx, lay.panels["forecast"], answer, len(d.chosen), d.forecast)
    if lay.resource_strip is not None:
        r = lay.resource_strip
        draw_strip(surface, ctx, resources, r)
    if lay.forecast_strip is not None:
        panels.draw_forecast_strip(surface, ctx, lay.forecast_strip, bool(d.chosen), d.forecast)
    if d.busy:
        text = T.seasonal(level, N_("The season passes…"), N_("The year passes…"), ctx.tr)
        panels.draw_busy(surface, ctx, text, time)


def autosave_failed(exc: OSError, _: Any) -> str:
    """The notice when the autosave cannot be written, its reason in the player's language."""
    return _("Autosave failed: {reason}").format(reason=os_reason_text(exc, _))
