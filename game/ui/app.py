"""The App: the window, the main loop and the services scenes share (settings, saves,
workers, notices, tooltips). The scene stack is `game.ui.scene_stack.SceneStack`; scenes see
the App through the `game.ui.host.SceneHost` protocol; loading a save is
`game.ui.games.GameService`.

The loop body is `step(events, dt)`: tests call it with injected events and a fixed dt (no
Clock, no real time), `run()` calls it with real events, and `run_async()` is the same loop
for a browser build (it yields to asyncio every frame). Nothing in a step blocks: a long
simulation goes to `workers.submit(...)` and its result arrives through `workers.poll()`.

Keys everywhere: Tab / Shift+Tab move focus, arrows move within and between widgets, Enter
activates, Esc goes back, F11 toggles full screen, Ctrl + / Ctrl - change the UI scale.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui

from game import __version__
from game.i18n import load_translator
from game.os_words import os_reason_text
from game.saves import AUTOSAVE_SLOT, SaveGame, SaveStore
from game.settings import SCALE_STEPS, Settings, save_settings
from game.theme_data import load_theme
from game.ui.audio import Audio
from game.ui.context import UIContext
from game.ui.games import GameService, LoadFailure
from game.ui.icons import IconBook
from game.ui.layout import tooltip_place
from game.ui.lifecycle import (
    MIN_SIZE,
    Stopped,
    below_minimum,
    catch_stop_signals,
    enforce_minimum_size,
    restore_signals,
)
from game.ui.memory import release_free_memory
from game.ui.scene import Scene
from game.ui.scene_stack import SceneStack
from game.ui.theme import build_theme
from game.ui.worker import Workers

if TYPE_CHECKING:
    from game.levels.catalog import Catalog

DEFAULT_SIZE = (1280, 720)
TITLE = "Parecon Pathways"


class App:
    """One game window. `persist=False` keeps settings changes in memory only (tests,
    screenshots); `audio=False` never opens the mixer."""

    def __init__(
        self,
        settings: Settings,
        data_dir: Path,
        *,
        mods_dir: Path | None = None,
        size: tuple[int, int] = DEFAULT_SIZE,
        persist: bool = True,
        audio: bool = True,
    ) -> None:
        pygame.display.init()
        pygame.font.init()
        self.settings = settings.model_copy()
        self.data_dir = Path(data_dir)
        self.mods_dir = mods_dir
        self.persist = persist
        self.saves = SaveStore(self.data_dir)
        self.windowed_size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        self.screen = self._set_mode()
        pygame.display.set_caption(TITLE)
        self.icons = IconBook()
        self.audio = Audio(settings.volume / 100, settings.mute, enabled=audio)
        self.ctx = self._make_ctx()
        self._set_window_icon()
        self.manager = self._make_manager()
        self.workers = Workers()
        self.stack = SceneStack(snapshot=self._render_scene, on_empty=self._stack_empty)
        self.running = True
        self.frame = 0
        self.time = 0.0
        self.notices: list[list] = []  # [text, seconds left]
        self.tooltip_rect: pygame.Rect | None = None
        self.on_quit: Callable[[], None] | None = None
        self._catalog: Catalog | None = None
        self.games = GameService(self.saves, self.catalog, self.workers)

    # --- construction ---------------------------------------------------------------
    def _set_mode(self) -> pygame.Surface:
        if self.settings.fullscreen:
            try:
                return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            except pygame.error:
                self.settings.fullscreen = False
        screen = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        enforce_minimum_size()
        return screen

    def _set_window_icon(self) -> None:
        try:
            icon = pygame.Surface((32, 32), pygame.SRCALPHA)
            colours = self.ctx.colours
            pygame.draw.rect(icon, colours.bg, icon.get_rect(), border_radius=6)
            icon.blit(self.icons.get("route", 26, colours.accent), (3, 3))
            pygame.display.set_icon(icon)
        except pygame.error:
            pass

    def _make_ctx(self) -> UIContext:
        s = self.settings
        ctx = UIContext.create(
            scale=s.ui_scale / 100,
            family=s.font,
            lang=s.language,
            reduced_motion=s.reduced_motion,
            icons=self.icons,
            translator=load_translator(s.language),
            theme=load_theme(s.theme),
        )
        ctx.play_sound = self.audio.play
        return ctx

    def _make_manager(self) -> pygame_gui.UIManager:
        theme = build_theme(self.settings.ui_scale / 100, self.settings.font, self.ctx.theme.gui)
        return pygame_gui.UIManager(
            self.screen.get_size(),
            theme,
            starting_language=self.settings.language,
            enable_live_theme_updates=False,
        )

    # --- scene stack ----------------------------------------------------------------
    @property
    def scenes(self) -> list[Any]:
        return self.stack.scenes

    @property
    def top(self) -> Any:
        return self.stack.top

    def push(self, scene: Scene) -> None:
        self.stack.push(scene)

    def pop(self) -> None:
        self.stack.pop()

    def replace(self, scene: Scene) -> None:
        self.stack.replace(scene)

    def open(self, name: str, **kwargs: Any) -> Scene:
        """Push a scene by its registry name (see game.ui.scenes)."""
        from game.ui.scenes import make_scene

        scene = make_scene(self, name, **kwargs)
        self.push(scene)
        return scene

    def alert(self, title: str, body: str) -> None:
        """A dialog with one OK button (errors that need acknowledging)."""
        from game.ui.scenes.dialog import alert

        alert(self, title, body)

    def _stack_empty(self) -> None:
        self.running = False

    # --- games ----------------------------------------------------------------------
    def continue_game(self) -> None:
        """Resume the autosave."""
        self.load_slot(AUTOSAVE_SLOT)

    def load_slot(self, slot: str) -> None:
        """Load a save and resume it; an unreadable save gets a dialog, never a crash."""
        self.notify(self.ctx._("Loading…"), 2)
        self.games.load_slot(slot, self.settings.language, self._session_ready, self._load_failed)

    def resume_save(self, save: SaveGame) -> None:
        """Replay a save's decisions (in a worker) and show its game on the turn screen."""
        self.notify(self.ctx._("Loading…"), 2)
        self.games.resume(save, self.settings.language, self._session_ready, self._load_failed)

    def _session_ready(self, session: Any) -> None:
        self.start_session(session)
        if session.hash_mismatch:
            self.notify(
                self.ctx._("The pathway has changed since this game was saved: the replay may differ."),
                8,
            )

    def _load_failed(self, failure: LoadFailure) -> None:
        _ = self.ctx._
        if failure.kind == "missing_level":
            body = _("Its pathway “{level}” is not installed.").format(level=failure.detail)
        else:
            body = failure.detail
        self.alert(_("This save cannot be loaded"), body)

    def start_session(self, session: Any) -> None:
        """Show a game on the turn screen, above the title screen (Esc from it asks first)."""
        from game.ui.scenes import make_scene

        for _ in range(len(self.scenes) - 1):
            self.stack.pop_quiet()
        scene = make_scene(self, "turn", session=session)
        self.push(scene)

    # --- levels -------------------------------------------------------------------
    def catalog(self):
        """Shipped levels plus mods (loaded once); broken files are in `.problems`."""
        if self._catalog is None:
            from game.levels.catalog import load_catalog

            mods = [self.mods_dir] if self.mods_dir is not None else None
            self._catalog = load_catalog(mod_dirs=mods)
        return self._catalog

    def level_sources(self) -> list[str]:
        """Every source the levels cite (notes and glossary), for the credits."""
        seen: list[str] = []
        for lv in self.catalog().levels:
            for note in lv.level.notes:
                if note.source not in seen:
                    seen.append(note.source)
            for g in lv.level.glossary:
                if g.source and g.source not in seen:
                    seen.append(g.source)
        return seen

    def _render_scene(self, scene: Any) -> pygame.Surface:
        """A picture of `scene` as it looks now, without focus ring or tooltip (for overlays)."""
        surf = pygame.Surface(self.screen.get_size())
        if scene.overlay and scene.under is not None:
            surf.blit(scene.under, (0, 0))
            self._dim(surf)
        scene.draw(surf)
        self.manager.draw_ui(surf)
        scene.draw_over(surf)
        return surf

    def _dim(self, surface: pygame.Surface) -> None:
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((*self.ctx.colours.bg_deep, 170))
        surface.blit(shade, (0, 0))

    # --- settings, layout -----------------------------------------------------------
    def apply_settings(self, new: Settings) -> None:
        """Use new settings now (rebuilding the interface if its look changed) and save them."""
        old, self.settings = self.settings, new.model_copy()
        self.audio.set_volume(new.volume / 100, new.mute)
        if new.fullscreen != old.fullscreen:
            self.screen = self._set_mode()
        look = ("ui_scale", "font", "language", "reduced_motion", "fullscreen", "theme")
        if any(getattr(old, k) != getattr(new, k) for k in look):
            self.relayout(rebuild_context=True)
        if self.persist:
            try:
                save_settings(self.data_dir, self.settings)
            except OSError as exc:
                self.notify(
                    self.ctx._("Settings could not be saved: {reason}").format(
                        reason=os_reason_text(exc, self.ctx._)
                    )
                )

    def toggle_fullscreen(self) -> None:
        self.apply_settings(self.settings.model_copy(update={"fullscreen": not self.settings.fullscreen}))

    def change_scale(self, steps: int) -> None:
        values = list(SCALE_STEPS)
        cur = min(values, key=lambda v: abs(v - self.settings.ui_scale))
        i = max(0, min(len(values) - 1, values.index(cur) + steps))
        if values[i] != self.settings.ui_scale:
            self.apply_settings(self.settings.model_copy(update={"ui_scale": values[i]}))

    def relayout(self, rebuild_context: bool = False) -> None:
        """Rebuild the interface for a new window size, scale, font or language."""
        self.screen = pygame.display.get_surface() or self.screen
        if rebuild_context:
            self.ctx = self._make_ctx()
            self.manager = self._make_manager()
        else:
            self.manager.set_window_resolution(self.screen.get_size())
        # Redraw the pictures under overlays, bottom up, then rebuild the top scene.
        for i, scene in enumerate(self.scenes):
            if scene.overlay and i > 0:
                below = self.scenes[i - 1]
                below.rebuild()
                scene.under = self._render_scene(below)
                below.clear()
        if self.top is not None:
            self.top.rebuild()
        # the old surfaces (and after a scale change the old context and manager) are garbage
        gc.collect()
        release_free_memory()

    # --- loop -------------------------------------------------------------------------
    def step(self, events: Iterable[pygame.event.Event], dt: float) -> bool:
        """One frame: handle events, update, draw. Returns False once the game should end."""
        self.stack.hold()
        try:
            for event in events:
                self._handle(event)
                self.stack.apply()
                if not self.running:
                    return False
            self.manager.update(dt)
            if self.top is not None:
                self.top.update(dt)
            self.workers.poll()
            self.stack.apply()
            self.time += dt
            for n in self.notices:
                n[1] -= dt
            self.notices = [n for n in self.notices if n[1] > 0]
            if self.top is not None:
                self.draw()
            self.frame += 1
        finally:
            self.stack.release()
        return self.running

    def _handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.quit()
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            surf = pygame.display.get_surface()
            if surf is not None and not self.settings.fullscreen and below_minimum(surf.get_size()):
                # a window manager that ignores the minimum: grow back before laying out
                self.windowed_size = (max(MIN_SIZE[0], surf.get_width()), max(MIN_SIZE[1], surf.get_height()))
                surf = self.screen = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
            if surf is not None and surf.get_size() != self.manager.window_resolution:
                if not self.settings.fullscreen:
                    self.windowed_size = surf.get_size()
                self.relayout()
            return
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_F11:
                self.toggle_fullscreen()
                return
            if event.key == pygame.K_F5:
                from game.ui.reload import hot_reload

                hot_reload(self)
                return
            if event.mod & pygame.KMOD_CTRL and event.key in (
                pygame.K_EQUALS,
                pygame.K_PLUS,
                pygame.K_KP_PLUS,
            ):
                self.change_scale(1)
                return
            if event.mod & pygame.KMOD_CTRL and event.key in (pygame.K_MINUS, pygame.K_KP_MINUS):
                self.change_scale(-1)
                return
        consumed = self.manager.process_events(event)
        top = self.top
        if top is None:
            return
        if consumed and event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            top.focus.visible = False
            return
        if consumed and event.type == pygame.KEYDOWN and event.key not in (pygame.K_TAB, pygame.K_ESCAPE):
            return
        top.handle_event(event)

    def draw(self) -> None:
        top = self.top
        assert top is not None
        if top.overlay and top.under is not None:
            if top.under.get_size() != self.screen.get_size():
                top.under = pygame.transform.smoothscale(top.under, self.screen.get_size())
            self.screen.blit(top.under, (0, 0))
            self._dim(self.screen)
        top.draw(self.screen)
        self.manager.draw_ui(self.screen)
        top.draw_over(self.screen)
        top.focus.draw(self.screen, self.ctx)
        tip = top.tooltip()
        if tip is not None:
            self._draw_tooltip(*tip)
        self._draw_notices()

    def tooltip_box(self, text: str, anchor: pygame.Rect) -> tuple[pygame.Rect, list[str]]:
        """Where a tooltip with `text` for a widget at `anchor` goes, and its wrapped lines."""
        ctx, screen = self.ctx, self.screen.get_rect()
        pad, lh = ctx.space.inset, ctx.fonts.line_height("small")
        keep = self.top.keep_clear() if self.top else []
        most = screen.width - 2 * pad
        for width in sorted({min(ctx.space.popup.tooltip_max_w * k // 2, most) for k in (2, 3)} | {most}):
            # wider while a long text at large sizes finds no place in the window
            lines = ctx.text.wrap(text, "small", width - 2 * pad)
            w = max(ctx.text.size(line, "small")[0] for line in lines) + 2 * pad
            rect = tooltip_place(screen, anchor, (w, lh * len(lines) + 2 * pad), pad, ctx.space.pad, keep)
            if screen.contains(rect) and not rect.colliderect(anchor) and rect.collidelist(keep) < 0:
                break
        return rect, lines

    def _draw_tooltip(self, text: str, anchor: pygame.Rect) -> None:
        ctx, pad, lh = self.ctx, self.ctx.space.inset, self.ctx.fonts.line_height("small")
        rect, lines = self.tooltip_box(text, anchor)
        self.tooltip_rect = rect  # where the last tooltip went (tests)
        pygame.draw.rect(self.screen, ctx.colours.bg_deep, rect, border_radius=ctx.space.radius_small)
        pygame.draw.rect(
            self.screen, ctx.colours.focus, rect, max(1, ctx.space.line), border_radius=ctx.space.radius_small
        )
        for i, line in enumerate(lines):
            ctx.text.draw(self.screen, line, (rect.x + pad, rect.y + pad + i * lh), "small", ctx.colours.text)

    def notify(self, text: str, seconds: float = 4.0) -> None:
        """A short message at the bottom of the screen (errors that need no decision)."""
        self.notices.append([text, seconds])

    def _draw_notices(self) -> None:
        ctx = self.ctx
        y = self.screen.get_height() - ctx.space.screen_margin
        for text, _left in reversed(self.notices[-3:]):
            surf = ctx.text.render(text, "body", ctx.colours.text)
            rect = surf.get_rect(midbottom=(self.screen.get_width() // 2, y)).inflate(
                ctx.space.popup.notice_pad_x, ctx.space.popup.notice_pad_y
            )
            pygame.draw.rect(self.screen, ctx.colours.panel_hi, rect, border_radius=ctx.space.radius)
            pygame.draw.rect(
                self.screen, ctx.colours.accent, rect, max(1, ctx.space.line), border_radius=ctx.space.radius
            )
            self.screen.blit(surf, surf.get_rect(center=rect.center))
            y = rect.top - ctx.space.gap

    def quit(self) -> None:
        self.running = False
        if self.on_quit is not None:
            self.on_quit()

    def run(self, fps: int = 60) -> int:
        """The real loop: events from SDL, dt from a Clock, a frame cap. SIGTERM and Ctrl+C
        end it cleanly at any moment, even in the middle of a long layout: the game in
        progress is autosaved first (SDL would only queue a quit event, never read while
        the loop is busy)."""
        clock = pygame.time.Clock()
        previous = catch_stop_signals()
        try:
            while self.running:
                dt = clock.tick(fps) / 1000.0
                if not self.step(pygame.event.get(), min(dt, 0.1)):
                    break
                pygame.display.flip()
        except Stopped:
            self.running = False
            self.autosave_now()
        finally:
            restore_signals(previous)
            self.shutdown()
        return 0

    def autosave_now(self) -> bool:
        """Autosave the game on screen, if one is in progress; never raises (the game is
        being stopped). Returns whether a save was written."""
        for scene in reversed(list(self.stack.scenes)):
            session = getattr(scene, "session", None)
            if session is None or not hasattr(session, "to_save") or session.finished:
                continue
            try:
                self.saves.autosave(session.to_save())
            except Exception:  # noqa: BLE001 - a full disk must not turn a stop into a crash
                return False
            return True
        return False

    async def run_async(self, fps: int = 60) -> int:
        """The same loop, yielding to asyncio each frame (for a browser build)."""
        clock = pygame.time.Clock()
        while self.running:
            dt = clock.tick(fps) / 1000.0
            if not self.step(pygame.event.get(), min(dt, 0.1)):
                break
            pygame.display.flip()
            await asyncio.sleep(0)
        self.shutdown()
        return 0

    def shutdown(self) -> None:
        self.stack.clear()

    def screenshot(self, path: Path) -> None:
        pygame.image.save(self.screen, str(path))

    @property
    def version(self) -> str:
        return __version__
