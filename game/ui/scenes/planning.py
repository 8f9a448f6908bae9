"""The planning round view: prices and excess demand per good, round by round, so the player
watches participatory planning converge. Step with Left/Right, auto-play with Space."""

from __future__ import annotations

import pygame

from game import level_words
from game.i18n import N_
from game.ui.scenes.common import MenuScene
from game.ui.widgets.button import Button
from game.ui.widgets.charts import BarChart, LineChart, Threshold, styled_series
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
        _ = self._
        w, h = self.size
        top = self.header_height() + ctx.px(14)
        btn_h, gap = ctx.px(48), ctx.px(10)
        buttons = self._buttons()
        widths = [ctx.text.size(label, "body", True)[0] + ctx.px(40) for label, *_rest in buttons]
        rows, x = 1, ctx.px(20)
        for bw in widths:
            if x > ctx.px(20) and x + bw > w - ctx.px(20):
                rows, x = rows + 1, ctx.px(20)
            x += bw + gap
        buttons_h = rows * (btn_h + gap)
        lines = 3 if ctx.scale < 1.4 else 2
        text_h = ctx.fonts.line_height("body") * lines + ctx.px(30)
        body_h = h - top - buttons_h - text_h - ctx.px(34)
        self.text_rect = pygame.Rect(ctx.px(20), top + body_h + ctx.px(10), w - ctx.px(40), text_h)
        self.text_lines = lines
        if self.plan is not None and self.rounds and body_h >= ctx.px(60):
            r = self.plan.result
            names = [self.good_name(g) for g in r.good_ids]
            wide = w >= ctx.px(1000)
            left_w = (w - ctx.px(60)) // 2 if wide else w - ctx.px(40)
            self.bars = BarChart(
                ctx,
                pygame.Rect(ctx.px(20), top, left_w, body_h),
                names,
                list(r.excess_history[self.round]),
                title=_("Excess demand per good"),
                subtitle=_("Round {n} of {total}").format(n=self.round + 1, total=self.rounds),
                key="bars",
            )
            self.add(self.bars)
            if wide:
                hist = r.price_history[: self.round + 1]
                series = styled_series(
                    [(g, names[i], [float(p[i]) for p in hist], None) for i, g in enumerate(r.good_ids)],
                    ctx.colours,
                )
                self.add(
                    LineChart(
                        ctx,
                        pygame.Rect(ctx.px(40) + left_w, top, w - left_w - ctx.px(60), body_h),
                        series,
                        title=_("Prices, round by round"),
                        y_range=None,
                        x_label=_("Round"),
                        x_start=1,
                        key="prices",
                    )
                )
        if self.plan is not None and self.rounds:
            self.add(ScrollText(ctx, self.text_rect, self.explanation(), key="explanation"))
        y = h - buttons_h - ctx.px(10)
        x = ctx.px(20)
        for (label, key, fn, ok), bw in zip(buttons, widths, strict=True):
            if x > ctx.px(20) and x + bw > w - ctx.px(20):
                x, y = ctx.px(20), y + btn_h + gap
            self.add(
                Button(
                    ctx,
                    self.app.manager,
                    pygame.Rect(x, y, bw, btn_h),
                    label,
                    fn,
                    key=key,
                    enabled=ok,
                    kind="primary" if key == "next" else "normal",
                )
            )
            x += bw + gap

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
            _("Round {n}: the largest gap is {good}, {pct:.1f}% apart.").format(
                n=self.round + 1, good=self.good_name(r.good_ids[worst]), pct=pct
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
                _(
                    "The facilitation board publishes prices; {wc} {producers} answer with what "
                    "they want to make, {cc} {consumers} with what they want to use."
                ).format(
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
                    _("Every good is within {t:g}%: the plan is agreed after {n} rounds.").format(
                        t=threshold, n=self.rounds
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
