"""The game's screens, by name. `make_scene(app, name)` imports a scene module only when it is
first needed, so start-up stays fast."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.ui.host import SceneHost
    from game.ui.scene import Scene

# name -> (module, class)
SCENES: dict[str, tuple[str, str]] = {
    "title": ("game.ui.scenes.title", "TitleScene"),
    "settings": ("game.ui.scenes.settings", "SettingsScene"),
    "saves": ("game.ui.scenes.saves", "SavesScene"),
    "credits": ("game.ui.scenes.credits", "CreditsScene"),
    "pathways": ("game.ui.scenes.pathways", "PathwaysScene"),
    "briefing": ("game.ui.scenes.briefing", "BriefingScene"),
    "turn": ("game.ui.scenes.turn.scene", "TurnScene"),
    "planning": ("game.ui.scenes.planning", "PlanningScene"),
    "debrief": ("game.ui.scenes.debrief", "DebriefScene"),
    "glossary": ("game.ui.scenes.glossary", "GlossaryScene"),
    "classconsole": ("game.ui.scenes.classconsole", "ClassConsoleScene"),
    "classplay": ("game.ui.scenes.classplay", "ClassPlayScene"),
    "classturn": ("game.ui.scenes.classturn", "ClassTurnScene"),
}


def available(name: str) -> bool:
    return name in SCENES


def make_scene(app: SceneHost, name: str, **kwargs: Any) -> Scene:
    if name not in SCENES:
        raise KeyError(name)
    module, cls = SCENES[name]
    return getattr(importlib.import_module(module), cls)(app, **kwargs)
