"""The briefing: where the pathway starts, what winning and losing mean, what you have to
work with; highlighted terms open the glossary. Begin starts the first turn."""

from __future__ import annotations

import pygame

from game.i18n import N_
from game.ui import glossary as gloss
from game.ui.scenes.common import MenuScene
from game.ui.session import Session, new_seed
from game.ui.widgets.button import Button
from game.ui.widgets.textblock import Paragraph


class BriefingScene(MenuScene):
    name = "briefing"
    initial_focus = "begin"
    icon = "flag"
    title = N_("Briefing")

    def __init__(self, app, loaded=None, seed: int | None = None) -> None:
        super().__init__(app)
        if loaded is None:
            levels = app.catalog().levels
            if not levels:
                raise LookupError("no levels")
            loaded = levels[0]
        self.loaded = loaded
        self.seed = seed if seed is not None else new_seed()
        self.page = 0
        self.starting = False

    @property
    def level(self):
        return self.loaded.level

    def subtitle(self) -> str:
        return self.ctx.tr.pick(self.level.title) + " · " + self.ctx.tr.pick(self.level.path)

    def glossary(self) -> list[gloss.Entry]:
        return gloss.entries(self.ctx.tr, [self.level], *gloss.mod_terms(self.app.catalog()))

    def define(self, key: str) -> str | None:
        for e in self.glossary():
            if e.key == key:
                return f"{e.term}: {e.text}"
        return None

    def open_term(self, key: str) -> None:
        self.app.open("glossary", term=key)

    def goals_text(self) -> str:
        _ = self._
        tr = self.ctx.tr
        L = self.level
        lines = [_("To win: {text}").format(text=tr.pick(L.goals.win_text))]
        for loss in L.goals.lose:
            lines.append(_("You lose if: {text}").format(text=tr.pick(loss.warning)))
        return "\n".join(lines)

    def notes_text(self) -> str:
        """The level's historical notes, each with its source, after the goals ('' if none)."""
        if not self.level.notes:
            return ""
        tr = self.ctx.tr
        notes = "\n".join(
            "• " + self._("{fact} (Source: {source})").format(fact=tr.pick(n.text), source=n.source)
            for n in self.level.notes
        )
        return "\n\n" + self._("From history:") + "\n" + notes

    def build(self) -> None:
        ctx = self.ctx
        _ = self._
        w, h = self.size
        top = self.header_height() + ctx.px(16)
        btn_h = ctx.px(50)
        side_w = min(ctx.px(380), w // 3)
        body = pygame.Rect(ctx.px(28), top, w - side_w - ctx.px(72), h - top - btn_h - ctx.px(36))
        if body.width < ctx.px(320):
            body.width = w - ctx.px(56)
            side_w = 0
        glossary = self.glossary()
        text = "\n\n".join(ctx.tr.pick(p) for p in self.level.briefing)
        text = gloss.auto_link(text, glossary) + "\n\n" + self.goals_text() + self.notes_text()
        para = Paragraph(ctx, body, text, on_link=self.open_term, define=self.define, key="briefing-text")
        # split into pages that fit, so nothing is cut off at any scale
        self.pages = self._paginate(text, body)
        self.page = min(self.page, len(self.pages) - 1)
        para.set_text(self.pages[self.page])
        self.add(para)
        self.side = pygame.Rect(w - side_w - ctx.px(24), top, side_w, body.height) if side_w else None
        y = h - btn_h - ctx.px(20)
        x = ctx.px(28)
        if len(self.pages) > 1:
            for label, key, fn, ok in (
                (_("Previous page"), "prev", lambda: self.turn_page(-1), self.page > 0),
                (
                    _("Next page"),
                    "next",
                    lambda: self.turn_page(1),
                    self.page < len(self.pages) - 1,
                ),
            ):
                bw = ctx.text.size(label, "body", True)[0] + ctx.px(48)
                self.add(
                    Button(
                        ctx,
                        self.app.manager,
                        pygame.Rect(x, y, bw, btn_h),
                        label,
                        fn,
                        key=key,
                        enabled=ok,
                    )
                )
                x += bw + ctx.px(12)
        label = _("Begin")
        bw = max(ctx.px(220), ctx.text.size(label, "body", True)[0] + ctx.px(60))
        self.add(
            Button(
                ctx,
                self.app.manager,
                pygame.Rect(w - bw - ctx.px(24), y, bw, btn_h),
                label,
                self.begin,
                kind="primary",
                key="begin",
            )
        )

    def _paginate(self, text: str, rect: pygame.Rect) -> list[str]:
        paras = text.split("\n\n")
        pages: list[str] = []
        cur: list[str] = []
        for p in paras:
            trial = "\n\n".join(cur + [p])
            probe = Paragraph(self.ctx, pygame.Rect(0, 0, rect.width, 0), trial)
            if cur and probe.height > rect.height:
                pages.append("\n\n".join(cur))
                cur = [p]
            else:
                cur.append(p)
        pages.append("\n\n".join(cur))
        return pages

    def turn_page(self, delta: int) -> None:
        self.page = max(0, min(len(self.pages) - 1, self.page + delta))
        self.rebuild()

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_PAGEDOWN:
            self.turn_page(1)
            return True
        if event.key == pygame.K_PAGEUP:
            self.turn_page(-1)
            return True
        return False

    def begin(self) -> None:
        if self.starting:
            return
        self.starting = True
        _ = self._

        def done(session: Session) -> None:
            self.starting = False
            self.app.start_session(session)

        def failed(exc: BaseException) -> None:
            self.starting = False
            self.app.notify(_("The pathway could not start: {reason}").format(reason=exc), 8)

        self.app.workers.submit(
            Session,
            self.loaded,
            self.seed,
            self.app.settings.language,
            on_done=done,
            on_error=failed,
        )

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        ctx = self.ctx
        _ = self._
        if self.side is None:
            return
        r = self.side
        pygame.draw.rect(surface, ctx.colours.panel, r, border_radius=ctx.space.radius_panel)
        inner = r.inflate(-ctx.px(28), -ctx.px(24))
        y = inner.y
        L = self.level
        lh = ctx.fonts.line_height("body")
        sl = ctx.fonts.line_height("small")
        ctx.text.draw(surface, _("What you start with"), (inner.x, y), "body", ctx.colours.accent, True)
        y += lh + ctx.px(6)
        icon_for = {"influence": "political_capital", "funds": "money"}
        for res in L.resources:
            icon = res.id if ctx.icons.exists(res.id) else icon_for.get(res.id, "info")
            ctx.icons.draw(
                surface, icon, (inner.x + ctx.px(12), y + lh // 2), ctx.space.icon, ctx.colours.text
            )
            text = _("{name}: {start:g}, +{income:g} a turn").format(
                name=ctx.tr.pick(res.name), start=res.start, income=res.income
            )
            ctx.text.draw(
                surface,
                ctx.text.fit(text, "small", inner.width - ctx.px(34)),
                (inner.x + ctx.px(32), y + (lh - sl) // 2),
                "small",
                ctx.colours.text,
            )
            y += lh + ctx.px(2)
        y += ctx.px(12)
        ctx.text.draw(surface, _("Length"), (inner.x, y), "body", ctx.colours.accent, True)
        y += lh + ctx.px(2)
        turns = (
            _("{n} seasons").format(n=L.turns)
            if L.turn_length == "season"
            else _("{n} years").format(n=L.turns)
        )
        ctx.text.draw(
            surface,
            ctx.text.fit(
                _("{turns}, about {minutes} minutes").format(turns=turns, minutes=L.minutes),
                "small",
                inner.width,
            ),
            (inner.x, y),
            "small",
            ctx.colours.text,
        )
        y += sl + ctx.px(14)
        ctx.text.draw(surface, _("Scenario code"), (inner.x, y), "body", ctx.colours.accent, True)
        y += lh + ctx.px(2)
        ctx.text.draw(surface, f"{L.id}-{self.seed}", (inner.x, y), "body", ctx.colours.text, True)
        y += lh
        ctx.text.draw_wrapped(
            surface,
            _("The same code gives the same game on every computer: share it with a class."),
            pygame.Rect(inner.x, y, inner.width, inner.bottom - y),
            "small",
            ctx.colours.text_dim,
        )
        if len(self.pages) > 1:
            w, h = surface.get_size()
            ctx.text.draw(
                surface,
                _("Page {n} of {total}").format(n=self.page + 1, total=len(self.pages)),
                (w // 2, h - ctx.px(44)),
                "small",
                ctx.colours.text_dim,
                anchor="center",
            )
