"""The turn screen's input and lifecycle: it keeps a `TurnDraft`, sends forecasts and the turn
to worker threads, adds the widgets where `layout` puts them and draws the panels of `panels`.
Words come from `text`; nothing here computes economics or parses prose.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.explain import refusal_text
from game.sim.report import Refusal
from game.ui.host import SceneHost
from game.ui.scene import Scene
from game.ui.scenes.turn import layout as lay_mod
from game.ui.scenes.turn import parts
from game.ui.scenes.turn import text as T
from game.ui.scenes.turn.draft import TurnDraft
from game.ui.session import Session
from game.ui.widgets.actionlist import ActionList
from game.ui.widgets.button import Button, label_width
from game.ui.widgets.card import ActionCard
from game.ui.widgets.hand import HandView
from game.ui.widgets.news import NewsFeed, NewsItem
from game.ui.widgets.textblock import ScrollText


class TurnScene(Scene):
    name = "turn"
    initial_focus = "hand"

    def __init__(self, app: SceneHost, session: Session) -> None:
        super().__init__(app)
        self.session = session
        self.draft = TurnDraft()
        self.tab = "actions"
        self.chart_mode = "scores"
        self.hand_index = 0
        self.hand: HandView | ActionList | None = None
        self.layout: lay_mod.TurnLayout | None = None
        self.news: list[NewsItem] = []
        self._news_upto = 0
        self.facts = parts.FactsCache()
        self.new_turn()

    # --- turn flow -------------------------------------------------------------------
    def new_turn(self) -> None:
        """Set up the turn to be played: event, warning, forecasts."""
        s = self.session
        self.draft.reset()
        self.setup = s.setup()
        self._collect_news()
        gen = self.draft.request_cards()
        self.app.workers.submit(
            s.forecast_each,
            [a.id for a in s.level.actions],
            {},
            on_done=lambda r: self._cards_done(gen, r),
            on_error=lambda e: None,
        )

    def enter(self) -> None:
        super().enter()
        self._maybe_event()

    def resume(self) -> None:
        super().resume()
        self._maybe_event()

    def _maybe_event(self) -> None:
        ev = self.setup.event if not self.session.finished else None
        if self.draft.event_due(self.session.turn, ev is not None):
            self.ctx.play_sound("event")
            self.open_event()

    def open_event(self) -> None:
        ev = self.setup.event
        if ev is None:
            return

        def chose(key: str) -> None:
            self.draft.answer(ev.id, key)
            self.request_forecast()

        answered = self.draft.choices.get(ev.id)
        self.app.push(parts.event_dialog(self.app, ev, self.session, answered, chose))

    def toggle(self, action_id: str) -> None:
        if not self.draft.can_change(self.session.finished):
            return
        refusal = (
            None
            if action_id in self.draft.chosen
            else self.session.playable(self.draft.chosen, self.draft.choices)[action_id]
        )
        if not self.draft.toggle(action_id, refusal):
            if refusal is not None:
                self.app.notify(self.pretty_reason(refusal), 5)
            return
        self.request_forecast()
        self._refresh_cards()

    def request_forecast(self) -> None:
        gen = self.draft.request_forecast()
        if gen is None:
            return
        self.app.workers.submit(
            self.session.forecast,
            list(self.draft.chosen),
            dict(self.draft.choices),
            on_done=lambda r: self.draft.forecast_done(gen, r),
            on_error=lambda e: self.draft.forecast_done(gen, None),
        )

    def end_turn(self) -> None:
        ev = self.setup.event
        if not self.draft.can_change(self.session.finished):
            return
        if ev is not None:
            self.draft.answer_or_default(ev.id, ev.choices[0].id)
        self.draft.start_playing(self.session.finished)
        self.ctx.play_sound("turn_end")
        d = self.draft
        self.app.workers.submit(
            self.session.play, list(d.chosen), dict(d.choices), on_done=self._played, on_error=self._failed
        )

    def _failed(self, exc: BaseException) -> None:
        self.draft.played()
        self.app.notify(str(exc), 6)

    def _played(self, report: Any) -> None:
        self.draft.played()
        s = self.session
        self.ctx.play_sound("score_up" if sum(report.deltas.values()) >= 0 else "score_down")
        try:
            self.app.saves.autosave(s.to_save())
        except OSError as exc:
            self.app.notify(parts.autosave_failed(exc, self._), 6)
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

    # --- words -----------------------------------------------------------------------
    def pretty_reason(self, refusal: Refusal) -> str:
        """The simulation's reason why an action cannot be played, in the player's words."""
        return refusal_text(refusal, self.session.level, self.ctx.tr)

    def _collect_news(self) -> None:
        reports = self.session.reports
        for r in reports[self._news_upto :]:
            entries = T.news_of(r, self.session.level, self.ctx.tr)
            self.news = [NewsItem(e.turn, e.kind, e.text) for e in entries] + self.news
        self._news_upto = len(reports)

    # --- layout ----------------------------------------------------------------------
    def keep_clear(self) -> list[pygame.Rect]:
        """The forecast stays in view while a card's tooltip is open (they are compared)."""
        lay = getattr(self, "layout", None)
        return [r for r in (lay.panels.get("forecast"), lay.forecast_strip) if r] if lay else []

    def build(self) -> None:
        ctx, _, level = self.ctx, self._, self.session.level
        labels = [(k, _(label)) for k, label in T.TABS]
        facts = self.facts.get(ctx, self.session, self.draft)  # never the simulation mid-turn
        end_label = T.end_label(level, ctx.tr)
        lay = parts.layout_for(ctx, self.size, self.tab, labels, end_label, facts.start_resources)
        self.layout = lay
        names = dict(labels)
        for key, rect in lay.tabs:
            kind = "primary" if self.tab == key else "normal"
            self._button(rect, names[key], self._tab(key), kind, f"tab:{key}")
        if lay.gauges:
            parts.add_gauges(self, self.session, lay)
        if lay.causes is not None:
            text = T.causes_text(self.session.reports, level, ctx.tr)
            self.add(ScrollText(ctx, lay.causes, text, key="causes"))
        if lay.chart is not None:
            self._add_chart(lay.chart, with_planning=lay.chart_planning)
        if lay.hand is not None:
            cls = HandView if lay.wide else ActionList
            self.hand = cls(
                ctx, lay.hand, self._cards(lay.hand), on_toggle=self.toggle, index=self.hand_index
            )
            self.add(self.hand)
        if lay.news is not None and lay.news.height > ctx.space.turn.news_min_h:
            self.add(NewsFeed(ctx, lay.news, self.news, key="news", turn_word=T.unit_n(level, ctx.tr)))
        if lay.planning is not None:
            self._add_planning(lay.planning)
        assert lay.end is not None and lay.menu is not None
        self._button(lay.end, end_label, self.end_turn, "primary", "end", enabled=not self.draft.busy)
        tip = _("Save, glossary, settings (Esc)")
        self._button(lay.menu, _("Menu"), self.open_menu, "quiet", "menu", tooltip=tip)
        for area in parts.tip_areas(ctx, self.session, facts, self.setup, lay):
            self.add(area)

    def _button(
        self, rect: pygame.Rect, label: str, fn: Callable[[], None], kind: str, key: str, **kw: Any
    ) -> None:
        self.add(Button(self.ctx, self.app.manager, rect, label, fn, kind=kind, key=key, **kw))

    def _add_chart(self, rect: pygame.Rect, with_planning: bool = False) -> None:
        """The chart with its toggle (and the planning button in the Charts tab) at the top
        right, over the chart's title row where the title leaves room, else in a row above."""
        ctx, _, sz = self.ctx, self._, self.ctx.space.turn
        label = _("Show the economy") if self.chart_mode == "scores" else _("Show the scores")
        bh, gap = sz.chart_button_h, sz.chart_button_gap
        specs = [(label, "quiet")] + ([(_("Planning rounds"), "normal")] if with_planning else [])
        widths = [label_width(ctx, text, kind) + sz.chart_button_label_pad for text, kind in specs]
        title = T.chart_title(self.chart_mode, ctx.tr)
        title_w = ctx.text.size(title, "body", True)[0] + sz.chart_title_pad
        titled = True
        if title_w + sum(widths) + gap * len(widths) > rect.width:
            # the buttons take a row of their own; the toggle's words say which chart it is
            row = pygame.Rect(rect.x, rect.y, rect.width, bh)
            rect = pygame.Rect(rect.x, rect.y + bh + gap, rect.width, rect.height - bh - gap)
            titled = False
        else:
            row = pygame.Rect(rect.x, rect.y + sz.chart_buttons_top, rect.width - sz.chart_buttons_right, bh)
        self.chart = self.add(parts.score_chart(ctx, self.session, self.chart_mode, rect, titled))
        x = row.right
        toggle = pygame.Rect(x - widths[0], row.y, widths[0], bh)
        self._button(toggle, label, self.toggle_chart, "quiet", "chart-mode")
        if with_planning:
            self._add_planning(pygame.Rect(toggle.x - widths[1] - gap, row.y, widths[1], bh))

    def _add_planning(self, rect: pygame.Rect) -> None:
        tip = self._("Watch this season's participatory planning, round by round")
        self._button(rect, self._("Planning rounds"), self.open_planning, "normal", "planning", tooltip=tip)

    def _tab(self, key: str) -> Callable[[], None]:
        def go() -> None:
            self.tab = key
            self.refresh()

        return go

    def toggle_chart(self) -> None:
        self.chart_mode = "economy" if self.chart_mode == "scores" else "scores"
        self.refresh()

    def _cards(self, rect: pygame.Rect) -> list[ActionCard]:
        return parts.action_cards(self.ctx, self.session, self.draft, self.facts, rect, self.toggle)

    def _cards_done(self, gen: int, result: Any) -> None:
        if self.draft.cards_done(gen, result):
            self._refresh_cards()

    def _refresh_cards(self) -> None:
        if self.layout is not None and "actions" in self.layout.show and self.hand is not None:
            self.hand_index = self.hand.index
            self.refresh()

    def refresh(self) -> None:  # rebuild now if this screen is on top; otherwise `resume` will
        if self.app.top is self:
            self.rebuild()

    def clear(self) -> None:
        super().clear()
        self.hand = None

    def _make(self, name: str) -> Scene:
        from game.ui.scenes import make_scene

        return make_scene(self.app, name, session=self.session)

    def open_planning(self) -> None:
        self.app.push(self._make("planning"))

    def open_menu(self) -> None:
        self.app.push(parts.pause_dialog(self.app, self.session))

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

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        assert self.layout is not None
        facts, lay = self.facts.get(self.ctx, self.session, self.draft), self.layout
        parts.draw_turn(surface, self.ctx, facts, self.session.level, self.draft, lay, self.setup, self.time)
