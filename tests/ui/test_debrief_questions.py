"""Every level asks its question back (issue 13 §5): each shipped level has at least three
debrief questions, one of them a question of the discussion the game grew from put to the
player, and every question is shown, in English and in Spanish, both in the debrief scene
and in the printed report."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest

from game.commands.simulate import run_level
from game.levels.loader import load_level
from game.reports.debrief import render_html
from game.reports.run import Run
from game.settings import Settings
from game.ui import demo

ROOT = Path(__file__).resolve().parents[2]
LEVELS = sorted(p.stem for p in (ROOT / "levels").glob("*.yaml"))
# level -> words of its question that the discussion (shared/seed) itself asked
DISCUSSION = {
    "coop_network": "How many people did your movement reach",
    "elected_government": "How fast did you move pay to effort",
    "land_commons": "Should the farmland become a commons",
    "reservation_pilot": "What made the credits worth earning",
    "revolution": "dictators have used people's wish for a democratic economy",
    "sandbox_pluralist": "Which of the valley's units (family, village, guild)",
    "state_economy_reform": "How fast did you move pay to effort",
    "union_register": "SAC abandoned the general strike",
}


def _text(value: object, lang: str) -> str:
    return value.get(lang) or value["en"] if isinstance(value, dict) else str(value)


@pytest.mark.parametrize("level_id", LEVELS)
def test_level_asks_three_questions_one_from_the_discussion(level_id: str) -> None:
    level = load_level(ROOT / "levels" / f"{level_id}.yaml").level
    assert len(level.questions) >= 3
    for q in level.questions:
        assert isinstance(q, dict) and q.get("es"), f"{level_id}: a question has no Spanish: {q}"
    assert level_id in DISCUSSION, f"{level_id}: name its question from the discussion here"
    assert any(DISCUSSION[level_id] in _text(q, "en") for q in level.questions)


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("level_id", LEVELS)
def test_questions_appear_in_the_debrief_and_the_report(make_app, level_id: str, lang: str) -> None:
    app = make_app(Settings(language=lang))
    scene = demo.scene_for_screenshot(app, "debrief", level_id)
    story = scene.story()
    session = scene.session
    run = Run.model_validate(run_level(session.level, session.seed, None, None, lang))
    html = render_html(run, session.level, None, lang)
    for q in session.level.questions:
        text = _text(q, lang)
        assert f"- {text}" in story, f"{level_id}/{lang}: debrief lacks {text!r}"
        assert escape(text) in html, f"{level_id}/{lang}: report lacks {text!r}"
