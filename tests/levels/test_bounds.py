"""Content is finite and bounded by its schema: each hostile value a modder could write is a
located error (`file:line:col: field: message`), never an internal error or a crash later."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.commands.check import check_paths
from game.levels.lint import lint_level
from game.levels.loader import parse_level

SMOKE = (Path(__file__).parent / "good" / "smoke.yaml").read_text(encoding="utf-8")

# (what the modder wrote in place of a line of smoke.yaml, expected field, words in the message)
CASES = [
    ("value: 0.02,", "value: .nan,", "actions[0].effects[0].value", "finite number"),
    ("value: 0.02,", "value: -.inf,", "actions[0].effects[0].value", "finite number"),
    ("start: 100,", "start: .inf,", "resources[0].start", "finite number"),
    ("income: 20}", "income: 1.0e+308}", "resources[0].income", "less than or equal"),
    ("value: 0.02,", "value: " + "9" * 90 + ",", "actions[0].effects[0].value", "less than or equal"),
    ("turns: 12", "turns: true", "turns", "valid integer"),
    ("difficulty: 2", "difficulty: yes", "difficulty", "valid integer"),
    ("difficulty: 2", "difficulty: 2.0", "difficulty", "valid integer"),
    ("strength: 1.0", "strength: true", "elite.strength", "valid number"),
    ("repeatable: true", "repeatable: 1", "actions[0].repeatable", "valid boolean"),
    ("title: Smoke test", 'title: "\\0"', "title", "control character U+0000"),
    ("title: Smoke test", 'title: "Smo\\x1bke"', "title", "control character U+001B"),
    ("title: Smoke test", 'title: "\\u200b\\u202e\\ufeff\\u2060\\u00ad"', "title", "nothing visible"),
    ("title: Smoke test", 'title: "   "', "title", "nothing visible"),
    ("title: Smoke test", 'title: ""', "title", "nothing visible"),
    ("title: Smoke test", "title: " + "x" * 500, "title", "at most 120 characters"),
    ("text: Teach.", "text: " + "w" * 5000, "actions[0].text", "at most 4000 characters"),
    ("text: Teach.", 'text: {en: "\\u200b"}', "actions[0].text.en", "nothing visible"),
    (
        "label: Let it go",
        "label: {en: ok, es: " + "y" * 300 + "}",
        "events[0].choices[0].label",
        "at most 120",
    ),
    ("earliest_turn: 2", "earliest_turn: 100000", "events[0].earliest_turn", "less than or equal to 60"),
    ("value: 0.02,", "value: 1.0e+10,", "actions[0].effects[0].value", "less than or equal"),
    ("      - id: buyout\n", "      - id: let_go\n", "events[0].choices[1].id", "duplicate choice id"),
    (
        "    - id: collapse",
        "    - id: collapse\n      when: {metric: equity, op: '<', value: 1}\n"
        "      warning: W.\n      reason: R.\n    - id: collapse",
        "goals.lose[1].id",
        "duplicate loss id",
    ),
    (
        "tactics: [capital_flight,",
        "tactics: [capital_flight, capital_flight,",
        "elite.tactics[1]",
        "duplicate tactic",
    ),
]


def _mutate(tmp_path: Path, old: str, new: str) -> Path:
    assert old in SMOKE, old
    path = tmp_path / "mod.yaml"
    path.write_text(SMOKE.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(("old", "new", "field", "words"), CASES, ids=[c[2] + ":" + c[3] for c in CASES])
def test_hostile_value_is_a_located_error(tmp_path: Path, old: str, new: str, field: str, words: str) -> None:
    path = _mutate(tmp_path, old, new)
    found = check_paths([path], warnings=False)
    assert found.errors, "accepted"
    assert not any("internal error" in p.message for p in found.errors)
    mine = [p for p in found.errors if p.field == field]
    assert mine, [str(p) for p in found.errors]
    assert words in mine[0].message, str(mine[0])
    assert mine[0].line > 1 or field in ("title",), str(mine[0])


@pytest.mark.parametrize("digits", [400, 5000, 100_000])
def test_integer_of_thousands_of_digits_is_located(tmp_path: Path, digits: int) -> None:
    path = _mutate(tmp_path, "turns: 12", "turns: 1" + "0" * digits)
    level, _node, _text, problems = parse_level(path)
    assert level is None
    assert [(p.line, p.col) for p in problems] == [(6, 8)]
    assert "characters" in problems[0].message


def _warnings(tmp_path: Path, old: str, new: str) -> list[str]:
    path = _mutate(tmp_path, old, new)
    level, node, _text, problems = parse_level(path)
    assert level is not None and node is not None, problems
    return [str(p) for p in lint_level(level, node, str(path), simulate_start=False)]


def test_lint_counter_for_a_tactic_the_elite_never_uses(tmp_path: Path) -> None:
    found = _warnings(
        tmp_path,
        '"study circles reach new people"}',
        '"study circles reach new people"}\n      - {op: counter, tactic: counter_revolution, value: 0.5, '
        'because: "guards"}',
    )
    assert any("actions[0].effects[1].tactic" in w and "never uses" in w for w in found), found


def test_lint_goal_outside_the_metric_range(tmp_path: Path) -> None:
    found = _warnings(
        tmp_path, '{metric: equity, op: ">=", value: 50}', '{metric: equity, op: ">=", value: 150}'
    )
    assert any("goals.win" in w and "can never hold" in w and "[0, 100]" in w for w in found), found
    found = _warnings(tmp_path, '{metric: support, op: "<", value: 2}', '{metric: gini, op: "<", value: 0}')
    assert any("goals.lose[0].when" in w and "can never hold" in w for w in found), found


def test_lint_action_nothing_can_afford(tmp_path: Path) -> None:
    found = _warnings(tmp_path, "cost: {money: 60}", "cost: {money: 100000}")
    assert any("actions[1].cost.money" in w and "nobody can afford it" in w for w in found), found


def test_shipped_levels_have_no_dead_content_warnings() -> None:
    root = Path(__file__).resolve().parents[2] / "levels"
    for path in sorted(root.glob("*.yaml")):
        level, node, _t, problems = parse_level(path)
        assert level is not None and node is not None, problems
        found = [str(p) for p in lint_level(level, node, str(path), simulate_start=False)]
        assert not [w for w in found if "never" in w or "afford" in w], found
