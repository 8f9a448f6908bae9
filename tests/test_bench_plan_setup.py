"""docs/performance.md's set-up benchmark commands (`benchmarks/bench_plan_setup.py`) run as
written (with `--quick`) and report the keys the page quotes, for the path they name."""

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
COMMAND = r"`((?:PARECON_JIT=\d )?python benchmarks/bench_plan_setup\.py[^`]*)`"
COMMANDS = sorted(set(re.findall(COMMAND, DOC)))
TIMES = ("cc_jit", "cc_jit_one_thread", "cc_numpy", "stream", "setup", "rounds")
KEYS = {
    "jit",
    "samples",
    *(f"{name}_s" for name in TIMES),
    *(f"{name}_cpu_s" for name in TIMES),
    "cc_jit_to_stream",
    "cc_numpy_to_stream",
    "setup_to_rounds",
    "setup_to_rounds_cpu",
}


def test_the_page_names_both_paths() -> None:
    assert "python benchmarks/bench_plan_setup.py" in COMMANDS
    assert "PARECON_JIT=0 python benchmarks/bench_plan_setup.py" in COMMANDS


@pytest.mark.parametrize("command", COMMANDS)
def test_a_set_up_benchmark_command_runs(command: str) -> None:
    words = shlex.split(command)
    env = {**os.environ, "PARECON_JIT": "1"}
    while "=" in words[0]:  # the command's own variables
        name, value = words.pop(0).split("=", 1)
        env[name] = value
    assert words[:2] == ["python", "benchmarks/bench_plan_setup.py"]
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
    assert report["jit"] is jit and report["samples"] == 5
    for name in ("cc_numpy", "stream", "setup", "rounds"):
        assert report[f"{name}_s"] > 0 and report[f"{name}_cpu_s"] > 0
    assert (report["cc_jit_s"] is not None) is jit and (report["cc_jit_to_stream"] is not None) is jit
    assert report["cc_numpy_to_stream"] > 0 and report["setup_to_rounds"] > 0
