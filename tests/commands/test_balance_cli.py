"""`main.py balance`: the table, the JSON, the warnings, the process pool and every input
mistake as one line and exit code 2; the docs/modding.md example run as written."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main

ROOT = Path(__file__).resolve().parents[2]
MODDING = ROOT / "docs" / "modding.md"
LEVEL = ROOT / "levels" / "revolution.yaml"


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["balance", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_table_names_every_policy_and_its_target(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["balance", "revolution", "--seeds", "1", "--policies", "plan", "nothing", "--jobs", "1"])
    out, err = capsys.readouterr()
    assert code == 0
    assert out.startswith("After the Uprising (revolution)\n")
    rows = {line.split()[0]: line for line in out.splitlines() if re.match(r"^(plan|nothing) +\d", line)}
    assert rows["plan"].split()[1] == "1/1" and ">= 90%" in rows["plan"]
    assert rows["nothing"].split()[1] == "0/1" and "<= 10%" in rows["nothing"]
    assert any(f"nothing: {why}" in out for why in ("lose condition", "time ran out", "counter-revolution"))
    assert "balance revolution: 2/2 plays" in err  # progress on stderr


def test_json_and_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, str(LEVEL), "--seeds", "2", "--policies", "nothing", "adaptive", "--jobs", "1")
    assert data["level"] == "revolution" and data["seeds"] == 2
    nothing = data["policies"]["nothing"]
    assert nothing["plays"] == 2 and nothing["wins"] == 0 and nothing["meets_target"]
    assert set(nothing["scores"]) == {"equity", "participation", "resilience", "support"}
    assert sum(x["plays"] for x in nothing["losses"]) == 2
    adaptive = data["policies"]["adaptive"]
    expected = [] if adaptive["meets_target"] else [f"adaptive wins {adaptive['win_rate']:.0%}"]
    assert [w.split(":")[0] for w in data["warnings"]] == expected
    assert sum(adaptive["elite_tactics"].values()) > 0


def test_a_broken_target_is_warned(capsys: pytest.CaptureFixture[str]) -> None:
    # the plan wins revolution: held to "<= 10%" as if it were doing nothing, it would
    # break; the plan's own target is checked the other way
    from game.balance.measure import Tally
    from game.balance.play import Run

    won = Run("first-affordable", 1, "won", "", {"equity": 1.0}, 3, ())
    lost = Run("first-affordable", 2, "lost", "time ran out", {"equity": 0.0}, 3, ())
    t = Tally("first-affordable", [won, won, won, won, lost])
    assert t.warning() == (
        "first-affordable wins 80%: the level can be won without a strategy (target <= 10%)"
    )
    assert Tally("plan", [won] * 9 + [lost]).warning() is None
    assert Tally("plan", [won] * 8 + [lost] * 2).warning() is not None


def test_the_process_pool_gives_the_same_plays(capsys: pytest.CaptureFixture[str]) -> None:
    args = (str(LEVEL), "--seeds", "2", "--policies", "random", "first-affordable")
    one = _json(capsys, *args, "--jobs", "1")
    two = _json(capsys, *args, "--jobs", "2")
    for d in (one, two):
        d.pop("seconds")
    assert one == two


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no_such_level"], "no_such_level"),
        (["levels/nope.yaml"], "levels/nope.yaml: no such level file"),
        (["revolution", "--seeds", "0"], "--seeds: must be 1 or more, not 0"),
        (["revolution", "--seeds", "x"], "--seeds: not a whole number"),
        (["revolution", "--policies", "lucky"], "invalid choice: 'lucky'"),
        (["revolution", "--mods", "no/such/dir"], "--mods no/such/dir: no such folder"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], message: str) -> None:
    proc = subprocess.run(
        [sys.executable, "main.py", "balance", *args], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert message in proc.stderr
    # argparse's usage lines (start with "usage:" or indentation) and then one line
    said = [x for x in proc.stderr.splitlines() if not x.startswith(("usage:", " "))]
    assert len(said) == 1, proc.stderr


def test_a_plan_the_rules_refuse_is_reported_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(LEVEL, tmp_path / "revolution.yaml")
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "revolution.yaml").write_text("turns:\n  1: [no_such_card]\n", encoding="utf-8")
    code = main(
        ["balance", str(tmp_path / "revolution.yaml"), "--seeds", "1", "--policies", "plan", "--jobs", "1"]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert re.search(r"plans/revolution\.yaml:2:6: turns\.1: .*no_such_card", err), err


def test_without_a_plan_file_the_plan_bots_are_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(LEVEL, tmp_path / "revolution.yaml")
    data = _json(
        capsys,
        str(tmp_path / "revolution.yaml"),
        "--seeds",
        "1",
        "--policies",
        "plan",
        "adaptive",
        "--jobs",
        "1",
    )
    assert data["skipped"] == ["plan"]
    assert list(data["policies"]) == ["adaptive"]
    code = main(["balance", str(tmp_path / "revolution.yaml"), "--policies", "plan", "ignore-the-elite"])
    assert code == 2
    assert "no such plan file" in capsys.readouterr().err


def _tutorial(tmp: Path) -> Path:
    text = MODDING.read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:yaml)?\n(.*?)```", text, re.S)
    level = next(b for b in blocks if b.startswith("id: tool_library"))
    plan = next(
        b
        for b in re.findall(r"```(?:yaml)?\n(.*?)```", text.split("### Step 4")[1], re.S)
        if b.startswith("turns:")
    )
    mod = tmp / "my_mod"
    (mod / "plans").mkdir(parents=True)
    (mod / "tool_library.yaml").write_text(level, encoding="utf-8")
    (mod / "plans" / "tool_library.yaml").write_text(plan, encoding="utf-8")
    return mod


def test_modding_guide_example_runs_as_shown(tmp_path: Path) -> None:
    """The Step 4b example, run as written from a folder holding my_mod: every line the
    guide shows (all but the elided table) is printed, and every warning it shows too."""
    _tutorial(tmp_path)
    section = MODDING.read_text(encoding="utf-8").split("### Step 4b")[1].split("### Step 5")[0]
    block = next(
        b for b in re.findall(r"```\n(.*?)```", section, re.S) if b.startswith("$ python main.py balance")
    )
    command, *shown = block.splitlines()
    argv = command.removeprefix("$ python ").split()
    proc = subprocess.run(
        [sys.executable, str(ROOT / argv[0]), *argv[1:]],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.splitlines()
    for line in shown:
        if line != "...":
            assert line in out, line
    assert [x for x in out if x.startswith("warning:")] == [x for x in shown if x.startswith("warning:")]
