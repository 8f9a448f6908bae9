"""`python main.py plan` through game.cli.main: tables, JSON, overrides and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main

ROOT = Path(__file__).resolve().parents[2]
VILLAGE = str(ROOT / "examples" / "economies" / "village.yaml")
COMMONS = str(ROOT / "examples" / "economies" / "commons.yaml")


def _json(capsys: pytest.CaptureFixture[str], argv: list[str], code: int = 0) -> dict:
    assert main(argv) == code
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    return json.loads(out[0])


def test_table_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", VILLAGE]) == 0
    out = capsys.readouterr().out
    assert "Converged in" in out and "every market within 5.00%" in out
    assert "Round  largest excess" in out
    for good in ("bread", "bicycles", "steel", "land", "labour"):
        assert f"\n{good} " in out
    assert "price" in out and "supply" in out and "demand" in out


def test_json_keys_and_consistency(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, ["plan", COMMONS, "--json"])
    for key in ("converged", "rounds", "prices", "supply", "demand", "history"):
        assert key in data
    assert data["converged"] is True
    goods = ["bread", "bicycles", "park", "steel", "land", "labour"]
    assert list(data["prices"]) == goods and list(data["supply"]) == goods
    assert len(data["history"]) == data["rounds"]
    assert data["history"][0] == {"round": 1, "max_excess": data["history"][0]["max_excess"]}
    assert data["history"][-1]["max_excess"] < 0.05 <= data["history"][-2]["max_excess"]
    for g in goods:
        s, d = data["supply"][g], data["demand"][g]
        assert abs(2 * (s - d)) / (s + d) < 0.05


def test_options_override_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    base = _json(capsys, ["plan", VILLAGE, "--json"])
    tight = _json(capsys, ["plan", VILLAGE, "--json", "--threshold", "0.01"])
    assert tight["rounds"] > base["rounds"] and tight["threshold"] == 0.01
    assert tight["history"][-1]["max_excess"] < 0.01
    other = _json(capsys, ["plan", VILLAGE, "--json", "--start-prices", "40"])
    assert other["rounds"] != base["rounds"]
    prog = _json(capsys, ["plan", VILLAGE, "--json", "--rule", "program"])
    assert prog["rule"] == "program" and prog["converged"]
    paced = _json(capsys, ["plan", VILLAGE, "--json", "--paced"])
    assert paced["paced"] is True and paced["converged"]


def test_not_converged_exits_3(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, ["plan", VILLAGE, "--json", "--max-rounds", "3"], code=3)
    assert data["converged"] is False and data["rounds"] == 3
    assert main(["plan", VILLAGE, "--max-rounds", "2"]) == 3
    assert "NOT converged after 2 rounds" in capsys.readouterr().out


def test_generate(capsys: pytest.CaptureFixture[str]) -> None:
    a = _json(capsys, ["plan", "--generate", "600,600,50", "--seed", "3", "--json"])
    b = _json(capsys, ["plan", "--generate", "600,600,50", "--seed", "3", "--json"])
    assert a == b and a["converged"] and len(a["prices"]) == 50
    assert "F1" in a["prices"] and "P10" in a["prices"]


@pytest.mark.parametrize(
    "argv,words",
    [
        (["plan", "missing.yaml"], "missing.yaml: no such file"),
        (["plan"], "either an economy file or --generate"),
        (["plan", VILLAGE, "--generate", "10,10,10"], "either an economy file or --generate"),
        (["plan", "--generate", "10,10"], "three positive integers"),
        (["plan", "--generate", "a,b,c"], "three positive integers"),
        (["plan", "--generate", "10,10,0"], "three positive integers"),
        (["plan", "--generate", "2,5,10"], "cannot produce"),
        (["plan", VILLAGE, "--threshold", "-0.1"], "--threshold"),
        (["plan", VILLAGE, "--start-prices", "0"], "--start-prices"),
        (["plan", VILLAGE, "--max-rounds", "0"], "--max-rounds"),
    ],
)
def test_bad_input_exits_2(capsys: pytest.CaptureFixture[str], argv: list[str], words: str) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err


def test_malformed_file_is_located(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = Path(VILLAGE).read_text(encoding="utf-8").replace("A: 4.5", "A: zero")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "A: zero" in t)
    assert main(["plan", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{bad}:{line}:")
    assert "worker_councils[1].A: Input should be a valid number" in err


def test_bad_rule_is_an_argparse_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["plan", VILLAGE, "--rule", "fast"])
    assert info.value.code == 2
