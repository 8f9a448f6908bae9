"""docs/performance.md's planning benchmark commands run as written (with `--quick`, fewer
repeats, to keep the suite fast) and report the keys the page quotes, for the path they
name: the compiled round with numba, numpy's with PARECON_JIT=0."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
COMMANDS = sorted(set(re.findall(r"`((?:PARECON_JIT=\d )?python benchmarks/bench_plan\.py[^`]*)`", DOC)))
KEYS = {
    "jit",
    "first_plan_s",
    "setup_s",
    "rounds_s",
    "setup_cpu_s",
    "rounds_cpu_s",
    "rounds",
    "s_per_round",
    "s_per_round_numpy",
    "total_s",
    "peak_mb",
    "ratio_to_stream",
    "ratio_to_stream_numpy",
    "gather_to_stream",
    "scatter_to_stream",
}


def test_the_page_names_both_paths() -> None:
    assert "python benchmarks/bench_plan.py" in COMMANDS
    assert "PARECON_JIT=0 python benchmarks/bench_plan.py" in COMMANDS


@pytest.mark.parametrize("command", COMMANDS)
def test_a_planning_benchmark_command_runs(command: str) -> None:
    words = shlex.split(command)
    env = {**os.environ, "PARECON_JIT": "1"}
    while "=" in words[0]:  # the command's own variables
        name, value = words.pop(0).split("=", 1)
        env[name] = value
    assert words[:2] == ["python", "benchmarks/bench_plan.py"]
    args = words[2:] if "--quick" in words else [*words[2:], "--quick"]
    out = subprocess.run(
        [sys.executable, words[1], *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert set(report) == KEYS
    jit = env["PARECON_JIT"] != "0"
    try:
        import numba  # noqa: F401
    except ImportError:
        jit = False
    assert report["jit"] is jit
    assert report["rounds"] == 19  # Hahnel 2021, Table 9.2: 18-22 rounds to <3%
    assert 0 < report["ratio_to_stream"] and 0 < report["ratio_to_stream_numpy"]
