"""The briefing: where the pathway starts, what winning and losing mean, what you have to
work with; highlighted terms open the glossary. Begin starts the first turn.

Its text comes in sections behind tabs, the overview first: on a projector at 200% a page holds
a few lines, and a teacher needs the aim, how to win, how to lose and who will oppose the class
before the story (which keeps every word of the level's briefing and its goals), the history
notes and, when the window has no room for the facts panel, the resources. Each section is
paged; Page Down reads on into the next section, the tabs (and the keys 1 to 4) jump."""

from __future__ import annotations

import re

import pygame

from game.explain import describe, tactic_text
from game.i18n import N_
from game.ui import glossary as gloss
from game.ui.scenes.common import MenuScene
from game.ui.session import Session, new_seed
from game.ui.widgets.button import Button, label_width
from game.ui.widgets.textblock import Paragraph

SECTIONS = {
    "overview": N_("Overview"),
    "story": N_("Background"),
    "history": N_("History"),
    "start": N_("Resources"),
}


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
        self.page = 0  # the page within the open section (`tab`)
        self.tab = "overview"
        self.pages: list[str] = []
        self.side: pygame.Rect | None = None
        self.section_keys: list[str] = []  # the tabs of the last build, in reading order
        self.page_label: tuple[str, pygame.Rect] | None = None
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

    def _turns_words(self) -> str:
        L, _ = self.level, self._
        return (
            _("{n} seasons").format(n=L.turns)
            if L.turn_length == "season"
            else _("{n} years").format(n=L.turns)
        )

    def overview_text(self) -> str:
        """What a teacher needs first, from the level's structured goals and elite: its aim,
        each condition to win, each way to lose, and what the old powers will do."""
        _, tr, L = self._, self.ctx.tr, self.level
        win = L.goals.win
        if L.goals.win_early:
            head = _("To win, at any time within {turns}:").format(turns=self._turns_words())
        else:
            head = _("To win, after {turns}:").format(turns=self._turns_words())
        lines = [tr.pick(L.summary), "", head]
        lines += ["• " + describe(c, tr, L) for c in (win.all if win.all is not None else [win])]
        if L.goals.lose:
            in_a_row = (
                _("{condition}, {n} seasons in a row")
                if L.turn_length == "season"
                else _("{condition}, {n} years in a row")
            )
            lines += ["", _("You lose if:")]
            for loss in L.goals.lose:
                lines.append("• " + in_a_row.format(condition=describe(loss.when, tr, L), n=loss.for_turns))
        lines += ["", _("Who will oppose you:")] + ["• " + tactic_text(t, tr, L) for t in L.elite.tactics]
        return "\n".join(lines)

    def facts(self) -> list[tuple[str, str, str | None]]:
        """The sidebar's facts as (kind, text, icon): headings and lines, in order."""
        _ = self._
        L = self.level
        icon_for = {"influence": "political_capital", "funds": "money"}
        turns = self._turns_words()
        out: list[tuple[str, str, str | None]] = [("head", _("What you start with"), None)]
        for res in L.resources:
            icon = res.id if self.ctx.icons.exists(res.id) else icon_for.get(res.id, "info")
            text = self.ctx.tr.say(
                "{name}: {start:g}, +{income:g} a turn",
                name=self.ctx.tr.pick(res.name),
                start=res.start,
                income=res.income,
            )
            out.append(("line", text, icon))
        out.append(("head", _("Length"), None))
        out.append(
            ("line", _("{turns}, about {minutes} minutes").format(turns=turns, minutes=L.minutes), None)
        )
        out.append(("head", _("Scenario code"), None))
        out.append(("code", f"{L.id}-{self.seed}", None))
        out.append(
            ("note", _("The same code gives the same game on every computer: share it with a class."), None)
        )
        return out

    def _fact_lines(self, kind: str, text: str, icon: str | None, width: int) -> tuple[list[str], str, bool]:
        ctx = self.ctx
        size, bold = {"head": ("body", True), "code": ("body", True)}.get(kind, ("small", False))
        indent = ctx.space.briefing.fact_indent if icon else 0
        return ctx.text.wrap(text, size, width - indent, bold), size, bold

    def _facts_height(self, width: int) -> int:
        ctx = self.ctx
        h = 0
        for kind, text, icon in self.facts():
            lines, size, bold = self._fact_lines(kind, text, icon, width)
            h += len(lines) * ctx.fonts.line_height(size, bold) + (
                ctx.space.briefing.after_head if kind == "head" else ctx.space.tiny
            )
        return h

    def notes_text(self) -> str:
        """The level's historical notes, each with its source ('' if none)."""
        if not self.level.notes:
            return ""
        tr = self.ctx.tr
        notes = "\n".join(
            "• " + self._("{fact} (Source: {source})").format(fact=tr.pick(n.text), source=n.source)
            for n in self.level.notes
        )
        return self._("From history:") + "\n" + notes

    def quoted_texts(self) -> list[str]:
        return [n.source for n in self.level.notes if n.source]

    def sections(self) -> list[tuple[str, str]]:
        """(key, text) of each section, in reading order, the resources last ("start": `build`
        leaves it out where the sidebar shows them)."""
        glossary = self.glossary()
        story = "\n\n".join(self.ctx.tr.pick(p) for p in self.level.briefing)
        out = [
            ("overview", gloss.auto_link(self.overview_text(), glossary)),
            ("story", gloss.auto_link(story, glossary) + "\n\n" + self.goals_text()),
        ]
        if self.level.notes:
            out.append(("history", self.notes_text()))
        out.append(("start", "\n".join(t for _kind, t, _icon in self.facts())))
        return out

    def build(self) -> None:
        ctx = self.ctx
        _ = self._
        w, h = self.size
        # a compact window (200% at 720 lines) gets the menus' lower buttons and half the gap
        # under the header: a line more of text on each page
        top = self.header_height() + ctx.space.briefing.top_gap // (2 if self.compact else 1)
        btn_h = self.button_height(ctx.space.screen.button_h)
        side_w = min(ctx.space.briefing.side_max_w, w // 3)
        # the tabs' height does not depend on the sidebar: lay them out once, then decide
        every = self.sections()  # built once a build: glossary links, overview
        tabs = [(key, _(SECTIONS[key])) for key, _text in every]
        probe = self.add_tabs(tabs, top) - top
        self.clear()
        body = pygame.Rect(
            ctx.space.briefing.text_x,
            top + probe,
            w - side_w - ctx.space.briefing.text_less_w,
            h - top - probe - btn_h - ctx.space.briefing.text_less_h,
        )
        inner_w = side_w - ctx.space.briefing.side_pad_x
        if (
            body.width < ctx.space.briefing.text_min_w
            or self._facts_height(inner_w) > body.bottom - top - ctx.space.briefing.side_pad_y
        ):
            # no room for the sidebar: its facts become a section of the text
            body.width = w - ctx.space.briefing.text_alone_less_w
            side_w = 0
        sections = {k: t for k, t in every if not (side_w and k == "start")}  # the sidebar shows it
        self.section_keys = list(sections)
        if self.tab not in sections:
            self.tab = "overview"
        self.add_tabs([(key, _(SECTIONS[key])) for key in sections], top)
        text = sections[self.tab]
        para = Paragraph(ctx, body, text, on_link=self.open_term, define=self.define, key="briefing-text")
        # split into pages that fit, so nothing is cut off at any scale
        self.pages = self._paginate(text, body)
        self.page = max(0, min(self.page, len(self.pages) - 1))
        para.set_text(self.pages[self.page])
        self.add(para)
        self.side = (
            pygame.Rect(w - side_w - ctx.space.screen_margin, top, side_w, body.bottom - top)
            if side_w
            else None
        )
        y = h - btn_h - ctx.space.briefing.buttons_bottom
        x = ctx.space.briefing.text_x
        label = _("Begin")
        bw = max(
            ctx.space.briefing.begin_min_w,
            label_width(ctx, label, "primary") + ctx.space.briefing.begin_label_pad,
        )
        begin = pygame.Rect(w - bw - ctx.space.screen_margin, y, bw, btn_h)
        self.page_label = None
        keys = list(sections)
        first, last = (
            self.tab == keys[0] and self.page == 0,
            self.tab == keys[-1] and self.page == len(self.pages) - 1,
        )
        if not (first and last):
            pager = [
                (_("Previous page"), "<", "prev", lambda: self.turn_page(-1), not first),
                (_("Next page"), ">", "next", lambda: self.turn_page(1), not last),
            ]
            words = sum(label_width(ctx, p[0]) + ctx.space.briefing.pager_words_pad for p in pager)
            short = x + words > begin.x  # no room for the words: arrows, named by tooltips
            for label, arrow, key, fn, ok in pager:
                shown = arrow if short else label
                bw = max(btn_h, label_width(ctx, shown) + ctx.space.briefing.pager_label_pad)
                self.add(
                    Button(
                        ctx,
                        self.app.manager,
                        pygame.Rect(x, y, bw, btn_h),
                        shown,
                        fn,
                        key=key,
                        enabled=ok,
                        tooltip=label if short else None,
                    )
                )
                x += bw + ctx.space.briefing.pager_gap
            page = _("Page {n} of {total}").format(n=self.page + 1, total=len(self.pages))
            if (
                len(self.pages) > 1
                and x + ctx.text.size(page, "small")[0] + ctx.space.briefing.pager_gap <= begin.x
            ):
                self.page_label = (page, pygame.Rect(x, y, begin.x - x, btn_h))
        self.add(
            Button(
                ctx,
                self.app.manager,
                begin,
                _("Begin"),
                self.begin,
                kind="primary",
                key="begin",
            )
        )

    def _paginate(self, text: str, rect: pygame.Rect) -> list[str]:
        """Pages that fit `rect`: whole paragraphs where they fit, else whole lines of one (a
        list's items: at 200% a page holds a few lines, and an item read whole reads better),
        else a line split between words (never inside a [[term]])."""

        def fits(t: str) -> bool:
            return Paragraph(self.ctx, pygame.Rect(0, 0, rect.width, 0), t).height <= rect.height

        pages: list[str] = []
        cur = ""

        def put(piece: str, sep: str, force: bool = False) -> bool:
            """Add `piece` to the page if it fits (or `force`: a page must hold something)."""
            nonlocal cur
            trial = f"{cur}{sep}{piece}" if cur else piece
            if fits(trial) or (force and not cur):
                cur = trial
                return True
            return False

        def turn() -> None:
            nonlocal cur
            if cur:
                pages.append(cur)
            cur = ""

        for para in text.split("\n\n"):
            if put(para, "\n\n"):
                continue
            turn()
            for i, line in enumerate(para.split("\n")):
                sep = "\n" if i else "\n\n"
                if put(line, sep):
                    continue
                turn()
                if put(line, sep):
                    continue
                for j, word in enumerate(re.split(r" (?![^\[]*\]\])", line)):
                    if not put(word, " " if j else sep):
                        turn()
                        put(word, sep, force=True)
        turn()
        return pages or [""]

    def turn_page(self, delta: int) -> None:
        """The next or previous page, on into the next or back into the previous section."""
        keys = self.section_keys
        at = keys.index(self.tab) if self.tab in keys else 0
        page = self.page + delta
        if 0 <= page < len(self.pages):
            self.page = page
        elif delta > 0 and at + 1 < len(keys):
            self.tab, self.page = keys[at + 1], 0
        elif delta < 0 and at > 0:
            self.tab, self.page = keys[at - 1], 10_000  # its last page
        self.rebuild()

    def _open_tab(self, key: str):
        def open_tab() -> None:
            if self.tab != key:
                self.tab, self.page = key, 0
                self.rebuild()

        return open_tab

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_PAGEDOWN:
            self.turn_page(1)
            return True
        if event.key == pygame.K_PAGEUP:
            self.turn_page(-1)
            return True
        keys = self.section_keys
        number = event.key - pygame.K_1
        if 0 <= number < len(keys):  # 1 to 4: a section by its place among the tabs
            self._open_tab(keys[number])()
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
        if self.page_label is not None:
            text, r = self.page_label
            ctx.text.draw(surface, text, (r.x, r.centery), "small", ctx.colours.text_dim, anchor="midleft")
        if self.side is None:
            return
        r = self.side
        pygame.draw.rect(surface, ctx.colours.panel, r, border_radius=ctx.space.radius_panel)
        inner = r.inflate(-ctx.space.briefing.side_pad_x, -ctx.space.briefing.side_pad_y)
        y = inner.y
        colours = {"head": ctx.colours.accent, "note": ctx.colours.text_dim}
        for kind, text, icon in self.facts():
            lines, size, bold = self._fact_lines(kind, text, icon, inner.width)
            lh = ctx.fonts.line_height(size, bold)
            x = inner.x
            if icon:
                ctx.icons.draw(
                    surface,
                    icon,
                    (inner.x + ctx.space.briefing.fact_icon_x, y + lh // 2),
                    ctx.space.icon,
                    ctx.colours.text,
                )
                x += ctx.space.briefing.fact_indent
            for line in lines:
                ctx.text.draw(surface, line, (x, y), size, colours.get(kind, ctx.colours.text), bold)
                y += lh
            y += ctx.space.briefing.after_head if kind == "head" else ctx.space.tiny
