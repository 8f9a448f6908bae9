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


def _bare_env(tmp_path) -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    env["PARECON_DATA_DIR"] = str(tmp_path)
    return env


def test_no_display_says_so_in_one_line_and_exits_1(tmp_path) -> None:
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run(
        [sys.executable, "main.py"],
        cwd=root,
        env=_bare_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.splitlines() == [
        "no display found; set DISPLAY or run `python main.py screenshot ...` for images"
    ]


def test_a_driver_asked_for_explicitly_is_taken(monkeypatch) -> None:
    from game.commands.play import display_available

    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    assert display_available()
    monkeypatch.delenv("SDL_VIDEODRIVER")
    assert not display_available()


def test_skipped_mod_files_are_named_with_the_reason(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    mods = tmp_path / "mods"
    mods.mkdir()
    (mods / "broken.yaml").write_text("id: broken\nturns: twelve\n", encoding="utf-8")
    code = main(["simulate", "coop_network", "--mods", str(mods), "--turns", "1", "--json"])
    err = capsys.readouterr().err
    assert code == 0
    assert err.startswith(f"skipped {mods / 'broken.yaml'}: {mods / 'broken.yaml'}:")
    assert "see: main.py check" in err
