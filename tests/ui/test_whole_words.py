"""Where a new player reads at 200% (and a Spanish class at 150%), the words are whole: a menu
screen's subtitle wraps instead of ending in "…", the Actions tab's resource strip gives each
resource its whole name (on a second row when one row is full), and the debrief at 200% in a
720-line window gives "Why you lost" the height below its tabs (its buttons behind a tab)."""

from __future__ import annotations

import pytest

from game.ui.layout_check import record
from game.ui.scenes.common import MenuScene
from game.ui.scenes.turn import parts
from tests.ui.test_layout import open_scene


def header_words(app) -> str:
    scene = app.top
    boxes, _rec = record(app)
    return " ".join(b.text for b in boxes if b.rect.bottom <= scene.header_height())


@pytest.mark.parametrize(
    ("scene", "level"),
    [("pathways", None), ("briefing", "land_commons"), ("glossary", None), ("settings", None)],
)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_menu_subtitle_wraps_whole_at_200(make_app, tmp_path, scene, level, lang) -> None:
    app = open_scene(make_app, tmp_path, scene, level, 200, lang, (1280, 720), "standard")
    top = app.top
    assert isinstance(top, MenuScene) and top.compact
    subtitle = top.subtitle()
    shown = header_words(app)
    assert "…" not in shown, shown
    for word in subtitle.split():
        assert word in shown, (word, shown)
    assert len(top._subtitle_lines()) >= 2  # the old header showed one line of it
    assert not [w for w in top.widgets if w.key == "header-tip"]  # nothing left to a tooltip


@pytest.mark.parametrize("scale", [150, 200])
def test_the_resource_strip_names_every_resource_whole(make_app, tmp_path, scale) -> None:
    app = open_scene(make_app, tmp_path, "turn", "sandbox_pluralist", scale, "es", (1280, 720), "standard")
    scene = app.top
    scene.tab = "actions"
    scene.rebuild()
    app.step([], 1 / 60)
    strip = scene.layout.resource_strip
    assert strip is not None
    boxes, _rec = record(app)
    drawn = [b.text for b in boxes if strip.contains(b.rect)]
    for r in parts.resource_lines(app.ctx, scene.session, scene.draft):
        assert r.name in drawn, (r.name, drawn)  # "Jornadas de trabajo compartido", not "Jornadas de…"
    assert not [w for w in scene.widgets if w.key == "resources-tip"]
    assert not [b for b in boxes if "…" in b.text and strip.colliderect(b.rect)]


def test_the_debrief_at_200_gives_the_story_the_height_below_its_tabs(make_app, tmp_path) -> None:
    app = open_scene(make_app, tmp_path, "debrief", "sandbox_pluralist", 200, "es", (1280, 720), "standard")
    scene = app.top
    # the header says the outcome in one line (the level's title would take a second)
    assert scene._subtitle_lines() == [app.ctx._("The pathway broke: you lost.")]
    keys = {w.key for w in scene.widgets}
    assert {"tab:story", "tab:scores", "tab:economy", "tab:next"} <= keys
    story = next(w for w in scene.widgets if w.key == "story")
    tabs_bottom = max(w.rect.bottom for w in scene.widgets if (w.key or "").startswith("tab:"))
    assert story.rect.bottom > app.screen.get_height() - 3 * app.ctx.fonts.line_height("body")
    assert story.rect.height >= 5 * app.ctx.fonts.line_height("body"), (story.rect, tabs_bottom)
    assert not keys & {"again", "pathways", "title"}  # the buttons wait behind their tab
    scene.tab = "next"
    scene.rebuild()
    app.step([], 1 / 60)
    buttons = {w.key: w for w in scene.widgets if w.key in ("again", "pathways", "title")}
    assert set(buttons) == {"again", "pathways", "title"}
    assert buttons["again"].text == app.ctx._("Play this pathway again")  # whole words, not "Play again"
    assert "story" not in {w.key for w in scene.widgets}


def test_the_debrief_keeps_its_buttons_in_view_where_there_is_room(make_app, tmp_path) -> None:
    app = open_scene(make_app, tmp_path, "debrief", "sandbox_pluralist", 150, "es", (1280, 720), "standard")
    keys = {w.key for w in app.top.widgets}
    assert {"again", "pathways", "title"} <= keys and "tab:next" not in keys
