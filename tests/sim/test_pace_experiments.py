"""Issue 13's experiments, run both ways: the pace of the pay transition (fast, moderate,
slow) and the two participation thresholds (below and above each). Each checks the
direction and the size of the cost or the change (figures in docs/scores.md, "The pace of
pay" and "Thresholds")."""

from __future__ import annotations

import math
from typing import Any

import pytest

from game.sim import elite, scores, thresholds
from game.sim.dynamics import social_step
from game.sim.engine import Simulation
from game.sim.pace import COMPLEMENT, ELASTICITY, SKILL_SHARE
from game.sim.report import EliteWarning
from tests.sim.experiments import level, run

PACES = {"fast": 1.0, "steady": 0.25, "gradual": 0.1, "slow": 0.0}


def quiet(level_id: str) -> Any:
    """A shipped level without its elite and its events (the pay commission would set the
    pace): the pace is the experiment's only policy."""
    return level(level_id, tactics=[]).model_copy(update={"events": []})


@pytest.fixture(scope="module")
def paced() -> dict[str, Simulation]:
    """state_economy_reform (85% of the workforce in councils), no cards, no elite, for eight
    years at each pace of pay, set at the start as a policy."""
    lv = quiet("state_economy_reform")
    return {name: run(lv, 8, params={"pay_pace": pace}) for name, pace in PACES.items()}


def test_too_fast_the_scarce_skills_withdraw_effort(paced: dict[str, Simulation]) -> None:
    """All at once: the top grade's relative pay falls from 1.8 to about 1 within the year,
    so about ELASTICITY x ln 1.8 = 0.24 of its effort is withdrawn, less one year's training;
    the councils lose SKILL_SHARE x COMPLEMENT of that share of their output, and basic needs
    fall with it. At a tenth of the way a year training (0.025 a year here) keeps up."""
    fast, moderate = paced["fast"].history, paced["gradual"].history
    first_fall = ELASTICITY * math.log(1.8)
    assert 0.6 * first_fall < fast[0].metrics["skill_shortage"] < first_fall
    assert moderate[0].metrics["skill_shortage"] < 0.2 * fast[0].metrics["skill_shortage"]
    # the cost in output: 0.72 x 0.19 = about 13% of council output in the first year
    cost = SKILL_SHARE * COMPLEMENT * fast[0].metrics["skill_shortage"]
    assert 0.09 < cost < 0.17
    gap = moderate[0].metrics["needs_met"] - fast[0].metrics["needs_met"]
    assert 0.02 < gap < 0.08
    # training replaces the withdrawn effort year by year: the shortage shrinks, not gone
    shortages = [r.metrics["skill_shortage"] for r in fast[:5]]
    assert all(b < a for a, b in zip(shortages, shortages[1:], strict=False))
    assert shortages[4] > 0.03


def test_too_slow_the_gap_and_the_low_paid_stay_where_they_were(paced: dict[str, Simulation]) -> None:
    """On the ladder the pay-for-effort gap stays at its start (about 22% of income) and the
    low-paid see no rise; at a tenth of the way a year the gap falls to under half of it in
    eight years, and approval (what people judge the project by) and support rise."""
    slow, moderate = paced["slow"], paced["gradual"]
    start_gap = slow.start.measures.pay_gap
    assert abs(slow.history[-1].metrics["pay_gap"] - start_gap) < 0.01
    assert slow.history[-1].metrics["skill_shortage"] == 0.0
    assert moderate.history[-1].metrics["pay_gap"] < 0.5 * start_gap
    assert moderate.history[-1].scores["equity"] - slow.history[-1].scores["equity"] > 5.0
    assert moderate.state.approval - slow.state.approval > 0.05
    assert moderate.history[-1].scores["support"] > slow.history[-1].scores["support"] + 2.0


def test_the_pace_orders_the_costs(paced: dict[str, Simulation]) -> None:
    """Fast costs the most output, slow the most equity; the paces between sit between:
    a quarter of the way a year outruns this level's training (shortage up to 0.115)."""
    short = {k: max(r.metrics["skill_shortage"] for r in s.history) for k, s in paced.items()}
    gap = {k: s.history[-1].metrics["pay_gap"] for k, s in paced.items()}
    assert short["fast"] > short["steady"] > short["gradual"] >= short["slow"] == 0.0
    assert 0.08 < short["steady"] < 0.15 and short["gradual"] < 0.01
    assert gap["slow"] > gap["gradual"] >= gap["fast"]


