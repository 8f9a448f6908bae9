"""The App's loop, scene stack and keyboard focus, driven by injected events with a fixed dt."""

from __future__ import annotations

import threading

import pygame
import pytest

from game.settings import Settings
from game.ui.scene import Scene
from game.ui.widgets.base import Widget
from tests.ui.conftest import click, key, run_frames


def test_pygame_is_community_edition():
    assert getattr(pygame, "IS_CE", False), "pygame-ce is required, not pygame"


class Box(Widget):
    focusable = True

    def __init__(self, ctx, rect, key, log):
        super().__init__(ctx, rect, key=key)
        self.log = log

    def activate(self):
        self.log.append(("activate", self.key))


class Recorder(Scene):
    """A scene that records its lifecycle and has focusable boxes in a 2x2 grid."""

    def __init__(self, app, log, name="rec", grid=True):
        super().__init__(app)
        self.log = log
        self.name = name
        self.grid = grid

    def enter(self):
        self.log.append(("enter", self.name))
        super().enter()

    def exit(self):
        self.log.append(("exit", self.name))
        super().exit()

    def pause(self):
        self.log.append(("pause", self.name))
        super().pause()

    def resume(self):
        self.log.append(("resume", self.name))
        super().resume()

    def build(self):
        positions = [(100, 100), (400, 100), (100, 300), (400, 300)] if self.grid else [(100, 100)]
        for i, (x, y) in enumerate(positions):
            self.add(Box(self.ctx, pygame.Rect(x, y, 200, 80), f"b{i}", self.log))


def test_scene_stack_lifecycle(make_app):
    app = make_app()
    log = []
    a, b = Recorder(app, log, "a"), Recorder(app, log, "b")
    app.push(a)
    app.push(b)
    assert app.top is b
    app.pop()
    assert app.top is a
    c = Recorder(app, log, "c")
    app.replace(c)
    assert app.scenes == [c]
    assert [e for e in log if e[0] != "activate"] == [
        ("enter", "a"),
        ("pause", "a"),
        ("enter", "b"),
        ("exit", "b"),
        ("resume", "a"),
        ("exit", "a"),
        ("enter", "c"),
    ]


def test_tab_and_shift_tab_move_focus(make_app):
    app = make_app()
    scene = Recorder(app, [])
    app.push(scene)
    run_frames(app)
    assert scene.focus.current.key == "b0"
    run_frames(app, [key(pygame.K_TAB)])
    assert scene.focus.current.key == "b1"
    run_frames(app, [key(pygame.K_TAB), key(pygame.K_TAB), key(pygame.K_TAB)])
    assert scene.focus.current.key == "b0"  # wraps around
    run_frames(app, [key(pygame.K_TAB, pygame.KMOD_SHIFT)])
    assert scene.focus.current.key == "b3"
    assert scene.focus.visible and scene.focus.keyboard


def test_arrows_move_spatially(make_app):
    app = make_app()
    scene = Recorder(app, [])
    app.push(scene)
    run_frames(app, [key(pygame.K_RIGHT)])
    assert scene.focus.current.key == "b1"
    run_frames(app, [key(pygame.K_DOWN)])
    assert scene.focus.current.key == "b3"
    run_frames(app, [key(pygame.K_LEFT)])
    assert scene.focus.current.key == "b2"
    run_frames(app, [key(pygame.K_UP)])
    assert scene.focus.current.key == "b0"


def test_enter_activates_focused_widget(make_app):
    app = make_app()
    log = []
    scene = Recorder(app, log)
    app.push(scene)
    run_frames(app, [key(pygame.K_TAB), key(pygame.K_RETURN), key(pygame.K_SPACE)])
    assert log.count(("activate", "b1")) == 2


def test_escape_pops_and_last_pop_ends(make_app):
    app = make_app()
    log = []
    app.push(Recorder(app, log, "a"))
    app.push(Recorder(app, log, "b"))
    assert app.step([key(pygame.K_ESCAPE)], 1 / 60)
    assert app.top.name == "a"
    assert not app.step([key(pygame.K_ESCAPE)], 1 / 60)
    assert not app.running


def test_focus_ring_is_drawn(make_app):
    app = make_app()
    scene = Recorder(app, [], grid=False)
    app.push(scene)
    run_frames(app, [key(pygame.K_TAB)])
    ring = scene.focus.current.focus_rect.inflate(8, 8)
    pixel = app.screen.get_at((ring.centerx, ring.top + 1))[:3]
    assert pixel == app.ctx.colours.focus


def test_quit_event_stops(make_app):
    app = make_app()
    app.push(Recorder(app, []))
    assert not app.step([pygame.event.Event(pygame.QUIT)], 1 / 60)


