"""What a scene may ask of the program that shows it: the `SceneHost` protocol.

Scenes are typed against this protocol, not against `game.ui.app.App`, so the scene modules
and the App do not import each other (no import circle), and a test can host a scene in
anything with these members. `SceneLike` is what the scene stack needs of a scene.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import pygame
import pygame_gui

from game.saves import SaveStore
from game.settings import Settings
from game.ui.context import UIContext
from game.ui.worker import Workers


class SceneLike(Protocol):
    """The lifecycle the stack drives: enter when pushed, pause when covered, resume when on
    top again, exit when popped or replaced. Overlays (dialogs) are drawn over `under`, a
    picture of the scene below."""

    name: str
    overlay: bool
    under: pygame.Surface | None

    def enter(self) -> None: ...
    def exit(self) -> None: ...
    def pause(self) -> None: ...
    def resume(self) -> None: ...


class SceneHost(Protocol):
    """The members of the App that scenes use."""

    ctx: UIContext
    manager: pygame_gui.UIManager
    screen: pygame.Surface
    settings: Settings
    saves: SaveStore
    workers: Workers
    data_dir: Path

    @property
    def top(self) -> Any: ...
    @property
    def version(self) -> str: ...

    def push(self, scene: Any) -> None: ...
    def pop(self) -> None: ...
    def replace(self, scene: Any) -> None: ...
    def open(self, name: str, **kwargs: Any) -> Any: ...
    def notify(self, text: str, seconds: float = 4.0) -> None: ...
    def alert(self, title: str, body: str) -> None: ...
    def quit(self) -> None: ...
    def catalog(self) -> Any: ...
    def level_sources(self) -> list[str]: ...
    def start_session(self, session: Any) -> None: ...
    def load_slot(self, slot: str) -> None: ...
    def continue_game(self) -> None: ...
    def apply_settings(self, new: Settings) -> None: ...


OnDone = Callable[[Any], None]
