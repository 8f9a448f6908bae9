"""The lessons of land_commons (issue 13 §3), each run both ways with the level's own plan:
the land trust, the seed library and the right to repair are a chain (each opens or cheapens
the next), and each changes the economy in the direction and by the size the level says."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from game.levels.decisions import Decisions
from game.sim.engine import Simulation
from tests.sim.experiments import level

ROOT = Path(__file__).resolve().parents[2]


@cache
def _plan() -> dict[int, list[str]]:
    model = Decisions(ROOT / "levels" / "plans" / "land_commons.yaml").model
    return {t: list(model.for_turn(t).actions) for t in range(1, 17)}


def _play(drop: tuple[str, ...] = (), seed: int = 1, tactics: list[str] | None = None) -> Simulation:
    """The plan with the cards in `drop` left out (the elite off when `tactics` is [])."""
    sim = Simulation(level("land_commons", tactics=tactics), seed)
    for turn in range(1, 17):
        if sim.finished:
            break
        sim.play_turn([a for a in _plan().get(turn, []) if a not in drop])
    return sim


def _metrics(sim: Simulation) -> dict[str, Any]:
    return sim.last.metrics(sim.state)


def test_the_seed_library_keeps_the_licence_fees_and_carries_a_bad_harvest() -> None:
    """Elite off, seed 1: without the library the federation's farms produce and earn less,
    the seed company keeps more, and the poorest fifth keep less through a harvest failure."""
    with_it, without = _play(tactics=[]), _play(("seed_library",), tactics=[])
    a, b = with_it.last.measures, without.last.measures
    assert a.coop_output > 1.05 * b.coop_output
    assert float(np.mean(a.coop_pay)) > 1.05 * float(np.mean(b.coop_pay))
    assert with_it.last.stress["harvest failure"] > without.last.stress["harvest failure"] + 0.005
    assert _metrics(with_it)["elite_power"] < _metrics(without)["elite_power"]


def test_the_right_to_repair_opens_the_machinery_ring_that_holds_the_federation() -> None:
    """The ring cannot be started before the repair law; without the ring the pay of farms on
    poor land falls behind until the federation splits, with it the gap stays under 2.25."""
    sim = Simulation(level("land_commons"), 1)
    assert sim.action_problems(["machinery_ring"]), "the ring needs the repair law first"
    ring, no_ring = _play(tactics=[]), _play(("machinery_ring",), tactics=[])
    assert ring.last.measures.coop_pay_gap <= 2.25 < no_ring.last.measures.coop_pay_gap
    assert ring.outcome == "won" and no_ring.outcome == "lost"


def test_the_first_purchase_law_needs_the_trust_and_keeps_farm_jobs() -> None:
    """The law is refused before the land trust exists; with the elite on, seeds 1-5, the plan
    without it ends with more people out of work than the plan with it."""
    sim = Simulation(level("land_commons"), 1)
    assert sim.action_problems(["first_purchase_law"]), "the law needs the land trust first"
    seeds = range(1, 6)
    law = np.mean([_metrics(_play(seed=s))["unemployment"] for s in seeds])
    no_law = np.mean([_metrics(_play(("first_purchase_law",), seed=s))["unemployment"] for s in seeds])
    assert no_law > law + 0.03


@pytest.mark.parametrize(
    ("cards", "event"),
    [(("repair_law", "machinery_ring"), "dealer_refusal"), (("seed_library",), "patent_suit")],
)
def test_an_event_of_the_old_powers_ends_with_the_card_that_answers_it(
    cards: tuple[str, ...], event: str
) -> None:
    """The dealer's refusal only happens without the repair law and the patent suit only
    without the seed library: over seeds 1-20, never after the card, and without the card
    (and the cards that need it) it does happen."""
    played_on = next(t for t, acts in _plan().items() if cards[0] in acts)
    after, without = 0, 0
    for seed in range(1, 21):
        for report in _play(seed=seed).history:
            after += report.turn > played_on and any(e.id == event for e in report.events)
        without += any(any(e.id == event for e in r.events) for r in _play(cards, seed=seed).history)
    assert after == 0
    assert without >= 3
