"""Issue 13's experiments, run both ways: the pace of the pay transition (fast, moderate,
slow) and the two participation thresholds (below and above each). Each checks the
direction and the size of the cost or the change (figures in docs/scores.md, "The pace of
pay" and "Thresholds")."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from game.levels.decisions import Decisions
from game.sim import elite, scores, thresholds
from game.sim.dynamics import social_step
from game.sim.effects import apply_effect, move_workers
from game.sim.engine import Simulation
from game.sim.pace import COMPLEMENT, ELASTICITY, SKILL_SHARE, relative_pay
from game.sim.report import EliteWarning
from tests.sim.experiments import level, run

ROOT = Path(__file__).resolve().parents[2]
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


def test_training_lets_pay_move_faster() -> None:
    """Training replaces withdrawn effort at the level's `training` rate a year (its own
    parameter, not the Bass education rate): at 0.12 instead of 0.025 the fast pace's
    shortage is gone in two years instead of lasting past four; the education rate alone
    changes nothing in it."""
    lv = quiet("state_economy_reform")
    low = run(lv, 4, params={"pay_pace": 1.0})
    high = run(lv, 4, params={"pay_pace": 1.0, "training": 0.12})
    taught = run(lv, 4, params={"pay_pace": 1.0, "education": 0.2})
    assert high.history[1].metrics["skill_shortage"] == 0.0
    assert low.history[3].metrics["skill_shortage"] > 0.08
    assert taught.history[0].metrics["skill_shortage"] == low.history[0].metrics["skill_shortage"]


def test_pay_pushed_back_and_moved_on_is_not_a_second_withdrawal() -> None:
    """Four-year pace; after two years austerity pushes pay a fifth of the way back to the
    ladder, and the pace moves it on again within the year. The top grade's effort was
    withdrawn when its pay first fell: it is not withdrawn again as pay returns to where it
    had been (the review's double count), so the shortage a year later is the same as with
    pay simply held for that time; counted again it would be some 0.05 more."""
    lv = quiet("state_economy_reform")
    pushed, held = (run(lv, 2, params={"pay_pace": 0.25}) for _ in range(2))
    pushed.state.params = {**pushed.state.params, "pay_transition": 0.3}
    held.state.params = {**held.state.params, "pay_pace": 0.05}  # 0.5 to 0.55 in the year
    for sim in (pushed, held):
        sim.play_turn([])
    assert pushed.state.params["pay_transition"] == pytest.approx(0.55)
    k_pushed, k_held = (s.history[-1].metrics["skill_shortage"] for s in (pushed, held))
    assert abs(k_pushed - k_held) < 0.005
    again = ELASTICITY * math.log(relative_pay(held.state, 0.3)[0] / relative_pay(held.state, 0.5)[0])
    assert again > 0.03  # what a second withdrawal of the same effort would have added


def _choice(level_id: str, event: str, choice: str) -> list[Any]:
    lv = level(level_id)
    ev = next(e for e in lv.events if e.id == event)
    return list(next(c for c in ev.choices if c.id == choice).effects)


def _walkout(choice: str | None, pace: float = 0.0, years: int = 5) -> Simulation:
    """elected_government, quiet, a fifth of the workforce in councils, pay at `pace`; the
    walk-out event's `choice` applied at the start (None: no event)."""
    sim = Simulation(quiet("elected_government"), 1)
    move_workers(sim.state, "firm", "council", 0.2)
    # the fifth is the sector at the start (as `start_pay` records it), not a wave converted later
    sim.state.council_seen = sim.state.council_share
    sim.state.params["pay_pace"] = pace
    for e in _choice("elected_government", "managers_strike", choice) if choice else []:
        apply_effect(sim.state, e)
    for _ in range(years):
        sim.play_turn([])
    return sim


def test_managers_let_go_join_the_skill_shortage_that_training_repairs() -> None:
    """'Let them go' takes 15% of the top grade's effort into the same skill shortage the
    pace builds (one mechanism): 0.15 less a year's training (0.025) in year 1, costing
    0.72 x 0.125 = 9% of council output, and training repairs it within six years (it was a
    lasting x0.93). On top of the at-once pace it adds 15% of what is left."""
    (effect,) = _choice("elected_government", "managers_strike", "let_go")
    assert effect.op == "skill_loss" and effect.value == 0.15
    gone, stay = _walkout("let_go", years=6), _walkout(None, years=6)
    short = [h.metrics["skill_shortage"] for h in gone.history]
    assert short[0] == pytest.approx(0.15 - 0.025, abs=0.002)
    assert short[4] == pytest.approx(0.025, abs=0.002) and short[5] < 0.002
    assert all(h.metrics["skill_shortage"] == 0.0 for h in stay.history)
    gap = [
        s.metrics["needs_met"] - g.metrics["needs_met"]
        for s, g in zip(stay.history, gone.history, strict=True)
    ]
    assert 0.008 < gap[0] < 0.03 and abs(gap[5]) < 0.002
    fast, fast_gone = _walkout(None, pace=1.0, years=1), _walkout("let_go", pace=1.0, years=1)
    k = fast.history[0].metrics["skill_shortage"]
    added = fast_gone.history[0].metrics["skill_shortage"] - k
    assert 0.09 < added < 0.15
    trained = _walkout("train", pace=1.0, years=2)
    assert trained.state.params["training"] == pytest.approx(0.055)
    untrained = _walkout(None, pace=1.0, years=2)
    assert (
        trained.history[1].metrics["skill_shortage"] < untrained.history[1].metrics["skill_shortage"] - 0.05
    )


def _converting(pace: float, waves: tuple[int, ...], years: int = 4) -> Simulation:
    """elected_government, quiet: 8% of the workforce in councils when the pace is set
    (the pay commission's moment), then a wave of 8% converted in each year of `waves`."""
    sim = Simulation(quiet("elected_government"), 1)
    move_workers(sim.state, "firm", "council", 0.08)
    sim.play_turn([])
    sim.state.params["pay_pace"] = pace
    for y in range(years):
        if y in waves:
            move_workers(sim.state, "firm", "council", 0.08)
        sim.play_turn([])
    return sim


def test_all_at_once_costs_more_where_the_ladder_is_left_later() -> None:
    """The pace sets council pay; firms keep their ladder until converted, and the managers
    of each firm converted later fall to the councils' pay at once, with the ladder as their
    reference pay. So all at once is cheap while the councils are 8% of the workforce (in
    year 4: needs met 0.003 and support 1.6 points below the ten-year pace) and costs about
    five times the needs and half again the support when three more waves follow (0.013 and
    2.5 points). Each wave's withdrawal is averaged into the grade's shortage, weighted by
    its share of the grade (0.161 in year 4 against 0.111 without the waves)."""
    fast, slow = _converting(1.0, ()), _converting(0.1, ())
    fast_w, slow_w = _converting(1.0, (1, 2, 3)), _converting(0.1, (1, 2, 3))

    def cost(a: Simulation, b: Simulation, key: str) -> float:
        m = "support" if key == "support" else key
        return b.history[-1].metrics[m] - a.history[-1].metrics[m]

    assert 0.0 < cost(fast, slow, "needs_met") < 0.01
    assert 0.01 < cost(fast_w, slow_w, "needs_met") < 0.02
    assert 0.5 < cost(fast, slow, "support") < 3.0
    assert cost(fast, slow, "support") + 0.5 < cost(fast_w, slow_w, "support") < 3.5
    waves, calm = fast_w.history[-1].metrics["skill_shortage"], fast.history[-1].metrics["skill_shortage"]
    assert 0.15 < waves < 0.17 and 0.10 < calm < 0.12


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


def _support_after_a_year(
    support: float, pull: float, monkeypatch: pytest.MonkeyPatch, active: float = 0.5
) -> float:
    monkeypatch.setattr("game.sim.dynamics.TIPPING_PULL", pull)
    s = Simulation(level("elected_government"), 1).state.copy()
    s.awareness, s.approval, s.support = 0.7, 0.25, support
    s.participation_raw = active  # the active share: who of the supporters take part
    s.params["education"], s.params["word_of_mouth"] = 0.0, 0.0  # awareness stays put
    for _ in range(4):
        social_step(s, 0.25)
    return s.support


def test_past_a_quarter_committed_support_tips(monkeypatch: pytest.MonkeyPatch) -> None:
    """Awareness 0.7, approval 0.25, half the people active: without tipping support settles
    towards 0.175. Starting below the line (15%) the tipping adds under 2 points in a year;
    starting above it (32%) it holds support up: about 13 points more (a pull of up to
    0.3 x (1 - 0.25) x 0.7 = 0.16 on the target)."""
    gain_below = _support_after_a_year(0.15, 0.3, monkeypatch) - _support_after_a_year(0.15, 0.0, monkeypatch)
    gain_above = _support_after_a_year(0.32, 0.3, monkeypatch) - _support_after_a_year(0.32, 0.0, monkeypatch)
    assert 0.0 < gain_below < 0.02
    assert 0.10 < gain_above < 0.16
    assert thresholds.tipping(0.20) < 0.2 < 0.8 < thresholds.tipping(0.30)


def test_supporters_who_do_not_take_part_do_not_tip(monkeypatch: pytest.MonkeyPatch) -> None:
    """The committed minority is the supporters who also take part, min(support, active):
    32% support with 0.3% active (elected_government's start) gains nothing from tipping."""
    tipped = _support_after_a_year(0.32, 0.3, monkeypatch, active=0.003)
    assert tipped - _support_after_a_year(0.32, 0.0, monkeypatch, active=0.003) < 5e-4
    assert thresholds.committed(0.32, 0.003) == 0.003 and thresholds.committed(0.2, 0.5) == 0.2


def test_elected_government_starts_below_the_committed_line_and_crosses_it_in_play() -> None:
    """Support 0.30 is an electoral base, not a committed minority: the level starts far
    below 25 (participation 0.3) and its winning plan crosses the line once participation
    passes 25, in year 11 (seed 1)."""
    model = Decisions(ROOT / "levels" / "plans" / "elected_government.yaml").model
    sim = Simulation(level("elected_government"), 1)
    assert sim.start.metrics(sim.state)["committed"] < 0.01
    assert sim.start.metrics(sim.state)["tipping"] < 0.01
    crossed = None
    for turn in range(1, 13):
        plan = model.for_turn(turn)
        report = sim.play_turn(list(plan.actions), dict(plan.choices))
        if crossed is None and report.metrics["committed"] >= thresholds.COMMITTED_SHARE:
            crossed = turn
    assert sim.outcome == "won"
    assert crossed is not None and 8 <= crossed <= 12
