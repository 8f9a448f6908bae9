"""The debrief: won or lost and why, the turning points with their causes, the charts of the
whole game and the level's questions for discussion."""

from __future__ import annotations

import pygame

from game import level_words
from game.explain import cause_text, ending_text
from game.i18n import N_
from game.milestones import milestones, pay_can_move
from game.sim.report import Cause, TurnReport
from game.ui.formats import format_delta
from game.ui.names import SCORE_ORDER, SCORES
from game.ui.scenes.common import MenuScene
from game.ui.scenes.turn import parts
from game.ui.widgets.button import Button, label_width
from game.ui.widgets.charts import LineChart, styled_series
from game.ui.widgets.textblock import ScrollText


class DebriefScene(MenuScene):
    name = "debrief"
    title = N_("Debrief")

    def __init__(self, app, session) -> None:
        super().__init__(app)
        self.session = session
        self.chart_mode = "scores"

    @property
    def won(self) -> bool:
        return self.session.sim.outcome == "won"

    @property
    def icon(self) -> str:  # type: ignore[override]
        return "flag" if self.won else "cross"

    def subtitle(self) -> str:
        _ = self._
        s = self.session
        head = _("The pathway held: you won.") if self.won else _("The pathway broke: you lost.")
        whole = f"{head} {s.title()}"
        if self.compact and len(self.ctx.text.wrap(whole, "small", self._header_text_width())) > 1:
            return head  # a short window: the outcome alone, so the story keeps the height
        return whole

    def turning_points(self, n: int = 6) -> list[tuple[TurnReport, Cause]]:
        """The largest single causes of score changes over the game, biggest first."""
        found = []
        for r in self.session.reports:
            for c in r.causes:
                if c.kind != "trend" and abs(c.delta) >= 0.3:
                    found.append((r, c))
        found.sort(key=lambda rc: -abs(rc[1].delta))
        return found[:n]

    def milestone_lines(self, unit: str) -> list[str]:
        """The pace of pay and the participation thresholds, from this game's turns."""
        sim, level = self.session.sim, self.session.level
        start = {
            "support": sim.start.scores["support"],
            "participation": sim.start.scores["participation"],
            "pay_gap": sim.start.measures.pay_gap,
            "peak_participation": sim.start.participation_raw,
            "pay_transition": float(level.economy.params.get("pay_transition", 0.0)),
        }
        turns = [(r.turn, r.metrics) for r in self.session.reports]
        if not turns:
            return []
        found = milestones(start, turns, unit.lower(), self.ctx.tr.lang, pay_can_move(level))
        lines: list[str] = []
        for section in (found.pace, found.thresholds):
            if section is not None:
                lines += ["", "## " + section[0], *section[1]]
        return lines

    def story(self) -> str:
        _ = self._
        tr = self.ctx.tr
        s = self.session
        L = s.level
        unit = level_words.turn_unit(L, tr)
        lines = ["## " + (_("Why you won") if self.won else _("Why you lost"))]
        reason = ending_text(s.sim.ending, L, tr)
        if self.won:
            lines.append(tr.pick(L.goals.win_text))
        if reason and reason != tr.pick(L.goals.win_text):
            lines.append(reason)
        final = s.scores()
        lines.append(" · ".join(f"{_(SCORES[k])} {final[k]:.0f}" for k in SCORE_ORDER))
        lines += self.milestone_lines(unit)
        lines.append("")
        lines.append("## " + _("Turning points"))
        points = self.turning_points()
        if not points:
            lines.append(_("No single decision moved a score by much: change came slowly."))
        for r, c in points:
            name = _(SCORES.get(c.score, c.score))
            verb = _("rose") if c.delta > 0 else _("fell")
            amount = format_delta(abs(c.delta), 1, tr.lang).lstrip("+")
            lines.append(f"- {unit} {r.turn}: {name} {verb} {amount}. {cause_text(c, r, L, tr)}")
        if L.questions:
            lines.append("")
            lines.append("## " + _("Questions for discussion"))
            for q in L.questions:
                lines.append(f"- {tr.pick(q)}")
        lines.append("")
        lines.append(_("Scenario code: {code}").format(code=s.scenario_code))
        return "\n".join(lines)

    def build(self) -> None:
        ctx = self.ctx
        _ = self._
        w, h = self.size
        top = self.header_height() + ctx.space.debrief.top_gap
        btn_h, gap = self.button_height(ctx.space.screen.button_h), ctx.space.debrief.button_gap
        s = self.session
        wide = w >= ctx.space.debrief.wide_min_w and h - top >= ctx.space.debrief.wide_min_h
        # a short window for the text size (200% in 720 lines): the buttons get a tab of their
        # own, so the story and the charts keep the whole height below the tabs
        cramped = not wide and self.compact
        if not wide:  # the story and each chart behind a tab, which also picks the chart
            tabs = [("story", _("What happened")), ("scores", _("Scores")), ("economy", _("The economy"))]
            if cramped:
                # the buttons' tab only while one row holds the four, in their shorter words if
                # need be ("Story", "Economy"): a second row of buttons would take the chart's
                # height (the English debrief at 200% in 720 lines had a chart 130 pixels high)
                whole = [*tabs, ("next", _("What next?"))]
                shorter = [("story", _("Story")), tabs[1], ("economy", _("Economy")), whole[3]]
                fits = next((t for t in (whole, shorter) if self.tabs_fit_one_row(t)), None)
                cramped = fits is not None
                tabs = fits or tabs
            top = self.add_tabs(tabs, top)
            if self.tab in ("scores", "economy"):
                self.chart_mode = self.tab
        buttons = [
            (_("Play this pathway again"), "again", self.again, "primary"),
            (_("Choose another pathway"), "pathways", self.other, "normal"),
            (
                _("Show the economy") if self.chart_mode == "scores" else _("Show the scores"),
                "chart-mode",
                self.toggle_chart,
                "normal",
            ),
            (_("Title screen"), "title", self.to_title, "quiet"),
        ]
        if not wide:
            del buttons[2]  # the tabs show either chart
            need = sum(
                label_width(ctx, b[0], b[3]) + ctx.space.debrief.button_label_pad + gap for b in buttons
            )
            if (
                need > w - ctx.space.debrief.buttons_spare and not cramped
            ):  # one row of shorter words keeps the chart's height
                short = [_("Play again"), _("Other pathways"), _("Title")]
                buttons = [(t, key, fn, kind) for t, (_l, key, fn, kind) in zip(short, buttons, strict=True)]
        # the buttons flow onto as many rows as their words need
        placed: list[pygame.Rect] = []
        x, y = ctx.space.debrief.edge, 0
        for label, _key, _fn, kind in buttons:
            bw = min(
                w - ctx.space.debrief.edges,
                label_width(ctx, label, kind) + ctx.space.debrief.button_label_pad,
            )
            if x > ctx.space.debrief.edge and x + bw > w - ctx.space.debrief.edge:
                x, y = ctx.space.debrief.edge, y + btn_h + gap
            placed.append(pygame.Rect(x, y, bw, btn_h))
            x += bw + gap
        rows_h = y + btn_h
        base = h - rows_h - ctx.space.debrief.buttons_bottom
        body_h = base - top - ctx.space.debrief.above_buttons
        show = {"chart", "story"} if wide else {"story" if self.tab == "story" else "chart"}
        if cramped:
            if self.tab == "next":  # the buttons in their whole words, flowing from the top
                show, base = set(), top
            else:
                buttons, placed = [], []
                body_h = h - top - ctx.space.debrief.buttons_bottom
        chart_w = (w - ctx.space.debrief.columns_less_w) * 11 // 20 if wide else w - ctx.space.debrief.edges
        if "chart" in show:
            series = styled_series(parts.series_items(s, self.chart_mode, ctx), ctx.colours)
            title = _("Scores over time") if self.chart_mode == "scores" else _("The economy over time (%)")
            chart = pygame.Rect(ctx.space.debrief.edge, top, chart_w, body_h)
            self.add(
                LineChart(
                    ctx,
                    chart,
                    series,
                    title=title if wide else "",
                    y_range=(0, 100),
                    thresholds=parts.movement_lines(self.chart_mode, ctx, series),
                    x_start=0,
                    x_label=level_words.turn_unit(s.level, ctx.tr),
                    key="chart",
                )
            )
        if "story" in show:
            left = ctx.space.debrief.edge + (chart_w + ctx.space.debrief.column_gap if wide else 0)
            text = pygame.Rect(left, top, w - ctx.space.debrief.edge - left, body_h)
            self.add(
                ScrollText(ctx, text.inflate(-ctx.space.debrief.story_inset, 0), self.story(), key="story")
            )
        for (label, key, fn, kind), rect in zip(buttons, placed, strict=True):
            self.add(
                Button(
                    ctx,
                    self.app.manager,
                    rect.move(0, base),
                    label,
                    fn,
                    kind=kind,
                    key=key,
                )
            )

    def toggle_chart(self) -> None:
        self.chart_mode = "economy" if self.chart_mode == "scores" else "scores"
        self.rebuild()

    def again(self) -> None:
        from game.ui.scenes import make_scene

        self.app.replace(make_scene(self.app, "briefing", loaded=self.session.loaded))

    def other(self) -> None:
        from game.ui.scenes import make_scene

        self.app.replace(make_scene(self.app, "pathways"))

    def to_title(self) -> None:
        self.app.pop()

    def draw_background(self, surface: pygame.Surface) -> None:
        super().draw_background(surface)
        # a coloured band under the header says the outcome together with the icon and words
        hh = self.header_height()
        colour = self.ctx.colours.good if self.won else self.ctx.colours.bad
        pygame.draw.line(
            surface,
            colour,
            (0, hh - 1),
            (surface.get_width(), hh - 1),
            max(3, self.ctx.space.debrief.outcome_line),
        )
