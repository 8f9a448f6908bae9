"""The shortcuts that make turns fast give exactly the results of the slow paths: a turn
without causes, the field-by-field state copy, the council sector's refitted kernel."""

from __future__ import annotations

import copy
from pathlib import Path

import numpy as np

from game.levels.decisions import Decisions
from game.levels.loader import load_level
from game.sim.council import THRESHOLD, CouncilSector
from game.sim.engine import Simulation
from game.sim.planning import run_plan

ROOT = Path(__file__).resolve().parents[2]


def test_a_turn_without_causes_is_the_same_turn() -> None:
    level = load_level(ROOT / "levels" / "coop_network.yaml").level
    plan = Decisions(ROOT / "levels" / "plans" / "coop_network.yaml").model
    a, b = Simulation(level, 2), Simulation(level, 2)
    while not a.finished:
        d = plan.for_turn(a.turn)
        ra = a.play_turn(list(d.actions), dict(d.choices))
        rb = b.play_turn(list(d.actions), dict(d.choices), causes=False)
        assert ra.causes and not rb.causes
        da, db = ra.to_dict(), rb.to_dict()
        da.pop("causes"), db.pop("causes")
        assert da == db
    assert a.outcome == b.outcome


def test_state_copy_is_a_deep_copy() -> None:
    level = load_level(ROOT / "levels" / "sandbox_pluralist.yaml").level
    sim = Simulation(level, 1)
    sim.play_turn([], {})
    s = sim.state
    s.law_log.append(("x", [("p", "add", 1.0, 0.0, 1.0)]))
    c = s.copy()
    ref = copy.deepcopy(s)
    for name in vars(ref):
        x, y = getattr(c, name), getattr(ref, name)
        if isinstance(x, np.ndarray):
            assert np.array_equal(x, y)
        elif hasattr(x, "__dataclass_fields__") and not isinstance(x, tuple):
            for f in x.__dataclass_fields__:
                assert np.array_equal(getattr(x, f), getattr(y, f)), (name, f)
        else:
            assert x == y, name
    before = s.params["media_defense"]
    c.params["media_defense"] = before + 0.5
    c.coops.members[:] = 0.0
    c.law_log[-1][1].append(("q", "add", 1.0, 0.0, 1.0))
    c.played["z"] = 1
    assert s.params["media_defense"] == before
    assert s.coop_share == ref.coop_share
    assert len(s.law_log[-1][1]) == 1 and "z" not in s.played


def test_the_refitted_council_kernel_plans_as_run_plan_does() -> None:
    sector = CouncilSector()
    for productivity, food in ((1.0, 1.0), (0.8, 0.6), (1.3, 1.0), (0.95, 1.1)):
        fast = sector.plan(productivity, food, None).result
        slow = run_plan(
            sector._economy(productivity, food), sector.base_prices, THRESHOLD, record_history=False
        )
        assert fast.rounds == slow.rounds
        assert np.array_equal(fast.prices, slow.prices)
        assert np.array_equal(fast.supply, slow.supply) and np.array_equal(fast.demand, slow.demand)


def test_scalar_clip_is_numpys_clip() -> None:
    """`scalar.clip` stands in for float(np.clip(...)) in the dynamics: the same float,
    signed zeros and NaN included."""
    from game.sim.scalar import clip

    special = [-0.0, 0.0, 1.0, -1.0, 0.5, float("nan"), float("inf"), -float("inf"), 1e-300]
    rng = np.random.default_rng(5)
    triples = [(x, lo, hi) for x in special for lo in special for hi in special]
    triples += [tuple(float(v) for v in rng.normal(size=3)) for _ in range(2000)]
    for x, lo, hi in triples:
        want, got = float(np.clip(x, lo, hi)), clip(x, lo, hi)
        assert (want != want and got != got) or (want == got and np.signbit(want) == np.signbit(got))


def test_a_forecast_before_the_turn_does_not_change_it() -> None:
    """The turn re-uses the runs its forecasts computed (same set-up, same moves): the report
    is the one of a turn played with no forecast before, causes included."""
    level = load_level(ROOT / "levels" / "sandbox_pluralist.yaml").level
    plan = Decisions(ROOT / "levels" / "plans" / "sandbox_pluralist.yaml").model
    a, b = Simulation(level, 3), Simulation(level, 3)
    for _ in range(6):
        d = plan.for_turn(a.turn)
        cards = [c for c, why in a.playable([]).items() if why is None]
        a.forecast_hand(cards)
        a.forecast(list(d.actions), dict(d.choices))
        assert (
            a.play_turn(list(d.actions), dict(d.choices)).to_dict()
            == b.play_turn(list(d.actions), dict(d.choices)).to_dict()
        )


def test_remembered_plans_are_the_plans_and_read_only() -> None:
    sector = CouncilSector()
    first = sector.plan(0.93, 0.8, None)
    again = sector.plan(0.93, 0.8, None)
    fresh = CouncilSector()._run(sector._economy(0.93, 0.8), sector.base_prices, False)
    assert again.result is first.result
    assert np.array_equal(first.result.prices, fresh.prices) and first.result.rounds == fresh.rounds
    assert not first.result.prices.flags.writeable
