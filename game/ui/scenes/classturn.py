"""The class's turns on the projector, decided by class votes.

Each turn the screen shows the scores, the turn's event and the actions the class can
afford. V puts the event's choice to a vote, A puts up to four actions to a vote (Space
marks the actions to put up, Up/Down move). With the classroom server, M switches the vote
between a show of hands and one vote per group from the students' pages. In a show of hands
Up/Down choose the option and Left/Right or the digit keys set its count. Enter closes the
vote (the option with most votes wins; a tie goes to the first). P plays the turn with what
the votes decided. At the end, R writes the class's report (votes and plans included).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pygame

from game.classroom.launch import write_class_report
from game.classroom.votes import VoteError
from game.i18n import N_, pick
from game.os_words import os_reason_text
from game.ui.names import SCORE_ORDER
from game.ui.scenes.classbase import ClassScene

MAX_VOTE_ACTIONS = 4


class ClassTurnScene(ClassScene):
    name = "classturn"
    title = N_("The class decides")

    def __init__(self, app, room, server=None) -> None:
        super().__init__(app)
        self.room = room
        self.server = server
        self.mode = "groups" if server is not None else "hands"
        self.row = 0
        self.marked: list[str] = []
        self.vote_row = 0
        self.message = ""
        self.report_dir: Path | None = None

    @property
    def session(self):
        return self.room.session

    def playable(self) -> list[str]:
        if self.session.finished:
            return []
        return [a for a, why in self.session.sim.playable([]).items() if not why]

    def _changed(self) -> None:
        if self.server is not None:
            self.server.poke()

    def _try(self, fn, *args) -> None:
        try:
            fn(*args)
            self.message = ""
        except VoteError as exc:
            from game.classroom.texts import error_text

            self.message = error_text(self._, exc.code)
        self._changed()

    def on_key(self, event: pygame.event.Event) -> bool:
        key = event.key
        vote = self.room.vote
        s = self.session
        if s.finished:
            if key == pygame.K_r:
                self._write_report()
                return True
            return False
        if vote is not None and not vote.closed:
            options = vote.option_ids()
            if key in (pygame.K_UP, pygame.K_DOWN):
                self.vote_row = (self.vote_row + (1 if key == pygame.K_DOWN else -1)) % len(options)
                return True
            if vote.mode == "hands":
                opt = options[self.vote_row]
                if key in (pygame.K_LEFT, pygame.K_RIGHT):
                    n = vote.counts[opt] + (1 if key == pygame.K_RIGHT else -1)
                    self._try(self.room.set_hands, opt, max(0, min(999, n)))
                    return True
                if pygame.K_0 <= key <= pygame.K_9 or pygame.K_KP0 <= key <= pygame.K_KP9:
                    digit = (key - pygame.K_0) if key <= pygame.K_9 else (key - pygame.K_KP0)
                    n = vote.counts[opt] * 10 + digit
                    self._try(self.room.set_hands, opt, n if n <= 999 else digit)
                    return True
                if key == pygame.K_BACKSPACE:
                    self._try(self.room.set_hands, opt, vote.counts[opt] // 10)
                    return True
            if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self._try(self.room.close_vote)
                return True
            return False
        acts = self.playable()
        if key in (pygame.K_UP, pygame.K_DOWN) and acts:
            self.row = (self.row + (1 if key == pygame.K_DOWN else -1)) % len(acts)
            return True
        if key == pygame.K_SPACE and acts:
            a = acts[self.row]
            if a in self.marked:
                self.marked.remove(a)
            elif len(self.marked) < MAX_VOTE_ACTIONS:
                self.marked.append(a)
            return True
        if key == pygame.K_m and self.server is not None:
            self.mode = "hands" if self.mode == "groups" else "groups"
            return True
        if key == pygame.K_v:
            self.vote_row = 0
            self._try(self.room.vote_event, self.mode)
            return True
        if key == pygame.K_a:
            self.vote_row = 0
            ids = self.marked if len(self.marked) >= 2 else None
            self._try(self.room.vote_actions, self.mode, ids)
            self.marked = []
            return True
        if key == pygame.K_p:
            self._try(self.room.play_turn)
            self.row = 0
            return True
        return False

    def _write_report(self) -> None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        out = self.app.data_dir / "class-reports" / f"{self.session.setup.scenario_code}-{stamp}"
        try:
            files = write_class_report(self.room, out, self.session.lang)
        except OSError as exc:
            self.message = self._("The report could not be written: {reason}").format(
                reason=os_reason_text(exc, self._)
            )
            return
        self.report_dir = out
        self.message = self._("The class report is in {path}").format(path=str(files[-1]))

    # --- drawing --------------------------------------------------------------------
    def subtitle(self) -> str:
        s = self.session
        if s.finished:
            return self._("The class's game is over.")
        return self._("Turn {n} of {total}").format(n=s.sim.turn, total=s.turns)

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_background(surface)
        ctx = self.ctx
        _ = self._
        s = self.session
        w, h = surface.get_size()
        x, y = ctx.space.screen_margin, self.header_height() + ctx.space.pad
        col = w // 2
        # scores
        scores = s.reports[-1]["scores"] if s.reports else s.sim.start.scores
        text = "  ·  ".join(f"{_(k.capitalize())} {float(scores[k]):.0f}" for k in SCORE_ORDER if k in scores)
        y = self.line(surface, text, x, y, "large", bold=True, width=w - 2 * x)
        if s.reports:
            last = s.reports[-1]
            done = ", ".join(self._action_title(a) for a in last["actions"]) or _("nothing")
            y = self.line(
                surface, _("Last turn the class played: {actions}").format(actions=done), x, y, "body"
            )
        y += ctx.space.gap
        top = y
        vote = self.room.vote
        if s.finished:
            from game.explain import ending_text

            y = self.line(surface, _("The class's game is over."), x, y, "heading", bold=True)
            text = ending_text(s.sim.ending, s.level, s.tr)
            ctx.text.draw_wrapped(
                surface, text, pygame.Rect(x, y, w - 2 * x, h // 3), "large", ctx.colours.text
            )
            keys = _("R: write the class report · Esc: back")
        elif vote is not None:
            self._draw_vote(
                surface, pygame.Rect(x, y, w - 2 * x, self.keys_top() - y - ctx.space.classroom.above_keys)
            )
            if not vote.closed and vote.mode == "hands":
                keys = _("Up/Down: option · Left/Right or digits: hands · Enter: close the vote")
            elif not vote.closed:
                keys = _("Enter: close the vote")
            else:
                keys = _("P: play the turn · V: vote on the event · A: vote on actions")
        else:
            keys = _("Up/Down, Space: mark actions · A: vote on actions · V: vote on the event · P: play")
            ev = s.sim.setup().event
            ey = top
            if ev is not None:
                title = _("Event: {title}").format(title=pick(ev.title, s.lang))
                ey = self.line(surface, title, col, ey, "large", bold=True, width=w - col - x)
                for c in s.sim.open_choices():
                    ey = self.line(surface, "· " + pick(c.label, s.lang), col, ey, "body", width=w - col - x)
            yy = self.line(surface, _("Actions the class can afford"), x, top, "large", bold=True)
            lh = ctx.fonts.line_height("body")
            acts = self.playable()
            for i in self.window(
                len(acts), (self.keys_top() - ctx.space.classroom.actions_room - yy) // lh, self.row
            ):
                a = acts[i]
                if i == self.row:
                    pygame.draw.rect(
                        surface,
                        ctx.colours.focus,
                        (x - ctx.space.nudge, yy, col - x - ctx.space.margin, lh),
                        max(2, ctx.space.line),
                    )
                mark = "[x] " if a in self.marked else "[ ] "
                yy = self.line(
                    surface,
                    mark + self._action_title(a),
                    x,
                    yy,
                    "body",
                    width=col - x - ctx.space.classroom.column_gap,
                )
        if self.server is not None and not s.finished:
            how = _("one vote per group") if self.mode == "groups" else _("by show of hands")
            keys += " · " + _("M: votes {how}").format(how=how)
        if self.message:
            my = self.keys_top() - ctx.fonts.line_height("body") - ctx.space.tight
            self.line(surface, self.message, x, my, "body", colour=ctx.colours.warn, width=w - 2 * x)
        self.keys_help(surface, keys)
        self.draw_widgets(surface)

    def _action_title(self, aid: str) -> str:
        a = self.session.sim.actions.get(aid)
        return pick(a.title, self.session.lang) if a is not None else aid

    def _draw_vote(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        ctx = self.ctx
        _ = self._
        v = self.room.vote
        x, y = rect.x, rect.y
        how = _("by show of hands") if v.mode == "hands" else _("one vote per group")
        y = self.para(
            surface, f"{_('Class vote')} ({how}): {v.question}", x, y, "large", rect.width, bold=True
        )
        lh = ctx.fonts.line_height("heading")
        result_h = ctx.fonts.line_height("large") + ctx.space.classroom.proposal_gap if v.closed else 0
        rows = self.window(len(v.options), (rect.bottom - y - result_h) // lh, self.vote_row)
        for i in rows:
            oid, label = v.options[i]
            if i == self.vote_row and not v.closed:
                pygame.draw.rect(
                    surface,
                    ctx.colours.focus,
                    (x - ctx.space.nudge, y, rect.width, lh),
                    max(2, ctx.space.ring),
                )
            colour = ctx.colours.good if v.closed and v.winner == oid else ctx.colours.text
            self.line(surface, label, x, y, "heading", colour=colour, width=rect.width * 3 // 4)
            y = self.line(surface, str(v.counts[oid]), x + rect.width * 80 // 100, y, "heading", bold=True)
        if v.closed:
            label = dict(v.options)[v.winner]
            self.line(
                surface,
                _("Result: {option}").format(option=label),
                x,
                y + ctx.space.gap,
                "large",
                colour=ctx.colours.good,
            )
