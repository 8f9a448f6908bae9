"""The scene stack on its own, with mock scenes: which lifecycle call each change makes, and
that changes asked for while a frame runs wait until it is safe to apply them."""

from __future__ import annotations

from unittest.mock import MagicMock

import pygame

from game.ui.host import SceneLike
from game.ui.scene_stack import SceneStack


def mock_scene(name: str, overlay: bool = False) -> MagicMock:
    scene = MagicMock(spec=SceneLike, name=name)
    scene.name = name
    scene.overlay = overlay
    scene.under = None
    return scene


def calls(scene: MagicMock) -> list[str]:
    return [c[0] for c in scene.method_calls]


def test_push_enters_and_pauses_the_one_below() -> None:
    stack = SceneStack()
    a, b = mock_scene("a"), mock_scene("b")
    stack.push(a)
    stack.push(b)
    assert stack.scenes == [a, b] and stack.top is b
    assert calls(a) == ["enter", "pause"]
    assert calls(b) == ["enter"]


def test_pop_exits_and_resumes_the_one_below() -> None:
    stack = SceneStack()
    a, b = mock_scene("a"), mock_scene("b")
    stack.push(a)
    stack.push(b)
    stack.pop()
    assert stack.top is a
    assert calls(b) == ["enter", "exit"]
    assert calls(a) == ["enter", "pause", "resume"]


def test_popping_the_last_scene_reports_an_empty_stack() -> None:
    ended = []
    stack = SceneStack(on_empty=lambda: ended.append(True))
    a = mock_scene("a")
    stack.push(a)
    stack.pop()
    assert stack.top is None and ended == [True]
    stack.pop()  # popping an empty stack is harmless
    assert ended == [True]


def test_replace_exits_the_old_top_without_resuming_below() -> None:
    stack = SceneStack()
    a, b, c = mock_scene("a"), mock_scene("b"), mock_scene("c")
    stack.push(a)
    stack.push(b)
    stack.replace(c)
    assert stack.scenes == [a, c]
    assert calls(b) == ["enter", "exit"]
    assert calls(a) == ["enter", "pause"]
    assert calls(c) == ["enter"]


def test_an_overlay_gets_a_picture_of_the_scene_below() -> None:
    shot = pygame.Surface((4, 4))
    seen = []

    def snapshot(scene):
        seen.append(scene)
        return shot

    stack = SceneStack(snapshot=snapshot)
    a, dialog, plain = mock_scene("a"), mock_scene("dialog", overlay=True), mock_scene("plain")
    stack.push(a)
    stack.push(dialog)
    assert dialog.under is shot and seen == [a]
    stack.push(plain)  # a full screen is not an overlay: no picture taken
    assert seen == [a] and plain.under is None


def test_replacing_an_overlay_keeps_the_picture_under_it() -> None:
    stack = SceneStack(snapshot=lambda s: pygame.Surface((2, 2)))
    a, d1, d2 = mock_scene("a"), mock_scene("d1", True), mock_scene("d2", True)
    stack.push(a)
    stack.push(d1)
    stack.replace(d2)
    assert d2.under is d1.under is not None


def test_changes_wait_while_held() -> None:
    stack = SceneStack()
    a, b = mock_scene("a"), mock_scene("b")
    stack.push(a)
    stack.hold()
    stack.push(b)
    stack.pop()
    assert stack.scenes == [a] and calls(b) == []
    stack.apply()
    assert stack.scenes == [a]
    assert calls(b) == ["enter", "exit"]
    stack.release()
    stack.push(b)
    assert stack.top is b  # applied at once when not held


def test_pop_quiet_drops_without_resuming_and_keeps_the_last() -> None:
    stack = SceneStack()
    a, b, c = mock_scene("a"), mock_scene("b"), mock_scene("c")
    for s in (a, b, c):
        stack.push(s)
    stack.pop_quiet()
    stack.pop_quiet()
    stack.pop_quiet()
    assert stack.scenes == [a]
    assert "resume" not in calls(a) and "resume" not in calls(b)


def test_clear_exits_every_scene_top_first() -> None:
    order = []
    stack = SceneStack()
    for name in ("a", "b"):
        s = mock_scene(name)
        s.exit.side_effect = lambda n=name: order.append(n)
        stack.push(s)
    stack.clear()
    assert order == ["b", "a"] and len(stack) == 0
