"""The title screen: the game's name, a tagline and the main menu, all reachable by keyboard."""

from __future__ import annotations

import pygame

from game.saves import AUTOSAVE_SLOT
from game.ui.backdrop import Backdrop
from game.ui.layout import fit_columns
from game.ui.scene import Scene
from game.ui.scenes import available
from game.ui.scenes.dialog import Choice, Dialog
from game.ui.widgets.button import Button


class TitleScene(Scene):
    name = "title"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.backdrop = Backdrop()
        self.title_rect = pygame.Rect(0, 0, 0, 0)

    def _autosave_ok(self) -> bool:
        return any(s.slot == AUTOSAVE_SLOT and s.readable for s in self.app.saves.list())

    def build(self) -> None:
        ctx = self.ctx
        _ = self._
        w, h = self.size
        margin = ctx.space.title.margin if w >= ctx.space.title.wide_min_w else ctx.space.title.margin_narrow
        self.tagline = _("Build an economy run by the people who work and consume in it.")
        hint = _("Tab or arrows: move · Enter: choose · Esc: back · F11: full screen")
        self.hint_lines = ctx.text.wrap(hint, "small", w - 2 * margin - ctx.space.title.version_room)
        hint_h = len(self.hint_lines) * ctx.fonts.line_height("small") + ctx.space.title.hint_extra_h
        btn_h, gap = ctx.space.title.button_h, ctx.space.title.button_gap
        # Pick the largest title and tagline that leave room for the menu in at most 2 columns.
        for title_size, tag_size in (
            ("huge", "large"),
            ("title", "large"),
            ("title", "body"),
            ("heading", "body"),
        ):
            too_wide = ctx.text.size("Parecon Pathways", title_size, True)[0] > w - 2 * margin
            if too_wide and title_size != "heading":  # the smallest is taken however narrow
                continue
            tag_lines = ctx.text.wrap(
                self.tagline, tag_size, min(w - 2 * margin, ctx.space.title.tagline_max_w)
            )
            title_h = ctx.fonts.line_height(title_size, True)
            block_h = title_h + ctx.space.title.below_title + len(tag_lines) * ctx.fonts.line_height(tag_size)
            top = max(ctx.space.title.top_min, h // 16)
            area_top = top + block_h + ctx.space.title.above_menu
            avail = h - area_top - hint_h
            rows_fit = max(1, (avail + gap) // (btn_h + gap))
            if rows_fit * 2 >= 7 or (title_size == "heading" and rows_fit * 3 >= 7):
                break
        self.title_size, self.tag_size, self.tag_lines = title_size, tag_size, tag_lines
        self.title_rect = pygame.Rect(margin, top, w - 2 * margin, block_h)
        if rows_fit * 4 < 7:  # very large text on a small window: the key hint gives way
            self.hint_lines = []
            avail = h - area_top - ctx.space.title.below_menu
            rows_fit = max(1, (avail + gap) // (btn_h + gap))
        cols = min(4, -(-7 // rows_fit))
        col_w = max(ctx.space.title.column_min_w, (w * 3 // 10)) if cols < 3 else (w - 2 * margin) // cols
        left_w = min(cols * col_w + (cols - 1) * gap, w - 2 * margin)
        area = pygame.Rect(margin, area_top, left_w, max(btn_h, avail))
        items = [
            (_("Play"), "play", self.play, "primary", _("Choose a pathway and start a new game")),
            (
                _("Continue"),
                "continue",
                self.continue_game,
                "normal",
                _("Resume the last autosave"),
            ),
            (_("Load"), "load", lambda: self.app.open("saves"), "normal", _("Open a saved game")),
            (
                _("Settings"),
                "settings",
                lambda: self.app.open("settings"),
                "normal",
                _("Language, text size, font, sound, full screen"),
            ),
            (
                _("Glossary"),
                "glossary",
                lambda: self.open_or_notice("glossary"),
                "normal",
                _("The words of a participatory economy, explained"),
            ),
            (
                _("Credits"),
                "credits",
                lambda: self.app.open("credits"),
                "normal",
                _("Who made the fonts, icons and sounds, and the sources"),
            ),
            (_("Quit"), "quit", self.confirm_quit, "quiet", None),
        ]
        rects = fit_columns(len(items), area, btn_h, gap, max_cols=4)
        can_continue = self._autosave_ok()
        for (label, key, fn, kind, tip), rect in zip(items, rects, strict=True):
            btn = Button(ctx, self.app.manager, rect, label, fn, kind=kind, key=key, tooltip=tip)
            if key == "continue" and not can_continue:
                btn.set_enabled(False)
                btn.tooltip = _("No autosave yet: the game saves itself at the end of every turn.")
            self.add(btn)

    def play(self) -> None:
        self.open_or_notice("pathways")

    def continue_game(self) -> None:
        self.app.continue_game()

    def open_or_notice(self, name: str) -> None:
        if available(name):
            self.app.open(name)
        else:
            self.app.notify(self._("This screen is not available in this build."))

    def confirm_quit(self) -> None:
        _ = self._
        self.app.push(
            Dialog(
                self.app,
                _("Quit Parecon Pathways?"),
                _("Your game is saved at the end of every turn."),
                [
                    Choice("quit", _("Quit"), kind="danger"),
                    Choice("stay", _("Stay"), kind="primary"),
                ],
                on_choice=lambda k: self.app.quit() if k == "quit" else None,
                cancel="stay",
                icon="warning",
            )
        )

    def back(self) -> None:
        self.confirm_quit()

    def draw_background(self, surface: pygame.Surface) -> None:
        surface.blit(self.backdrop.get(surface.get_size(), self.ctx.colours), (0, 0))

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        ctx = self.ctx
        r = self.title_rect
        # the name, with a soft shadow so it reads on any part of the sky
        ctx.text.draw(
            surface,
            "Parecon Pathways",
            (r.x + ctx.space.title.shadow, r.y + ctx.space.title.shadow),
            self.title_size,
            ctx.colours.bg_deep,
            True,
        )
        ctx.text.draw(surface, "Parecon Pathways", (r.x, r.y), self.title_size, ctx.colours.text, True)
        y = r.y + ctx.fonts.line_height(self.title_size, True) + ctx.space.title.bar_below_title
        bar_w = ctx.space.title.bar_w
        pygame.draw.rect(
            surface,
            ctx.colours.accent,
            (r.x, y - ctx.space.title.bar_raise, bar_w, max(3, ctx.space.title.bar_h)),
            border_radius=ctx.space.radius_mark,
        )
        y += ctx.space.gap
        for line in self.tag_lines:
            ctx.text.draw(surface, line, (r.x, y), self.tag_size, ctx.colours.text_dim)
            y += ctx.fonts.line_height(self.tag_size)
        w, h = surface.get_size()
        sl = ctx.fonts.line_height("small")
        for i, line in enumerate(reversed(self.hint_lines)):
            ctx.text.draw(
                surface,
                line,
                (r.x, h - ctx.space.title.bottom - i * sl),
                "small",
                ctx.colours.text_dim,
                anchor="bottomleft",
            )
        ctx.text.draw(
            surface,
            f"v{self.app.version}",
            (w - ctx.space.title.margin_narrow, h - ctx.space.title.bottom),
            "small",
            ctx.colours.text_dim,
            anchor="bottomright",
        )
