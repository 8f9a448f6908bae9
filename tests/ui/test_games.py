"""Loading games without any screen: the game service reads a save, finds its level, replays
it in a worker and hands back a session, or says why not as data."""

from __future__ import annotations

import pytest

from game.levels.catalog import load_catalog
from game.saves import SaveStore
from game.ui.games import GameService, LoadFailure, find_level, new_session
from game.ui.worker import Workers


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def run(service: GameService, slot: str) -> tuple[list, list]:
    ready: list = []
    failed: list[LoadFailure] = []
    service.load_slot(slot, "en", ready.append, failed.append)
    for task in [p[0] for p in service.workers._pending]:
        assert task.wait(60)
    service.workers.poll()
    return ready, failed


def test_a_saved_game_replays_to_the_same_place(tmp_path, catalog) -> None:
    loaded = find_level(catalog, "coop_network")
    session = new_session(loaded, 11)
    first = [a.id for a in loaded.level.actions][:1]
    session.play(first, {})
    session.play([], {})
    store = SaveStore(tmp_path)
    store.write("mine", session.to_save())
    ready, failed = run(GameService(store, lambda: catalog, Workers()), "mine")
    assert not failed and len(ready) == 1
    again = ready[0]
    assert again.decisions == session.decisions and again.turn == session.turn == 3
    assert again.scores() == session.scores()
    assert not again.hash_mismatch and again.to_save().level_hash == session.to_save().level_hash


def test_an_unreadable_save_is_a_failure_not_a_crash(tmp_path, catalog) -> None:
    (tmp_path / "saves").mkdir()
    (tmp_path / "saves" / "broken.json").write_text("{", encoding="utf-8")
    ready, failed = run(GameService(SaveStore(tmp_path), lambda: catalog, Workers()), "broken")
    assert not ready and [f.kind for f in failed] == ["unreadable"]
    assert "broken" in failed[0].detail


def test_a_save_of_a_missing_level_names_the_level(tmp_path, catalog) -> None:
    session = new_session(find_level(catalog, "coop_network"), 3)
    store = SaveStore(tmp_path)
    store.write("gone", session.to_save().model_copy(update={"level_id": "no_such_level"}))
    ready, failed = run(GameService(store, lambda: catalog, Workers()), "gone")
    assert not ready and failed == [LoadFailure("missing_level", "no_such_level")]


def test_a_replay_that_breaks_the_rules_is_reported(tmp_path, catalog) -> None:
    session = new_session(find_level(catalog, "coop_network"), 3)
    bad = session.to_save().model_copy(update={"decisions": [{"actions": ["no_such_action"], "choices": {}}]})
    store = SaveStore(tmp_path)
    store.write("bad", bad)
    ready, failed = run(GameService(store, lambda: catalog, Workers()), "bad")
    assert not ready and failed[0].kind == "replay" and "no_such_action" in failed[0].detail
