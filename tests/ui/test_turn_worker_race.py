"""A frame drawn while a turn is being played must not touch the simulation. The turn plays in
a worker thread; the screen keeps drawing. The header's budget once asked the simulation for
the turn's set-up on every frame, and `Simulation.setup` draws the turn's randomness: a frame
drawn after the worker had moved the state to the next turn, but before it forgot the old
set-up (while it works out the odds of the elite's next move), drew the next turn's numbers
early, and the worker then threw them away. The game on screen then went on with other draws
than its save replays with: under load, where that window is wide, the keyboard play-through
test failed on its replay.

Here the worker is held at exactly that point by an event, not by a clock, while the main
thread draws frames and rebuilds the screen (a rebuild read which actions are playable from
the simulation, and waited for the whole turn); then the turn finishes and the game must equal its replay."""

from __future__ import annotations

import threading

from game.sim import engine
from game.ui import demo
from game.ui.scenes import make_scene
from game.ui.session import Session
from tests.ui.conftest import run_frames, settle


def test_frames_drawn_mid_turn_leave_the_game_as_its_replay(make_app, monkeypatch) -> None:
    app = make_app()
    loaded = demo.find_level(app, "sandbox_pluralist")
    session = Session(loaded, 5)
    app.push(make_scene(app, "turn", session=session))
    scene = app.top

    held, release = threading.Event(), threading.Event()
    with_odds = engine.odds.with_odds
    timed_out: list[bool] = []

    def held_odds(sim, warning):
        if not held.is_set():  # the first warning of the game: hold the worker here
            held.set()
            # the main thread releases it; the timeout only ends a test that has failed
            # already (a frame that waited for the simulation would wait for ever)
            timed_out.append(not release.wait(30))
        return with_odds(sim, warning)

    monkeypatch.setattr(engine.odds, "with_odds", held_odds)
    while not held.is_set():
        assert not session.finished, "no elite warning in this game"
        settle(app)
        while app.top.name == "dialog":
            app.pop()
            run_frames(app)
        assert app.top is scene
        turn = session.turn
        scene.end_turn()
        # until the worker is held at the racy moment or has played the turn (no clock)
        while not held.is_set() and scene.draft.busy:
            held.wait(0.01)
            run_frames(app)
    assert session.sim.turn == turn + 1  # the worker has moved the state on
    run_frames(app, frames=5)  # the screen keeps drawing: it must not block nor draw numbers
    for tab in ("actions", "scores"):  # a rebuild (a tab, a resize) reads no simulation either
        scene.tab = tab
        scene.refresh()
    release.set()
    settle(app, lambda: not scene.draft.busy)
    assert timed_out == [False], "a frame waited for the simulation"

    replay = Session.from_save(session.to_save(), loaded)
    assert replay.sim.setup().draws.tolist() == session.sim.setup().draws.tolist()
    demo.play_turns(session, 3)
    demo.play_turns(replay, 3)
    assert replay.scores() == session.scores()
