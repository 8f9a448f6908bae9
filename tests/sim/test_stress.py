"""The resilience stress test: every shock bites where it should, every defence answers
its shock, losses above the need line count, and the lean segment figures agree with the
full measurement."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.sim.diffusion import bass_media_scalar, bass_media_step
from game.sim.economy import SEGMENT_NAMES, Shock, measure, segment_real_income
from game.sim.stress import SHOCKS, lower_tail, stress_test
from tests.sim.experiments import level, run

DEFENCES = {
    "capital flight": ("capital_controls", "union_register"),
    "credit strike": ("public_credit", "sandbox_pluralist"),
    "harvest failure": ("food_reserves", "revolution"),
    "media blitz": ("media_defense", "revolution"),
    "price undercutting": ("solidarity_purchasing", "coop_network"),
}


def _stress(level_id: str, **params: float) -> dict[str, float]:
    sim = run(level(level_id, tactics=[]), 4)
    s = sim.state.copy()
    s.params.update(params)
    return stress_test(s, sim.cal, sim.sector, sim.last.measures.plan)


@pytest.mark.parametrize("shock", SHOCKS)
def test_each_defence_raises_resilience_where_its_shock_bites(shock: str) -> None:
    defence, level_id = DEFENCES[shock]
    without = _stress(level_id, **{defence: 0.0})
    half = _stress(level_id, **{defence: 0.5})
    full = _stress(level_id, **{defence: 1.0})
    assert without[shock] < 0.985  # the shock bites in this level
    assert without[shock] < half[shock] < full[shock]
    # on the 0-100 score (the mean of five shocks) a full defence is worth at least 0.3 points
    assert 100 * (full[shock] - without[shock]) / len(SHOCKS) > 0.3
    for other in SHOCKS:  # and it does nothing for the other shocks
        if other != shock and other != "media blitz":
            assert full[other] == pytest.approx(without[other], abs=0.01)


def test_every_shock_moves_the_score_somewhere() -> None:
    hit = {s: 1.0 for s in SHOCKS}
    for level_id in ("coop_network", "revolution", "sandbox_pluralist"):
        for s, v in _stress(level_id).items():
            hit[s] = min(hit[s], v)
    assert all(v < 0.98 for v in hit.values()), hit


def test_losses_above_the_need_line_count() -> None:
    """With basic needs so cheap that every household meets them through any shock, the
    stress test still sees what capital flight takes from the worst-hit."""
    stress = _stress("union_register", _basic_need=0.05)
    assert stress["capital flight"] < 0.95


def test_the_lean_segment_figures_match_the_full_measurement() -> None:
    sim = run(level("sandbox_pluralist", tactics=[]), 3)
    s = sim.state
    for shock in (None, Shock("h", harvest=0.3), Shock("c", credit_cut=0.8)):
        m = measure(s, sim.cal, sim.sector, shock)
        lean, weight = segment_real_income(s, sim.cal, sim.sector, shock, m.plan)
        g = m.groups
        for i, _name in enumerate(SEGMENT_NAMES):
            mask = g.segment == i
            if weight[i] > 1e-12:
                full = float(np.dot(g.weight[mask], m.real_income[mask]) / g.weight[mask].sum())
                assert lean[i] == pytest.approx(full, rel=1e-9)


def test_lower_tail_takes_the_lowest_weighted_fifth() -> None:
    assert lower_tail(np.array([3.0, 1.0, 2.0]), np.array([0.5, 0.1, 0.4])) == pytest.approx(
        (0.1 * 1.0 + 0.1 * 2.0) / 0.2
    )
    assert lower_tail(np.array([1.0, 5.0]), np.array([1.0, 1.0])) == pytest.approx(1.0)


@settings(deadline=None, max_examples=200)
@given(
    f=st.floats(0, 1),
    p=st.floats(0, 0.8),
    q=st.floats(0, 2),
    mu=st.floats(0, 3),
    media=st.floats(0, 1.5),
    dt=st.floats(0, 1),
)
def test_the_scalar_bass_step_is_the_array_step(
    f: float, p: float, q: float, mu: float, media: float, dt: float
) -> None:
    assert bass_media_scalar(f, p, q, mu, media, dt) == pytest.approx(
        float(bass_media_step(f, p, q, mu, media, dt)), abs=1e-12
    )
