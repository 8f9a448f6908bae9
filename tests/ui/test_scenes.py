"""The phase-one scenes driven by injected events: title, settings, saves, credits; and the
screenshot command."""

from __future__ import annotations

import argparse
import json

import pygame
import pytest

from game.errors import UserError
from game.saves import SaveStore
from game.settings import Settings, load_settings
from tests.test_saves import make_save
from tests.ui.conftest import click, key, run_frames


def focus_to(app, key_name):
    scene = app.top
    for _ in range(len(scene.focus.items) + 1):
        if scene.focus.current.key == key_name:
            return
        run_frames(app, [key(pygame.K_TAB)])
    raise AssertionError(f"no focusable {key_name}")


def test_title_opens_settings_and_back(make_app):
    app = make_app()
    app.open("title")
    run_frames(app)
    focus_to(app, "settings")
    run_frames(app, [key(pygame.K_RETURN)])
    assert app.top.name == "settings"
    run_frames(app, [key(pygame.K_ESCAPE)])
    assert app.top.name == "title"
    assert app.top.focus.current.key == "settings"


def test_title_mouse_click_opens_credits(make_app):
    app = make_app()
    app.open("title")
    run_frames(app)
    credits = next(w for w in app.top.widgets if w.key == "credits")
    run_frames(app, click(credits.rect.center))
    assert app.top.name == "credits"
    text = next(w for w in app.top.widgets if w.key == "credits-text")
    assert any("Noto Sans" in line[0] for line in text.lines)


def test_the_credits_read_in_spanish(make_app):
    """The list of files and licences in Spanish (headings and descriptions), the licences'
    names as they are, and no note that the list is English."""
    app = make_app(Settings(language="es"))
    app.open("credits")
    run_frames(app)
    text = " ".join(line[0] for line in next(w for w in app.top.widgets if w.key == "credits-text").lines)
    assert "Tipos de letra" in text and "SIL Open Font License 1.1" in text
    assert "Fonts" not in text and "in English" not in text and "en inglés, la lengua" not in text


def test_continue_disabled_without_autosave(make_app):
    app = make_app()
    app.open("title")
    cont = next(w for w in app.top.widgets if w.key == "continue")
    assert not cont.enabled
    run_frames(app, [key(pygame.K_DOWN)])
    assert app.top.focus.current.key != "continue"  # disabled buttons are skipped


def test_settings_change_live_and_persist(make_app, tmp_path):
    app = make_app(persist=True, data_dir=tmp_path)
    app.open("settings")
    run_frames(app)
    assert app.top.focus.current.key == "language"
    run_frames(app, [key(pygame.K_RIGHT)])
    assert app.settings.language == "es"
    assert app.ctx.tr.gettext("Back") == "Volver"  # applied at once
    assert app.top.focus.current.key == "language"  # the rebuilt screen keeps focus
    focus_to(app, "ui_scale")
    run_frames(app, [key(pygame.K_RIGHT), key(pygame.K_RIGHT)])
    assert app.settings.ui_scale == 120 and app.ctx.scale == pytest.approx(1.2)
    focus_to(app, "font")
    run_frames(app, [key(pygame.K_RETURN), key(pygame.K_RETURN)])
    assert app.settings.font == "dyslexic"
    focus_to(app, "mute")
    run_frames(app, [key(pygame.K_RETURN)])
    assert app.audio.muted
    stored, warnings = load_settings(tmp_path)
    assert warnings == [] and stored.language == "es" and stored.ui_scale == 120 and stored.mute


def test_settings_switch_to_the_high_contrast_theme_and_back(make_app, tmp_path):
    """The theme is a setting: choosing it redraws every screen from the other theme file,
    pygame_gui's buttons included, and it is saved."""
    app = make_app(persist=True, data_dir=tmp_path)
    app.open("settings")
    run_frames(app)
    default_bg = app.ctx.colours.bg
    focus_to(app, "theme")
    run_frames(app, [key(pygame.K_RIGHT)])
    assert app.settings.theme == "high_contrast"
    assert app.ctx.theme.path.name == "theme_high_contrast.json" and app.ctx.colours.bg == (0, 0, 0)
    assert app.screen.get_at((2, 2))[:3] == (0, 0, 0) != default_bg
    assert app.ctx.space.ring == 4  # the theme's thicker focus ring
    assert app.manager.get_theme().get_colour("normal_text") == pygame.Color("#FFFFFF")
    stored, _ = load_settings(tmp_path)
    assert stored.theme == "high_contrast"
    focus_to(app, "theme")
    run_frames(app, [key(pygame.K_LEFT)])
    assert app.settings.theme == "default" and app.ctx.colours.bg == default_bg


