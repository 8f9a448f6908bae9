"""A modal dialog with choices, as an overlay scene: the screen below stays visible, dimmed.
Esc chooses the cancel choice if there is one; otherwise a choice must be made."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pygame

from game.ui.host import SceneHost
from game.ui.scene import Scene
from game.ui.widgets.base import Widget
from game.ui.widgets.button import Button
from game.ui.widgets.choice import ChoiceButton
from game.ui.widgets.textblock import Paragraph


@dataclass(frozen=True)
class Choice:
    key: str
    label: str
    detail: str = ""  # one line under the button (e.g. the forecast of that choice)
    kind: str = "normal"  # button style: normal, primary, quiet, danger


class Dialog(Scene):
    name = "dialog"
    overlay = True

    def __init__(
        self,
        app: SceneHost,
        title: str,
        body: str,
        choices: Sequence[Choice],
        on_choice: Callable[[str], None] | None = None,
        *,
        cancel: str | None = None,
        icon: str | None = None,
        icon_colour: str = "accent",  # a palette colour by name: accent, warn, bad, link...
        on_link: Callable[[str], None] | None = None,
        define: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__(app)
        self.title = title
        self.body = body
        self.choices = list(choices)
        self.on_choice = on_choice
        self.cancel = cancel
        self.icon = icon
        self.icon_colour = icon_colour
        self.scroll = 0  # kept across rebuilds (a change of scale or language)
        self.on_link = on_link
        self.define = define
        self.chosen: str | None = None
        self.box = pygame.Rect(0, 0, 0, 0)

    def build(self) -> None:
        ctx = self.ctx
        w, h = self.size
        bw = min(w - ctx.space.dialog.edges, ctx.space.dialog.max_w)
        pad = ctx.space.dialog_pad
        inner_w = bw - 2 * pad
        title_lines = ctx.text.wrap(
            self.title, "heading", inner_w - (ctx.space.dialog.icon_room if self.icon else 0), True
        )
        th = ctx.fonts.line_height("heading", True) * len(title_lines)
        para = Paragraph(
            ctx,
            pygame.Rect(0, 0, inner_w, 0),
            self.body,
            on_link=self.on_link,
            define=self.define,
            key="dialog-body",
        )
        bh_btn = ctx.space.dialog.button_h
        stacked = (
            len(self.choices) > 2
            or any(c.detail for c in self.choices)
            or any(
                ctx.text.size(c.label, "body", True)[0]
                > (inner_w - ctx.space.dialog.buttons_gaps) // max(1, len(self.choices))
                - ctx.space.dialog.button_label_pad
                for c in self.choices
            )
        )
        gap = ctx.space.inset
        if stacked:
            heights = [ChoiceButton.height_for(ctx, c.label, c.detail, inner_w) for c in self.choices]
            buttons_h = sum(heights) + gap * len(heights)
        else:
            buttons_h = bh_btn + gap
        # the box's height around its buttons: padding, title, text and the gaps between them
        chrome = pad + th + ctx.space.dialog.below_title + para.height + ctx.space.dialog.below_body + pad
        bh = chrome + buttons_h
        self.scrolling = bh > h - ctx.space.dialog.screen_room
        if self.scrolling and not stacked:  # our own buttons can be clipped, pygame_gui's cannot
            stacked = True
            heights = [ChoiceButton.height_for(ctx, c.label, c.detail, inner_w) for c in self.choices]
            buttons_h = sum(heights) + gap * len(heights)
            bh = chrome + buttons_h
        bh = min(bh, h - ctx.space.dialog.screen_room)
        self.box = pygame.Rect((w - bw) // 2, (h - bh) // 2, bw, bh)
        self.title_lines = title_lines
        top = self.box.y + pad + th + ctx.space.dialog.below_title
        self.view = pygame.Rect(self.box.x + pad, top, inner_w, self.box.bottom - pad - top)
        # content positions relative to the top of the view; scrolled when it does not fit
        self.placed: list[tuple[Widget, int]] = []
        para.rect = pygame.Rect(self.view.x, 0, inner_w, para.height)
        self.add(para)
        self.placed.append((para, 0))
        y = para.height + ctx.space.dialog.below_body
        if stacked:
            for c, ch in zip(self.choices, heights, strict=True):
                btn = ChoiceButton(
                    ctx,
                    pygame.Rect(self.view.x, 0, inner_w, ch),
                    c.label,
                    c.detail,
                    self._make(c.key),
                    kind=c.kind,
                    key=f"choice:{c.key}",
                )
                self.add(btn)
                self.placed.append((btn, y))
                y += ch + gap
        else:
            n = len(self.choices)
            bw_btn = (inner_w - gap * (n - 1)) // max(1, n)
            for i, c in enumerate(self.choices):
                rect = pygame.Rect(self.view.x + i * (bw_btn + gap), self.view.y + y, bw_btn, bh_btn)
                self.add(
                    Button(
                        ctx,
                        self.app.manager,
                        rect,
                        c.label,
                        self._make(c.key),
                        kind=c.kind,
                        key=f"choice:{c.key}",
                    )
                )
            y += bh_btn
        self.content_h = y
        self.scroll = max(0, min(self.scroll, self.max_scroll))
        self._place()

    @property
    def max_scroll(self) -> int:
        return max(0, self.content_h - self.view.height) if self.scrolling else 0

    def visible_rect(self, widget) -> pygame.Rect:
        return (
            widget.rect.clip(
                self.view.inflate(self.ctx.space.dialog.focus_room, self.ctx.space.dialog.focus_room)
            )
            if self.scrolling
            else widget.rect
        )

    def _place(self) -> None:
        for widget, y in self.placed:
            widget.rect.y = self.view.y + y - self.scroll
            widget.clipped = not widget.rect.colliderect(self.view)

    def update(self, dt: float) -> None:
        super().update(dt)
        cur = self.focus.current
        if self.scrolling and cur is not None and any(cur is w for w, _y in self.placed):
            r = cur.focus_rect
            if r.top < self.view.top:
                self.scroll = max(0, self.scroll - (self.view.top - r.top))
            elif r.bottom > self.view.bottom:
                self.scroll = min(self.max_scroll, self.scroll + (r.bottom - self.view.bottom))
            self._place()

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL and self.scrolling:
            self.scroll = max(
                0, min(self.max_scroll, self.scroll - event.y * self.ctx.space.dialog.wheel_step)
            )
            self._place()
            return True
        if (
            event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP)
            and self.scrolling
            and not self.view.collidepoint(event.pos)
        ):
            return False
        return super().handle_event(event)

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_background(surface)
        clip = surface.get_clip()
        surface.set_clip(
            self.view.inflate(self.ctx.space.dialog.focus_room, self.ctx.space.dialog.focus_room)
        )
        for w in self.widgets:
            if w.visible and not getattr(w, "clipped", False):
                w.draw(surface)
        surface.set_clip(clip)
        if self.max_scroll:
            bar = self.ctx.space.scrollbar
            track = pygame.Rect(
                self.box.right - self.ctx.space.dialog.scrollbar_x, self.view.y, bar, self.view.height
            )
            pygame.draw.rect(surface, self.ctx.colours.bg_deep, track, border_radius=track.width)
            hh = max(self.ctx.space.thumb, track.height * self.view.height // self.content_h)
            y = track.y + (track.height - hh) * self.scroll // self.max_scroll
            pygame.draw.rect(
                surface, self.ctx.colours.text_dim, (track.x, y, track.width, hh), border_radius=track.width
            )

    def _make(self, key: str) -> Callable[[], None]:
        return lambda: self.choose(key)

    def choose(self, key: str) -> None:
        if self.chosen is not None:
            return
        self.chosen = key
        self.app.pop()
        if self.on_choice is not None:
            self.on_choice(key)

    def back(self) -> None:
        if self.cancel is not None:
            self.choose(self.cancel)

    def draw_background(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        shadow = self.box.move(0, ctx.space.tight)
        pygame.draw.rect(surface, ctx.colours.bg_deep, shadow, border_radius=ctx.space.radius_dialog)
        pygame.draw.rect(surface, ctx.colours.panel, self.box, border_radius=ctx.space.radius_dialog)
        icon_colour = getattr(ctx.colours, self.icon_colour)
        pygame.draw.rect(
            surface, icon_colour, self.box, max(2, ctx.space.line), border_radius=ctx.space.radius_dialog
        )
        pad = ctx.space.dialog_pad
        x = self.box.x + pad
        lh = ctx.fonts.line_height("heading", True)
        if self.icon:
            ctx.icons.draw(
                surface,
                self.icon,
                (x + ctx.space.dialog.icon_x, self.box.y + pad + lh // 2),
                ctx.space.icon_header,
                icon_colour,
            )
            x += ctx.space.dialog.icon_room
        for i, line in enumerate(self.title_lines):
            ctx.text.draw(surface, line, (x, self.box.y + pad + i * lh), "heading", ctx.colours.text, True)


def alert(host: SceneHost, title: str, body: str, icon: str = "warning") -> Dialog:
    """Show a message that needs acknowledging: one OK button, Esc or Enter closes it."""
    dialog = Dialog(
        host,
        title,
        body,
        [Choice("ok", host.ctx._("OK"), kind="primary")],
        cancel="ok",
        icon=icon,
        icon_colour="warn",
    )
    host.push(dialog)
    return dialog
