"""Settings: every option changes at once (language, text size, font, full screen, sound,
motion) and is saved to the user data folder. The rows scroll when they do not fit (200%)."""

from __future__ import annotations

from typing import Any

import pygame

from game.i18n import LANGUAGES, N_
from game.settings import SCALE_STEPS
from game.ui.scenes.common import MenuScene
from game.ui.widgets.option import OptionRow


class SettingsScene(MenuScene):
    name = "settings"
    title = N_("Settings")
    icon = "gear"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.scroll = 0

    def subtitle(self) -> str:
        return self._("Changes apply at once and are saved for next time.")

    def _set(self, field: str, value: Any) -> None:
        self.app.apply_settings(self.app.settings.model_copy(update={field: value}))

    def _changer(self, field: str):
        return lambda value: self._set(field, value)

    def build(self) -> None:
        ctx = self.ctx
        _ = self._
        s = self.app.settings
        w, h = self.size
        on_off = [(False, _("Off")), (True, _("On"))]
        rows: list[tuple[str, str, list[tuple[Any, str]], Any, bool, str | None]] = [
            (
                "language",
                _("Language"),
                list(LANGUAGES.items()),
                s.language,
                False,
                _("The language of the interface and, where a level has it, of the level texts"),
            ),
            (
                "ui_scale",
                _("Text and control size"),
                [(v, self.ctx.tr.percent(v)) for v in SCALE_STEPS],
                s.ui_scale,
                True,
                _("Bigger text for projectors and for reading at a distance (Ctrl + and Ctrl − also work)"),
            ),
            (
                "font",
                _("Font"),
                [
                    ("standard", _("Standard")),
                    ("hyperlegible", _("Hyperlegible")),
                    ("dyslexic", _("Dyslexia-friendly")),
                ],
                s.font,
                False,
                _(
                    "Standard: Noto Sans. Hyperlegible: Atkinson Hyperlegible. "
                    "Dyslexia-friendly: OpenDyslexic."
                ),
            ),
            (
                "theme",
                _("Colours"),
                [("default", _("Standard")), ("high_contrast", _("High contrast"))],
                s.theme,
                False,
                _("High contrast: white text on black and bright colours, for projectors in bright rooms"),
            ),
            (
                "fullscreen",
                _("Full screen"),
                on_off,
                s.fullscreen,
                False,
                _("F11 also switches full screen"),
            ),
            (
                "volume",
                _("Sound volume"),
                [(v, self.ctx.tr.percent(v)) for v in range(0, 101, 10)],
                s.volume,
                True,
                None,
            ),
            ("mute", _("Mute all sound"), on_off, s.mute, False, None),
            (
                "reduced_motion",
                _("Reduce motion"),
                on_off,
                s.reduced_motion,
                False,
                _("No moving transitions; planning rounds advance only when you ask"),
            ),
        ]
        top = self.header_height() + ctx.space.settings.top_gap
        self.footer_lines = self._footer_lines()
        foot = len(self.footer_lines) * ctx.fonts.line_height("small") + ctx.space.settings.footer_extra_h
        width = min(w - ctx.space.settings.edges, ctx.space.settings.rows_max_w)
        self.area = pygame.Rect((w - width) // 2, top, width, h - top - foot)
        self.row_h, self.row_gap = ctx.space.settings.row_h, ctx.space.settings.row_gap
        self.rows: list[OptionRow] = []
        common = max(OptionRow.value_width(ctx, self.row_h, r[2]) for r in rows)
        common = min(common, ctx.space.option.value_max_w, width // 2)
        for field, label, choices, value, meter, tip in rows:
            row = OptionRow(
                ctx,
                pygame.Rect(self.area.x, 0, width, self.row_h),
                label,
                choices,
                value,
                self._changer(field),
                key=field,
                tooltip=tip,
                meter=meter,
                value_w=self._value_w(label, choices, common, width),
            )
            self.rows.append(row)
            self.add(row)
        self.content_h = len(rows) * (self.row_h + self.row_gap) - self.row_gap
        self.scroll = max(0, min(self.scroll, self.max_scroll))
        self._place_rows()
        bottom = self.area.y + min(self.content_h, self.area.height)
        self.preview = pygame.Rect(
            self.area.x,
            bottom + ctx.space.settings.preview_gap,
            width,
            self.area.bottom - bottom - ctx.space.settings.preview_gap,
        )

    def visible_rect(self, widget) -> pygame.Rect:
        return (
            widget.rect.clip(self.area.inflate(self.ctx.space.settings.focus_room, 0))
            if widget in self.rows
            else widget.rect
        )

    @property
    def max_scroll(self) -> int:
        return max(0, self.content_h - self.area.height)

    def _place_rows(self) -> None:
        for i, row in enumerate(self.rows):
            row.rect.y = self.area.y + i * (self.row_h + self.row_gap) - self.scroll
            # only whole rows are drawn: a row cut through is unreadable (the list scrolls)
            row.clipped = not (row.rect.top >= self.area.y and row.rect.bottom <= self.area.bottom)

    def _value_w(self, label: str, choices: list[tuple[Any, str]], common: int, width: int) -> int:
        """The rows share one value column, but a label it would cut gets the room its own
        values leave ("Tamaño de texto y controles" was cut at 200% beside "200 %")."""
        ctx, opt = self.ctx, self.ctx.space.option
        room = width - common - opt.value_right - opt.label_gap - ctx.space.margin
        if ctx.text.size(label, "body")[0] <= room:
            return common
        return min(common, OptionRow.value_width(ctx, self.row_h, choices))

    def _footer_lines(self) -> list[str]:
        ctx = self.ctx
        w = self.size[0]
        folder = self._("Saves and settings are kept in: {folder}").format(folder=self.app.data_dir)
        lines = ctx.text.wrap(folder, "small", w - ctx.space.settings.footer_edges)
        if ctx.scale <= 1.3:
            hint = self._("Left and Right change the selected setting; Enter moves to the next value.")
            lines = ctx.text.wrap(hint, "small", w - ctx.space.settings.footer_edges) + lines
        return lines

    def update(self, dt: float) -> None:
        super().update(dt)
        cur = self.focus.current
        if cur in self.rows:
            i = self.rows.index(cur)
            top = i * (self.row_h + self.row_gap)
            if top < self.scroll:
                self.scroll = top
            elif top + self.row_h > self.scroll + self.area.height:
                self.scroll = top + self.row_h - self.area.height
            self._place_rows()

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL and self.max_scroll:
            self.scroll = max(0, min(self.max_scroll, self.scroll - event.y * self.row_h))
            self._place_rows()
            return True
        if event.type in (
            pygame.MOUSEBUTTONDOWN,
            pygame.MOUSEBUTTONUP,
        ) and not self.area.collidepoint(event.pos):
            for row in self.rows:  # rows scrolled under the header must not take clicks
                if row.rect.collidepoint(event.pos):
                    return False
        return super().handle_event(event)

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_background(surface)
        ctx = self.ctx
        clip = surface.get_clip()
        surface.set_clip(self.area.inflate(ctx.space.settings.focus_room, 0))
        for row in self.rows:
            if not getattr(row, "clipped", False):
                row.draw(surface)
        surface.set_clip(clip)
        if self.max_scroll:
            track = pygame.Rect(
                self.area.right + ctx.space.settings.scrollbar_x,
                self.area.y,
                ctx.space.scrollbar,
                self.area.height,
            )
            pygame.draw.rect(surface, ctx.colours.panel, track, border_radius=track.width)
            hh = max(ctx.space.thumb, track.height * self.area.height // self.content_h)
            y = track.y + (track.height - hh) * self.scroll // self.max_scroll
            pygame.draw.rect(
                surface, ctx.colours.text_dim, (track.x, y, track.width, hh), border_radius=track.width
            )
        lh = ctx.fonts.line_height("body")
        if (
            self.preview.height
            >= lh + ctx.fonts.line_height("small") + ctx.space.settings.preview_min_extra_h
        ):
            pygame.draw.rect(surface, ctx.colours.bg_deep, self.preview, border_radius=ctx.space.radius_card)
            inner = self.preview.inflate(-ctx.space.settings.preview_pad_x, -ctx.space.settings.preview_pad_y)
            ctx.text.draw(surface, self._("Preview"), inner.topleft, "small", ctx.colours.accent, True)
            top = inner.y + ctx.fonts.line_height("small", True) + ctx.space.nudge
            body = pygame.Rect(inner.x, top, inner.width, inner.bottom - top)
            sample = self._(
                "Worker and consumer councils propose, revise and agree on a plan, round by round."
            )
            ctx.text.draw_wrapped(surface, sample, body, "body", ctx.colours.text)
        for widget in self.widgets:
            if widget not in self.rows and widget.visible:
                widget.draw(surface)
        w, h = surface.get_size()
        sl = ctx.fonts.line_height("small")
        for i, line in enumerate(reversed(self.footer_lines)):
            ctx.text.draw(
                surface,
                line,
                (ctx.space.screen_margin, h - ctx.space.settings.footer_bottom - i * sl),
                "small",
                ctx.colours.text_dim,
                anchor="bottomleft",
            )
