"""Causes that are true: order-independent shares that add up to each score's change, and
sentences that quote only figures the player saw."""

from __future__ import annotations

import numpy as np
import pytest

from game.levels.decisions import Decisions
from game.sim.engine import Simulation
from game.sim.scores import SCORES
from game.sim.shapley import exact, sampled
from tests.sim.experiments import LEVELS, level


def _v(s: frozenset[int]) -> np.ndarray:
    return np.array([len(s) ** 2, 2.0 * (0 in s and 1 in s) + 3.0 * (2 in s)])


def test_exact_shapley_values_are_the_textbook_ones() -> None:
    phi = exact(3, _v)
    np.testing.assert_allclose(phi.sum(axis=0), _v(frozenset({0, 1, 2})) - _v(frozenset()))
    np.testing.assert_allclose(phi[:, 0], [3.0, 3.0, 3.0])  # symmetric players
    np.testing.assert_allclose(phi[:, 1], [1.0, 1.0, 3.0])  # the pair splits its synergy


def test_sampled_shapley_values_still_add_up_exactly() -> None:
    phi = sampled(
        5, lambda s: np.array([float(sum(i * i for i in s)), len(s) ** 1.5]), np.random.default_rng(1)
    )
    total = np.array([float(sum(i * i for i in range(5))), 5**1.5])
    np.testing.assert_allclose(phi.sum(axis=0), total, atol=1e-12)
    np.testing.assert_allclose(phi[:, 0], [0, 1, 4, 9, 16], atol=1e-12)  # additive game: exact


def test_the_order_of_the_actions_does_not_change_their_causes() -> None:
    lv = level("coop_network")
    a, b = Simulation(lv, 2), Simulation(lv, 2)
    ra = a.play_turn(["legal_defence_fund", "mutual_aid_association"])
    rb = b.play_turn(["mutual_aid_association", "legal_defence_fund"])
    key = lambda c: (c.score, c.kind, c.id)  # noqa: E731
    da = {key(c): c.delta for c in ra.causes}
    db = {key(c): c.delta for c in rb.causes}
    assert da.keys() == db.keys()
    for k in da:
        assert da[k] == pytest.approx(db[k], abs=1e-9), k


def _name_value(name: str, metrics: dict[str, float], stress: dict[str, float]) -> float:
    if name.startswith("stress:"):
        return stress[name.partition(":")[2]]
    return metrics[name]


@pytest.mark.parametrize("level_id", ["coop_network", "revolution", "union_register"])
def test_every_quoted_figure_is_one_the_player_saw(level_id: str) -> None:
    lv = level(level_id)
    plan = Decisions(LEVELS / "plans" / f"{level_id}.yaml")
    sim = Simulation(lv, 1)
    prev_metrics = sim.start.metrics(sim.state)
    prev_stress = dict(sim.start.stress)
    quoted = 0
    while not sim.finished:
        d = plan.model.for_turn(sim.turn)
        rep = sim.play_turn(list(d.actions), dict(d.choices))
        for score in SCORES:
            mine = [c for c in rep.causes if c.score == score]
            assert sum(c.delta for c in mine) == pytest.approx(rep.deltas[score], abs=1e-9)
            trend = next(c for c in mine if c.kind == "trend")
            names = {q.name for q in trend.quotes}
            assert score in names  # the sentence for a score quotes that score
            for q in trend.quotes:
                assert q.after == pytest.approx(_name_value(q.name, rep.metrics, rep.stress), abs=1e-12)
                before = (
                    _name_value(q.name, prev_metrics, prev_stress)
                    if not q.name.startswith("stress:") or q.name.partition(":")[2] in prev_stress
                    else 1.0
                )
                assert q.before == pytest.approx(before, abs=1e-12)
                quoted += 1
        prev_metrics, prev_stress = rep.metrics, rep.stress
    assert quoted > 20


def test_the_quoted_turn_figures_match_the_next_turns_start() -> None:
    """The issue's case: a sentence quoted a replay's value that the next turn did not start
    from. Now each turn's 'after' is the next turn's 'before'."""
    sim = Simulation(level("coop_network"), 1)
    last: dict[str, float] = {}
    for _ in range(6):
        rep = sim.play_turn([])
        for c in rep.causes:
            for q in c.quotes:
                if q.name in last:
                    assert q.before == pytest.approx(last[q.name], abs=1e-12)
        last = {q.name: q.after for c in rep.causes for q in c.quotes}
