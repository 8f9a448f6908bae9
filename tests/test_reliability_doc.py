"""docs/reliability.md: every command it shows runs (scaled down to seconds), every test it
names exists, and its figures are the JSON lines the scripts print."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
COMMANDS = [
    line
    for block in re.findall(r"```bash\n(.*?)```", DOC, re.S)
    for line in block.strip().splitlines()
    if line.startswith("python ")
]
SHORT = {"--minutes": "0.05", "--kills": "2", "--seeds": "1", "--events": "60"}


def test_every_named_test_file_exists() -> None:
    named = set(re.findall(r"`(tests/[\w/]+\.py)`", DOC))
    assert len(named) >= 10
    assert [n for n in named if not (ROOT / n).is_file()] == []


@pytest.mark.parametrize("command", COMMANDS)
def test_each_documented_command_runs(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    import importlib

    args = shlex.split(command)[1:]
    script = args.pop(0)
    for i, a in enumerate(args[:-1]):
        if a in SHORT:
            args[i + 1] = SHORT[a]
    module = importlib.import_module(script.removesuffix(".py").replace("/", "."))
    assert module.main(args) == 0
    json.loads(capsys.readouterr().out.strip().splitlines()[-1])


def test_the_figures_are_the_scripts_json() -> None:
    figures = DOC.split("## Figures of the last full run", 1)[1]
    lines = re.findall(r"^    (\{.*\})$", figures, re.M)
    results = [json.loads(line) for line in lines]
    keys = [set(r) for r in results]
    assert any("mutants" in k for k in keys) and any("kills" in k for k in keys)
    assert any("runs" in k for k in keys) and any("end_mb" in k for k in keys)
