"""The scene stack, apart from the App: which screens are open, in which order, and the
lifecycle calls when that changes.

Changes asked for while a frame is being handled are queued and applied between events
(`hold()` / `apply()`), so a scene never disappears under the code that is running it. The
App supplies `snapshot` (a picture of a scene, for the overlay above it) and `on_empty`
(the last scene was popped: the game ends).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

import pygame

from game.ui.host import SceneLike


class SceneStack:
    def __init__(
        self,
        snapshot: Callable[[SceneLike], pygame.Surface] | None = None,
        on_empty: Callable[[], None] | None = None,
    ) -> None:
        self.scenes: list[SceneLike] = []
        self._ops: deque[tuple[str, SceneLike | None]] = deque()
        self._held = False
        self.snapshot = snapshot
        self.on_empty = on_empty

    @property
    def top(self) -> SceneLike | None:
        return self.scenes[-1] if self.scenes else None

    def __len__(self) -> int:
        return len(self.scenes)

    # --- requests (queued while held) ---------------------------------------------------
    def push(self, scene: SceneLike) -> None:
        self._queue("push", scene)

    def pop(self) -> None:
        self._queue("pop", None)

    def replace(self, scene: SceneLike) -> None:
        self._queue("replace", scene)

    def pop_quiet(self) -> None:
        """Drop the top scene without resuming the one below (never the last one)."""
        self._queue("pop_quiet", None)

    def clear(self) -> None:
        """Exit every scene, top first (at shutdown)."""
        while self.scenes:
            self.scenes.pop().exit()

    # --- applying ---------------------------------------------------------------------
    def hold(self) -> None:
        self._held = True

    def release(self) -> None:
        self._held = False

    def _queue(self, op: str, scene: SceneLike | None) -> None:
        self._ops.append((op, scene))
        if not self._held:
            self.apply()

    def apply(self) -> None:
        while self._ops:
            op, scene = self._ops.popleft()
            if op == "push" and scene is not None:
                self._push(scene)
            elif op == "pop_quiet":
                if len(self.scenes) > 1:
                    self.scenes.pop().exit()
            elif op == "pop":
                if not self.scenes:
                    continue
                self.scenes.pop().exit()
                top = self.top
                if top is None:
                    if self.on_empty is not None:
                        self.on_empty()
                else:
                    top.resume()
            elif op == "replace" and scene is not None:
                if self.scenes:
                    old = self.scenes.pop()
                    if scene.overlay:
                        scene.under = old.under
                    old.exit()
                self.scenes.append(scene)
                scene.enter()

    def _push(self, scene: SceneLike) -> None:
        top = self.top
        if top is not None:
            if scene.overlay and self.snapshot is not None:
                scene.under = self.snapshot(top)
            top.pause()
        self.scenes.append(scene)
        scene.enter()
