"""The turn screen: scores with words, charts over time, the economy at a glance, the elite's
warning, the news, and the hand of actions with a forecast before you commit.

Wide windows show everything at once; at large text sizes the same panels sit behind tabs
(Overview, Actions, Charts, News) so nothing is ever cut off.
"""

from __future__ import annotations

import pygame

from game.explain import (
    cause_text,
    choice_label,
    elite_move_text,
    event_title,
    loss_warning_text,
    refusal_text,
)
from game.i18n import N_
from game.sim.report import Cause, Refusal, TurnReport
from game.ui import palette
from game.ui.glossary import CORE
from game.ui.names import SCORE_ORDER, SCORES, TACTICS, resource_icon
from game.ui.scene import Scene
from game.ui.scenes.dialog import Choice, Dialog
from game.ui.session import ECONOMY_SERIES, Session
from game.ui.widgets.actionlist import ActionList
from game.ui.widgets.button import Button
from game.ui.widgets.card import ActionCard
from game.ui.widgets.charts import LineChart, Threshold, styled_series
from game.ui.widgets.gauge import ScoreGauge
from game.ui.widgets.hand import HandView
from game.ui.widgets.news import NewsFeed, NewsItem
from game.ui.widgets.panel import draw_panel, format_delta, triangle
from game.ui.widgets.textblock import ScrollText

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
INTENSITY = ((0.34, N_("mild")), (0.67, N_("strong")), (9.9, N_("severe")))


def intensity_word(x: float) -> str:
    for upper, word in INTENSITY:
        if x < upper:
            return word
    return INTENSITY[-1][1]


