"""Purchases pay the sellers (review-s6, older M5): the land trust's and the buy-out fund's
yearly flow, and an event's `convert from: firm` marked `capital: sold`, take workplaces
with their capital and credit its value to the owners, who place it at the world rate. A
purchase changes who works the land, not the owners' wealth; a closure (`lost`) does."""

from __future__ import annotations

import pytest

from game.levels.schema import Effect
from game.sim.effects import apply_effect
from tests.sim.experiments import level, run


def _convert(capital: str | None) -> Effect:
    data = {"op": "convert", "from": "firm", "to": "coop", "share": 0.02, "because": {"en": "x", "es": "x"}}
    if capital:
        data["capital"] = capital
    return Effect.model_validate(data)


@pytest.mark.parametrize(
    ("capital", "kept"), [(None, False), ("lost", False), ("sold", True), ("moved", True)]
)
def test_the_capital_that_leaves_is_the_owners_only_if_sold_or_moved(capital: str | None, kept: bool) -> None:
    sim = run(level("land_commons", tactics=[]), 1)
    s = sim.state.copy()
    k, f, abroad = s.firm_capital, s.firm_share, s.owners_outside_capital
    apply_effect(s, _convert(capital))
    leaving = k * 0.02 / f
    assert s.firm_capital == pytest.approx(k - leaving)
    assert s.firm_share == pytest.approx(f - 0.02)
    assert s.owners_outside_capital == pytest.approx(abroad + (leaving if kept else 0.0))


@pytest.mark.parametrize("level_id", ["land_commons", "coop_network"])
def test_the_trust_buys_farms_without_taking_the_owners_income(level_id: str) -> None:
    """Two years with no actions and the elite off, the trust's (or buy-out fund's) flow at
    0.02 a year or none. The federation's share rises by about 4 points; the owners' income
    moves by less than 0.3% (it fell about 5% when the capital vanished with the workers)
    and their resources follow it."""
    lv = level(level_id, tactics=[])
    none = run(lv, 8, params={"coop_fund": 0.0})
    # land_commons: with the first-purchase law, so the trust gets all it pays for (land.py)
    trust = run(lv, 8, params={"coop_fund": 0.02, "pre_emption": float(level_id == "land_commons")})
    assert trust.state.coop_share > none.state.coop_share + 0.03
    assert trust.state.firm_capital < none.state.firm_capital - 0.03
    assert trust.state.owners_outside_capital > none.state.owners_outside_capital + 0.03  # the price, placed
    owners_none = none.last.measures.mean_income["owners"]
    owners_trust = trust.last.measures.mean_income["owners"]
    assert owners_trust == pytest.approx(owners_none, rel=0.003)
    assert trust.state.elite_wealth == pytest.approx(none.state.elite_wealth, rel=0.003)
