"""`play` options that are checked before the window opens."""

from __future__ import annotations

import pytest

from game.cli import main


@pytest.mark.parametrize(
    "code,words",
    [
        ("nonsense", "a scenario code is a level id, a dash and a seed"),
        ("no_such_level-3", "unknown level 'no_such_level'; known levels: coop_network"),
    ],
)
def test_bad_scenario_codes_are_refused_before_any_window(
    code: str, words: str, tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["play", "--data-dir", str(tmp_path), "--scenario", code]) == 2
    assert words in capsys.readouterr().err
