"""Council play's core: the same plan as the library's paced procedure when nobody plays,
the human-paced limits enforced for each group's own council, take-overs, results."""

from __future__ import annotations

import numpy as np
import pytest

from game.classroom.economy import replicate
from game.classroom.outcome import compare
from game.classroom.play import CouncilPlay, PlayError, automatic_play
from game.classroom.views import council_view, effort, preview
from game.sim.planning import run_plan


def test_automatic_play_is_the_paced_procedure(class_economy):
    auto = automatic_play(class_economy)
    ref = run_plan(class_economy.economy, class_economy.start_prices, 0.05, paced=True)
    assert auto.status == "converged" and ref.converged
    assert len(auto.history) == ref.rounds
    np.testing.assert_allclose(auto.history[-1].prices, ref.prices, rtol=1e-12)
    np.testing.assert_allclose(auto.planner.supply, ref.supply, rtol=1e-12)


def test_replicated_economy_plans_the_same_per_capita(class_economy):
    ce2 = type(class_economy)(
        replicate(class_economy.economy, 2),
        class_economy.start_prices,
        tuple(),
        class_economy.productivity,
    )
    a = run_plan(class_economy.economy, class_economy.start_prices, 0.05, paced=True)
    b = run_plan(ce2.economy, ce2.start_prices, 0.05, paced=True)
    assert a.rounds == b.rounds
    np.testing.assert_allclose(a.prices, b.prices, rtol=1e-9)


def test_limits_follow_the_paced_rule(class_economy):
    play = CouncilPlay(class_economy)
    g = play.add_group("Reds")  # the first council: a worker council
    assert g.council.kind == "worker"
    play.start()
    for _ in range(3):  # producers revise freely in rounds 1-3
        assert play.free(g.council)
        play.close_round()
    assert not play.free(g.council)
    b = play.bounds(g.council)
    last = play.last(g.council)
    gap = np.abs(play.planner.demand - play.planner.supply) / play.planner.participants
    goods = play.goods_of(g.council)
    in_demand = play.planner.demand > play.planner.supply
    # output of a good in excess demand may rise by 0.5 gap and fall by 0.25 gap
    o = goods[0]
    up, down = (0.5, 0.25) if in_demand[o] else (0.25, 0.5)
    assert b["hi"][0] == pytest.approx(last[0] + up * gap[o])
    assert b["lo"][0] == pytest.approx(max(last[0] - down * gap[o], 0.0))
    # the automatic answer is the best answer clipped to the limits
    np.testing.assert_allclose(b["auto"], np.clip(b["target"], b["lo"], b["hi"]))
    with pytest.raises(PlayError) as exc:
        play.propose(g.id, list(b["hi"] * 1.5 + 1.0))
    assert exc.value.code == "out_of_bounds" and exc.value.params["index"] == 0
    with pytest.raises(PlayError):
        play.propose(g.id, [1.0])
    with pytest.raises(PlayError):
        play.propose(g.id, ["x"] * len(goods))
    play.propose(g.id, list(b["hi"]))  # the edge of the range is allowed


def test_silent_groups_are_taken_over_and_come_back(class_economy):
    play = CouncilPlay(class_economy, round_seconds=30.0)
    a, b = play.add_group("A"), play.add_group("B")
    play.start(now=0.0)
    play.propose(a.id, council_view(play, a)["suggested"])
    assert not play.tick(10.0)  # B is still awaited
    assert play.tick(30.0)  # time is up: B's automatic council answered
    assert play.history[-1].taken_over == [b.id]
    play.tick(61.0)  # silent a second round: no longer waited for
    assert b.away
    play.propose(a.id, council_view(play, a)["suggested"])
    assert play.tick(61.5)  # closes as soon as A proposed
    play.propose(b.id, council_view(play, b)["suggested"])  # B comes back
    assert not b.away
    # a disconnected group is taken over after the grace period
    play.disconnect(a.id, now=62.0)
    play.tick(62.0 + 11.0)
    assert a.away
    play.reconnect(a.id)
    assert not a.away


def test_class_plan_against_the_automatic_one(class_economy):
    play = CouncilPlay(class_economy)
    w, c = play.add_group("Workers"), play.add_group("Consumers")
    play.start()
    while play.status == "round":
        vw = council_view(play, w)
        play.propose(w.id, vw["hi"] if play.round <= 3 else vw["suggested"])  # Workers push output
        play.propose(c.id, council_view(play, c)["suggested"])
        play.tick(0.0)
    assert play.status == "converged"
    out = compare(play, automatic_play(class_economy))
    assert out["class"]["converged"] and out["automatic"]["converged"]
    assert out["groups"][0]["group"] == "Workers" and out["groups"][0]["share"] == pytest.approx(1.0)
    assert out["groups"][1]["moved"] == 0.0
    assert set(out["effort"]) == {"food", "housing", "care", "tools", "energy", "parks"}


def test_effort_inverts_the_production_function(class_economy):
    play = CouncilPlay(class_economy)
    g = play.add_group("W")
    play.start()
    b = play.bounds(g.council)
    eco = class_economy.economy
    i = g.council.index
    _, idx = play.slots(g.council)
    e = effort(play, g.council, b["target"])
    y = eco.wc_A[i] * np.prod(b["target"][1:] ** eco.wc_b[idx]) * e ** eco.wc_c[i]
    assert y == pytest.approx(b["target"][0], rel=1e-9)
    p = preview(play, g.council, b["target"])
    assert p["sbsc"] == pytest.approx(1.0 / eco.wc_b[idx].sum(), rel=1e-9)  # 1/B at the optimum


def test_consumer_suggestion_spends_the_budget(class_economy):
    play = CouncilPlay(class_economy)
    play.add_group("W")
    c = play.add_group("C")
    play.start()
    p = preview(play, c.council, play.bounds(c.council)["target"])
    assert p["cost"] == pytest.approx(p["budget"], rel=1e-9)


def test_names_and_seats(class_economy):
    play = CouncilPlay(class_economy, max_groups=3)
    play.add_group("A")
    with pytest.raises(PlayError, match="taken"):
        play.add_group(" a ")
    with pytest.raises(PlayError):
        play.add_group("   ")
    play.add_group("B")
    play.add_group("C")
    with pytest.raises(PlayError) as exc:
        play.add_group("D")
    assert exc.value.code == "class_full"
    kinds = [g.council.kind for g in play.groups.values()]
    assert kinds == ["worker", "consumer", "worker"]
    goods = [g.council.good for g in play.groups.values() if g.council.kind == "worker"]
    assert goods[0] != goods[1]


def test_stop_keeps_the_last_committed_round(class_economy):
    play = CouncilPlay(class_economy)
    play.add_group("A")
    play.start()
    play.close_round()
    play.close_round()
    play.stop()
    assert play.status == "stopped" and play.round == 2 and len(play.history) == 2