class TurnScene(Scene):
    name = "turn"
    initial_focus = "hand"

    def __init__(self, app, session: Session) -> None:
        super().__init__(app)
        self.session = session
        self.chosen: list[str] = []
        self.choices: dict[str, str] = {}
        self.tab = "actions"
        self.chart_mode = "scores"
        self.hand_index = 0
        self.busy = False
        self.forecast: dict[str, float] | None = None
        self.forecast_gen = 0
        self.cards_gen = 0
        self.card_forecasts: dict[str, dict[str, float]] = {}
        self.event_shown_for = 0
        self.news: list[NewsItem] = []
        self._news_upto = 0
        self.new_turn()

    # --- turn flow -------------------------------------------------------------------
    def new_turn(self) -> None:
        """Set up the turn to be played: event, warning, forecasts."""
        s = self.session
        self.chosen = []
        self.choices = {}
        self.forecast = None
        self.card_forecasts = {}
        self.setup = s.setup()
        self._collect_news()
        ids = [a.id for a in s.level.actions]
        self.forecast_gen += 1
        gen = self.cards_gen = self.cards_gen + 1
        self.app.workers.submit(
            s.forecast_each,
            ids,
            {},
            on_done=lambda r: self._card_forecasts(gen, r),
            on_error=lambda e: None,
        )

    def _card_forecasts(self, gen: int, result: dict) -> None:
        if gen == self.cards_gen:
            self.card_forecasts = result
            self._refresh_cards()

    def enter(self) -> None:
        super().enter()
        self._maybe_event()

    def resume(self) -> None:
        super().resume()
        self._maybe_event()

    def _maybe_event(self) -> None:
        ev = self.setup.event if not self.session.finished else None
        if ev is None or self.event_shown_for == self.session.turn:
            return
        self.event_shown_for = self.session.turn
        self.ctx.play_sound("event")
        self.open_event()

    def open_event(self) -> None:
        ev = self.setup.event
        if ev is None:
            return
        tr = self.ctx.tr
        _ = self._
        choices = []
        for i, c in enumerate(ev.choices):
            cost = ", ".join(f"{v:g} {self.resource_name(k)}" for k, v in c.cost.items())
            detail = _("Cost: {costs}").format(costs=cost) if cost else _("No cost")
            choices.append(Choice(c.id, tr.pick(c.label), detail, "primary" if i == 0 else "normal"))
        default = ev.choices[0].id

        def chose(key: str) -> None:
            self.choices[ev.id] = key
            self.request_forecast()

        self.app.push(
            Dialog(
                self.app,
                tr.pick(ev.title),
                tr.pick(ev.text),
                choices,
                on_choice=chose,
                cancel=self.choices.get(ev.id, default),
                icon="event",
                icon_colour=palette.LINK,
            )
        )

    def toggle(self, action_id: str) -> None:
        if self.busy or self.session.finished:
            return
        if action_id in self.chosen:
            self.chosen.remove(action_id)
        else:
            reason = self.session.playable(self.chosen).get(action_id)
            if reason is not None:
                self.app.notify(self.pretty_reason(reason), 5)
                return
            self.chosen.append(action_id)
        self.request_forecast()
        self._refresh_cards()

    def request_forecast(self) -> None:
        self.forecast = None
        gen = self.forecast_gen = self.forecast_gen + 1
        if not self.chosen:
            return
        self.app.workers.submit(
            self.session.forecast,
            list(self.chosen),
            dict(self.choices),
            on_done=lambda r: self._forecast_done(gen, r),
            on_error=lambda e: self._forecast_done(gen, None),
        )

    def _forecast_done(self, gen: int, result) -> None:
        if gen == self.forecast_gen:
            self.forecast = result

    def end_turn(self) -> None:
        if self.busy or self.session.finished:
            return
        ev = self.setup.event
        if ev is not None and ev.id not in self.choices:
            self.choices[ev.id] = ev.choices[0].id
        self.busy = True
        self.ctx.play_sound("turn_end")
        self.app.workers.submit(
            self.session.play,
            list(self.chosen),
            dict(self.choices),
            on_done=self._played,
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.app.notify(str(exc), 6)

    def _played(self, report) -> None:
        self.busy = False
        s = self.session
        gained = sum(report.deltas.values())
        self.ctx.play_sound("score_up" if gained >= 0 else "score_down")
        try:
            self.app.saves.autosave(s.to_save())
        except OSError as exc:
            self.app.notify(self._("Autosave failed: {reason}").format(reason=exc.strerror or exc), 6)
        if s.finished:
            self.ctx.play_sound("win" if s.sim.outcome == "won" else "lose")
            self.app.replace(self._make("debrief"))
            return
        if report.elite.warning is not None:
            self.ctx.play_sound("elite_warning")
        self.new_turn()
        self.refresh()
        if self.app.top is self:
            self._maybe_event()

    def _make(self, name: str) -> Scene:
        from game.ui.scenes import make_scene

        return make_scene(self.app, name, session=self.session)

    # --- text helpers ----------------------------------------------------------------
    def resource_name(self, rid: str) -> str:
        for r in self.session.level.resources:
            if r.id == rid:
                return self.ctx.tr.pick(r.name)
        return rid

    def resource_icons(self) -> dict[str, str]:
        return {r.id: resource_icon(r.id, i) for i, r in enumerate(self.session.level.resources)}

    def unit_n(self) -> str:
        """'Season {n}' or 'Year {n}', translated, for labels of past turns."""
        return self._("Season {n}") if self.session.level.turn_length == "season" else self._("Year {n}")

    def pretty_reason(self, refusal: Refusal) -> str:
        """The simulation's reason why an action cannot be played, in the player's words."""
        return refusal_text(refusal, self.session.level, self.ctx.tr)

    def score_name(self, key: str) -> str:
        return self._(SCORES.get(key, key))

    def cause_sentence(self, c: Cause, report: TurnReport) -> str:
        name = self.score_name(c.score)
        amount = format_delta(abs(c.delta), 1).lstrip("+")
        tmpl = (
            self._("{score} rose {amount}: {text}")
            if c.delta > 0
            else self._("{score} fell {amount}: {text}")
        )
        return tmpl.format(
            score=name, amount=amount, text=cause_text(c, report, self.session.level, self.ctx.tr)
        )

    def causes_text(self) -> str:
        """Why each score moved last turn, for the narrow layout's Scores tab."""
        lines = ["## " + self._("Why the scores moved")]
        any_cause = False
        for key in SCORE_ORDER:
            why = self.explain(key)
            if why:
                any_cause = True
                lines += [f"- {line}" for line in why.splitlines()]
        if not any_cause:
            lines.append(self._("Nothing has happened yet: choose actions and end the turn."))
        return "\n".join(lines)

    def explain(self, key: str) -> str | None:
        """The top causes of the last change of a score, for its gauge's tooltip."""
        if not self.session.reports:
            return None
        report = self.session.reports[-1]
        causes = report.causes_of(key, 0.05)
        return "\n".join(self.cause_sentence(c, report) for c in causes[:3]) or None

    def _collect_news(self) -> None:
        reports = self.session.reports
        for r in reports[self._news_upto :]:
            items: list[NewsItem] = []
            level, tr = self.session.level, self.ctx.tr
            for c in sorted(r.causes, key=lambda c: -abs(c.delta))[:3]:
                if abs(c.delta) >= 0.5:
                    items.append(
                        NewsItem(r.turn, "good" if c.delta > 0 else "bad", self.cause_sentence(c, r))
                    )
            for e in r.events:
                title, label = event_title(e.id, level, tr), choice_label(e.id, e.choice, level, tr)
                items.append(NewsItem(r.turn, "event", f"{title}: {label}"))
            for m in r.elite.moves:
                items.append(NewsItem(r.turn, "elite", elite_move_text(m, level, tr)))
            for w in r.warnings:
                items.append(NewsItem(r.turn, "bad", loss_warning_text(w, level, tr)))
            self.news = items + self.news
        self._news_upto = len(reports)

    # --- layout ----------------------------------------------------------------------
    @property
    def wide(self) -> bool:
        w, h = self.size
        return w >= self.px(1100) and h >= self.px(620)

    def build(self) -> None:
        self.header_h = self.px(64)
        self.panels: dict[str, pygame.Rect] = {}
        self.forecast_strip: pygame.Rect | None = None
        self.resource_strip: pygame.Rect | None = None
        if self.wide:
            self._build_wide()
        else:
            self._build_narrow()

    def _build_wide(self) -> None:
        ctx = self.ctx
        w, h = self.size
        pad = ctx.px(14)
        top = self.header_h + pad
        left_w, right_w = ctx.px(300), ctx.px(318)
        body_h = h - top - pad
        left = pygame.Rect(pad, top, left_w, body_h)
        right = pygame.Rect(w - right_w - pad, top, right_w, body_h)
        center = pygame.Rect(left.right + pad, top, right.left - left.right - 2 * pad, body_h)
        self.show = {"scores", "economy", "actions", "charts", "news"}
        gh, gap = ctx.px(62), ctx.px(8)
        self._add_gauges([pygame.Rect(left.x, left.y + i * (gh + gap), left.width, gh) for i in range(4)])
        y = left.y + 4 * (gh + gap)
        self.panels["economy"] = pygame.Rect(left.x, y, left.width, left.bottom - y)
        elite_h, fc_h = ctx.px(178), ctx.px(136)
        self.panels["elite"] = pygame.Rect(right.x, right.y, right.width, elite_h)
        self.panels["forecast"] = pygame.Rect(right.x, right.y + elite_h + pad, right.width, fc_h)
        hand_h = ctx.px(262)
        self._add_chart(pygame.Rect(center.x, center.y, center.width, center.height - hand_h - pad))
        self._add_hand(pygame.Rect(center.x, center.bottom - hand_h, center.width, hand_h))
        bh = ctx.px(50)
        end = pygame.Rect(right.x, right.bottom - bh, right.width, bh)
        plan = pygame.Rect(right.x, end.y - ctx.px(54), right.width, ctx.px(44))
        y0 = self.panels["forecast"].bottom + pad
        self._add_news(pygame.Rect(right.x, y0, right.width, plan.y - y0 - pad))
        self._add_planning(plan)
        self._add_end(end)
        self._add_menu()

    def _build_narrow(self) -> None:
        """Large text: the header holds End and Menu; the panels sit behind tabs."""
        ctx = self.ctx
        _ = self._
        w, h = self.size
        pad = ctx.px(12)
        top = self.header_h + pad
        tab_h = ctx.px(46)
        x = pad
        for k, label in TABS:  # the tabs flow onto a second row if the words are long
            text = _(label)
            bw = ctx.text.size(text, "body", True)[0] + ctx.px(32)
            if x > pad and x + bw > w - pad:
                x, top = pad, top + tab_h + ctx.px(8)
            self.add(
                Button(
                    ctx,
                    self.app.manager,
                    pygame.Rect(x, top, bw, tab_h),
                    text,
                    self._tab(k),
                    kind="primary" if self.tab == k else "normal",
                    key=f"tab:{k}",
                )
            )
            x += bw + ctx.px(8)
        top += tab_h + pad
        full = pygame.Rect(pad, top, w - 2 * pad, h - top - pad)
        self.show = {self.tab}
        if self.tab == "scores":
            gw, gh = (full.width - pad) // 2, ctx.px(62)
            rects = [
                pygame.Rect(full.x + (i % 2) * (gw + pad), full.y + (i // 2) * (gh + pad), gw, gh)
                for i in range(4)
            ]
            self._add_gauges(rects)
            y = rects[-1].bottom + pad
            if full.bottom - y > ctx.fonts.line_height("body") * 2 + ctx.px(28):
                self.add(
                    ScrollText(
                        ctx,
                        pygame.Rect(full.x, y, full.width, full.bottom - y),
                        self.causes_text(),
                        key="causes",
                    )
                )
        elif self.tab == "economy":
            half = (full.width - pad) // 2
            self.panels["economy"] = pygame.Rect(full.x, full.y, half, full.height)
            self.panels["elite"] = pygame.Rect(
                full.x + half + pad, full.y, full.width - half - pad, full.height
            )
        elif self.tab == "actions":
            sl = ctx.fonts.line_height("small", True)
            self.resource_strip = pygame.Rect(full.x, full.y, full.width, sl + ctx.px(8))
            self.forecast_strip = pygame.Rect(
                full.x, full.bottom - sl - ctx.px(12), full.width, sl + ctx.px(12)
            )
            hand_top = self.resource_strip.bottom + ctx.px(6)
            self._add_hand(
                pygame.Rect(full.x, hand_top, full.width, self.forecast_strip.y - hand_top - ctx.px(6))
            )
        elif self.tab == "charts":
            self._add_chart(full, with_planning=True)
        elif self.tab == "news":
            self._add_news(full)
        # End and Menu in the header, right aligned
        mw = ctx.text.size(_("Menu"), "body", True)[0] + ctx.px(40)
        label = self._end_label()
        ew = ctx.text.size(label, "body", True)[0] + ctx.px(40)
        self._add_end(pygame.Rect(w - pad - mw - ctx.px(10) - ew, ctx.px(9), ew, ctx.px(46)))
        self._add_menu()

    def _end_label(self) -> str:
        return (
            self._("End the season") if self.session.level.turn_length == "season" else self._("End the year")
        )

    def _add_gauges(self, rects: list[pygame.Rect]) -> None:
        scores, prev = self.session.scores(), self.session.previous_scores()
        for key, rect in zip(SCORE_ORDER, rects, strict=True):
            self.add(
                ScoreGauge(
                    self.ctx,
                    rect,
                    key=key,
                    label=self.score_name(key),
                    value=scores[key],
                    previous=None if prev is None else prev[key],
                    explain=self.explain(key),
                )
            )

    def _add_chart(self, rect: pygame.Rect, with_planning: bool = False) -> None:
        ctx = self.ctx
        _ = self._
        s = self.session
        self.chart = LineChart(
            ctx,
            rect,
            self._series(),
            title=self._chart_title(),
            y_range=(0, 100),
            thresholds=self._thresholds(),
            x_start=0,
            x_label=_("Season") if s.level.turn_length == "season" else _("Year"),
            key="chart",
        )
        self.add(self.chart)
        label = _("Show the economy") if self.chart_mode == "scores" else _("Show the scores")
        bw = ctx.text.size(label, "small", True)[0] + ctx.px(40)
        toggle = pygame.Rect(rect.right - bw - ctx.px(8), rect.y + ctx.px(6), bw, ctx.px(36))
        self.add(
            Button(
                ctx,
                self.app.manager,
                toggle,
                label,
                self.toggle_chart,
                kind="quiet",
                key="chart-mode",
            )
        )
        if with_planning:
            label = _("Planning rounds")
            pw = ctx.text.size(label, "small", True)[0] + ctx.px(40)
            self._add_planning(pygame.Rect(toggle.x - pw - ctx.px(8), toggle.y, pw, toggle.height))

    def _add_hand(self, rect: pygame.Rect) -> None:
        if self.wide:
            self.hand = HandView(
                self.ctx, rect, self._cards(rect), on_toggle=self.toggle, index=self.hand_index
            )
        else:
            self.hand = ActionList(
                self.ctx, rect, self._cards(rect), on_toggle=self.toggle, index=self.hand_index
            )
        self.add(self.hand)

    def _add_news(self, rect: pygame.Rect) -> None:
        if rect.height > self.px(60):
            self.add(NewsFeed(self.ctx, rect, self.news, key="news", turn_word=self.unit_n()))

    def _add_planning(self, rect: pygame.Rect) -> None:
        self.add(
            Button(
                self.ctx,
                self.app.manager,
                rect,
                self._("Planning rounds"),
                self.open_planning,
                key="planning",
                tooltip=self._("Watch this season's participatory planning, round by round"),
            )
        )

    def _add_end(self, rect: pygame.Rect) -> None:
        self.add(
            Button(
                self.ctx,
                self.app.manager,
                rect,
                self._end_label(),
                self.end_turn,
                kind="primary",
                key="end",
                enabled=not self.busy,
            )
        )

    def _add_menu(self) -> None:
        """Last in the focus order: the hand is focused first."""
        ctx = self.ctx
        w = self.size[0]
        mw = ctx.text.size(self._("Menu"), "body", True)[0] + ctx.px(40)
        self.add(
            Button(
                ctx,
                self.app.manager,
                pygame.Rect(w - mw - ctx.px(12), ctx.px(9), mw, ctx.px(46)),
                self._("Menu"),
                self.open_menu,
                kind="quiet",
                key="menu",
                tooltip=self._("Save, glossary, settings (Esc)"),
            )
        )

    def _tab(self, key: str):
        def go() -> None:
            self.tab = key
            self.refresh()

        return go

    def _chart_title(self) -> str:
        return (
            self._("Scores over time") if self.chart_mode == "scores" else self._("The economy over time (%)")
        )

    def _series(self):
        s = self.session
        if self.chart_mode == "scores":
            items = [(k, self.score_name(k), s.score_history(k), k) for k in SCORE_ORDER]
        else:
            items = [
                (
                    k,
                    self._(METRIC_NAMES[k]),
                    [100 * v for v in s.metric_history(k)],
                    METRIC_ICONS[k],
                )
                for k in ECONOMY_SERIES
            ]
        return styled_series(items)

    def _thresholds(self) -> list[Threshold]:
        """Goal lines from the level's win condition, where it names a score or a share."""
        out = []
        for cond in _leaves(self.session.level.goals.win):
            if cond.metric is None or cond.value is None:
                continue
            if self.chart_mode == "scores" and cond.metric in SCORE_ORDER:
                out.append(
                    Threshold(
                        float(cond.value),
                        self._("Goal: {name} {op} {value:g}").format(
                            name=self.score_name(cond.metric), op=cond.op, value=cond.value
                        ),
                    )
                )
            if self.chart_mode == "economy" and cond.metric in ECONOMY_SERIES:
                out.append(
                    Threshold(
                        100 * float(cond.value),
                        self._("Goal: {name} {op} {value:g}%").format(
                            name=self._(METRIC_NAMES[cond.metric]),
                            op=cond.op,
                            value=100 * cond.value,
                        ),
                    )
                )
        return out

    def toggle_chart(self) -> None:
        self.chart_mode = "economy" if self.chart_mode == "scores" else "scores"
        self.refresh()

    def _cards(self, rect: pygame.Rect) -> list[ActionCard]:
        tr = self.ctx.tr
        playable = self.session.playable(self.chosen)
        cards = []
        for a in self.session.level.actions:
            reason = playable.get(a.id)
            chosen = a.id in self.chosen
            cards.append(
                ActionCard(
                    self.ctx,
                    pygame.Rect(0, rect.y, 200, rect.height),
                    key=a.id,
                    title=tr.pick(a.title),
                    category=a.category,
                    costs=dict(a.cost),
                    resource_icons=self.resource_icons(),
                    resource_names={r.id: tr.pick(r.name) for r in self.session.level.resources},
                    text=tr.pick(a.text),
                    forecast=self.card_forecasts.get(a.id, {}),
                    selected=chosen,
                    affordable=chosen or reason is None,
                    unaffordable_reason="" if reason is None else self.pretty_reason(reason),
                    on_activate=self.toggle,
                    score_names={k: SCORES[k] for k in SCORE_ORDER},
                )
            )
        return cards

    def _refresh_cards(self) -> None:
        if "actions" in getattr(self, "show", set()) and hasattr(self, "hand"):
            self.hand_index = self.hand.index
            self.refresh()

    def refresh(self) -> None:
        """Rebuild now if this screen is on top; otherwise `resume` will."""
        if self.app.top is self:
            self.rebuild()

    def open_planning(self) -> None:
        self.app.push(self._make("planning"))

    def open_menu(self) -> None:
        _ = self._

        def chose(key: str) -> None:
            if key == "save":
                slot = self.app.saves.next_free_slot()
                try:
                    self.app.saves.write(slot, self.session.to_save())
                    self.app.notify(_("Saved as “{slot}”.").format(slot=slot))
                except OSError as exc:
                    self.app.notify(_("Saving failed: {reason}").format(reason=exc.strerror or exc), 6)
            elif key == "glossary":
                self.app.open("glossary", levels=[self.session.level])
            elif key == "settings":
                self.app.open("settings")
            elif key == "leave":
                self.app.pop()

        self.app.push(
            Dialog(
                self.app,
                _("Paused"),
                _("Scenario code: {code}. The game saves itself at the end of every turn.").format(
                    code=self.session.scenario_code
                ),
                [
                    Choice("resume", _("Resume"), kind="primary"),
                    Choice("save", _("Save a copy")),
                    Choice("glossary", _("Glossary")),
                    Choice("settings", _("Settings")),
                    Choice("leave", _("Leave to the title screen"), kind="quiet"),
                ],
                on_choice=chose,
                cancel="resume",
                icon="hourglass",
            )
        )

    def back(self) -> None:
        self.open_menu()

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_g:
            self.app.open("glossary", levels=[self.session.level])
            return True
        if event.key == pygame.K_p:
            self.open_planning()
            return True
        return False

    # --- drawing ---------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        self._draw_header(surface)
        if "economy" in self.panels:
            self._draw_economy(surface, self.panels["economy"])
        if "elite" in self.panels:
            self._draw_elite(surface, self.panels["elite"])
        if "forecast" in self.panels:
            self._draw_forecast(surface, self.panels["forecast"])
        if self.resource_strip is not None:
            self._draw_resources(
                surface,
                self.resource_strip.x,
                self.resource_strip.right,
                self.resource_strip.y,
                compact=True,
            )
        if self.forecast_strip is not None:
            self._draw_forecast_strip(surface, self.forecast_strip)
        if self.busy:
            self._draw_busy(surface)

    def _draw_header(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        _ = self._
        s = self.session
        w = surface.get_width()
        pygame.draw.rect(surface, palette.BG_DEEP, (0, 0, w, self.header_h))
        pygame.draw.line(
            surface,
            palette.ACCENT,
            (0, self.header_h - 1),
            (w, self.header_h - 1),
            max(2, ctx.px(2)),
        )
        x = ctx.px(16)
        buttons = [wd.rect.x for wd in self.widgets if wd.rect.y < self.header_h]
        limit = min(buttons, default=w) - ctx.px(16)
        title = ctx.text.fit(s.title(), "large", min(ctx.px(330), limit - x), True)
        ctx.text.draw(surface, title, (x, ctx.px(6)), "large", palette.TEXT, True)
        unit = _("Season") if s.level.turn_length == "season" else _("Year")
        turn = min(s.turn, s.level.turns)
        ctx.text.draw(
            surface,
            _("{unit} {n} of {total}").format(unit=unit, n=turn, total=s.level.turns),
            (x, ctx.px(6) + ctx.fonts.line_height("large", True) - ctx.px(4)),
            "small",
            palette.TEXT_DIM,
        )
        # resources: icon, value, income (left of the header's buttons)
        self._draw_resources(surface, max(x + ctx.px(330) + ctx.px(24), ctx.px(360)), limit, ctx.px(5))

    def _draw_resources(
        self, surface: pygame.Surface, x: int, limit: int, y: int, compact: bool = False
    ) -> None:
        """Each resource: icon, amount and income per turn; with its name above unless compact."""
        ctx = self.ctx
        s = self.session
        res = s.resources()
        names_fit = True
        if compact:  # names only if every resource fits with its name
            total = sum(
                ctx.text.size(f"{res.get(r.id, 0):g} +{r.income:g}", "body", True)[0]
                + ctx.px(66)
                + ctx.text.size(ctx.tr.pick(r.name), "small")[0]
                for r in s.level.resources
            )
            names_fit = x + total <= limit
        for r in s.level.resources:
            icon = self.resource_icons()[r.id]
            value = f"{res.get(r.id, 0):g}"
            inc = f"+{r.income:g}"
            name = ctx.text.fit(ctx.tr.pick(r.name), "small", ctx.px(170))
            amount_w = ctx.text.size(value + " " + inc, "body", True)[0] + ctx.px(30)
            if compact:
                wd = amount_w + ctx.text.size(name, "small")[0] + ctx.px(8)
                if not names_fit:
                    name, wd = "", amount_w
            else:
                wd = max(ctx.text.size(name, "small")[0], amount_w)
            if x + wd > limit:
                break
            if compact:
                sl = ctx.fonts.line_height("small", True)
                ctx.icons.draw(
                    surface,
                    icon,
                    (x + ctx.px(11), y + sl // 2 + ctx.px(4)),
                    ctx.px(22),
                    palette.ACCENT,
                )
                rect = ctx.text.draw(
                    surface, value, (x + ctx.px(28), y + ctx.px(4)), "small", palette.TEXT, True
                )
                rect = ctx.text.draw(
                    surface, inc, (rect.right + ctx.px(4), y + ctx.px(4)), "small", palette.GOOD
                )
                ctx.text.draw(
                    surface,
                    name,
                    (rect.right + ctx.px(8), y + ctx.px(4)),
                    "small",
                    palette.TEXT_DIM,
                )
            else:
                ctx.icons.draw(surface, icon, (x + ctx.px(11), y + ctx.px(35)), ctx.px(22), palette.ACCENT)
                ctx.text.draw(surface, name, (x, y), "small", palette.TEXT_DIM)
                rect = ctx.text.draw(
                    surface, value, (x + ctx.px(28), y + ctx.px(22)), "body", palette.TEXT, True
                )
                ctx.text.draw(surface, inc, (rect.right + ctx.px(6), y + ctx.px(25)), "small", palette.GOOD)
            x += wd + ctx.px(28)

    def _draw_forecast_strip(self, surface: pygame.Surface, r: pygame.Rect) -> None:
        """The forecast in one line (narrow layout): icon, arrow and change per score."""
        ctx = self.ctx
        pygame.draw.rect(surface, palette.BG_DEEP, r, border_radius=ctx.px(8))
        x = r.x + ctx.px(12)
        if not self.chosen or self.forecast is None:
            text = (
                self._("Choose actions from your hand to see what they would change this turn.")
                if not self.chosen
                else self._("Working out the forecast…")
            )
            ctx.text.draw(
                surface,
                ctx.text.fit(text, "small", r.width - ctx.px(24)),
                (x, r.centery),
                "small",
                palette.TEXT_DIM,
                anchor="midleft",
            )
            return
        rect = ctx.text.draw(
            surface, self._("Forecast"), (x, r.centery), "small", palette.ACCENT, True, "midleft"
        )
        x = rect.right + ctx.px(16)
        for key in SCORE_ORDER:
            d = self.forecast.get(key, 0.0)
            shown = format_delta(d, 1)
            ctx.icons.draw(surface, key, (x + ctx.px(10), r.centery), ctx.px(20), palette.SCORE_COLOURS[key])
            x += ctx.px(24)
            if shown != "0":
                colour = palette.GOOD if d > 0 else palette.BAD
                triangle(
                    surface,
                    (x + ctx.px(5), r.centery),
                    ctx.px(10),
                    "up" if d > 0 else "down",
                    colour,
                )
                x += ctx.px(13)
            rect = ctx.text.draw(surface, shown, (x, r.centery), "small", palette.TEXT, True, "midleft")
            x = rect.right + ctx.px(18)

    def _draw_economy(self, surface: pygame.Surface, r: pygame.Rect) -> None:
        ctx = self.ctx
        _ = self._
        if r.height < ctx.px(90):
            return
        inner = draw_panel(surface, ctx, r, title=_("Economy at a glance"), icon="council")
        m = self.session.metrics()
        parts = [
            ("firm_share", "firm"),
            ("coop_share", "coop"),
            ("council_share", "council"),
            ("unemployment", None),
        ]
        bar = pygame.Rect(inner.x, inner.y, inner.width, ctx.px(16))
        x = bar.x
        colours = {
            "firm_share": palette.SEGMENT_COLOURS["firm"],
            "coop_share": palette.SEGMENT_COLOURS["coop"],
            "council_share": palette.SEGMENT_COLOURS["council"],
            "unemployment": palette.DISABLED,
        }
        for key, _seg in parts:
            seg_w = round(bar.width * max(0.0, m.get(key, 0.0)))
            if seg_w > 0:
                pygame.draw.rect(surface, colours[key], (x, bar.y, seg_w, bar.height))
                pygame.draw.line(surface, palette.PANEL, (x, bar.y), (x, bar.bottom - 1), max(1, ctx.px(2)))
            x += seg_w
        y = bar.bottom + ctx.px(6)
        sl = ctx.fonts.line_height("small")
        rows = [
            (METRIC_ICONS[k], colours[k], self._(METRIC_NAMES[k]), f"{100 * m.get(k, 0):.0f}%")
            for k, _s in parts
        ]
        rows.append(
            (
                "check",
                palette.GOOD,
                self._(METRIC_NAMES["needs_met"]),
                f"{100 * m.get('needs_met', 0):.0f}%",
            )
        )
        rows.append(
            (
                "counter_revolution",
                palette.ELITE,
                _("Elite power"),
                f"{m.get('elite_power', 0):.2f}",
            )
        )
        for icon, colour, label, value in rows:
            if y + sl > inner.bottom + ctx.px(6):
                break
            ctx.icons.draw(surface, icon, (inner.x + ctx.px(9), y + sl // 2), ctx.px(18), colour)
            ctx.text.draw(
                surface,
                ctx.text.fit(
                    label,
                    "small",
                    inner.width - ctx.px(34) - ctx.text.size(value, "small", True)[0],
                ),
                (inner.x + ctx.px(26), y),
                "small",
                palette.TEXT,
            )
            ctx.text.draw(surface, value, (inner.right, y), "small", palette.TEXT, True, "topright")
            y += sl

    def _draw_elite(self, surface: pygame.Surface, r: pygame.Rect) -> None:
        ctx = self.ctx
        _ = self._
        warn = self.setup.warning
        losses = self.session.reports[-1].warnings if self.session.reports else []
        edge = palette.ELITE if (warn or losses) else palette.PANEL_EDGE
        inner = draw_panel(
            surface,
            ctx,
            r,
            title=_("The elite"),
            icon="counter_revolution",
            accent=palette.ELITE,
            edge=edge,
        )
        y = inner.y
        sl = ctx.fonts.line_height("small")
        if warn is not None:
            tactic = getattr(warn, "tactic", "")
            icon = tactic if ctx.icons.exists(tactic) else "warning"
            ctx.icons.draw(surface, icon, (inner.x + ctx.px(14), y + ctx.px(14)), ctx.px(28), palette.ELITE)
            head = _("Next turn: {tactic} ({strength})").format(
                tactic=self._(TACTICS.get(tactic, tactic)),
                strength=self._(intensity_word(getattr(warn, "intensity", 0))),
            )
            used = ctx.text.draw_wrapped(
                surface,
                head,
                pygame.Rect(inner.x + ctx.px(34), y, inner.width - ctx.px(34), sl * 2),
                "small",
                palette.TEXT,
                True,
                max_lines=2,
            )
            y += max(used, ctx.px(30)) + ctx.px(2)
            about = self._(CORE[tactic][1]) if tactic in CORE else ""
            if about:
                y += ctx.text.draw_wrapped(
                    surface,
                    about,
                    pygame.Rect(inner.x, y, inner.width, inner.bottom - y),
                    "small",
                    palette.TEXT_DIM,
                    max_lines=max(1, (inner.bottom - y) // sl - len(losses)),
                )
        else:
            y += ctx.text.draw_wrapped(
                surface,
                _("No move announced. The elite warns a turn before it acts."),
                pygame.Rect(inner.x, y, inner.width, inner.bottom - y),
                "small",
                palette.TEXT_DIM,
                max_lines=2,
            )
        for w in losses:
            if y + sl > inner.bottom + ctx.px(4):
                break
            ctx.icons.draw(surface, "warning", (inner.x + ctx.px(9), y + sl // 2), ctx.px(18), palette.WARN)
            n = w.turns_left
            text = ctx.tr.ngettext("{n} turn to fix: {text}", "{n} turns to fix: {text}", n).format(
                n=n, text=loss_warning_text(w, self.session.level, ctx.tr)
            )
            y += ctx.text.draw_wrapped(
                surface,
                text,
                pygame.Rect(inner.x + ctx.px(24), y, inner.width - ctx.px(24), inner.bottom - y),
                "small",
                palette.WARN,
                True,
                max_lines=2,
            )

    def _draw_forecast(self, surface: pygame.Surface, r: pygame.Rect) -> None:
        ctx = self.ctx
        _ = self._
        inner = draw_panel(surface, ctx, r, title=_("Forecast"), icon="hourglass")
        sl = ctx.fonts.line_height("small")
        y = inner.y
        ev = self.setup.event
        if ev is not None and ev.id in self.choices:
            label = next((ctx.tr.pick(c.label) for c in ev.choices if c.id == self.choices[ev.id]), "")
            ctx.text.draw(
                surface,
                ctx.text.fit(_("Your answer: {label}").format(label=label), "small", inner.width),
                (inner.x, y),
                "small",
                palette.LINK,
            )
            y += sl
        if not self.chosen:
            ctx.text.draw_wrapped(
                surface,
                _("Choose actions from your hand to see what they would change this turn."),
                pygame.Rect(inner.x, y, inner.width, inner.bottom - y),
                "small",
                palette.TEXT_DIM,
            )
            return
        n = len(self.chosen)
        ctx.text.draw(
            surface,
            ctx.text.fit(
                ctx.tr.ngettext("With {n} action chosen:", "With {n} actions chosen:", n).format(n=n),
                "small",
                inner.width,
            ),
            (inner.x, y),
            "small",
            palette.TEXT,
        )
        y += sl + ctx.px(2)
        if self.forecast is None:
            ctx.text.draw(surface, _("Working out the forecast…"), (inner.x, y), "small", palette.TEXT_DIM)
            return
        col_w = inner.width // 2
        for i, key in enumerate(SCORE_ORDER):
            cx = inner.x + (i % 2) * col_w
            cy = y + (i // 2) * (sl + ctx.px(2))
            d = self.forecast.get(key, 0.0)
            ctx.icons.draw(
                surface, key, (cx + ctx.px(9), cy + sl // 2), ctx.px(18), palette.SCORE_COLOURS[key]
            )
            shown = format_delta(d, 1)
            colour = (
                palette.GOOD
                if shown.startswith("+")
                else palette.BAD
                if shown.startswith("\u2212")
                else palette.TEXT_DIM
            )
            x = cx + ctx.px(22)
            if shown != "0":
                triangle(
                    surface,
                    (x + ctx.px(5), cy + sl // 2),
                    ctx.px(10),
                    "up" if d > 0 else "down",
                    colour,
                )
                x += ctx.px(13)
            rect = ctx.text.draw(surface, shown, (x, cy), "small", palette.TEXT, True)
            room = cx + col_w - rect.right - ctx.px(10)
            if ctx.text.size(self.score_name(key), "small")[0] <= room:  # else the icon says it
                ctx.text.draw(
                    surface,
                    self.score_name(key),
                    (rect.right + ctx.px(5), cy),
                    "small",
                    palette.TEXT_DIM,
                )

    def _draw_busy(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((*palette.BG_DEEP, 150))
        surface.blit(shade, (0, 0))
        text = (
            self._("The season passes…")
            if self.session.level.turn_length == "season"
            else self._("The year passes…")
        )
        rect = ctx.text.draw(
            surface,
            text,
            (surface.get_width() // 2, surface.get_height() // 2),
            "heading",
            palette.TEXT,
            True,
            "center",
        )
        if not ctx.reduced_motion:
            k = int(self.time * 8) % 8
            for i in range(8):
                import math

                a = i / 8 * math.tau
                c = (
                    rect.centerx + round(math.cos(a) * ctx.px(18)),
                    rect.bottom + ctx.px(30) + round(math.sin(a) * ctx.px(18)),
                )
                pygame.draw.circle(surface, palette.ACCENT if i == k else palette.PANEL_EDGE, c, ctx.px(4))


def _leaves(cond) -> list:
    if cond is None:
        return []
    if getattr(cond, "all", None):
        return [x for c in cond.all for x in _leaves(c)]
    if getattr(cond, "any", None):
        return [x for c in cond.any for x in _leaves(c)]
    return [cond]
