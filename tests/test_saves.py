"""Saves: round trip, atomic writes, unreadable slots listed with reasons, upgrades."""

from __future__ import annotations

import json
import os

import pytest

from game import atomic
from game.saves import (
    AUTOSAVE_SLOT,
    SAVE_VERSION,
    SaveError,
    SaveGame,
    SaveStore,
    SaveSummary,
    level_hash,
    resolve_data_dir,
)


def make_save(turn=3, **kw) -> SaveGame:
    base = dict(
        level_id="coop_network",
        level_hash=level_hash(b"level: 1\n"),
        seed=42,
        decisions=[{"actions": ["study_circles"]}, {"actions": []}, {"event": "drought:share"}],
        summary=SaveSummary(
            turn=turn,
            turns_total=12,
            scores={"equity": 55.5, "support": 40.0},
            level_title={"en": "Co-ops", "es": "Cooperativas"},
        ),
    )
    base.update(kw)
    return SaveGame(**base)


def test_round_trip(tmp_path):
    store = SaveStore(tmp_path)
    save = make_save()
    path = store.write("mine", save)
    assert path == tmp_path / "saves" / "mine.json"
    loaded = store.load("mine")
    assert loaded == save
    assert json.loads(path.read_text())["version"] == SAVE_VERSION


def test_autosave_listed_first(tmp_path):
    store = SaveStore(tmp_path)
    store.write("zeta", make_save(turn=1))
    store.autosave(make_save(turn=5))
    slots = store.list()
    assert [s.slot for s in slots] == [AUTOSAVE_SLOT, "zeta"]
    assert slots[0].summary.turn == 5 and slots[0].readable


def test_failing_write_keeps_old_file(tmp_path, monkeypatch):
    store = SaveStore(tmp_path)
    store.write("slot", make_save(turn=1))
    before = (tmp_path / "saves" / "slot.json").read_bytes()

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        store.write("slot", make_save(turn=9))
    assert (tmp_path / "saves" / "slot.json").read_bytes() == before
    files = [p.name for p in (tmp_path / "saves").iterdir() if p.is_file()]
    assert files == ["slot.json"]  # no temp file left


def test_atomic_write_replaces(tmp_path):
    target = tmp_path / "a" / "f.txt"
    atomic.atomic_write_text(target, "one")
    atomic.atomic_write_text(target, "two")
    assert target.read_text() == "two"


@pytest.mark.parametrize(
    "content, kind, words",
    [
        (b'{"version": 2, "level_id": "x"', "json", "not valid JSON"),
        (b"", "json", "empty"),
        (b"\xff\xfe\x00garbage", "encoding", "UTF-8"),
        (b"[1, 2, 3]", "not_object", "no JSON object"),
        (json.dumps({"version": 99, "level_id": "x"}).encode(), "newer", "newer version"),
        (json.dumps({"version": "two"}).encode(), "unknown_version", "version"),
        (
            json.dumps({"version": 2, "level_id": "x", "level_hash": None, "summary": {"turn": 1}}).encode(),
            "invalid",
            "missing field 'seed'",
        ),
    ],
)
def test_unreadable_listed_with_reason_and_never_overwritten(tmp_path, content, kind, words):
    store = SaveStore(tmp_path)
    store.write("good", make_save())
    bad = tmp_path / "saves" / "bad.json"
    bad.write_bytes(content)
    slots = {s.slot: s for s in store.list()}
    assert slots["good"].readable
    assert not slots["bad"].readable and slots["bad"].problem.kind == kind
    assert words in slots["bad"].problem.detail
    assert "unreadable" in slots["bad"].describe()
    with pytest.raises(SaveError) as err:
        store.load("bad")
    assert "bad.json" in str(err.value) and words in str(err.value)
    assert bad.read_bytes() == content


def test_newer_version_refused(tmp_path):
    store = SaveStore(tmp_path)
    data = make_save().model_dump(mode="json")
    data["version"] = SAVE_VERSION + 1
    (tmp_path / "saves").mkdir()
    (tmp_path / "saves" / "future.json").write_text(json.dumps(data))
    with pytest.raises(SaveError, match="newer version of the game"):
        store.load("future")


def test_upgrade_v1_to_v2(tmp_path):
    v1 = {
        "version": 1,
        "game_version": "0.0.9",
        "level": "reservation_pilot",
        "seed": 7,
        "turn_decisions": [{"actions": ["a"]}, {"actions": []}],
        "turn": 2,
        "scores": {"equity": 61.0},
        "saved_at": "2025-01-01T00:00:00+00:00",
    }
    (tmp_path / "saves").mkdir()
    path = tmp_path / "saves" / "old.json"
    path.write_text(json.dumps(v1))
    store = SaveStore(tmp_path)
    save = store.load("old")
    assert save.version == 2
    assert save.level_id == "reservation_pilot" and save.level_hash is None
    assert save.decisions == v1["turn_decisions"]
    assert save.summary.turn == 2 and save.summary.scores == {"equity": 61.0}
    assert json.loads(path.read_text()) == v1  # loading never rewrites the file
    assert store.list()[0].readable


def test_huge_file_refused(tmp_path, monkeypatch):
    import game.saves as saves

    monkeypatch.setattr(saves, "MAX_SAVE_BYTES", 100)
    (tmp_path / "saves").mkdir()
    (tmp_path / "saves" / "big.json").write_text(" " * 500)
    info = SaveStore(tmp_path).list()[0]
    assert info.problem.kind == "too_large"


def test_bad_slot_names(tmp_path):
    store = SaveStore(tmp_path)
    for bad in ("../escape", "", "a/b", "x" * 60, ".hidden"):
        with pytest.raises(SaveError):
            store.path(bad)
    with pytest.raises(SaveError, match="no such save"):
        store.load("missing")


def test_list_of_missing_folder_is_empty(tmp_path):
    assert SaveStore(tmp_path / "nowhere").list() == []


def test_delete_and_next_free(tmp_path):
    store = SaveStore(tmp_path)
    store.write("save-1", make_save())
    assert store.next_free_slot() == "save-2"
    store.delete("save-1")
    store.delete("save-1")
    assert store.list() == []


def test_data_dir_resolution(tmp_path):
    assert resolve_data_dir(str(tmp_path), env={}) == tmp_path
    assert resolve_data_dir(None, env={"PARECON_DATA_DIR": str(tmp_path / "e")}) == tmp_path / "e"
    default = resolve_data_dir(None, env={})
    assert default.name == "parecon-pathways"
    assert not os.path.exists(tmp_path / "e")  # resolving never creates folders
