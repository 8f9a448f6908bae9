"""The planning round view: prices and excess demand per good, round by round, so the player
watches participatory planning converge. Step with Left/Right, auto-play with Space."""

from __future__ import annotations

import pygame

from game import level_words
from game.i18n import N_
from game.ui.scenes.common import MenuScene
from game.ui.widgets.bars import BarChart
from game.ui.widgets.button import Button, label_width
from game.ui.widgets.charts import LineChart, Threshold, styled_series
from game.ui.widgets.textblock import ScrollText

STEP_SECONDS = 0.9


class PlanningScene(MenuScene):
    name = "planning"
    initial_focus = "next"
    title = N_("Planning rounds")
    icon = "council"

    def __init__(self, app, session, from_scratch: bool = False) -> None:
        super().__init__(app)
        self.session = session
        self.from_scratch = from_scratch
        self.plan = None
        self.round = 0
        self.playing = False
        self.clock = 0.0
        self.error: str | None = None
        self.round_label: tuple[int, int] | None = None
        self._load()

    def _load(self) -> None:
        self.plan = None
        self.app.workers.submit(
            self.session.plan_rounds, self.from_scratch, on_done=self._loaded, on_error=self._failed
        )

    def _loaded(self, plan) -> None:
        self.plan = plan
        self.round = 0
        self.playing = not self.ctx.reduced_motion and self.rounds > 1
        if self.app.top is self:
            self.rebuild()

    def _failed(self, exc: BaseException) -> None:
        self.error = str(exc)

    @property
    def rounds(self) -> int:
        if self.plan is None or self.plan.result.excess_history is None:
            return 0
        return len(self.plan.result.excess_history)

    def subtitle(self) -> str:
        _ = self._
        if self.ctx.scale >= 1.4:
            return ""  # large text: the round and the explanation below say enough
        s = self.session
        tr = self.ctx.tr
        return _(
            "{unit} {n}: {producers} and {consumers} propose, prices adjust, proposals are revised"
        ).format(
            unit=level_words.turn_unit(s.level, tr),
            n=min(s.turn, s.level.turns),
            producers=level_words.word(s.level, "worker_councils", tr),
            consumers=level_words.word(s.level, "consumer_councils", tr),
        )

    def good_name(self, gid: str) -> str:
        return level_words.good(self.session.level, gid, self.ctx.tr)

    def councils(self) -> tuple[int, int]:
        """How many worker and consumer councils the shown plan has."""
        eco = self.session.sim.sector.economy
        return int(eco.n_wc), int(eco.n_cc)

    def no_sector_yet(self) -> bool:
        """Whether the level has no council sector now: the view then shows the plan its
        councils would make if they existed."""
        return float(self.session.metrics().get("council_share", 0.0)) <= 0.0

    def build(self) -> None:
        ctx = self.ctx
        w, h = self.size
        top = self.header_height() + ctx.space.planning.top_gap
        btn_h = self.button_height()
        lines = 3 if ctx.scale < 1.4 else 2
        text_h = ctx.fonts.line_height("body") * lines + ctx.space.planning.text_extra_h
        body_h = h - top - btn_h - text_h - ctx.space.planning.wide_gaps_estimate
        # both charts side by side with the explanation below them, or (large text, small
        # windows) one of the three at a time, chosen by tabs in the row of buttons
        if w >= ctx.space.planning.wide_min_w and body_h >= ctx.space.planning.wide_min_chart_h:
            self._build_wide(top, text_h)
        else:
            self._build_narrow(top)

    def _row(self, items: list, y: int, kind_of=None) -> int:
        """Buttons (label, key, fn, enabled) left to right from x=20, flowing onto more rows;
        returns the x after the last."""
        ctx = self.ctx
        w = self.size[0]
        btn_h, gap = self.button_height(), ctx.space.planning.button_gap
        x = ctx.space.planning.edge
        for label, key, fn, ok in items:
            bw = max(btn_h, label_width(ctx, label) + ctx.space.planning.button_label_pad)
            if x > ctx.space.planning.edge and x + bw > w - ctx.space.planning.edge:
                x, y = ctx.space.planning.edge, y + btn_h + gap
            rect = pygame.Rect(x, y, bw, btn_h)
            if key.startswith("tab:"):
                self.tab_button(key[4:], label, rect)
            else:
                kind = "primary" if key == "next" else "normal"
                self.add(
                    Button(
                        ctx,
                        self.app.manager,
                        rect,
                        label,
                        fn,
                        key=key,
                        enabled=ok,
                        kind=kind,
                        tooltip=self.tooltips.get(key),
                    )
                )
            x += bw + gap
        return x

    def _fits(self, items: list) -> bool:
        ctx = self.ctx
        total = sum(
            max(self.button_height(), label_width(ctx, it[0]) + ctx.space.planning.button_label_pad)
            + ctx.space.planning.button_gap
            for it in items
        )
        return total <= self.size[0] - ctx.space.planning.buttons_spare

    def _short(self, items: list) -> list:
        """The round steps as arrows (named by their tooltips; the keys N and B step too) and
        Play as one word, for rows without room for every word."""
        _ = self._
        short = {"prev": "<", "next": ">", "play": _("Pause") if self.playing else _("Play")}
        return [(short.get(key, label), key, fn, ok) for label, key, fn, ok in items]

    def _charts(self, bars: pygame.Rect | None, prices: pygame.Rect | None, titled: bool) -> None:
        if self.plan is None or not self.rounds:
            return
        _ = self._
        r = self.plan.result
        names = [self.good_name(g) for g in r.good_ids]
        self.bars = BarChart(
            self.ctx,
            bars or pygame.Rect(0, 0, 0, 0),
            names,
            list(r.excess_history[self.round]),
            title=_("Excess demand per good") if titled else "",
            subtitle=self.round_text(),
            key="bars",
        )
        if bars is not None:
            self.add(self.bars)
        if prices is not None:
            hist = r.price_history[: self.round + 1]
            series = styled_series(
                [(g, names[i], [float(p[i]) for p in hist], None) for i, g in enumerate(r.good_ids)],
                self.ctx.colours,
            )
            self.add(
                LineChart(
                    self.ctx,
                    prices,
                    series,
                    title=_("Prices, round by round") if titled else "",
                    y_range=None,
                    x_label=_("Round"),
                    x_start=1,
                    key="prices",
                )
            )

    def _build_wide(self, top: int, text_h: int) -> None:
        ctx = self.ctx
        w, h = self.size
        btn_h, gap = self.button_height(), ctx.space.planning.button_gap
        buttons = self._buttons()
        if not self._fits(buttons):
            buttons = self._short(buttons)
        rows = 1 if self._fits(buttons) else 2
        buttons_h = rows * (btn_h + gap)
        body_h = h - top - buttons_h - text_h - ctx.space.planning.wide_gaps
        self.text_rect = pygame.Rect(
            ctx.space.planning.edge,
            top + body_h + ctx.space.planning.above_text,
            w - ctx.space.planning.edges,
            text_h,
        )
        left_w = (w - ctx.space.planning.columns_less_w) // 2
        self._charts(
            pygame.Rect(ctx.space.planning.edge, top, left_w, body_h),
            pygame.Rect(
                ctx.space.planning.edges + left_w, top, w - left_w - ctx.space.planning.columns_less_w, body_h
            ),
            True,
        )
        if self.plan is not None and self.rounds:
            self.add(ScrollText(ctx, self.text_rect, self.explanation(), key="explanation"))
        self._row(buttons, h - buttons_h - ctx.space.planning.buttons_bottom + gap // 2)
        self.round_label = None

    def _build_narrow(self, top: int) -> None:
        ctx = self.ctx
        _ = self._
        w, h = self.size
        btn_h, gap = self.button_height(), ctx.space.planning.button_gap
        steps, scratch = self._buttons()[:3], self._buttons()[3]
        if self.tab not in ("bars", "prices", "explanation"):
            self.tab = "bars"
        tabs = [
            (_("Excess demand"), "tab:bars", None, True),
            (_("Prices"), "tab:prices", None, True),
            (_("What happened"), "tab:explanation", None, True),
        ]
        row = steps + tabs
        if not self._fits(row):
            row = self._short(steps) + tabs
        if not self._fits(row):
            short_tabs = [_("Excess"), _("Prices"), _("Why")]
            row = self._short(steps) + [(t, *rest) for t, (_l, *rest) in zip(short_tabs, tabs, strict=True)]
        rows = 1 if self._fits(row) else 2
        y = h - rows * (btn_h + gap) - ctx.space.planning.buttons_bottom + gap // 2
        body = pygame.Rect(
            ctx.space.planning.edge,
            top,
            w - ctx.space.planning.edges,
            y - top - ctx.space.planning.above_buttons,
        )
        self._charts(
            body if self.tab == "bars" else None,
            body if self.tab == "prices" else None,
            False,  # the tab names the chart
        )
        if self.tab == "explanation" and self.plan is not None and self.rounds:
            # the choice of starting prices goes with the explanation of the rounds
            text = body.inflate(0, -btn_h - gap).move(0, -(btn_h + gap) // 2)
            self.text_rect = text
            self.add(ScrollText(ctx, text, self.explanation(), key="explanation"))
            label, key, fn, ok = scratch
            bw = min(text.width, label_width(ctx, label) + ctx.space.planning.scratch_label_pad)
            rect = pygame.Rect(text.x, text.bottom + gap, bw, btn_h)
            self.add(Button(ctx, self.app.manager, rect, label, fn, key=key, enabled=ok))
        x = self._row(row, y)
        # the charts have no title row here: the round is named beside the buttons
        self.round_label = None
        if rows == 1 and x + ctx.text.size(self.round_text(), "body")[0] <= w - ctx.space.planning.edge:
            self.round_label = (x + ctx.space.tight, y + btn_h // 2)

    def round_text(self) -> str:
        return self._("Round {n} of {total}").format(n=self.round + 1, total=self.rounds)

    @property
    def tooltips(self) -> dict[str, str]:
        return {"prev": self._("Previous round"), "next": self._("Next round")}

    def _buttons(self) -> list:
        _ = self._
        return [
            (_("Previous round"), "prev", lambda: self.step(-1), self.round > 0),
            (_("Next round"), "next", lambda: self.step(1), self.round < self.rounds - 1),
            (
                _("Pause") if self.playing else _("Play the rounds"),
                "play",
                self.toggle_play,
                self.rounds > 1 and not self.ctx.reduced_motion,
            ),
            (
                _("Last turn's prices") if self.from_scratch else _("Start from scratch"),
                "scratch",
                self.toggle_scratch,
                self.plan is not None,
            ),
        ]

    def step(self, delta: int) -> None:
        new = max(0, min(self.rounds - 1, self.round + delta))
        if new != self.round:
            self.round = new
            self.rebuild()

    def toggle_play(self) -> None:
        if self.round >= self.rounds - 1:
            self.round = 0
        self.playing = not self.playing
        self.clock = 0.0
        self.rebuild()

    def toggle_scratch(self) -> None:
        self.from_scratch = not self.from_scratch
        self.playing = False
        self._load()
        self.rebuild()

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_PERIOD, pygame.K_n):
            self.step(1)
            return True
        if event.key in (pygame.K_COMMA, pygame.K_b):
            self.step(-1)
            return True
        return False

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.playing and self.rounds:
            self.clock += dt
            if self.clock >= STEP_SECONDS:
                self.clock = 0.0
                if self.round < self.rounds - 1:
                    self.step(1)
                else:
                    self.playing = False
                    self.rebuild()

    def explanation(self) -> str:
        _ = self._
        if self.error:
            return _("The plan could not be computed: {reason}").format(reason=self.error)
        if self.plan is None:
            return _("The councils are meeting…")
        r = self.plan.result
        if not self.rounds:
            return _("No planning rounds were recorded.")
        tr = self.ctx.tr
        level = self.session.level
        ex = r.excess_history[self.round]
        worst = int(abs(ex).argmax())
        pct = 100 * float(abs(ex).max())
        threshold = 100 * float(getattr(r, "threshold", 0.05))
        lines = [
            tr.say(
                "Round {n}: the largest gap is {good}, {pct:.1f}% apart.",
                n=self.round + 1,
                good=self.good_name(r.good_ids[worst]),
                pct=pct,
            )
        ]
        if self.no_sector_yet():
            lines.insert(
                0,
                _(
                    "There is no council sector here yet: this is the plan its {producers} and "
                    "{consumers} would make if they existed."
                ).format(
                    producers=level_words.word(level, "worker_councils", tr),
                    consumers=level_words.word(level, "consumer_councils", tr),
                ),
            )
        if self.round == 0:
            lines.append(
                tr.say(
                    "The facilitation board publishes prices; {wc} {producers} answer with what "
                    "they want to make, {cc} {consumers} with what they want to use.",
                    wc=self.councils()[0],
                    cc=self.councils()[1],
                    producers=level_words.word(level, "worker_councils", tr),
                    consumers=level_words.word(level, "consumer_councils", tr),
                )
            )
        else:
            lines.append(
                _(
                    "Prices of goods in excess demand went up and those in excess supply went "
                    "down; councils revised their proposals."
                )
            )
        if self.round == self.rounds - 1:
            if r.converged:
                lines.append(
                    tr.say(
                        "Every good is within {t:g}%: the plan is agreed after {n} rounds.",
                        t=threshold,
                        n=self.rounds,
                    )
                )
            else:
                lines.append(
                    _("The councils stopped after {n} rounds without full agreement.").format(n=self.rounds)
                )
        elif self.rounds == 1:
            lines.append(_("Last turn's prices were already right: the councils agreed at once."))
        return " ".join(lines)

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        ctx = self.ctx
        if self.round_label is not None and self.rounds:
            ctx.text.draw(
                surface, self.round_text(), self.round_label, "body", ctx.colours.text_dim, anchor="midleft"
            )
        if self.plan is None or not self.rounds:
            w, h = surface.get_size()
            ctx.text.draw(
                surface,
                self.explanation(),
                (w // 2, h // 2),
                "large",
                ctx.colours.text_dim,
                anchor="center",
            )
            return


__all__ = ["PlanningScene", "Threshold"]
