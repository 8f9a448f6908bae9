"""docs/performance.md's planning benchmark commands run as written (with `--quick`, fewer
repeats, to keep the suite fast) and report the keys the page quotes, for the path they
name: the compiled loops with numba, numpy's with PARECON_JIT=0. Both benchmarks of the
page: the whole plan (`bench_plan.py`) and its set-up (`bench_plan_setup.py`)."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
PLAN, SETUP = "benchmarks/bench_plan.py", "benchmarks/bench_plan_setup.py"


def commands(script: str) -> list[str]:
    """The page's commands that run `script`, with or without PARECON_JIT."""
    return sorted(set(re.findall(rf"`((?:PARECON_JIT=\d )?python {re.escape(script)}[^`]*)`", DOC)))


PLAN_KEYS = {
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
TIMES = ("cc_jit", "cc_jit_one_thread", "cc_numpy", "stream", "setup", "rounds")
SETUP_KEYS = {
    "jit",
    "samples",
    *(f"{name}_s" for name in TIMES),
    *(f"{name}_cpu_s" for name in TIMES),
    "cc_jit_to_stream",
    "cc_numpy_to_stream",
    "setup_to_rounds",
    "setup_to_rounds_cpu",
}


def run(command: str, script: str) -> tuple[dict[str, Any], bool]:
    """Run a page command (with --quick) and return its JSON report and whether the
    compiled loops should have run (the command's PARECON_JIT and numba being there)."""
    words = shlex.split(command)
    env = {**os.environ, "PARECON_JIT": "1"}
    while "=" in words[0]:  # the command's own variables
        name, value = words.pop(0).split("=", 1)
        env[name] = value
    assert words[:2] == ["python", script]
    args = words[2:] if "--quick" in words else [*words[2:], "--quick"]
    out = subprocess.run(
        [sys.executable, words[1], *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]
    jit = env["PARECON_JIT"] != "0"
    try:
        import numba  # noqa: F401
    except ImportError:
        jit = False
    return json.loads(out.stdout.strip().splitlines()[-1]), jit


@pytest.mark.parametrize("script", [PLAN, SETUP])
def test_the_page_names_both_paths(script: str) -> None:
    assert f"python {script}" in commands(script)
    assert f"PARECON_JIT=0 python {script}" in commands(script)


@pytest.mark.parametrize("command", commands(PLAN))
def test_a_planning_benchmark_command_runs(command: str) -> None:
    report, jit = run(command, PLAN)
    assert set(report) == PLAN_KEYS
    assert report["jit"] is jit
    assert report["rounds"] == 19  # Hahnel 2021, Table 9.2: 18-22 rounds to <3%
    assert 0 < report["ratio_to_stream"] and 0 < report["ratio_to_stream_numpy"]


@pytest.mark.parametrize("command", commands(SETUP))
def test_a_set_up_benchmark_command_runs(command: str) -> None:
    report, jit = run(command, SETUP)
    assert set(report) == SETUP_KEYS
    assert report["jit"] is jit and report["samples"] == 5
    for name in ("cc_numpy", "stream", "setup", "rounds"):
        assert report[f"{name}_s"] > 0 and report[f"{name}_cpu_s"] > 0
    assert (report["cc_jit_s"] is not None) is jit and (report["cc_jit_to_stream"] is not None) is jit
    assert report["cc_numpy_to_stream"] > 0 and report["setup_to_rounds"] > 0
