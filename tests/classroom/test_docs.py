"""docs/teachers.md's class commands: each one parses, and each that listens on this computer
only (no --lan) really starts, prints the code and the addresses, and stops cleanly. The
--lan commands are only parsed: tests never listen beyond 127.0.0.1."""

from __future__ import annotations

import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from game.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]
TEACHERS = ROOT / "docs" / "teachers.md"


def class_commands() -> list[list[str]]:
    text = TEACHERS.read_text(encoding="utf-8")
    cmds = []
    fenced = False
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("```"):
            fenced = not fenced
            continue
        if fenced and (line.startswith("python main.py classroom") or "--class-session" in line):
            cmds.append(shlex.split(line)[2:])
    inline = re.findall(r"`(python main.py classroom [^`]+)`", text)
    cmds += [shlex.split(c)[2:] for c in inline]
    return cmds


def test_every_class_command_of_the_guide_parses() -> None:
    cmds = class_commands()
    assert any(c[0] == "classroom" and "--lan" in c for c in cmds)
    assert any("--class-session" in c for c in cmds)
    for c in cmds:
        args = build_parser().parse_args(c)
        assert args.command in ("classroom", "play")


def test_the_guides_local_classroom_command_runs(tmp_path: Path) -> None:
    local = [c for c in class_commands() if c[0] == "classroom" and "--lan" not in c]
    local = local or [["classroom", "coop_network"]]
    for c in local:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = str(s.getsockname()[1])
        cmd = [sys.executable, "main.py", *c, "--port", port, "--out", str(tmp_path / "out")]
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            seen = ""
            deadline = time.monotonic() + 60
            assert proc.stdout is not None
            while "Ctrl+C" not in seen and time.monotonic() < deadline:
                line = proc.stdout.readline()
                if not line:
                    break
                seen += line
            assert "enter the code" in seen and f"127.0.0.1:{port}/board?key=" in seen
            proc.send_signal(signal.SIGTERM)
            proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        assert proc.returncode == 0