def test_worker_result_arrives_without_blocking(make_app):
    app = make_app()
    app.push(Recorder(app, []))
    gate = threading.Event()
    got = []
    gave_up = []

    def slow(x):
        # held until the main thread opens the gate: a frame that waited for this task would
        # wait until the gate gives up (no clock decides the test, only this flag)
        gave_up.append(not gate.wait(60))
        return x * 2

    task = app.workers.submit(slow, 21, on_done=got.append)
    for _ in range(5):
        app.step([], 1 / 60)  # frames keep coming while the worker waits
    assert not task.done and got == [] and gave_up == []
    gate.set()
    assert app.workers.join(60)
    app.step([], 1 / 60)
    assert got == [42] and gave_up == [False]


def test_worker_error_goes_to_callback(make_app):
    app = make_app()
    app.push(Recorder(app, []))
    errors = []

    def boom():
        raise ValueError("no")

    task = app.workers.submit(boom, on_error=errors.append)
    task.wait(5)
    app.step([], 1 / 60)
    assert isinstance(errors[0], ValueError)


def test_scale_change_rebuilds_and_keeps_focus(make_app):
    app = make_app()
    app.open("title")
    run_frames(app, [key(pygame.K_TAB), key(pygame.K_TAB)])
    focused = app.top.focus.current.key
    old_font = app.ctx.fonts.pixel_size("body")
    app.step([key(pygame.K_EQUALS, pygame.KMOD_CTRL)], 1 / 60)
    assert app.settings.ui_scale == 110
    assert app.ctx.fonts.pixel_size("body") > old_font
    assert app.top.focus.current.key == focused
    app.step([key(pygame.K_MINUS, pygame.KMOD_CTRL)], 1 / 60)
    assert app.settings.ui_scale == 100


def test_resize_relayouts(make_app):
    app = make_app()
    app.open("title")
    run_frames(app)
    pygame.display.set_mode((1024, 600), pygame.RESIZABLE)
    run_frames(app, [pygame.event.Event(pygame.VIDEORESIZE, size=(1024, 600), w=1024, h=600)])
    assert app.manager.window_resolution == (1024, 600)
    for w in app.top.widgets:
        assert app.screen.get_rect().contains(w.rect), w.key


def test_f11_toggles_fullscreen_setting(make_app):
    app = make_app()
    app.open("title")
    run_frames(app, [key(pygame.K_F11)])
    assert app.settings.fullscreen in (True, False)  # the dummy driver may refuse; never crashes
    run_frames(app, [key(pygame.K_F11)])
    assert app.settings.fullscreen is False


def test_dialog_overlay_and_escape_cancel(make_app):
    from game.ui.scenes.dialog import Choice, Dialog

    app = make_app()
    app.open("title")
    run_frames(app)
    chosen = []
    app.push(
        Dialog(
            app,
            "Title",
            "Body with a [[term]].",
            [Choice("a", "A"), Choice("b", "B")],
            on_choice=chosen.append,
            cancel="b",
        )
    )
    run_frames(app)
    assert app.top.overlay and app.top.under is not None
    run_frames(app, [key(pygame.K_ESCAPE)])
    assert chosen == ["b"] and app.top.name == "title"


def test_dialog_button_click(make_app):
    from game.ui.scenes.dialog import Choice, Dialog
    from game.ui.widgets.button import Button

    app = make_app()
    app.open("title")
    chosen = []
    app.push(Dialog(app, "T", "B", [Choice("yes", "Yes"), Choice("no", "No")], on_choice=chosen.append))
    run_frames(app)
    yes = next(w for w in app.top.widgets if isinstance(w, Button) and w.key == "choice:yes")
    run_frames(app, click(yes.rect.center))
    assert chosen == ["yes"]


def test_title_quit_by_keyboard(make_app):
    app = make_app()
    app.open("title")
    run_frames(app, [key(pygame.K_ESCAPE)])
    assert app.top.name == "dialog"
    # focus order: the body paragraph has no links, so the first button (Quit) is focused
    run_frames(app, [key(pygame.K_RETURN)])
    assert not app.running


@pytest.mark.parametrize("scale", [100, 200])
def test_title_buttons_inside_window(make_app, scale):
    app = make_app(Settings(ui_scale=scale))
    app.open("title")
    run_frames(app)
    screen = app.screen.get_rect()
    buttons = [w for w in app.top.widgets if w.focusable]
    assert len(buttons) == 7
    for b in buttons:
        assert screen.contains(b.rect)
    for i, a in enumerate(buttons):
        for b in buttons[i + 1 :]:
            assert not a.rect.colliderect(b.rect), (a.key, b.key)
