"""The class screens driven by injected keys: the teacher's console starts a hot seat, the
groups plan until the plan is agreed, the results show the class's plan beside the
automatic one, and the class's votes decide a turn and end up in the report."""

from __future__ import annotations

import pygame

from game.settings import Settings
from tests.ui.conftest import key


def press(app, *keys, mod: int = 0) -> None:
    for k in keys:
        app.step([key(k, mod)], 1 / 60)


def test_hot_seat_reaches_an_agreed_plan_by_keyboard(make_app, tmp_path) -> None:
    app = make_app(Settings(), size=(1280, 720))
    app.open("classconsole", level_id="coop_network")
    console = app.top
    assert console.name == "classconsole"
    # two groups, 20 minutes, projector mode off (keeps the test at 100%)
    press(app, pygame.K_DOWN, pygame.K_RIGHT)  # 45 -> 20 minutes
    press(app, pygame.K_DOWN, pygame.K_DOWN, pygame.K_DOWN, pygame.K_LEFT, pygame.K_LEFT)  # groups 4 -> 2
    press(app, pygame.K_DOWN, pygame.K_DOWN, pygame.K_RIGHT)  # projector off
    assert (console.minutes, console.groups, console.projector) == (20, 2, False)
    press(app, pygame.K_RETURN)
    scene = app.top
    assert scene.name == "classplay" and len(scene.play.groups) == 2
    press(app, pygame.K_RETURN)  # start planning
    assert scene.play.status == "round"
    first = scene.current_group()
    # the first group nudges its first quantity up twice, then takes its suggestion back
    press(app, pygame.K_RIGHT, pygame.K_RIGHT)
    assert scene.draft[0] > scene.play.bounds(first.council)["auto"][0]
    press(app, pygame.K_RIGHT, mod=pygame.KMOD_SHIFT)
    press(app, pygame.K_RETURN)  # group 1 sends the nudged proposal
    assert first.id in scene.play.submitted
    for _ in range(2 * scene.play.max_rounds):
        if scene.play.finished:
            break
        press(app, pygame.K_a, pygame.K_RETURN)  # take the suggestion and send
    assert scene.play.status == "converged"
    out = scene.room.outcome
    assert out["class"]["converged"] and out["automatic"]["converged"]
    assert out["groups"][0]["group"] == first.name and out["groups"][0]["moved"] > 0
    app.draw()
    # on to the class's turns: a vote by show of hands decides the first turn
    press(app, pygame.K_RETURN)
    turn = app.top
    assert turn.name == "classturn"
    press(app, pygame.K_a)  # put the first affordable actions to a vote
    vote = turn.room.vote
    assert vote is not None and vote.mode == "hands"
    press(app, pygame.K_DOWN, pygame.K_1, pygame.K_2)  # 12 hands for the second option
    press(app, pygame.K_RETURN)
    assert vote.closed and vote.winner == vote.options[1][0]
    app.draw()
    press(app, pygame.K_p)
    session = turn.session
    assert list(session.reports[0]["actions"]) == [vote.winner]
    while not session.finished:
        press(app, pygame.K_p)
    press(app, pygame.K_r)
    html = next((tmp_path / "class-reports").glob("*/report.html")).read_text(encoding="utf-8")
    assert "The class plan beside the automatic plan" in html and "by show of hands" in html
    app.draw()


def test_projector_mode_enlarges_and_restores(make_app) -> None:
    app = make_app(Settings(), size=(1280, 720))
    app.open("classconsole", level_id="coop_network")
    press(app, pygame.K_RETURN)
    assert app.settings.ui_scale == 150 and app.top.name == "classplay"
    app.draw()
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "classconsole" and app.settings.ui_scale == 100


def test_play_class_session_flag_is_parsed() -> None:
    from game.cli import build_parser

    args = build_parser().parse_args(["play", "--class-session"])
    assert args.class_session is True
