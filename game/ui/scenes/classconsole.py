"""The teacher's console: set up a class session and start it.

Rows (Up/Down to choose, Left/Right to change, Enter to start): the level; 20 or 45
minutes, which sets the turns; the difficulty (the old elite's strength); hot seat or
classroom server; the number of groups at the hot seat; for the server, whether students'
devices on the school network may join (otherwise only this computer); the seed, which with
the level makes the scenario code (R draws a new one); projector mode (large type: the
interface at 150% while the class plays). Nothing needs a mouse.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.classroom.session import DIFFICULTY, MAX_HOTSEAT_GROUPS, MIN_GROUPS, SESSION_TURNS, ClassSetup
from game.classroom.texts import DIFFICULTIES
from game.i18n import N_, pick
from game.os_words import os_reason_text
from game.ui.scenes.classbase import ClassScene
from game.ui.session import new_seed
from game.ui.widgets.panel import triangle

PROJECTOR_SCALE = 150
PORT = 8765


class ClassConsoleScene(ClassScene):
    name = "classconsole"
    title = N_("The teacher's console")

    def __init__(self, app, level_id: str | None = None) -> None:
        super().__init__(app)
        cat = app.catalog()
        self.levels = sorted(cat.levels, key=lambda lv: (lv.level.difficulty, lv.level.id))
        ids = [lv.level.id for lv in self.levels]
        self.level_index = ids.index(level_id) if level_id in ids else 0
        self.minutes = 45
        self.difficulty = "standard"
        self.mode = "hotseat"
        self.groups = 4
        self.lan = False
        self.seed = new_seed()
        self.projector = True
        self.row = 0
        self.message = ""
        self.old_scale: int | None = None

    # --- rows -----------------------------------------------------------------------
    def rows(self) -> list[str]:
        rows = ["level", "minutes", "difficulty", "mode"]
        rows.append("groups" if self.mode == "hotseat" else "network")
        return [*rows, "seed", "projector"]

    @property
    def level(self) -> Any:
        return self.levels[self.level_index].level

    def value_text(self, row: str) -> str:
        _ = self._
        if row == "level":
            return pick(self.level.title, self.ctx.tr.lang)
        if row == "minutes":
            turns = min(int(self.level.turns), SESSION_TURNS[self.minutes])
            return _("{minutes} minutes: {turns} turns").format(minutes=self.minutes, turns=turns)
        if row == "difficulty":
            return _(DIFFICULTIES[self.difficulty])
        if row == "mode":
            return _("hot seat") if self.mode == "hotseat" else _("classroom server")
        if row == "groups":
            return str(self.groups)
        if row == "network":
            return _("the school network") if self.lan else _("this computer only")
        if row == "seed":
            return f"{self.seed}  ({self.level.id}-{self.seed})"
        return _("on") if self.projector else _("off")

    def row_label(self, row: str) -> str:
        _ = self._
        return {
            "level": _("Level"),
            "minutes": _("Lesson"),
            "difficulty": _("Difficulty"),
            "mode": _("How the class plays"),
            "groups": _("Groups at the hot seat"),
            "network": _("Students join from"),
            "seed": _("Seed (scenario code)"),
            "projector": _("Projector mode"),
        }[row]

    def change(self, row: str, step: int) -> None:
        if row == "level":
            self.level_index = (self.level_index + step) % len(self.levels)
        elif row == "minutes":
            self.minutes = 20 if self.minutes == 45 else 45
        elif row == "difficulty":
            names = list(DIFFICULTY)
            self.difficulty = names[(names.index(self.difficulty) + step) % len(names)]
        elif row == "mode":
            self.mode = "server" if self.mode == "hotseat" else "hotseat"
        elif row == "groups":
            self.groups = max(MIN_GROUPS, min(MAX_HOTSEAT_GROUPS, self.groups + step))
        elif row == "network":
            self.lan = not self.lan
        elif row == "seed":
            self.seed = max(0, self.seed + step)
        elif row == "projector":
            self.projector = not self.projector

    def on_key(self, event: pygame.event.Event) -> bool:
        rows = self.rows()
        self.row = min(self.row, len(rows) - 1)
        key = event.key
        if key in (pygame.K_UP, pygame.K_DOWN):
            self.row = (self.row + (1 if key == pygame.K_DOWN else -1)) % len(rows)
            return True
        if key in (pygame.K_LEFT, pygame.K_RIGHT):
            self.change(rows[self.row], 1 if key == pygame.K_RIGHT else -1)
            return True
        if key == pygame.K_r:
            self.seed = new_seed()
            return True
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.start()
            return True
        return False

    # --- starting -------------------------------------------------------------------
    def setup(self) -> ClassSetup:
        return ClassSetup(self.level.id, self.seed, self.minutes, self.difficulty, self.mode, self.groups)

    def start(self) -> None:
        from game.classroom.classroom import Classroom
        from game.classroom.launch import make_classroom
        from game.classroom.session import ClassSession
        from game.ui.scenes.classplay import ClassPlayScene

        setup = self.setup()
        lang = self.ctx.tr.lang
        if self.projector and self.app.settings.ui_scale < PROJECTOR_SCALE:
            self.old_scale = self.app.settings.ui_scale
            self.app.apply_settings(self.app.settings.model_copy(update={"ui_scale": PROJECTOR_SCALE}))
        if self.mode == "hotseat":
            session = ClassSession(self.level, setup, lang)
            play = session.new_play(1)
            for i in range(self.groups):
                play.add_group(self._("Group {n}").format(n=i + 1))
            room = Classroom(play, self.ctx.tr.gettext, on_finish=session.record_plan, session=session)
            self.app.push(ClassPlayScene(self.app, room))
            return
        from game.classroom.server import ServerThread, lan_address

        room = make_classroom(self.level, setup, lang)
        host = "0.0.0.0" if self.lan else "127.0.0.1"
        server = None
        for port in (PORT, 0):  # the usual port, else any free one (shown on the board)
            server = ServerThread(room, host, port)
            try:
                server.start()
                break
            except OSError as exc:
                reason = os_reason_text(exc, self._)
                server = None
        if server is None:
            self.message = self._("The classroom server could not start: {reason}. Use the hot seat.").format(
                reason=reason
            )
            return
        address = f"http://{lan_address() if self.lan else '127.0.0.1'}:{server.port}"
        self.app.push(ClassPlayScene(self.app, room, server, address))

    def resume(self) -> None:
        if self.old_scale is not None:
            self.app.apply_settings(self.app.settings.model_copy(update={"ui_scale": self.old_scale}))
            self.old_scale = None
        super().resume()

    # --- drawing --------------------------------------------------------------------
    def value_line(self, surface: pygame.Surface, text: str, r: pygame.Rect) -> None:
        """A row's value between arrows (Left/Right change it), set smaller before it is cut."""
        ctx = self.ctx
        tri, gap = ctx.space.icon_small, ctx.space.gap
        room = r.width - 2 * (tri + gap)
        size = next(
            (s for s in ("large", "body", "small") if ctx.text.size(text, s, True)[0] <= room), "small"
        )
        text = ctx.text.fit(text, size, room, True)
        for cx, way in (
            (r.x + tri // 2, "left"),
            (r.x + tri + gap + ctx.text.size(text, size, True)[0] + gap + tri // 2, "right"),
        ):
            triangle(surface, (cx, r.centery), tri, way, ctx.colours.text)
        ctx.text.draw(surface, text, (r.x + tri + gap, r.centery), size, ctx.colours.text, True, "midleft")

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_background(surface)
        ctx = self.ctx
        w, h = surface.get_size()
        x, y = ctx.space.classroom.console_x, self.header_height() + ctx.space.margin
        lh = ctx.fonts.line_height("large")
        rows = self.rows()
        code_h = (
            ctx.space.inset
            + ctx.fonts.line_height("heading", True)
            + (ctx.space.classroom.message_gap if self.message else 0)
        )
        shown = self.window(len(rows), (self.keys_top() - y - code_h) // (lh + ctx.space.tight), self.row)
        # the values start after the longest label (at most mid-screen): long names keep their room
        widest = max((ctx.text.size(self.row_label(rows[i]), "large")[0] for i in shown), default=0)
        mid = min(w // 2, x + widest + ctx.space.margin)
        for i in shown:
            row = rows[i]
            if i == self.row:
                pygame.draw.rect(
                    surface,
                    ctx.colours.panel_hi,
                    (x - ctx.space.classroom.row_out, y, w - 2 * x + ctx.space.classroom.row_outs, lh),
                )
                pygame.draw.rect(
                    surface,
                    ctx.colours.focus,
                    (x - ctx.space.classroom.row_out, y, w - 2 * x + ctx.space.classroom.row_outs, lh),
                    max(2, ctx.space.ring),
                )
            self.line(surface, self.row_label(row), x, y, "large", width=mid - x)
            self.value_line(surface, self.value_text(row), pygame.Rect(mid, y, w - x - mid, lh))
            y += lh + ctx.space.tight
        y += ctx.space.inset
        _ = self._
        code = _("Scenario code: {code}").format(code=self.setup().scenario_code)
        size = "heading" if ctx.text.size(code, "heading", True)[0] <= w - 2 * x else "large"
        self.line(surface, code, x, y, size, colour=ctx.colours.accent, bold=True, width=w - 2 * x)
        if self.message:
            self.line(
                surface,
                self.message,
                x,
                y + ctx.space.classroom.message_gap,
                "body",
                colour=ctx.colours.warn,
                width=w - 2 * x,
            )
        self.keys_help(
            surface, _("Up/Down: choose · Left/Right: change · R: new seed · Enter: start · Esc: back")
        )
        self.draw_widgets(surface)
