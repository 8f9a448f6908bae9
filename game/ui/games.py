"""Starting and resuming games, apart from the screens: read a save, find its level, replay
its decisions in a worker, hand back a `Session`. Imports no scene, so the App, the save list
and the hot-seat or teacher screens can all use it and tests can drive it headless.

Failures come back as a `LoadFailure` (kind and detail, no sentence): the screen that asked
words it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.i18n import load_translator
from game.saves import SaveError, SaveGame, SaveStore
from game.ui.session import Session
from game.ui.worker import Workers


@dataclass(frozen=True)
class LoadFailure:
    """Why a game could not be resumed. `kind`: unreadable (the save file; `detail` is the
    save store's message), missing_level (`detail` is the level id) or replay (`detail` is
    the error the replay raised)."""

    kind: str
    detail: str


def find_level(catalog: Any, level_id: str) -> Any | None:
    """The loaded level with this id in a catalog, or None."""
    return next((lv for lv in catalog.levels if lv.level.id == level_id), None)


def new_session(loaded: Any, seed: int, lang: str = "en") -> Session:
    """A fresh game of a level with a seed (the scenario code is level id and seed)."""
    return Session(loaded, seed, lang)


class GameService:
    """Loads saves into sessions. `catalog` is called when a level is needed (the App loads
    its catalog lazily); replays run in `workers` so the window never freezes."""

    def __init__(self, saves: SaveStore, catalog: Callable[[], Any], workers: Workers) -> None:
        self.saves = saves
        self.catalog = catalog
        self.workers = workers

    def load_slot(
        self,
        slot: str,
        lang: str,
        on_ready: Callable[[Session], None],
        on_failure: Callable[[LoadFailure], None],
    ) -> None:
        try:
            save = self.saves.load(slot)
        except SaveError as exc:
            on_failure(LoadFailure("unreadable", exc.words(load_translator(lang).gettext)))
            return
        self.resume(save, lang, on_ready, on_failure)

    def resume(
        self,
        save: SaveGame,
        lang: str,
        on_ready: Callable[[Session], None],
        on_failure: Callable[[LoadFailure], None],
    ) -> None:
        loaded = find_level(self.catalog(), save.level_id)
        if loaded is None:
            on_failure(LoadFailure("missing_level", save.level_id))
            return
        self.workers.submit(
            Session.from_save,
            save,
            loaded,
            lang,
            on_done=on_ready,
            on_error=lambda exc: on_failure(LoadFailure("replay", str(exc))),
        )
