"""docs/architecture.md is tested: its Python example runs, its shell commands pass, and every
module and path it names exists."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", DOC, flags=re.S)


def test_the_python_example_runs() -> None:
    (code,) = blocks("python")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    first = out.stdout.splitlines()[0].split(" ", 2)
    assert first[0] in {"trend", "action", "event", "elite"} and len(first) == 3 and first[2]


def test_the_check_commands_pass() -> None:
    (script,) = blocks("bash")
    for line in script.strip().splitlines():
        cmd = line.replace("python ", f"{sys.executable} ", 1) if line.startswith("python ") else line
        if cmd.startswith("ruff") or " mypy" in cmd:
            parts = [p.strip() for p in cmd.split("&&")]
            for p in parts:
                run = subprocess.run(
                    [sys.executable, "-m", *p.split()], cwd=ROOT, capture_output=True, text=True, timeout=600
                )
                assert run.returncode == 0, (p, run.stdout[-2000:], run.stderr[-2000:])
        else:
            run = subprocess.run(cmd.split(), cwd=ROOT, capture_output=True, text=True, timeout=600)
            assert run.returncode == 0, (cmd, run.stdout[-2000:])


def test_every_path_named_exists() -> None:
    paths = set(re.findall(r"`((?:game|tests|assets|docs|tools|levels)/[\w/.*-]+)`", DOC))
    assert len(paths) > 20
    generated = {"game/_data/", "game/ui/scenes/NAME.py"}  # made by a build / a placeholder name
    missing = [p for p in paths - generated if not any(ROOT.glob(p))]
    assert not missing, missing
