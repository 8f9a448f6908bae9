"""Scenes in a plausible state for `screenshot` (and for tests): a mid-game turn, an event, a
finished game, the planning rounds. Games are played by a simple fixed policy, so the same
command always draws the same picture."""

from __future__ import annotations

from game.errors import UserError
from game.ui.scene import Scene
from game.ui.scenes import available, make_scene
from game.ui.scenes.turn.scene import TurnScene
from game.ui.session import Session

DEMO_SEED = 2024
LEVEL_SCENES = ("briefing", "turn", "planning", "event", "debrief")


def policy(session: Session, k: int = 2) -> list[str]:
    """Up to k actions, the first playable ones in the level's order (a plain, fixed policy)."""
    chosen: list[str] = []
    for a in session.level.actions:
        if len(chosen) >= k:
            break
        if a.id in (free := session.playable(chosen)) and free[a.id] is None:
            chosen.append(a.id)
    return chosen


def play_turns(session: Session, n: int, stop_at_event: bool = False) -> None:
    for _ in range(n):
        if session.finished:
            return
        setup = session.setup()
        if stop_at_event and setup.event is not None:
            return
        session.play(policy(session), {})


def unfinished_session(loaded, lang: str, n: int) -> Session:
    """A game after about `n` turns of the fixed policy, stopped at a turn without an event
    dialog and before the game ends: a game the policy loses is shown on its last playable
    turn, never as a finished game that still offers cards."""

    def played(k: int) -> Session:
        session = Session(loaded, DEMO_SEED, lang)
        for _ in range(k):
            if session.finished:
                break
            session.play(policy(session), {})
        return session

    session = played(n)
    while not session.finished and session.setup().event is not None and session.turn < loaded.level.turns:
        session.play(policy(session), {})  # show a turn without an event dialog on top
    if session.finished:
        session = played(len(session.reports) - 1)
    return session


def find_level(app, level_id: str | None):
    levels = app.catalog().levels
    if level_id is not None:
        return app.catalog().get(level_id)  # UserError (exit 2) for an unknown level
    if not levels:
        raise UserError("no levels could be loaded; run `python main.py check levels`", 2)
    return sorted(levels, key=lambda lv: (lv.level.difficulty, lv.level.id))[0]


def scene_for_screenshot(app, name: str, level: str | None) -> Scene:
    """The scene `name` ready to draw, or UserError (exit 2) for what cannot be shown."""
    target = "turn" if name == "event" else name
    if not available(target):
        raise UserError(f"scene '{name}' is not part of this build", 2)
    if name not in LEVEL_SCENES:
        if level is not None:
            find_level(app, level)  # still say so when the level does not exist
        return make_scene(app, name)
    loaded = find_level(app, level)
    if name == "briefing":
        return make_scene(app, "briefing", loaded=loaded, seed=DEMO_SEED)
    session = Session(loaded, DEMO_SEED, app.settings.language)
    if name == "debrief":
        play_turns(session, loaded.level.turns)
        return make_scene(app, "debrief", session=session)
    if name == "event":
        play_turns(session, loaded.level.turns - 1, stop_at_event=True)
        if session.setup().event is None:
            raise UserError(f"no event happens in level '{loaded.level.id}' with seed {DEMO_SEED}", 2)
        return make_scene(app, "turn", session=session)
    session = unfinished_session(loaded, app.settings.language, max(1, loaded.level.turns // 3))
    if name == "planning":
        return make_scene(app, "planning", session=session, from_scratch=True)
    scene = make_scene(app, "turn", session=session)
    assert isinstance(scene, TurnScene)
    scene.draft.chosen = policy(session, 2)
    scene.request_forecast()
    return scene


def settle(app, timeout: float = 20.0) -> None:
    """Step the app until its worker tasks are done (forecasts, plans), then two more frames."""
    import time

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.step([], 1 / 60)
        if not app.workers.busy:
            break
        time.sleep(0.01)
    for _ in range(2):
        app.step([], 1 / 60)
