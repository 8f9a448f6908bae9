"""`check` from the command line: output format, summary, exit codes, options, the JSON
Schemas, and no traceback whatever the input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.cli import main

ROOT = Path(__file__).resolve().parents[2]
SMOKE = ROOT / "tests" / "levels" / "good" / "smoke.yaml"
BAD = ROOT / "tests" / "levels" / "bad"
MOD = ROOT / "examples" / "mods" / "mondragon_valley"
LINE = re.compile(r"^(?P<file>[^\n]+?):(?P<line>\d+):(?P<col>\d+): (?P<rest>.+)$")


def _check(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, list[str], str]:
    code = main(["check", *map(str, args)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out.splitlines(), err


def test_clean_level_exits_0_with_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _check(capsys, SMOKE)
    assert code == 0
    assert err.strip() == "1 file checked, 0 errors, 1 warning"
    (line,) = out
    m = LINE.match(line)
    assert m and m["file"] == str(SMOKE) and m["rest"].startswith("warning: title: ")


def test_errors_exit_1_one_line_each(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _check(capsys, BAD / "many_errors.yaml")
    assert code == 1
    assert err.strip().splitlines() == [
        f"the game skips {BAD / 'many_errors.yaml'}: 4 errors (first: line 5, field turn_length: "
        "Input should be 'season' or 'year' (got 'month'))",
        "1 file checked, 4 errors, 0 warnings",
    ]
    assert [LINE.match(x)["line"] for x in out] == ["5", "7", "29", "34"]
    assert out[3] == (
        f"{BAD / 'many_errors.yaml'}:34:18: actions[1].cost.mony: unknown "
        "resource 'mony'; did you mean 'money'?"
    )


def test_strict_and_no_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = _check(capsys, SMOKE, "--strict")
    assert code == 1
    code, out, err = _check(capsys, SMOKE, "--no-warnings")
    assert code == 0 and out == [] and err.strip() == "1 file checked, 0 errors, 0 warnings"


def test_all_texts_lists_each_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _check(capsys, SMOKE, "--all-texts")
    assert code == 0 and len(out) == 29
    assert all(": warning: " in x and x.endswith("no Spanish ('es') text") for x in out)


def test_the_whole_bad_folder(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _check(capsys, BAD)
    assert code == 1
    files = {LINE.match(x)["file"] for x in out if LINE.match(x)}
    assert {str(p) for p in BAD.rglob("*.yaml")} <= files
    m = re.match(r"(\d+) files checked, (\d+) errors", err.strip().splitlines()[-1])
    assert m and int(m[1]) == len(list(BAD.rglob("*.yaml"))) and int(m[2]) >= int(m[1])
    skipped = {x.removeprefix("the game skips ").split(": ", 1)[0] for x in err.splitlines()[:-1]}
    assert {str(p) for p in BAD.rglob("*.yaml")} <= skipped


def test_missing_path_and_empty_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = _check(capsys, tmp_path / "nope.yaml", tmp_path)
    assert code == 1
    assert out == [
        f"{tmp_path / 'nope.yaml'}:1:1: no such file or folder",
        f"{tmp_path}:1:1: no level files (.yaml, .yml) in this folder",
    ]
    assert err.strip() == "0 files checked, 2 errors, 0 warnings"


def test_example_mod_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _check(capsys, MOD, "--strict")
    assert code == 0 and out == []
    assert err.strip() == "3 files checked, 0 errors, 0 warnings"


def test_without_paths_checks_the_shipped_levels(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _check(capsys)
    assert code in (0, 1)
    assert re.match(r"\d+ files? checked", err)
    assert all(LINE.match(x) for x in out)


@pytest.mark.parametrize("kind", ["level", "glossary", "decisions"])
def test_schema_is_json_and_shipped_in_docs(capsys: pytest.CaptureFixture[str], kind: str) -> None:
    code = main(["check", "--schema", kind])
    out = capsys.readouterr().out
    assert code == 0
    schema = json.loads(out)
    assert schema["$schema"].startswith("https://json-schema.org/")
    shipped = ROOT / "docs" / f"{kind}.schema.json"
    assert shipped.read_text(encoding="utf-8") == out, (
        f"docs/{kind}.schema.json is out of date: python main.py check --schema {kind} "
        f"--out docs/{kind}.schema.json"
    )


def test_schema_default_is_level_and_out_writes_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["check", "--schema", "--out", str(tmp_path / "s.json")]) == 0
    schema = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert schema["title"] == "Level" and "actions" in schema["properties"]
    assert "wrote the level schema" in capsys.readouterr().err


def test_schema_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(["check", "--schema", "--out", str(tmp_path / "no" / "such" / "s.json")])
    assert code == 2 and "cannot write" in capsys.readouterr().err
    code = main(["check", SMOKE.as_posix(), "--out", str(tmp_path / "x.json")])
    assert code == 2 and "--out is only used with --schema" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["check", "--schema", "map"])
    assert info.value.code == 2
