"""Small modules named for what they hold: no file in game/ over 500 lines."""

from __future__ import annotations

from pathlib import Path

GAME = Path(__file__).resolve().parents[1] / "game"
LIMIT = 500


def test_no_module_over_500_lines() -> None:
    sizes = {
        p.relative_to(GAME).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
        for p in GAME.rglob("*.py")
    }
    over = {name: n for name, n in sizes.items() if n > LIMIT}
    assert not over, over


def test_the_turn_scene_stays_small() -> None:
    assert len((GAME / "ui/scenes/turn/scene.py").read_text(encoding="utf-8").splitlines()) <= 300
