"""Council play on the projector: the class plans the level's council economy.

Hot seat (no server): the groups take turns at the keyboard. The group whose turn it is sees
its council's quantities with last round's proposal, the suggestion (its automatic
council's answer) and the range the human-paced limits allow; Up/Down choose a quantity,
Left/Right change it (Shift: finer), A takes the suggestion, Enter sends the proposal and
passes the keyboard to the next group. When every group has proposed, the board updates the
prices (Hahnel's rule) and the next round starts.

Classroom server: the same board, with the join code and address, who has proposed and the
countdown; S starts, Enter closes the round, E ends the planning.

When the plan is agreed (or the teacher ends it with E) the screen shows the class's plan
beside the automatic one; Enter goes on to the class's turns and votes.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pygame

from game.classroom.texts import council_name
from game.classroom.views import board as board_data
from game.classroom.views import council_view, preview
from game.i18n import N_
from game.ui.scenes.classbase import ClassScene

STEPS = 20  # a Left/Right press moves a quantity by 1/STEPS of its allowed range
FINE_STEPS = 100


class ClassPlayScene(ClassScene):
    name = "classplay"
    title = N_("Council play")

    def __init__(self, app, room, server: Any = None, address: str = "") -> None:
        super().__init__(app)
        self.room = room
        self.server = server
        self.address = address
        self.row = 0
        self.draft: np.ndarray | None = None
        self.draft_round = -1
        self.draft_group: str | None = None
        self.message = ""
        self.show_board = False  # narrow layout: the board instead of the group's proposal

    # --- state ----------------------------------------------------------------------
    @property
    def play(self):
        return self.room.play

    @property
    def hotseat(self) -> bool:
        return self.server is None

    def current_group(self):
        """The group whose turn it is at the keyboard (hot seat): the first still awaited."""
        waiting = self.play.waiting_for()
        return waiting[0] if waiting else None

    def _ensure_draft(self) -> None:
        g = self.current_group()
        if g is None:
            self.draft = None
            return
        if self.draft is None or self.draft_round != self.play.round or self.draft_group != g.id:
            b = self.play.bounds(g.council)
            self.draft = b["auto"].copy()
            self.draft_round, self.draft_group, self.row = self.play.round, g.id, 0

    def _changed(self) -> None:
        if self.server is not None:
            self.server.poke()

    def exit(self) -> None:
        """Leaving council play ends the classroom server (its pages show the connection lost)."""
        if self.server is not None:
            self.server.stop()
            self.server = None
        super().exit()

    # --- keys -----------------------------------------------------------------------
    @property
    def narrow(self) -> bool:
        """Too narrow for the board beside the group's proposal (large text)."""
        return self.size[0] < self.ctx.space.classroom.wide_min_w and self.hotseat

    def on_key(self, event: pygame.event.Event) -> bool:
        key = event.key
        play = self.play
        if key == pygame.K_b and self.narrow:
            self.show_board = not self.show_board
            return True
        if play.finished:
            if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self.app.push(_turn_scene(self.app, self.room, self.server))
                return True
            return False
        if key == pygame.K_e:
            self.room.stop()
            self._changed()
            return True
        if play.status == "waiting":
            if key in (pygame.K_s, pygame.K_RETURN, pygame.K_KP_ENTER):
                if self.hotseat or play.groups:
                    self.room.start()
                    self._changed()
                else:
                    self.message = self._("Wait for the first group to join.")
                return True
            return False
        if not self.hotseat:
            if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.room.close_round()
                self._changed()
                return True
            return False
        self._ensure_draft()
        g = self.current_group()
        if g is None or self.draft is None:
            return False
        b = play.bounds(g.council)
        n = len(self.draft)
        if key in (pygame.K_UP, pygame.K_DOWN):
            self.row = (self.row + (1 if key == pygame.K_DOWN else -1)) % n
            return True
        if key in (pygame.K_LEFT, pygame.K_RIGHT):
            steps = FINE_STEPS if event.mod & pygame.KMOD_SHIFT else STEPS
            span = float(b["hi"][self.row] - b["lo"][self.row])
            delta = span / steps * (1 if key == pygame.K_RIGHT else -1)
            self.draft[self.row] = float(
                np.clip(self.draft[self.row] + delta, b["lo"][self.row], b["hi"][self.row])
            )
            return True
        if key == pygame.K_a:
            self.draft = b["auto"].copy()
            return True
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.room.propose(g.id, [float(x) for x in self.draft])
            self.draft = None
            self.message = self._("{group} sent its proposal.").format(group=g.name)
            return True
        return False

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.server is not None and self.room.tick():
            self.server.poke()

    # --- drawing --------------------------------------------------------------------
    def subtitle(self) -> str:
        _ = self._
        play = self.play
        if play.status == "waiting":
            return _("Waiting to start")
        if play.finished:
            return self._status_text()
        return _("Round {n}").format(n=play.round) + " · " + self._status_text()

    def _status_text(self) -> str:
        _ = self._
        play = self.play
        last = play.history[-1].max_excess if play.history else None
        if play.status == "converged":
            return self.ctx.tr.say(
                "The plan is agreed: every good is within {t}%.", t=self.ctx.tr.num(play.threshold * 100, "g")
            )
        if play.status == "stopped":
            return _("The teacher ended the planning.")
        if play.status == "limit":
            return _("The planning reached its last round without agreement.")
        if last is None:
            return _("First round: every council proposes freely.")
        return self.ctx.tr.say("Largest excess: {v}%", v=self.ctx.tr.num(last * 100, ".1f"))

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_background(surface)
        ctx = self.ctx
        w, h = surface.get_size()
        top = self.header_height() + ctx.space.classroom.top_gap
        bottom = self.keys_top() - ctx.space.classroom.above_keys
        if self.play.finished and self.room.outcome is not None:
            self._draw_outcome(
                surface,
                pygame.Rect(ctx.space.screen_margin, top, w - ctx.space.classroom.edges, bottom - top),
            )
            self.keys_help(surface, self._("Enter: the class's turns and votes · Esc: back"))
        else:
            left = pygame.Rect(
                ctx.space.screen_margin,
                top,
                (w - ctx.space.classroom.columns_less_w) * 45 // 100,
                bottom - top,
            )
            right = pygame.Rect(
                left.right + ctx.space.classroom.column_gap,
                top,
                w - left.right - ctx.space.classroom.edges,
                bottom - top,
            )
            if self.narrow:  # large text: the board or the group's proposal, B switches
                left = right = pygame.Rect(
                    ctx.space.screen_margin, top, w - ctx.space.classroom.edges, bottom - top
                )
            if not self.narrow or self.show_board:
                self.board_table(surface, left, board_data(self.play, self.room.clock()))
            if self.hotseat:
                if not self.narrow or not self.show_board:
                    self._draw_group(surface, right)
                keys = self._(
                    "Up/Down: quantity · Left/Right: change (Shift: finer) · A: suggestion · "
                    "Enter: send · E: end the planning"
                )
                if self.narrow:
                    keys = self._("B: the board") + " · " + keys
            else:
                self._draw_groups(surface, right)
                keys = self._("S: start · Enter: close the round · E: end the planning · Esc: back")
            if self.play.status == "waiting":
                keys = self._("Enter: start planning · Esc: back")
            self.keys_help(surface, keys)
        self.draw_widgets(surface)

    def _draw_group(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        ctx = self.ctx
        _ = self._
        play = self.play
        x, y = rect.x, rect.y
        if play.status != "round":
            names = ", ".join(g.name for g in play.groups.values())
            y = self.line(surface, _("Groups: {names}").format(names=names), x, y, "large", width=rect.width)
            return
        self._ensure_draft()
        g = self.current_group()
        if g is None or self.draft is None:
            return
        c = g.council
        name = f"{g.name}: {council_name(_, c.kind, c.good, c.number, self.room.goods)}"
        for part in ctx.text.wrap(name, "large", rect.width, True)[:2]:
            y = self.line(surface, part, x, y, "large", bold=True)
        view = council_view(play, g)
        rule = (
            _("This round you may revise freely.") if view["free"] else _("Changes are limited this round.")
        )
        # the rule line is left out where it would push the proposal's cost under the keys
        # (200% in 720 lines: the header's round line says the same)
        body_h, large_h = ctx.fonts.line_height("body"), ctx.fonts.line_height("large")
        if y + 2 * body_h + 3 * large_h + ctx.space.classroom.proposal_gap + ctx.space.gap <= rect.bottom:
            y = self.line(surface, rule, x, y, "body", colour=ctx.colours.text, width=rect.width)
            y += ctx.space.tight
        cols = [x, x + rect.width * 38 // 100, x + rect.width * 58 // 100, x + rect.width * 78 // 100]
        widths = [b - a - ctx.space.tight for a, b in zip(cols, [*cols[1:], rect.right], strict=True)]
        labels = (
            _("Demand") if c.kind == "consumer" else _("Quantity"),
            _("Suggested"),
            _("Allowed"),
            _("Yours"),
        )
        for label, cx, cw in zip(labels, cols, widths, strict=True):
            self.line(surface, label, cx, y, "body", colour=ctx.colours.text_dim, width=cw)
        y += ctx.fonts.line_height("body")
        lh = ctx.fonts.line_height("large")
        goods = list(play.goods_of(c))
        below = (
            2 * lh + ctx.space.classroom.proposal_gap
        )  # the cost or effort line and one effect stay in view
        for k in self.window(len(goods), (rect.bottom - y - below) // lh, self.row):
            gi = goods[k]
            name = self.good(play.ce.economy.good_ids[gi])
            if c.kind != "consumer":  # (a consumer's rows are all demand: the column says so)
                role = _("Output") if k == 0 else _("Input")
                named = f"{role}: {name}"
                name = (
                    named if ctx.text.size(named, "small")[0] <= cols[1] - cols[0] - ctx.space.tight else name
                )
            if k == self.row:
                pygame.draw.rect(surface, ctx.colours.panel_hi, (x - ctx.space.tight, y, rect.width, lh))
                pygame.draw.rect(
                    surface,
                    ctx.colours.focus,
                    (x - ctx.space.tight, y, rect.width, lh),
                    max(2, ctx.space.ring),
                )
            self.line(surface, name, cols[0], y, "large", width=cols[1] - cols[0] - ctx.space.tight)
            self.line(surface, ctx.tr.num(view["suggested"][k], ",.2f"), cols[1], y, "large")
            self.line(
                surface,
                ctx.tr.num(view["lo"][k], ",.1f") + "–" + ctx.tr.num(view["hi"][k], ",.1f"),
                cols[2],
                y,
                "small",
                width=widths[2],
            )
            self.line(surface, ctx.tr.num(self.draft[k], ",.2f"), cols[3], y, "large", bold=True)
            y += lh
        y += ctx.space.gap
        p = preview(play, c, self.draft)
        if c.kind == "consumer":
            text = _("Cost {cost} of your budget {budget}").format(
                cost=ctx.tr.num(p["cost"], ",.0f"), budget=ctx.tr.num(p["budget"], ",.0f")
            )
            over = p["cost"] > p["budget"] * 1.0001
            y = self.line(
                surface,
                text,
                x,
                y,
                "large",
                colour=ctx.colours.bad if over else ctx.colours.text,
                width=rect.width,
            )
            if over:
                y = self.line(
                    surface, _("Over budget: the other councils would vote this down."), x, y, "body"
                )
        else:
            eff = "—" if p["effort"] is None else ctx.tr.num(p["effort"], ".1f")
            auto = "—" if p["effort_suggested"] is None else ctx.tr.num(p["effort_suggested"], ".1f")
            y = self.line(
                surface,
                _("Effort needed: {effort} (the suggestion needs {auto})").format(effort=eff, auto=auto),
                x,
                y,
                "large",
                width=rect.width,
            )
            if p["sbsc"] is not None:
                ratio = ctx.tr.num(p["sbsc"], ".2f")
                y = self.line(
                    surface, _("Social benefit to social cost: {ratio}").format(ratio=ratio), x, y, "body"
                )
        for e in p.get("effect", [])[:3]:
            text = _("{good}: excess {before} becomes {after}").format(
                good=self.good(e["good_id"]),
                before=ctx.tr.percent(e["before"] * 100, "+.1f"),
                after=ctx.tr.percent(e["after"] * 100, "+.1f"),
            )
            y = self.line(surface, text, x, y, "body", width=rect.width)
        if self.message:
            self.line(
                surface,
                self.message,
                x,
                y + ctx.space.tight,
                "body",
                colour=ctx.colours.good,
                width=rect.width,
            )

    def _draw_groups(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        ctx = self.ctx
        _ = self._
        x, y = rect.x, rect.y
        y = self.line(
            surface,
            _("Open {url} and enter the code {code}").format(url=self.address, code=self.room.code),
            x,
            y,
            "heading",
            colour=ctx.colours.accent,
            bold=True,
            width=rect.width,
        )
        if self.play.deadline is not None and self.play.status == "round":
            left = max(0, int(self.play.deadline - self.room.clock()))
            y = self.line(surface, _("{s} s left in this round").format(s=left), x, y, "large")
        y += ctx.space.tight
        y = self.line(surface, _("Groups"), x, y, "large", bold=True)
        for g in self.play.groups.values():
            if y + ctx.fonts.line_height("body") > rect.bottom:
                break
            if g.away:
                mark, colour = _("automatic"), ctx.colours.text_dim
            elif g.id in self.play.submitted:
                mark, colour = _("proposed"), ctx.colours.good
            else:
                mark, colour = _("thinking"), ctx.colours.text
            c = g.council
            text = f"{g.name} · {council_name(_, c.kind, c.good, c.number, self.room.goods)} · {mark}"
            y = self.line(surface, text, x, y, "body", colour=colour, width=rect.width)
        if self.message:
            self.line(surface, self.message, x, y, "body", colour=ctx.colours.warn)

    def _draw_outcome(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """Left: prices, effort and consumption, class against automatic; right: rounds and
        whose revisions moved the plan most."""
        ctx = self.ctx
        _ = self._
        o = self.room.outcome
        left_w = rect.width * 62 // 100
        x, y = rect.x, rect.y
        cols = [x, x + left_w * 56 // 100, x + left_w * 80 // 100]

        def fmt(v: float | None, digits: int) -> str:
            return "—" if v is None else self.ctx.tr.num(v, f",.{digits}f")

        rows = [
            (
                _("Price of {good}").format(good=self.good(g)),
                o["class"]["prices"].get(g),
                o["automatic"]["prices"].get(g),
                1,
            )
            for g in o["goods"]
        ]
        rows += [
            (_("Effort of the {good} workers").format(good=self.good(g)), v["class"], v["automatic"], 2)
            for g, v in o["effort"].items()
        ]
        rows += [
            (
                _("{good} per consumer council").format(good=self.good(g)),
                v,
                o["consumption"]["automatic"].get(g),
                2,
            )
            for g, v in o["consumption"]["class"].items()
        ]
        size = "body"
        for size in ("large", "body", "small"):
            if (len(rows) + 1) * ctx.fonts.line_height(size) <= rect.height:
                break
        hw = cols[2] - cols[1] - ctx.space.gap
        self.line(surface, _("The class's plan"), cols[1], y, size, bold=True, width=hw)
        y = self.line(surface, _("The automatic plan"), cols[2], y, size, bold=True, width=hw)
        for label, a, b, digits in rows:
            if y + ctx.fonts.line_height(size) > rect.bottom:
                break
            self.line(surface, label, cols[0], y, size, width=cols[1] - cols[0] - ctx.space.gap)
            self.line(surface, fmt(a, digits), cols[1], y, size)
            y = self.line(surface, fmt(b, digits), cols[2], y, size)
        rx, ry, rw = x + left_w + ctx.space.section, rect.y, rect.width - left_w - ctx.space.section
        ry = self.line(surface, _("Rounds"), rx, ry, "large", bold=True, width=rw)
        ry = self.line(
            surface,
            f"{_('The class plan')}: {o['class']['rounds']} · "
            f"{_('The automatic plan')}: {o['automatic']['rounds']}",
            rx,
            ry,
            "body",
            width=rw,
        )
        ry += ctx.space.inset
        for line in ctx.text.wrap(_("Whose revisions moved the plan most"), "large", rw, True):
            ry = self.line(surface, line, rx, ry, "large", bold=True)
        for row in o["groups"][:8]:
            if ry + ctx.fonts.line_height("large") > rect.bottom:
                break
            ry = self.line(
                surface, f"{row['group']}: {self.ctx.tr.pct(row['share'])}", rx, ry, "large", width=rw
            )


def _turn_scene(app, room, server):
    from game.ui.scenes.classturn import ClassTurnScene

    return ClassTurnScene(app, room, server)
