"""Saved games: every slot, readable ones with their level, turn and scores, unreadable ones
with the reason. Load, delete (after a question), or go back."""

from __future__ import annotations

from datetime import datetime

import pygame

from game.i18n import N_
from game.saves import AUTOSAVE_SLOT, SlotInfo
from game.ui.names import SCORE_ORDER, SCORES
from game.ui.scenes.common import MenuScene
from game.ui.scenes.dialog import Choice, Dialog
from game.ui.widgets.button import Button
from game.ui.widgets.listview import ListView
from game.ui.widgets.textblock import ScrollText

PROBLEM_WORDS = {
    "io": N_("the file cannot be read"),
    "too_large": N_("the file is too large"),
    "encoding": N_("the file is not text"),
    "json": N_("the file is damaged"),
    "not_object": N_("the file is damaged"),
    "newer": N_("it was made by a newer version of the game"),
    "unknown_version": N_("its format is unknown"),
    "invalid": N_("some of its contents are missing or wrong"),
}


class SavesScene(MenuScene):
    name = "saves"
    title = N_("Saved games")
    icon = "hourglass"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.slots: list[SlotInfo] = []
        self.selected = 0
        self.refresh()

    def refresh(self) -> None:
        self.slots = self.app.saves.list()
        self.selected = min(self.selected, max(0, len(self.slots) - 1))

    def subtitle(self) -> str:
        n = len(self.slots)
        bad = sum(1 for s in self.slots if not s.readable)
        text = self.ctx.tr.ngettext("{n} saved game", "{n} saved games", n).format(n=n)
        if bad:
            text += " · " + self.ctx.tr.ngettext("{n} unreadable", "{n} unreadable", bad).format(n=bad)
        return text

    def slot_name(self, info: SlotInfo) -> str:
        return self._("Autosave") if info.slot == AUTOSAVE_SLOT else info.slot

    def problem_text(self, info: SlotInfo) -> str:
        assert info.problem is not None
        return self._("Unreadable: {reason}").format(reason=self._(PROBLEM_WORDS.get(info.problem.kind, "")))

    def problem_detail(self, info: SlotInfo) -> str:
        """What exactly is wrong, in the player's language."""
        return info.problem.words(self._) if info.problem is not None else ""

    def level_line(self, info: SlotInfo) -> str:
        """ "Level · Turn 3 of 16" for a readable save."""
        assert info.save is not None
        s, _ = info.save.summary, self._
        turn = (
            _("Turn {turn} of {total}").format(turn=s.turn, total=s.turns_total)
            if s.turns_total
            else _("Turn {turn}").format(turn=s.turn)
        )
        return f"{self.level_name(info)} · {turn}"

    def slot_tip(self, info: SlotInfo) -> str:
        """A row of the list whole (its lines are cut to the row's width)."""
        if info.save is None:
            return "\n".join((self.slot_name(info), self.problem_text(info), self.problem_detail(info)))
        return "\n".join((self.slot_name(info), self.level_line(info)))

    def level_name(self, info: SlotInfo) -> str:
        assert info.save is not None
        title = info.save.summary.level_title
        if not title:  # a save written by hand (a teacher's class save): the level's own title
            loaded = self.app.catalog().find(info.save.level_id)
            title = loaded.level.title if loaded is not None else None
        return self.ctx.tr.pick(title) if title else info.save.level_id

    def build(self) -> None:
        ctx = self.ctx
        _ = self._
        w, h = self.size
        top = self.header_height() + ctx.space.below_header
        btn_h = ctx.space.screen.button_h
        list_w = min(ctx.space.saves.list_max_w, w * 3 // 5)
        item_h = (
            ctx.fonts.line_height("body", True)
            + ctx.fonts.line_height("small") * 2
            + ctx.space.saves.item_extra_h
        )
        narrow = w - list_w - ctx.space.saves.margins < ctx.space.saves.details_min_w
        if narrow:  # large text: the list and the chosen save's details behind tabs
            top = self.add_tabs([("list", _("Saved games")), ("details", _("Details"))], top)
            list_w = w - ctx.space.saves.edges
        self.list_rect = pygame.Rect(
            ctx.space.screen_margin, top, list_w, h - top - btn_h - ctx.space.saves.buttons_room
        )
        self.listview = ListView(
            ctx,
            self.list_rect,
            self.slots,
            self._paint,
            item_height=item_h,
            key="slots",
            selected=self.selected,
            on_select=self._select,
            on_activate=lambda i: self.load(),
            empty_text=_("No saved games yet. The game saves itself at the end of every turn."),
            tips=self.slot_tip,
        )
        if not narrow or self.tab == "list":
            self.add(self.listview)
        elif self.tab == "details":
            self.add(ScrollText(ctx, self.list_rect, self.detail_text(), key="details"))
        y = self.list_rect.bottom + ctx.space.saves.above_buttons
        bw = (list_w - ctx.space.pad) // 2
        self.load_btn = self.add(
            Button(
                ctx,
                self.app.manager,
                pygame.Rect(ctx.space.screen_margin, y, bw, btn_h),
                _("Load"),
                self.load,
                kind="primary",
                key="load",
            )
        )
        self.delete_btn = self.add(
            Button(
                ctx,
                self.app.manager,
                pygame.Rect(ctx.space.screen_margin + bw + ctx.space.pad, y, bw, btn_h),
                _("Delete"),
                self.confirm_delete,
                kind="normal",
                key="delete",
            )
        )
        self.detail_rect = pygame.Rect(
            self.list_rect.right + ctx.space.screen_margin,
            top,
            0 if narrow else w - self.list_rect.right - ctx.space.saves.edges,
            h - top - ctx.space.screen_margin,
        )
        self._update_buttons()

    def detail_text(self) -> str:
        """The chosen save's details as text (the tabbed layout's Details tab)."""
        _ = self._
        cur = self.current
        if cur is None:
            return _("Saved games appear here. Start a game with Play on the title screen.")
        lines = ["# " + self.slot_name(cur)]
        if cur.save is None:
            lines += [
                "## " + self.problem_text(cur),
                str(cur.problem),
                "",
                _(
                    "The file is left as it is. You can delete it, or keep it to send "
                    "to whoever can repair it."
                ),
                str(cur.path),
            ]
            return "\n".join(lines)
        from game.ui.widgets.gauge import level_word

        save, s = cur.save, cur.save.summary
        lines += [
            f"{_('Pathway')}: {self.level_name(cur)}",
            f"{_('Turn')}: {s.turn}" + (f" / {s.turns_total}" if s.turns_total else ""),
            f"{_('Seed')}: {save.seed}",
            f"{_('Saved')}: {self._when(cur)}",
            f"{_('Game version')}: {save.game_version}",
            "",
        ]
        for key in SCORE_ORDER:
            if key in s.scores:
                v = s.scores[key]
                lines.append(f"- {_(SCORES[key])}: {v:.0f}, {_(level_word(v))}")
        if save.level_hash is None and save.decisions:
            lines += [
                "",
                _(
                    "Saved by an older version: the level file cannot be checked, so the "
                    "replay may differ if the level has changed since."
                ),
            ]
        return "\n".join(lines)

    def _select(self, i: int) -> None:
        self.selected = i
        self._update_buttons()

    def _update_buttons(self) -> None:
        cur = self.current
        self.load_btn.set_enabled(cur is not None and cur.readable)
        self.delete_btn.set_enabled(cur is not None)

    @property
    def current(self) -> SlotInfo | None:
        return self.slots[self.selected] if 0 <= self.selected < len(self.slots) else None

    def load(self) -> None:
        cur = self.current
        if cur is None:
            return
        if not cur.readable:
            self.app.notify(self.problem_text(cur))
            return
        self.app.load_slot(cur.slot)

    def confirm_delete(self) -> None:
        cur = self.current
        if cur is None:
            return
        _ = self._

        def done(key: str) -> None:
            if key == "delete":
                self.app.saves.delete(cur.slot)
                self.refresh()

        self.app.push(
            Dialog(
                self.app,
                _("Delete “{name}”?").format(name=self.slot_name(cur)),
                _("The file is removed from the saves folder. This cannot be undone."),
                [
                    Choice("delete", _("Delete"), kind="danger"),
                    Choice("keep", _("Keep"), kind="primary"),
                ],
                on_choice=done,
                cancel="keep",
                icon="warning",
                icon_colour="bad",
            )
        )

    def _when(self, info: SlotInfo) -> str:
        if info.save is not None:
            try:
                stamp = datetime.fromisoformat(info.save.saved_at).astimezone()
                return stamp.strftime("%Y-%m-%d %H:%M")
            except ValueError:
                pass
        return datetime.fromtimestamp(info.modified).strftime("%Y-%m-%d %H:%M") if info.modified else ""

    def _paint(
        self, surface: pygame.Surface, r: pygame.Rect, info: SlotInfo, selected: bool, focused: bool
    ) -> None:
        ctx = self.ctx
        _ = self._
        bg = ctx.colours.panel_hi if selected else ctx.colours.panel
        pygame.draw.rect(surface, bg, r, border_radius=ctx.space.radius_card)
        if selected:
            pygame.draw.rect(
                surface, ctx.colours.link, r, max(1, ctx.space.line), border_radius=ctx.space.radius_card
            )
        pad = ctx.space.pad
        isz = ctx.space.icon_large
        lh = ctx.fonts.line_height("body", True)
        sl = ctx.fonts.line_height("small")
        icon, colour = ("check", ctx.colours.good) if info.readable else ("warning", ctx.colours.warn)
        ctx.icons.draw(surface, icon, (r.x + pad + isz // 2, r.y + pad + lh // 2), isz, colour)
        x = r.x + pad + isz + ctx.space.pad
        right = r.right - pad
        when = self._when(info)
        ww = ctx.text.size(when, "small")[0]
        ctx.text.draw(surface, when, (right, r.y + pad), "small", ctx.colours.text_dim, anchor="topright")
        name = ctx.text.fit(self.slot_name(info), "body", right - ww - x - ctx.space.pad, True)
        ctx.text.draw(surface, name, (x, r.y + pad - ctx.space.tiny), "body", ctx.colours.text, True)
        y = r.y + pad + lh
        if info.save is None:
            line = ctx.text.fit(self.problem_text(info), "small", right - x)
            ctx.text.draw(surface, line, (x, y), "small", ctx.colours.warn, True)
            detail = ctx.text.fit(self.problem_detail(info), "small", right - x)
            ctx.text.draw(surface, detail, (x, y + sl), "small", ctx.colours.text_dim)
            return
        s = info.save.summary
        line = ctx.text.fit(self.level_line(info), "small", right - x)
        ctx.text.draw(surface, line, (x, y), "small", ctx.colours.text)
        sx = x
        ssz = ctx.space.icon_small
        for key in SCORE_ORDER:
            if key not in s.scores:
                continue
            ctx.icons.draw(surface, key, (sx + ssz // 2, y + sl + sl // 2), ssz, ctx.colours.scores[key])
            rect = ctx.text.draw(
                surface,
                f"{s.scores[key]:.0f}",
                (sx + ssz + ctx.space.nudge, y + sl),
                "small",
                ctx.colours.text,
                True,
            )
            sx = rect.right + ctx.space.saves.score_gap

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        ctx = self.ctx
        _ = self._
        r = self.detail_rect
        if r.width < ctx.space.saves.details_shown_w:
            return  # the tabbed layout shows the details in their own tab
        pygame.draw.rect(surface, ctx.colours.panel, r, border_radius=ctx.space.radius_panel)
        pad = ctx.space.saves.details_pad
        inner = r.inflate(-2 * pad, -2 * pad)
        cur = self.current
        y = inner.y
        if cur is None:
            ctx.text.draw_wrapped(
                surface,
                _("Saved games appear here. Start a game with Play on the title screen."),
                inner,
                "body",
                ctx.colours.text_dim,
            )
            return
        ctx.text.draw(
            surface,
            ctx.text.fit(self.slot_name(cur), "large", inner.width, True),
            (inner.x, y),
            "large",
            ctx.colours.text,
            True,
        )
        y += ctx.fonts.line_height("large", True) + ctx.space.tight
        if cur.save is None:
            y += ctx.text.draw_wrapped(
                surface,
                self.problem_text(cur),
                pygame.Rect(inner.x, y, inner.width, inner.height),
                "body",
                ctx.colours.warn,
                True,
            )
            y += ctx.space.gap
            y += ctx.text.draw_wrapped(
                surface,
                self.problem_detail(cur),
                pygame.Rect(inner.x, y, inner.width, inner.height),
                "small",
                ctx.colours.text_dim,
            )
            y += ctx.space.pad
            ctx.text.draw_wrapped(
                surface,
                _(
                    "The file is left as it is. You can delete it, or keep it to send "
                    "to whoever can repair it."
                ),
                pygame.Rect(inner.x, y, inner.width, inner.bottom - y),
                "small",
                ctx.colours.text_dim,
            )
            ctx.text.draw_wrapped(
                surface,
                str(cur.path),
                pygame.Rect(
                    inner.x,
                    inner.bottom - ctx.fonts.line_height("small") * 2,
                    inner.width,
                    ctx.fonts.line_height("small") * 2,
                ),
                "small",
                ctx.colours.text_dim,
            )
            return
        save = cur.save
        s = save.summary
        facts = [
            (_("Pathway"), self.level_name(cur)),
            (_("Turn"), f"{s.turn}" + (f" / {s.turns_total}" if s.turns_total else "")),
            (_("Seed"), str(save.seed)),
            (_("Saved"), self._when(cur)),
            (_("Game version"), save.game_version),
        ]
        lw = max(ctx.text.size(k, "small", True)[0] for k, _v in facts) + ctx.space.saves.fact_gap
        sl = ctx.fonts.line_height("body")
        for k, v in facts:
            ctx.text.draw(surface, k, (inner.x, y + ctx.space.tiny), "small", ctx.colours.text_dim, True)
            used = ctx.text.draw_wrapped(
                surface,
                v,
                pygame.Rect(inner.x + lw, y, inner.width - lw, inner.bottom - y),
                "body",
                ctx.colours.text,
            )
            y += max(sl, used) + ctx.space.tiny
        y += ctx.space.inset
        from game.ui.widgets.gauge import level_word

        for key in SCORE_ORDER:
            if key not in s.scores:
                continue
            score = s.scores[key]
            isz = ctx.space.icon_mark
            ctx.icons.draw(surface, key, (inner.x + isz // 2, y + sl // 2), isz, ctx.colours.scores[key])
            label = f"{_(SCORES[key])}: {score:.0f}, {_(level_word(score))}"
            ctx.text.draw(
                surface,
                ctx.text.fit(label, "body", inner.width - isz - ctx.space.inset),
                (inner.x + isz + ctx.space.inset, y),
                "body",
                ctx.colours.text,
            )
            y += sl + ctx.space.nudge
        if save.level_hash is None and save.decisions:  # with no turn played there is nothing to replay
            y += ctx.space.gap
            ctx.text.draw_wrapped(
                surface,
                _(
                    "Saved by an older version: the level file cannot be checked, so the "
                    "replay may differ if the level has changed since."
                ),
                pygame.Rect(inner.x, y, inner.width, inner.bottom - y),
                "small",
                ctx.colours.text_dim,
            )
