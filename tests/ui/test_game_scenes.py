"""The game's scenes on the real simulation: each renders at 100% and 200% in both languages,
a whole level is played from the title screen to the debrief by injected keys, saves replay
to the same state, and a monkey test sends 20,000 random inputs without an exception."""

from __future__ import annotations

import random

import pygame
import pytest

from game.settings import Settings
from game.ui import demo
from game.ui.session import Session
from tests.ui.conftest import key, run_frames, settle

GAME_SCENES = ["pathways", "briefing", "turn", "planning", "event", "debrief", "glossary"]


@pytest.mark.parametrize("name", GAME_SCENES)
@pytest.mark.parametrize("scale", [100, 200])
def test_game_scene_fits_window(make_app, name, scale):
    app = make_app(Settings(ui_scale=scale, language="es" if scale == 200 else "en"))
    app.push(demo.scene_for_screenshot(app, name, None))
    settle(app)
    screen = app.screen.get_rect()
    scenes = [app.top]
    if app.top.name == "turn" and not app.top.layout.wide:
        # every tab of the narrow layout
        for tab in ("overview", "actions", "charts", "news"):
            app.top.tab = tab
            app.top.rebuild()
            run_frames(app)
            for w in app.top.widgets:
                assert screen.contains(w.rect), (tab, w.key, w.rect)
    for scene in scenes:
        for w in scene.widgets:
            if w.visible and not getattr(w, "clipped", False):
                assert screen.contains(scene.visible_rect(w)), (name, w.key, w.rect)


def test_event_scene_opens_dialog(make_app):
    app = make_app()
    app.push(demo.scene_for_screenshot(app, "event", None))
    settle(app)
    assert app.top.name == "dialog" and len(app.top.choices) >= 2
    first = app.top.choices[0].key
    run_frames(app, [key(pygame.K_RETURN)])
    assert app.top.name == "turn"
    assert first in app.top.draft.choices.values()


def focus_key(app, wanted, limit=60):
    for _ in range(limit):
        cur = app.top.focus.current
        if cur is not None and cur.key == wanted:
            return
        run_frames(app, [key(pygame.K_TAB)])
    raise AssertionError(f"cannot focus {wanted}")


def test_play_a_level_from_title_to_debrief_by_keyboard(make_app, tmp_path):
    app = make_app(data_dir=tmp_path)
    app.open("title")
    run_frames(app)
    assert app.top.focus.current.key == "play"
    run_frames(app, [key(pygame.K_RETURN)])
    assert app.top.name == "pathways"
    run_frames(app, [key(pygame.K_RETURN)])  # the list has focus: Enter opens the briefing
    assert app.top.name == "briefing"
    level = app.top.level
    run_frames(app, [key(pygame.K_RETURN)])  # Begin
    settle(app, lambda: app.top.name in ("turn", "dialog"))
    turns = 0
    while app.top.name != "debrief":
        if app.top.name == "dialog":
            run_frames(app, [key(pygame.K_RETURN)])  # answer events with the focused choice
            continue
        assert app.top.name == "turn"
        scene = app.top
        if scene.focus.current.key == "hand":
            run_frames(app, [key(pygame.K_RETURN)])  # choose the focused card if playable
        focus_key(app, "end")
        run_frames(app, [key(pygame.K_RETURN)])
        turns += 1
        settle(
            app,
            lambda: (
                app.top.name == "debrief"
                or (app.top.name in ("turn", "dialog") and not getattr(app.top, "busy", False))
            ),
        )
        assert turns <= level.turns
    assert turns == level.turns or app.top.session.finished
    debrief = app.top
    assert debrief.session.sim.outcome in ("won", "lost")
    assert "##" in debrief.story()
    # the autosave holds every decision and replays to the same scores
    save = app.saves.load("autosave")
    assert len(save.decisions) == turns
    replayed = Session.from_save(save, debrief.session.loaded)
    assert replayed.scores() == debrief.session.scores()
    run_frames(app, [key(pygame.K_ESCAPE)])
    assert app.top.name == "title"


def test_continue_loads_autosave(make_app, tmp_path):
    app = make_app(data_dir=tmp_path)
    loaded = demo.find_level(app, None)
    session = Session(loaded, 7)
    demo.play_turns(session, 3)
    app.saves.autosave(session.to_save())
    app.open("title")
    run_frames(app)
    cont = next(w for w in app.top.widgets if w.key == "continue")
    assert cont.enabled
    cont.activate()
    settle(app, lambda: app.top.name in ("turn", "dialog"))
    turn = next(s for s in app.scenes if s.name == "turn")
    assert turn.session.turn == 4 and turn.session.scores() == session.scores()


def test_planning_view_steps_and_plays(make_app):
    app = make_app()
    app.push(demo.scene_for_screenshot(app, "planning", None))
    settle(app)
    scene = app.top
    assert scene.rounds >= 2
    scene.playing = False
    run_frames(app, [key(pygame.K_n)])
    assert scene.round == 1
    run_frames(app, [key(pygame.K_b)])
    assert scene.round == 0
    scene.toggle_play()
    for _ in range(int(scene.rounds * 60)):
        app.step([], 1 / 60)
    assert scene.round == scene.rounds - 1 and not scene.playing


