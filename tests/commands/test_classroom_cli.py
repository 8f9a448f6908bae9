"""`python main.py classroom LEVEL`: refuses bad input with a message, serves the page and
the board on 127.0.0.1, and writes the class's run and report when it is stopped."""

from __future__ import annotations

import json
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from game.cli import main

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize(
    "args, message",
    [
        (["--port", "80"], "a port is a number from 1024 to 65535"),
        (["--port", "x"], "not a port number"),
        (["--round-seconds", "1"], "a round lasts 10 to 600 seconds"),
        (["--minutes", "30"], "invalid choice"),
    ],
)
def test_bad_arguments(capsys, args, message) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["classroom", "coop_network", *args])
    assert exc.value.code == 2 and message in capsys.readouterr().err


def test_unknown_level_and_bad_group_count(capsys) -> None:
    assert main(["classroom", "no_such_level"]) == 2
    assert "no_such_level" in capsys.readouterr().err
    assert main(["classroom", "coop_network", "--groups", "0"]) == 2
    assert "1 to 80 groups" in capsys.readouterr().err


def test_a_port_in_use_is_a_message(capsys) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        assert main(["classroom", "coop_network", "--port", str(port)]) == 1
    assert f"cannot listen on port {port}" in capsys.readouterr().err


def test_serves_on_localhost_and_writes_the_class_report(tmp_path: Path) -> None:
    port = free_port()
    out = tmp_path / "class"
    cmd = [sys.executable, "main.py", "classroom", "coop_network", "--port", str(port), "--out", str(out)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        lines = []
        deadline = time.monotonic() + 60
        assert proc.stdout is not None
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            if "Ctrl+C" in line:
                break
        text = "".join(lines)
        assert f"http://127.0.0.1:{port}/" in text and "Listening on this computer only" in text
        code = re.search(r"enter the code (\d{6})", text)
        assert code is not None
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10).read().decode()
        assert "join_form" in page
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/static/../../main.py", timeout=10)
        # only 127.0.0.1 listens unless --lan is given
        with socket.socket() as s:
            s.settimeout(2)
            addr = socket.gethostbyname(socket.gethostname())
            if not addr.startswith("127."):
                assert s.connect_ex((addr, port)) != 0
        proc.send_signal(signal.SIGTERM)
        rest, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, rest
    run = json.loads((out / "class-run.json").read_text(encoding="utf-8"))
    assert run["class"]["setup"]["scenario_code"] == "coop_network-1"
    assert (out / "class.html").is_file()
