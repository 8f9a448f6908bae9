"""F5 reloads the level being played and its mod's glossary; a reload with errors shows them
with file:line:col and the old level keeps running."""

from __future__ import annotations

from pathlib import Path

import pygame

from tests.ui.conftest import settle

SMOKE = (Path(__file__).resolve().parents[1] / "levels" / "good" / "smoke.yaml").read_text(encoding="utf-8")
GLOSSARY = "glossary:\n  - term: Parecon\n    text: Participatory economics.\n"


def _mod(tmp_path: Path) -> Path:
    mods = tmp_path / "mods"
    (mods / "mymod").mkdir(parents=True)
    level = mods / "mymod" / "level.yaml"
    level.write_text(SMOKE.replace("id: smoke", "id: my_level"), encoding="utf-8")
    (mods / "mymod" / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    return level


def _f5(app) -> None:
    app.step([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F5, mod=0, unicode="", scancode=0)], 1 / 60)


def test_f5_reloads_the_level_and_its_glossary_on_the_briefing(make_app, tmp_path: Path) -> None:
    level_file = _mod(tmp_path)
    app = make_app(mods_dir=tmp_path / "mods", data_dir=tmp_path / "data")
    loaded = app.catalog().find("my_level")
    app.open("briefing", loaded=loaded, seed=5)
    app.step([], 1 / 60)
    level_file.write_text(level_file.read_text(encoding="utf-8").replace("Smoke test", "Smoke, edited"))
    (level_file.parent / "glossary.yaml").write_text(GLOSSARY.replace("Participatory", "Edited"))
    _f5(app)
    app.step([], 1 / 60)
    assert app.top.loaded.level.title == "Smoke, edited" and app.top.seed == 5
    assert app.catalog().find("my_level").level.title == "Smoke, edited"
    assert [e.text for e in app.catalog().glossary if e.term == "Parecon"] == ["Edited economics."]


def test_f5_with_errors_shows_them_located_and_keeps_the_old_level(make_app, tmp_path: Path) -> None:
    level_file = _mod(tmp_path)
    app = make_app(mods_dir=tmp_path / "mods", data_dir=tmp_path / "data")
    app.open("briefing", loaded=app.catalog().find("my_level"), seed=5)
    app.step([], 1 / 60)
    briefing = app.top
    level_file.write_text(level_file.read_text(encoding="utf-8").replace("value: 0.02,", "value: .nan,"))
    _f5(app)
    app.step([], 1 / 60)
    assert app.top is not briefing and f"{level_file}:29:44: actions[0].effects[0].value" in app.top.body
    assert "finite number" in app.top.body
    assert briefing in app.scenes and briefing.loaded.level.title == "Smoke test"
    assert app.catalog().find("my_level").level.title == "Smoke test"


def test_f5_on_the_turn_screen_replays_the_game_on_the_new_level(make_app, tmp_path: Path) -> None:
    from game.ui import demo
    from game.ui.games import new_session

    level_file = _mod(tmp_path)
    app = make_app(mods_dir=tmp_path / "mods", data_dir=tmp_path / "data")
    session = new_session(app.catalog().find("my_level"), 3)
    demo.play_turns(session, 2)
    app.start_session(session)
    app.step([], 1 / 60)
    level_file.write_text(level_file.read_text(encoding="utf-8").replace("text: Teach.", "text: Teach more."))
    _f5(app)
    settle(app, lambda: getattr(app.top, "session", session) is not session)
    fresh = app.top.session
    assert fresh.loaded.level.actions[0].text == "Teach more."
    assert fresh.decisions == session.decisions and fresh.turn == session.turn


def test_f5_without_a_level_only_says_so(make_app) -> None:
    app = make_app()
    app.open("title")
    app.step([], 1 / 60)
    _f5(app)
    assert app.notices and "F5" in app.notices[-1][0]
