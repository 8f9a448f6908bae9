from __future__ import annotations

import pytest

from game.classroom.session import ClassSession, ClassSetup
from game.classroom.votes import Vote, VoteError, decision_of


def test_hands_and_group_votes():
    v = Vote("v1", "action", "Which?", [("a", "A"), ("b", "B")], "hands")
    v.set_hands("b", 12)
    v.set_hands("a", 12)
    assert v.close() == "a"  # a tie goes to the first option
    with pytest.raises(VoteError):
        v.set_hands("a", 3)
    g = Vote("v2", "event", "Event", [("x", "X"), ("y", "Y")], "groups", subject="ev")
    g.cast("g1", "y")
    g.cast("g2", "x")
    g.cast("g1", "x")  # a group may change its vote: one vote per group
    assert g.counts == {"x": 2, "y": 0}
    with pytest.raises(VoteError):
        g.cast("g3", "z")
    with pytest.raises(VoteError):
        g.set_hands("x", 3)
    assert g.close() == "x"
    assert decision_of([v, g]) == (["a"], {"ev": "x"})
    for bad in (-1, 1000, 2.5, True):
        with pytest.raises(VoteError):
            Vote("v3", "action", "?", [("a", "A"), ("b", "B")], "hands").set_hands("a", bad)


def test_a_vote_decides_the_class_turn_and_is_recorded(coop_level):
    s = ClassSession(coop_level, ClassSetup("coop_network", 42, 20))
    assert s.turns == 6
    v = s.action_vote(["study_circles", "found_coops"], "Which action?", "groups")
    v.cast("g1", "found_coops")
    v.cast("g2", "found_coops")
    v.cast("g3", "study_circles")
    v.close()
    rep = s.play_turn()
    assert list(rep.actions) == ["found_coops"]
    rec = s.run_dict()["class"]
    assert rec["votes"][0]["winner"] == "found_coops"
    assert [o["votes"] for o in rec["votes"][0]["options"]] == [1, 2]


def test_an_unplayable_action_cannot_be_put_to_the_class(coop_level):
    s = ClassSession(coop_level, ClassSetup("coop_network", 42))
    with pytest.raises(VoteError, match="influence"):
        s.action_vote(["study_circles", "marcora_law"], "?", "hands")


def test_difficulty_scales_the_elite(coop_level):
    hard = ClassSession(coop_level, ClassSetup("coop_network", 1, difficulty="hard"))
    assert hard.played_level.elite.strength == pytest.approx(coop_level.elite.strength * 1.4)
    assert coop_level.elite.strength == hard.level.elite.strength
    with pytest.raises(ValueError):
        ClassSetup("coop_network", 1, minutes=30)
    with pytest.raises(ValueError):
        ClassSetup("coop_network", 1, groups=7)
