"""The balance bots play as the issue describes them, using only what a player sees."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from game.balance import policies as pol
from game.balance.play import play
from game.levels.decisions import Decisions
from game.levels.loader import load_level
from game.levels.schema import Level
from game.sim.engine import Simulation

ROOT = Path(__file__).resolve().parents[2]


@cache
def _level(level_id: str) -> Level:
    return load_level(ROOT / "levels" / f"{level_id}.yaml").level


@cache
def _plan(level_id: str) -> object:
    return Decisions(ROOT / "levels" / "plans" / f"{level_id}.yaml").model


def _ctx(level_id: str, seed: int = 1) -> pol.Context:
    return pol.Context(_level(level_id), seed, _plan(level_id))


def _playable(sim: Simulation, actions: list[str], choices: dict[str, str]) -> bool:
    return not sim.action_problems(actions, sim._turn_start_state()) and not sim.choice_problems(
        actions, choices
    )


def test_answers_and_defences_are_read_from_the_cards() -> None:
    ctx = _ctx("coop_network")
    assert "legal_defence_fund" in ctx.answers["legal_challenge"]  # raises legal_defense
    assert "boycott_campaign" in ctx.answers["price_undercutting"]  # a counter effect
    assert "legal_defence_fund" in ctx.defences
    assert "study_circles" not in ctx.defences
    rev = _ctx("revolution")
    assert "workers_militia" in rev.answers["counter_revolution"]


def test_nothing_plays_nothing() -> None:
    sim = Simulation(_level("coop_network"), 1)
    assert pol.nothing(_ctx("coop_network"), sim) == ([], {})


def test_plan_plays_the_plan_file() -> None:
    sim = Simulation(_level("coop_network"), 1)
    actions, _ = pol.plan(_ctx("coop_network"), sim)
    assert actions == list(_plan("coop_network").for_turn(1).actions)


def test_first_affordable_takes_the_list_in_order_while_it_fits() -> None:
    level = _level("reservation_pilot")
    sim = Simulation(level, 3)
    ctx = _ctx("reservation_pilot", 3)
    for _ in range(4):
        actions, choices = pol.first_affordable(ctx, sim)
        assert actions, "the first cards are affordable at the start"
        order = [a.id for a in level.actions]
        assert actions == sorted(actions, key=order.index)
        assert _playable(sim, actions, choices)
        # nothing later in the list could still be added
        assert all(why is not None or aid in actions for aid, why in sim.playable(actions).items())
        sim.play_turn(actions, choices)


def test_random_play_is_seeded_and_affordable() -> None:
    level = _level("revolution")
    first = play(level, 2, "random")
    again = play(level, 2, "random")
    other = play(level, 5, "random")
    assert first == again
    assert first != other


def test_greedy_forecast_follows_the_forecast() -> None:
    level = _level("coop_network")
    sim = Simulation(level, 1)
    ctx = _ctx("coop_network")
    actions, choices = pol.greedy_forecast(ctx, sim)
    assert _playable(sim, actions, choices)
    open_cards = [a for a, why in sim.playable([]).items() if why is None]
    gains = {a: sum(sim.forecast([a]).values()) for a in open_cards}
    assert actions, "some card raises the scores in the first turn"
    assert all(gains[a] > 0 for a in actions)
    assert gains[actions[0]] == max(gains.values())
    ranked = [gains[a] for a in actions]
    assert ranked == sorted(ranked, reverse=True)


def test_forecast_hand_equals_one_forecast_per_card() -> None:
    sim = Simulation(_level("sandbox_pluralist"), 4)
    cards = [a for a, why in sim.playable([]).items() if why is None][:4]
    hand = sim.forecast_hand(cards)
    for card in cards:
        assert hand[card] == pytest.approx(sim.forecast([card]), abs=1e-12)


def test_ignore_the_elite_never_plays_a_defence() -> None:
    level = _level("coop_network")
    ctx = _ctx("coop_network")
    sim = Simulation(level, 1)
    planned_defences = 0
    while not sim.finished:
        actions, choices = pol.ignore_the_elite(ctx, sim)
        planned_defences += len(set(ctx.planned(sim.turn)[0]) & ctx.defences)
        assert not set(actions) & ctx.defences
        sim.play_turn(actions, choices)
    assert planned_defences >= 3, "the plan has defences to remove"


def test_adaptive_answers_a_warning_the_plan_does_not() -> None:
    level = _level("union_register")
    ctx = _ctx("union_register", 2)
    sim = Simulation(level, 2)
    answered = 0
    while not sim.finished:
        actions, choices = pol.adaptive(ctx, sim)
        planned, _ = ctx.planned(sim.turn)
        assert [a for a in actions if a in planned] == [a for a in planned if a in actions]
        warning = sim.setup().warning
        extra = [a for a in actions if a not in planned]
        if extra:
            assert warning is not None and extra[0] in ctx.answers[warning.tactic]
            assert ctx.plan_still_affordable(sim, actions)
            answered += 1
        sim.play_turn(actions, choices)
    assert answered >= 1, "the elite warned of something the plan did not answer"


def test_policy_names_match_the_bots() -> None:
    assert set(pol.POLICIES) == set(pol.DECIDE)


def test_adaptive_keeps_what_the_plan_needs() -> None:
    """An answer that would leave the plan's later cards unpaid is not bought."""
    level = _level("coop_network")
    ctx = _ctx("coop_network")
    sim = Simulation(level, 1)
    assert ctx.plan_still_affordable(sim, ctx.planned(1)[0])
    everything = [a.id for a in level.actions]
    assert not ctx.plan_still_affordable(sim, everything)


def test_adaptive_answers_a_coup_until_the_odds_shown_are_small() -> None:
    """Warned of a counter-revolution, the adaptive bot adds the answers that lower the
    odds the forecast shows most, until they are FATAL_ODDS or less or no answer that
    fits lowers them further."""
    level = _level("revolution")
    lowered = 0
    for seed in range(1, 30):
        ctx = pol.Context(level, seed, None)  # no plan: the greedy forecast, then the answers
        sim = Simulation(level, seed)
        while not sim.finished:
            w = sim.setup().warning
            actions, choices = pol.adaptive(ctx, sim)
            if w is not None and w.tactic == "counter_revolution":
                answers = ctx.answers[w.tactic]
                before = sim.loss_odds([a for a in actions if a not in answers], choices)
                after = sim.loss_odds(actions, choices)
                assert after <= before
                if after > pol.FATAL_ODDS:  # nothing left that fits and helps
                    for a in answers:
                        if a not in actions and sim.playable(actions)[a] is None:
                            assert sim.loss_odds([*actions, a], choices) >= after
                lowered += after < before
            sim.play_turn(actions, choices, causes=False)
        if lowered >= 2:
            break
    assert lowered >= 2, "the bot never lowered the odds of a warned coup"
