"""Files a player, a teacher or a disk can damage: every loader turns what its input can
cause into its own error naming the file; settings with a byte-order mark are read; orphaned
temporary files are cleaned; each slot keeps its last three saves; bad paths on every command
are one line and exit code 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game import atomic
from game.cli import main
from game.levels.catalog import load_catalog
from game.saves import SaveError, SaveGame, SaveStore, SaveSummary
from game.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
SMOKE = ROOT / "tests" / "levels" / "good" / "smoke.yaml"
DEEP = "[" * 100_000 + "]" * 100_000


def _save(turn: int) -> SaveGame:
    return SaveGame(
        level_id="coop_network", level_hash=None, seed=turn, decisions=[], summary=SaveSummary(turn=turn)
    )


# ---------------------------------------------------------------- settings


def test_settings_with_a_byte_order_mark_are_read(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_bytes(b'\xef\xbb\xbf{"ui_scale": 150, "language": "es"}')
    settings, warnings = load_settings(tmp_path)
    assert (settings.ui_scale, settings.language, warnings) == (150, "es", [])


@pytest.mark.parametrize(
    "text",
    [DEEP, '{"language": ' + DEEP + "}", '{"ui_scale": ' + "9" * 5000 + "}", "\udcff", '{"volume": true}'],
    ids=["deep", "deep_value", "huge_int", "bad_utf8", "bool_volume"],
)
def test_broken_settings_fall_back_with_a_warning_naming_the_file(tmp_path: Path, text: str) -> None:
    (tmp_path / "settings.json").write_bytes(text.encode("utf-8", "surrogateescape"))
    settings, warnings = load_settings(tmp_path)
    assert settings.volume == 70 and settings.ui_scale == 100
    assert warnings and all(str(tmp_path / "settings.json") in w for w in warnings)


# ---------------------------------------------------------------- saves


@pytest.mark.parametrize(
    "content",
    [
        DEEP,
        '{"version": 2, "seed": ' + "1" * 5000 + "}",
        json.dumps({"version": 1, "level": "coop_network", "seed": 1, "turn_decisions": 5}),
        json.dumps({"version": 1, "level": "x", "seed": 1, "turn_decisions": [], "turn": "three"}),
        json.dumps({"version": 2, "level_id": ["x"], "seed": 1.5, "summary": None}),
        json.dumps({"version": True}),
        json.dumps(
            {"version": 2, "level_id": "coop_network", "level_hash": None, "seed": -1, "summary": {"turn": 0}}
        ),
    ],
    ids=[
        "deep",
        "huge_int",
        "v1_decisions_not_list",
        "v1_bad_turn",
        "wrong_types",
        "bool_version",
        "negative_seed",
    ],
)
def test_damaged_save_raises_save_error_naming_the_file(tmp_path: Path, content: str) -> None:
    store = SaveStore(tmp_path)
    store.folder.mkdir(parents=True)
    (store.folder / "slot.json").write_text(content, encoding="utf-8")
    with pytest.raises(SaveError) as info:
        store.load("slot")
    assert str(store.folder / "slot.json") in str(info.value)
    listed = store.list()
    assert [s.slot for s in listed] == ["slot"] and not listed[0].readable


def test_each_slot_keeps_its_last_three_saves(tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    for turn in range(1, 7):
        store.write("class-4b", _save(turn))
    assert store.load("class-4b").summary.turn == 6
    assert [store.load_backup("class-4b", n).summary.turn for n in (1, 2, 3)] == [5, 4, 3]
    assert len(store.backups("class-4b")) == 3
    assert [s.slot for s in store.list()] == ["class-4b"]  # backups are not slots


def test_a_damaged_save_never_pushes_a_good_backup_out(tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    store.write("a", _save(1))
    store.write("a", _save(2))
    store.path("a").write_text("{broken", encoding="utf-8")
    store.write("a", _save(3))
    assert len(store.backups("a")) == 1 and store.load_backup("a", 1).summary.turn == 1


def test_orphaned_temporary_files_are_cleaned_at_start(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    saves.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    pid = int(dead.stdout)
    orphan = saves / f".autosave.json.{pid}.abc123.tmp"
    orphan.write_bytes(b"x" * 1000)
    mine = saves / f".autosave.json.{os.getpid()}.def456.tmp"  # a writer still running
    mine.write_bytes(b"y")
    old = saves / ".slot.json.zz9.tmp"  # an older game's name, without a writer id
    old.write_bytes(b"z")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    keep = saves / "slot.json"
    keep.write_text("{}", encoding="utf-8")
    removed = atomic.clean_orphans(saves)
    assert sorted(p.name for p in removed) == sorted([orphan.name, old.name])
    assert mine.exists() and keep.exists()


# ---------------------------------------------------------------- mods


def test_a_mod_folder_that_is_a_link_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    text = SMOKE.read_text(encoding="utf-8").replace("id: smoke", "id: linked_mod")
    (outside / "level.yaml").write_text(text, encoding="utf-8")
    mods = tmp_path / "mods"
    mods.mkdir()
    (mods / "evil").symlink_to(outside, target_is_directory=True)
    cat = load_catalog([mods], include_user=False)
    assert cat.find("linked_mod") is None
    assert any("a mod folder that is a link" in p.message and "evil" in p.file for p in cat.problems)


# ---------------------------------------------------------------- commands


def _cli(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, err


def test_bad_paths_on_every_command_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    missing = tmp_path / "missing"
    cases = [
        ("simulate", SMOKE, "--mods", missing),
        ("simulate", SMOKE, "--actions", tmp_path),
        ("simulate", SMOKE, "--actions", missing),
        ("screenshot", "title", "--data-dir", a_file, "--out", tmp_path / "x.png"),
        ("screenshot", "title", "--out", a_file / "x.png"),
        ("screenshot", "title", "--out", tmp_path),
        ("report", a_file, "--out", a_file),
        ("report", a_file, "--out", tmp_path / "r", "--mods", missing),
        ("report", a_file, "--out", tmp_path / "r", "--level", missing),
        ("play", "--data-dir", a_file),
        ("play", "--mods", missing),
        ("plan", missing),
    ]
    for args in cases:
        code, err = _cli(capsys, *args)
        assert code == 2, (args, err)
        assert len(err.strip().splitlines()) == 1, (args, err)


def test_report_on_deeply_nested_json_is_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for content in (DEEP, '{"turns": ' + DEEP + "}", '{"version": 2, "level_id": ' + DEEP + "}"):
        run = tmp_path / "run.json"
        run.write_text(content, encoding="utf-8")
        code, err = _cli(capsys, "report", run, "--out", tmp_path / "out")
        assert code == 2 and str(run) in err, err


def test_check_prints_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    name = os.fsencode(str(tmp_path)) + b"/caf\xe9.yaml"
    with open(name, "wb") as handle:
        handle.write(b"id: [\n")
    proc = subprocess.run(
        [sys.executable, "main.py", "check", os.fsdecode(name)],
        cwd=ROOT,
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert proc.returncode == 1, proc.stderr
    assert b"Traceback" not in proc.stdout + proc.stderr
    assert b"caf\\udce9.yaml" in proc.stdout + proc.stderr
