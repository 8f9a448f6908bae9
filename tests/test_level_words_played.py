"""A whole game in a level with its own words speaks only those words (issue 13 §4): the
valley's families, villages and guilds, and the land level's farms and federation, in every
cause, elite move, event and warning `simulate` prints, in English and in Spanish. The
level's own win text may still name workers' councils (the valley's says it did not need
them), so the ending is left out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from game.commands.simulate import run_level
from game.levels.decisions import Decisions
from game.levels.loader import load_level

ROOT = Path(__file__).resolve().parents[1]
# the game's default names for what these levels name themselves
DEFAULTS = {
    "en": ["Capitalist firms", "capitalist firms", "Co-ops", "co-op share", "Owners", "Owned media"]
    + ["worker councils", "consumer councils", "number of co-ops"],
    "es": ["Empresas capitalistas", "empresas capitalistas", "Cooperativas", "Los dueños"]
    + ["medios de los dueños", "consejos de trabajadores", "consejos de consumidores"],
}


def _strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            if k != "reason":
                yield from _strings(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(v, f"{path}[{i}]")


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("level_id", ["sandbox_pluralist", "land_commons"])
def test_a_played_game_uses_the_levels_own_words(level_id: str, lang: str) -> None:
    level = load_level(ROOT / "levels" / f"{level_id}.yaml").level
    plan = Decisions(ROOT / "levels" / "plans" / f"{level_id}.yaml")
    run = run_level(level, 2, None, plan, lang)
    found = [(p, word) for p, s in _strings(run) for word in DEFAULTS[lang] if word in s]
    assert not found, found[:5]
    own = level.words.segments.coop
    assert any(own[lang].lower() in s.lower() for _, s in _strings(run)), "its word for its co-ops"
