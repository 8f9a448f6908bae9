"""An event's choice with a `when` (issue 13, review M2 and m7): offered only if its condition
holds as the event fires; a closed one is refused, never played; bots pick among the open
ones. The shipped uses: the estate sale's pre-emption under the first-purchase law
(land_commons), and the managers' pay premium, hidden once pay has moved (elected_government)."""

from __future__ import annotations

from typing import Any

import pytest

from game.balance.policies import Context, random_play
from game.sim.effects import apply_effect, holds, move_workers
from game.sim.engine import DecisionError, Simulation
from game.sim.pace import relative_pay
from tests.sim.experiments import level


def _auction_after(
    law_turn: int | None, struck: bool = False, seeds: range = range(60)
) -> tuple[Simulation, int]:
    """land_commons with the trust on turn 2 and (if `law_turn`) the first-purchase law on
    that turn, played until the estate sale fires: the first seed where it fires after
    the law (or, with no law, at all). `struck`: a court undoes the law the turn after it
    passed (its parameter back to 0, as `undo_law` leaves it; the card stays played)."""
    lv = level("land_commons")
    for seed in seeds:
        sim = Simulation(lv, seed)
        while not sim.finished:
            if struck and law_turn is not None and sim.turn > law_turn:
                sim.state.params["pre_emption"] = 0.0
            ev = sim.setup().event
            law_in = law_turn is not None and sim.turn > law_turn
            if ev is not None and ev.id == "land_auction" and (law_in or law_turn is None):
                return sim, seed
            acts = {2: ["land_trust"], law_turn: ["first_purchase_law"]}.get(sim.turn, [])
            sim.play_turn(acts, causes=False)
    raise AssertionError("the estate sale never fired after the law")


def _open(sim: Simulation) -> list[str]:
    return [c.id for c in sim.open_choices()]


def test_the_pre_emption_is_refused_before_the_law() -> None:
    sim, _ = _auction_after(None)
    assert "pre_empt" not in _open(sim)
    assert _open(sim)[0] == "let_it_go"  # the default is always offered
    (why,) = sim.choice_problems([], {"land_auction": "pre_empt"})
    assert why.kind == "choice_closed" and "pre_emption > 0" in str(why)
    with pytest.raises(DecisionError, match="choice 'pre_empt' is not open"):
        sim.play_turn([], {"land_auction": "pre_empt"})
    assert sim.state.turn == sim.turn - 1  # nothing was played


def _after(sim: Simulation, choice: str) -> Any:
    twin = Simulation(sim.level, sim.seed)
    for h in sim.history:
        twin.play_turn(list(h.actions), {e.id: e.choice for e in h.events}, causes=False)
    return twin.play_turn([], {"land_auction": choice}, causes=False).metrics


def test_under_the_law_the_trust_takes_the_estate_and_keeps_its_jobs() -> None:
    """The estate is a private sale, notified (review s6 W1, W2): 0.5% of the workforce, a
    quarter of a year's land turnover. With the law in force the trust buys it first at the
    fund's price: its thousand workers become federation farmers, as when the federation
    outbids the fund, for 6 funds instead of 8. Letting the fund buy it is a merger: 0.4 of
    its jobs are cut (0.2% of the workforce, about 400 people, less what the turn's own
    hiring takes back), not the whole estate."""
    sim, _ = _auction_after(law_turn=3)
    assert sim.state.params["pre_emption"] > 0
    assert _open(sim) == ["let_it_go", "outbid", "part_of_it", "pre_empt"]
    pre, bid, go = (_after(sim, c) for c in ("pre_empt", "outbid", "let_it_go"))
    # the same farms either way; the law's gain is the price
    assert pre["coop_share"] == pytest.approx(bid["coop_share"], abs=1e-9)
    assert pre["unemployment"] == pytest.approx(bid["unemployment"], abs=1e-9)
    assert pre["coop_share"] - go["coop_share"] == pytest.approx(0.005, abs=0.0005)
    assert 0.0012 < go["unemployment"] - pre["unemployment"] <= 0.002
    costs = {c.id: c.cost.get("money", 0) for c in sim.open_choices()}
    assert costs["pre_empt"] < costs["outbid"]