def test_settings_at_200_percent_scroll_to_focus(make_app):
    app = make_app(Settings(ui_scale=200))
    app.open("settings")
    run_frames(app)
    scene = app.top
    for _ in range(7):
        run_frames(app, [key(pygame.K_DOWN)], frames=2)
    cur = scene.focus.current
    assert cur.key == "reduced_motion"
    assert scene.area.contains(cur.rect)


def test_saves_lists_unreadable_with_reason(make_app, tmp_path):
    store = SaveStore(tmp_path)
    store.autosave(make_save(turn=4))
    (tmp_path / "saves" / "broken.json").write_text("{oops")
    (tmp_path / "saves" / "future.json").write_text(json.dumps({"version": 50}))
    app = make_app(data_dir=tmp_path)
    app.open("saves")
    run_frames(app)
    scene = app.top
    by_slot = {s.slot: s for s in scene.slots}
    assert scene.problem_text(by_slot["broken"]) == "Unreadable: the file is damaged"
    assert scene.problem_text(by_slot["future"]) == "Unreadable: it was made by a newer version of the game"
    assert scene.slots[0].slot == "autosave"
    # select the broken one: Load is disabled, Delete asks first and Keep leaves the file
    i = [s.slot for s in scene.slots].index("broken")
    scene.listview.select(i)
    assert not scene.load_btn.enabled
    scene.confirm_delete()
    run_frames(app)
    assert app.top.name == "dialog"
    run_frames(app, [key(pygame.K_ESCAPE)])
    assert (tmp_path / "saves" / "broken.json").exists()
    scene = app.top
    scene.listview.select(i)
    scene.confirm_delete()
    run_frames(app)
    app.top.choose("delete")
    run_frames(app)
    assert not (tmp_path / "saves" / "broken.json").exists()
    assert "broken" not in [s.slot for s in app.top.slots]


def test_loading_corrupt_save_shows_dialog(make_app, tmp_path):
    (tmp_path / "saves").mkdir()
    (tmp_path / "saves" / "autosave.json").write_text("{")
    app = make_app(data_dir=tmp_path)
    app.open("title")
    app.load_slot("autosave")
    run_frames(app)
    assert app.top.name == "dialog" and "cannot be loaded" in app.top.body
    assert (tmp_path / "saves" / "autosave.json").read_text() == "{"


@pytest.mark.parametrize("name", ["title", "settings", "saves", "credits"])
@pytest.mark.parametrize("scale", [100, 200])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_scene_widgets_fit_the_window(make_app, name, scale, lang):
    app = make_app(Settings(ui_scale=scale, language=lang))
    app.open(name)
    run_frames(app, frames=2)
    screen = app.screen.get_rect()
    for w in app.top.widgets:
        if w.visible and not getattr(w, "clipped", False):  # clipped: scrolled out of view
            assert screen.contains(app.top.visible_rect(w)), (name, w.key, w.rect)


def shot_args(**kw):
    from game.commands import screenshot

    p = argparse.ArgumentParser()
    screenshot.add_arguments(p)
    argv = [kw.pop("scene")]
    for k, v in kw.items():
        argv += [f"--{k.replace('_', '-')}", str(v)]
    return screenshot, p.parse_args(argv)


@pytest.mark.parametrize("scene", ["title", "settings", "saves"])
def test_screenshot_command_writes_png(tmp_path, scene):
    mod, args = shot_args(scene=scene, out=tmp_path / f"{scene}.png")
    assert mod.run(args) == 0
    img = pygame.image.load(str(tmp_path / f"{scene}.png"))
    assert img.get_size() == (1280, 720)


def test_screenshot_unknown_scene_exits_2(tmp_path):
    mod, args = shot_args(scene="nowhere", out=tmp_path / "x.png")
    with pytest.raises(UserError) as err:
        mod.run(args)
    assert err.value.code == 2 and "unknown scene" in str(err.value)


def test_screenshot_bad_out_and_scale(tmp_path):
    mod, args = shot_args(scene="title", out=tmp_path / "x.jpg")
    with pytest.raises(UserError):
        mod.run(args)
    mod, args = shot_args(scene="title", scale=300, out=tmp_path / "x.png")
    with pytest.raises(UserError):
        mod.run(args)


def test_the_credits_join_a_paragraph_wrapped_in_the_file() -> None:
    """A paragraph's lines in LICENSES.md are one line on screen (the screen wraps it);
    headings and bullets stay lines of their own."""
    from game.ui.scenes.credits import markdown_to_plain

    md = "# Title\n\nThe game's own\ncode is [GPL](x).\n\n## Fonts\n\n- **a**: one\n  two\n- `b`\n"
    assert (
        markdown_to_plain(md) == "# Title\n\nThe game's own code is GPL (x).\n\n## Fonts\n\n- a: one two\n- b"
    )