def test_turn_card_toggle_and_forecast(make_app):
    app = make_app()
    loaded = demo.find_level(app, None)
    session = Session(loaded, 11)
    from game.ui.scenes import make_scene

    scene = make_scene(app, "turn", session=session)
    app.push(scene)
    settle(app)
    if app.top.name == "dialog":
        run_frames(app, [key(pygame.K_RETURN)])
    playable = [a for a, why in session.playable([]).items() if why is None]
    scene.toggle(playable[0])
    assert scene.draft.chosen == [playable[0]]
    settle(app, lambda: scene.draft.forecast is not None)
    assert set(scene.draft.forecast) == {"equity", "participation", "resilience", "support"}
    assert scene.draft.card_forecasts  # every card shows its own forecast
    scene.toggle(playable[0])
    assert scene.draft.chosen == [] and scene.draft.forecast is None


def test_glossary_opens_at_term(make_app):
    app = make_app()
    app.open("glossary", term="participatory_planning")
    run_frames(app)
    scene = app.top
    assert scene.entries[scene.selected].key == "participatory_planning"
    links = scene.paragraph.links
    if links:
        scene.jump(links[0])
        assert scene.entries[scene.selected].key == links[0]


def test_monkey_20000_inputs(make_app, tmp_path):
    """Random keys, clicks, wheels and motion across every screen: no exception, ever."""
    rng = random.Random(20240601)
    keys = [
        pygame.K_TAB,
        pygame.K_UP,
        pygame.K_DOWN,
        pygame.K_LEFT,
        pygame.K_RIGHT,
        pygame.K_RETURN,
        pygame.K_SPACE,
        pygame.K_ESCAPE,
        pygame.K_PAGEUP,
        pygame.K_PAGEDOWN,
        pygame.K_HOME,
        pygame.K_END,
        pygame.K_g,
        pygame.K_p,
        pygame.K_n,
        pygame.K_b,
        pygame.K_a,
    ]
    app = make_app(data_dir=tmp_path)
    app.open("title")
    sent = 0
    restarts = 0
    visited = set()
    while sent < 20_000:
        if not app.running:
            restarts += 1
            app = make_app(data_dir=tmp_path)
            app.open("title")
        events = []
        for _ in range(10):
            r = rng.random()
            w, h = app.screen.get_size()
            pos = (rng.randrange(w), rng.randrange(h))
            if r < 0.5:
                mod = pygame.KMOD_SHIFT if rng.random() < 0.15 else 0
                k = rng.choice(keys)
                if k == pygame.K_ESCAPE and rng.random() < 0.7:
                    k = pygame.K_TAB  # fewer escapes, so the monkey gets deep into the game
                events.append(key(k, mod))
            elif r < 0.8:
                events.append(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
                events.append(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
            elif r < 0.9:
                events.append(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
            else:
                events.append(
                    pygame.event.Event(
                        pygame.MOUSEWHEEL,
                        x=0,
                        y=rng.choice((-1, 1)),
                        flipped=False,
                        precise_x=0.0,
                        precise_y=0.0,
                    )
                )
        sent += len(events)
        app.step(events, 1 / 30)
        pygame.event.clear()
        if app.top is not None:
            visited.add(app.top.name)
    # let background work finish cleanly
    if app.running:
        settle(app)
    print("monkey visited:", sorted(visited), "restarts:", restarts)
    assert {"title", "settings", "pathways", "briefing"} <= visited, visited


@pytest.mark.parametrize("name", ["turn", "event", "debrief", "planning"])
def test_dyslexia_font_at_200_percent_fits(make_app, name):
    """OpenDyslexic is the widest font: every screen still keeps its controls in the window."""
    app = make_app(Settings(ui_scale=200, font="dyslexic", language="es"))
    app.push(demo.scene_for_screenshot(app, name, None))
    settle(app)
    screen = app.screen.get_rect()
    tabs = ("scores", "economy", "actions", "charts", "news") if app.top.name == "turn" else (None,)
    for tab in tabs:
        if tab is not None:
            app.top.tab = tab
            app.top.rebuild()
            run_frames(app)
        for w in app.top.widgets:
            if w.visible and not getattr(w, "clipped", False):
                assert screen.contains(app.top.visible_rect(w)), (name, tab, w.key, w.rect)


def test_mod_glossary_terms_reach_the_game(make_app, tmp_path):
    """Terms from a mod's glossary.yaml appear in the glossary scene, marked with their mod."""
    from pathlib import Path

    from game.ui import glossary as gloss

    mods = Path(__file__).resolve().parents[2] / "examples" / "mods"
    app = make_app(data_dir=tmp_path, mods_dir=mods)
    extra, sources = gloss.mod_terms(app.catalog())
    assert extra, "the example mod ships a glossary.yaml"
    found = gloss.entries(app.ctx.tr, [], extra, sources)
    mod_entries = [e for e in found if e.origin.startswith("mod:")]
    assert {e.term for e in mod_entries} >= {
        g.en_term for g in extra if gloss.slug(g.en_term) not in {k for k in gloss.CORE}
    }
    assert all(e.origin != "mod:" for e in mod_entries)


def test_briefing_opened_from_a_scenario_code_shows_it(make_app, tmp_path):
    app = make_app(data_dir=tmp_path)
    loaded = app.catalog().find("coop_network")
    app.open("title")
    scene = app.open("briefing", loaded=loaded, seed=42)
    app.step([], 0.016)
    assert scene.seed == 42 and app.scenes[-1] is scene