def test_a_law_struck_down_closes_the_pre_emption_again() -> None:
    """The condition reads the law's parameter, not whether the card was ever played: once a
    court has undone the law, the choice is closed again."""
    sim, _ = _auction_after(law_turn=3, struck=True)
    assert sim.state.played.get("first_purchase_law") == 1
    assert "pre_empt" not in _open(sim)


def test_bots_choose_only_open_choices() -> None:
    """The random bot, which tries every choice it can pay for, never picks a closed one
    (balance and fuzz runs ask `choice_problems`, which now includes `when`)."""
    lv = level("land_commons")
    picked: set[str] = set()
    for seed in range(12):
        ctx = Context(lv, seed, None)
        sim = Simulation(lv, seed)
        while not sim.finished:
            actions, choices = random_play(ctx, sim)
            ev = sim.setup().event
            if ev is not None and ev.id in choices:
                assert choices[ev.id] in _open(sim)
                picked.add(choices[ev.id])
            sim.play_turn(actions, choices, causes=False)
    assert picked  # the bot did answer events


def _strike(pace: float, years: int) -> Simulation:
    """elected_government without elite or events, a fifth of the workforce in councils,
    pay moving at `pace` for `years` years."""
    lv = level("elected_government", tactics=[]).model_copy(update={"events": []})
    sim = Simulation(lv, 1)
    move_workers(sim.state, "firm", "council", 0.2)
    sim.state.council_seen = sim.state.council_share
    sim.state.params["pay_pace"] = pace
    for _ in range(years):
        sim.play_turn([], causes=False)
    return sim


def _premium() -> Any:
    ev = next(e for e in level("elected_government").events if e.id == "managers_strike")
    return next(c for c in ev.choices if c.id == "premium")


def _next_year(sim: Simulation, effects: list[Any]) -> Simulation:
    """A copy of `sim` with `effects` applied, one more year played."""
    twin = _strike(sim.state.params["pay_pace"], 0)
    twin.state = sim.state.copy()
    twin.last, twin.cal = sim.last, sim.cal
    for e in effects:
        apply_effect(twin.state, e)
    twin.play_turn([], causes=False)
    return twin


def test_the_pay_premium_is_offered_only_while_pay_is_moving() -> None:
    """'Slow the pay change for them' lowers the pace. While pay is moving it slows the pay
    transition (a twentieth of the way less a year); once pay has moved all the way (at once:
    within the first year) it would change no one's pay and only cost job balance, so its
    `when` hides it."""
    premium = _premium()
    moving = _strike(0.25, 1)
    assert moving.state.params["pay_transition"] == pytest.approx(0.25)
    assert holds(premium.when, moving.last.metrics(moving.state), moving.state)
    pace = [e for e in premium.effects if e.param == "pay_pace"]
    slowed, kept = _next_year(moving, pace), _next_year(moving, [])
    assert kept.state.params["pay_transition"] - slowed.state.params["pay_transition"] == pytest.approx(
        0.05, abs=1e-9
    )
    # the council top grade keeps 0.04 more of the mean pay (1.449 against 1.410)
    assert relative_pay(slowed.state)[0] - relative_pay(kept.state)[0] == pytest.approx(0.039, abs=0.005)
    assert slowed.last.measures.pay_gap > kept.last.measures.pay_gap
    moved = _strike(1.0, 1)
    assert moved.state.params["pay_transition"] == 1.0
    assert not holds(premium.when, moved.last.metrics(moved.state), moved.state)
    late, done = _next_year(moved, pace), _next_year(moved, [])
    assert late.state.params["pay_transition"] == done.state.params["pay_transition"] == 1.0
    assert late.last.measures.pay_gap == done.last.measures.pay_gap
    assert late.last.measures.gini == done.last.measures.gini
    assert relative_pay(late.state) == relative_pay(done.state)
    still = _strike(0.0, 1)  # pay kept on the ladder: nothing to slow
    assert not holds(premium.when, still.last.metrics(still.state), still.state)
