"""Scenes in a plausible state for `screenshot` and for tests: which scene, with which data."""

from __future__ import annotations

from game.errors import UserError
from game.ui.scene import Scene
from game.ui.scenes import available, make_scene


def scene_for_screenshot(app, name: str, level: str | None) -> Scene:
    """The scene `name` ready to draw, or UserError (exit 2) for what cannot be shown."""
    if not available(name):
        raise UserError(f"scene '{name}' is not part of this build yet", 2)
    if level is not None and name in ("title", "settings", "saves", "credits"):
        pass  # these scenes do not depend on a level; --level is accepted and ignored
    return make_scene(app, name)
