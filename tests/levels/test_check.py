"""The level checker: every deliberately bad file in tests/levels/bad/ reports exactly the
problems written at its end (`# expect: LINE:COL FIELD | MESSAGE`), and the warnings for
modders find what they claim at the right line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.commands.check import check_paths
from game.errors import Problem
from game.levels import yamlpos
from game.levels.catalog import load_catalog

HERE = Path(__file__).parent
BAD = HERE / "bad"
GOOD = HERE / "good" / "smoke.yaml"
SMOKE = GOOD.read_text(encoding="utf-8")

# files that cannot carry a comment (binary, wrong encoding, empty): what they must report
NO_COMMENT = {
    "binary.yaml": [(1, 1, "", "binary file (contains NUL bytes), not YAML")],
    "latin1.yaml": [(4, 23, "", "file is not valid UTF-8 text")],
    "utf16.yaml": [(1, 1, "", "file is UTF-16 text; save it as UTF-8")],
    "empty.yaml": [(1, 1, "", "file is empty")],
    "blank.yaml": [(1, 1, "", "file is empty")],
}


def _expected(path: Path) -> list[tuple[int, int, str, str]]:
    if path.name in NO_COMMENT:
        return NO_COMMENT[path.name]
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# expect: "):
            where, rest = line[len("# expect: ") :].split(" ", 1)
            field, message = rest.split(" | ", 1)
            ln, col = where.split(":")
            out.append((int(ln), int(col), "" if field == "-" else field, message))
    return out


BAD_FILES = sorted(p for p in BAD.rglob("*.yaml"))


def _key(p: Problem) -> tuple[int, int, str, str]:
    return (p.line, p.col, p.field, p.message)


def test_every_bad_file_states_what_it_expects() -> None:
    assert len(BAD_FILES) >= 50
    for path in BAD_FILES:
        assert _expected(path), f"{path} has no '# expect:' lines"


@pytest.mark.parametrize("path", BAD_FILES, ids=lambda p: str(p.relative_to(BAD)))
def test_bad_file_reports_exactly_its_problems(path: Path) -> None:
    paths = [GOOD, path] if "plans" in path.parts else [path]
    found = check_paths(paths, warnings=False)
    mine = [_key(p) for p in found.errors if p.file == str(path)]
    assert sorted(mine) == sorted(_expected(path))
    assert not [p for p in found.errors if p.file != str(path)]


def test_the_whole_bad_folder_at_once_never_crashes() -> None:
    found = check_paths([BAD], warnings=False)
    files = {p.file for p in found.errors}
    assert {str(p) for p in BAD_FILES} <= files
    assert not any("internal error" in p.message for p in found.errors)


def test_good_level_is_clean_and_only_asks_for_spanish() -> None:
    found = check_paths([GOOD])
    assert found.errors == []
    assert [w.field for w in found.warnings] == ["title"]
    assert found.warnings[0].line == 2
    assert "29 of 29 texts have no Spanish" in found.warnings[0].message


def _write(tmp_path: Path, text: str, name: str = "level.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _warnings(path: Path, **kw: bool) -> list[Problem]:
    found = check_paths([path], **kw)
    assert found.errors == [], [str(p) for p in found.errors]
    return [w for w in found.warnings if "Spanish" not in w.message]


def test_warns_about_an_action_nobody_can_afford(tmp_path: Path) -> None:
    # 100 + 20 x 11 = 320 money at most by turn 12
    path = _write(tmp_path, SMOKE.replace("cost: {money: 60}", "cost: {money: 321}"))
    (w,) = _warnings(path)
    assert (w.line, w.field) == (34, "actions[1].cost.money")
    assert "costs 321 money" in w.message and "at most 320" in w.message
    # 320 is affordable by saving every turn: no warning
    assert (
        _warnings(_write(tmp_path, SMOKE.replace("cost: {money: 60}", "cost: {money: 320}"), "ok.yaml")) == []
    )


def test_affordability_counts_resource_gains(tmp_path: Path) -> None:
    text = SMOKE.replace("cost: {money: 60}", "cost: {money: 400}").replace(
        '      - {op: add, param: education, value: 0.02, because: "study circles reach new people"}',
        '      - {op: resource, resource: money, value: 5, because: "members pay dues"}',
    )
    assert _warnings(_write(tmp_path, text)) == []  # study circles are repeatable: no bound


def test_warns_about_an_unaffordable_event_choice(tmp_path: Path) -> None:
    path = _write(
        tmp_path, SMOKE.replace("cost: {money: 40}\n        effects", "cost: {money: 1000}\n        effects")
    )
    (w,) = _warnings(path)
    assert (w.line, w.field) == (64, "events[0].choices[1].cost.money")
    assert "choice 'plant_closes.buyout'" in w.message


def test_warns_about_a_loss_on_a_metric_the_level_cannot_move(tmp_path: Path) -> None:
    text = SMOKE.replace(
        '      when: {metric: support, op: "<", value: 2}',
        '      when: {metric: power_concentration, op: ">", value: 0.5}',
    )
    (w,) = _warnings(_write(tmp_path, text))
    assert (w.line, w.field) == (72, "goals.lose[0].when")
    assert "'power_concentration', which nothing in this level changes" in w.message
    assert "always false" in w.message
    # a power effect, vanguard pressure or a starting value makes it movable
    moving = text.replace(
        "      - {op: set, param: mutual_aid, value: 1,",
        '      - {op: power, value: -0.1, because: "councils hold power"}\n'
        "      - {op: set, param: mutual_aid, value: 1,",
    )
    assert _warnings(_write(tmp_path, moving, "moving.yaml")) == []


def test_warns_about_a_parameter_no_effect_changes(tmp_path: Path) -> None:
    text = SMOKE.replace(
        '      when: {metric: support, op: "<", value: 2}',
        '      when: {param: capital_controls, op: ">=", value: 0}',
    )
    ws = _warnings(_write(tmp_path, text))
    static = [w for w in ws if "nothing in this level changes" in w.message]
    assert [(w.line, w.field) for w in static] == [(72, "goals.lose[0].when")]
    assert "always true" in static[0].message
    # and since it always holds, it holds before turn 1 too
    assert any("already holds before turn 1" in w.message for w in ws)


def test_warns_about_council_share_without_council_effects(tmp_path: Path) -> None:
    text = SMOKE.replace(
        '{metric: support, op: ">=", value: 20}', '{metric: council_share, op: ">=", value: 0.1}'
    )
    (w,) = _warnings(_write(tmp_path, text))
    assert (w.line, w.field) == (68, "goals.win")
    assert "'council_share'" in w.message


def test_warns_about_a_loss_that_already_holds(tmp_path: Path) -> None:
    text = SMOKE.replace(
        'when: {metric: support, op: "<", value: 2}', 'when: {metric: support, op: "<", value: 50}'
    )
    (w,) = _warnings(_write(tmp_path, text))
    assert (w.line, w.field) == (72, "goals.lose[0].when")
    assert "already holds before turn 1" in w.message and "lost on turn 2" in w.message


def test_warns_about_unused_resources_cycles_and_a_late_elite(tmp_path: Path) -> None:
    text = (
        SMOKE.replace(
            "  - {id: money, name: Money, start: 100, income: 20}\n",
            "  - {id: money, name: Money, start: 100, income: 20}\n"
            "  - {id: time, name: Time, start: 5, income: 1}\n",
        )
        .replace("    cost: {money: 50}\n", "    cost: {money: 50}\n    requires: [mutual_aid]\n")
        .replace(
            "    cost: {money: 40}\n    effects:\n      - {op: set, param: mutual_aid",
            "    cost: {money: 40}\n    requires: [buyout]\n    effects:\n"
            "      - {op: set, param: mutual_aid",
        )
        .replace("  strength: 1.0\n", "  strength: 1.0\n  first_turn: 13\n")
    )
    ws = _warnings(_write(tmp_path, text))
    got = {(w.line, w.field): w.message for w in ws}
    assert "resource 'time' is never spent" in got[(22, "resources[1].id")]
    assert "can never be played" in got[(44, "actions[2].requires")]
    assert "can never be played" in got[(52, "actions[3].requires")]
    assert "never acts" in got[(18, "elite.first_turn")]


def test_missing_spanish_is_one_warning_or_each_text(tmp_path: Path) -> None:
    text = SMOKE.replace("title: Smoke test", "title: {en: Smoke test, es: Prueba}")
    found = check_paths([_write(tmp_path, text)])
    (w,) = found.warnings
    assert (w.line, w.field) == (3, "path") and "28 of 29 texts" in w.message
    each = check_paths([_write(tmp_path, text)], all_texts=True).warnings
    assert len(each) == 28
    assert (each[0].line, each[0].field) == (3, "path")
    assert {
        "actions[0].effects[0].because",
        "events[0].choices[1].label",
        "goals.lose[0].reason",
        "questions[0]",
        "glossary[0].text",
        "briefing[0]",
    } <= {x.field for x in each}


def test_no_warnings_option(tmp_path: Path) -> None:
    assert check_paths([GOOD], warnings=False).warnings == []


def test_duplicate_level_ids_across_files(tmp_path: Path) -> None:
    a = _write(tmp_path, SMOKE, "a.yaml")
    b = _write(tmp_path, SMOKE, "b.yaml")
    found = check_paths([a, b], warnings=False)
    assert [(p.file, p.line, p.field) for p in found.errors] == [(str(b), 1, "id")]
    assert "also used by" in found.errors[0].message


def test_a_mod_level_that_reuses_a_shipped_id_is_an_error(tmp_path: Path) -> None:
    shipped = load_catalog(include_user=False).levels
    if not shipped:
        pytest.skip("no shipped levels in this checkout yet")
    taken = shipped[0].level.id
    path = _write(tmp_path, SMOKE.replace("id: smoke", f"id: {taken}"))
    found = check_paths([path], warnings=False)
    assert [(p.line, p.col, p.field) for p in found.errors] == [(1, 5, "id")]
    assert "already used by the shipped level" in found.errors[0].message


def test_decision_file_without_its_level_is_a_warning(tmp_path: Path) -> None:
    path = _write(tmp_path, "turns:\n  1: [anything]\n", "nolevel.plan.yaml")
    found = check_paths([path])
    assert found.errors == []
    assert "no level with id 'nolevel'" in found.warnings[0].message


def test_oversized_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text("# " + "x" * yamlpos.MAX_BYTES + "\n", encoding="utf-8")
    (p,) = check_paths([path]).errors
    assert (p.line, p.col) == (1, 1) and "the limit is 1,000,000" in p.message


def test_missing_path_and_folder_without_levels(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("not a level")
    found = check_paths([tmp_path / "nope.yaml", tmp_path / "empty"])
    assert [p.message for p in found.errors] == [
        "no such file or folder",
        "no level files (.yaml, .yml) in this folder",
    ]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_a_link_out_of_a_checked_folder_is_refused(tmp_path: Path) -> None:
    outside = _write(tmp_path, SMOKE, "outside.yaml")
    mod = tmp_path / "mod"
    mod.mkdir()
    (mod / "inside.yaml").symlink_to(outside)
    found = check_paths([mod])
    assert [(p.file, p.message) for p in found.errors] == [
        (str(mod / "inside.yaml"), "refused: the file lies outside its mod folder (a link)")
    ]
