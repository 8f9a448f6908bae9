"""Short CI versions of the long reliability runs (`tools/kill_saves.py`, `tools/soak.py`):
saves survive SIGKILL mid-write, and random legal play of every level stays finite and
deterministic."""

from __future__ import annotations

import json
import sys

import pytest

from tools import kill_saves, soak


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_saves_survive_sigkill_mid_write(capsys: pytest.CaptureFixture[str]) -> None:
    assert kill_saves.main(["--kills", "12", "--seed", "5"]) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result["kills"] == 12 and result["unreadable"] == 0 and result["problems"] == 0
    assert result["saves_checked"] > 0


def test_soak_of_every_level_is_finite_and_deterministic() -> None:
    result = soak.soak(range(1))
    assert result["runs"] == result["levels"] >= 7
    assert result["crashes"] == result["nonfinite"] == result["replay_mismatches"] == 0, result["findings"]
