"""F5: a modder edits the level file being played and sees the change at once. A reload
with errors shows them (`file:line:col: field: message`) and the old level keeps running."""

from __future__ import annotations

from typing import Any

MAX_SHOWN = 8  # problems listed in the dialog; the rest are counted


def current_level(app: Any) -> tuple[Any, Any]:
    """(scene, loaded level) of the topmost scene showing a level, or (None, None)."""
    for scene in reversed(list(app.scenes)):
        session = getattr(scene, "session", None)
        loaded = getattr(session, "loaded", None) or getattr(scene, "loaded", None)
        if loaded is not None and getattr(loaded, "path", None) is not None:
            return scene, loaded
    return None, None


def hot_reload(app: Any) -> bool:
    """Reload the current level file (and its mod's glossary); True if the new one runs."""
    from game.levels.catalog import reload_level

    _ = app.ctx._
    scene, loaded = current_level(app)
    if loaded is None:
        app.notify(_("F5 reloads the level being played; open a level first."))
        return False
    fresh, problems = reload_level(app.catalog(), loaded)
    if fresh is None:
        lines = [str(p) for p in problems[:MAX_SHOWN]]
        if len(problems) > MAX_SHOWN:
            lines.append(_("… and {n} more").format(n=len(problems) - MAX_SHOWN))
        app.alert(_("The level has errors; the old version keeps running"), "\n".join(lines))
        return False
    session = getattr(scene, "session", None)
    if session is not None and hasattr(session, "to_save"):
        from game.ui.session import Session

        def failed(exc: BaseException) -> None:
            app.alert(_("The level has errors; the old version keeps running"), str(exc))

        app.workers.submit(
            Session.from_save,
            session.to_save(),
            fresh,
            app.settings.language,
            on_done=app.start_session,
            on_error=failed,
        )
    elif scene is app.top:
        from game.ui.scenes import make_scene

        app.replace(make_scene(app, "briefing", loaded=fresh, seed=getattr(scene, "seed", None)))
    app.notify(_("Reloaded {file}").format(file=loaded.path.name))
    return True