def test_too_fast_the_top_grade_s_loss_costs_support(
    paced: dict[str, Simulation], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every grade's change counts in approval: the top grade's fall of relative pay, weighed
    twice (loss aversion) against a reference that adapts. All at once leaves the largest
    loss while the reference lags, so it has the lowest support of the three moving paces in
    year 2 (and less than the four-year pace in year 3); without the loss term it had the
    highest (the review's gap)."""
    sup = {k: [h.scores["support"] for h in s.history] for k, s in paced.items()}
    assert sup["fast"][1] < min(sup["steady"][1], sup["gradual"][1])  # year 2
    assert sup["fast"][2] < sup["steady"][2]  # year 3
    monkeypatch.setattr(scores, "LOSS_AVERSION", 0.0)
    blind = run(quiet("state_economy_reform"), 3, params={"pay_pace": 1.0})
    cost = blind.history[1].scores["support"] - sup["fast"][1]
    assert 1.5 < cost < 4.0  # support points the at-once pace loses in year 2


def test_education_lets_pay_move_faster() -> None:
    """Training replaces withdrawn effort at 0.02 + 0.5 x education a year: with the Bass
    education rate at 0.2 instead of 0.01 the fast pace's shortage is gone in two years
    instead of lasting past four."""
    lv = quiet("state_economy_reform")
    low = run(lv, 4, params={"pay_pace": 1.0})
    high = run(lv, 4, params={"pay_pace": 1.0, "education": 0.2})
    assert high.history[1].metrics["skill_shortage"] == 0.0
    assert low.history[3].metrics["skill_shortage"] > 0.08


# ---------------------------------------------------------------- thresholds


def _court(peak: float, draws: int = 400) -> float:
    """Share of evenly spread draws in which a legal challenge of intensity 1 strikes the
    newest law down, when peak active participation is `peak`."""
    sim = Simulation(level("elected_government"), 1)
    struck = 0
    for i in range(draws):
        s = sim.state.copy()
        s.law_log.append(("charter_law", []))
        s.peak_participation = peak
        move = elite.execute(s, EliteWarning("legal_challenge", 1.0, 2), (i + 0.5) / draws, 1000, 1.0)
        struck += move.outcome.startswith("court_struck")
    return struck / draws


def test_past_three_and_a_half_percent_the_courts_lose_force() -> None:
    """A challenge of intensity 1 wins 90% of the time with no defence. At 1% peak
    participation the movement takes 5% of that away (0.6 x 7.6%); at 10%, 53% (0.6 x 89%):
    a smooth change of odds (Chenoweth's caveat), not a switch."""
    below, at, above = _court(0.01), _court(0.035), _court(0.10)
    assert below == pytest.approx(0.9 * (1 - 0.6 * 0.0757), abs=0.01)
    assert at == pytest.approx(0.9 * (1 - 0.6 * 0.5), abs=0.01)
    assert above == pytest.approx(0.9 * (1 - 0.6 * 0.8909), abs=0.01)
    assert below > at > above


def test_past_three_and_a_half_percent_a_coup_meets_more_resistance() -> None:
    sim = Simulation(level("revolution"), 1)
    s = sim.state.copy()
    s.peak_participation = 0.01
    low = elite.coup_chance(s, 1.0)
    s.peak_participation = 0.10
    high = elite.coup_chance(s, 1.0)
    assert high < low
    # 0.4 x (0.89 - 0.08) = 0.32 more resistance on a logistic of slope 6
    shift = math.log(low / (1 - low)) - math.log(high / (1 - high))
    assert shift == pytest.approx(6 * 0.4 * 0.8152, rel=0.01)


def _support_after_a_year(support: float, pull: float, monkeypatch: pytest.MonkeyPatch) -> float:
    monkeypatch.setattr("game.sim.dynamics.TIPPING_PULL", pull)
    s = Simulation(level("elected_government"), 1).state.copy()
    s.awareness, s.approval, s.support = 0.7, 0.25, support
    s.params["education"], s.params["word_of_mouth"] = 0.0, 0.0  # awareness stays put
    for _ in range(4):
        social_step(s, 0.25)
    return s.support


def test_past_a_quarter_committed_support_tips(monkeypatch: pytest.MonkeyPatch) -> None:
    """Awareness 0.7, approval 0.25: without tipping support settles towards 0.175. Starting
    below the line (15%) the tipping adds under 2 points in a year; starting above it (32%)
    it holds support up: about 13 points more (a pull of up to 0.3 x (1 - 0.25) x 0.7 =
    0.16 on the target)."""
    gain_below = _support_after_a_year(0.15, 0.3, monkeypatch) - _support_after_a_year(0.15, 0.0, monkeypatch)
    gain_above = _support_after_a_year(0.32, 0.3, monkeypatch) - _support_after_a_year(0.32, 0.0, monkeypatch)
    assert 0.0 < gain_below < 0.02
    assert 0.10 < gain_above < 0.16
    assert thresholds.tipping(0.20) < 0.2 < 0.8 < thresholds.tipping(0.30)
