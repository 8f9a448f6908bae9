"""The land trust buys no more than the land that changes hands (game/sim/land.py).

land_commons sets `land_turnover` (2% of the farmland a year): the trust buys what its money
pays for, at most the 2% that changes hands with the first-purchase law and 40% of it without
(bidding against the funds). coop_network sets no land
turnover: its buy-out fund buys firms that close or move, and its flow is what it was.
"""

from __future__ import annotations

import pytest

from game.explain import elite_move_text
from game.i18n import load_translator
from game.sim import elite, land
from game.sim.buyouts import fund_flow
from game.sim.dynamics import economic_step
from game.sim.engine import Simulation
from game.sim.report import EliteMove
from tests.sim.experiments import level


def test_the_trust_buys_at_most_the_land_that_changes_hands() -> None:
    sim = Simulation(level("land_commons", tactics=[]), 1)
    p, f = dict(sim.state.params), sim.state.firm_share
    assert p["_land_market"] == 1.0 and p["land_turnover"] == 0.02
    p["coop_fund"] = 0.01  # the trust alone: money for 1%/f of the land, wins 0.4 of the 2%
    assert 0.01 / f > 0.008 and land.trust_buys(p, f) == pytest.approx(0.008)
    assert land.open_land(p, f) == pytest.approx(0.012)  # the funds merge the rest
    p["pre_emption"] = 1.0  # and the law: all it pays for
    assert land.trust_buys(p, f) == pytest.approx(0.01 / f) and land.open_land(p, f) == pytest.approx(
        0.02 - 0.01 / f
    )
    p["coop_fund"] = 0.02  # it would pay for 2.4%, 2% is sold
    assert 0.02 / f > 0.024
    assert land.trust_buys(p, f) == 0.02 and land.open_land(p, f) == 0.0
    # as the agribusiness farms shrink the bound stays 2% of their land (2.9% wanted at f 0.69)
    assert land.trust_buys(p, 0.69) == 0.02
    # over a season of the dynamics: the price paid is the capital that left, at book value
    for fund, pre, share in ((0.01, 0.0, 0.008), (0.02, 1.0, 0.02)):
        s = sim.state.copy()
        s.params["coop_fund"], s.params["pre_emption"] = fund, pre
        k, paid = s.firm_capital, s.owners_outside_capital
        economic_step(s, sim.cal, 0.25)
        # firms also invest in the step: the purchase is what the owners were paid
        assert (s.owners_outside_capital - paid) / k == pytest.approx(share * 0.25, rel=0.02)


def test_without_a_land_market_the_fund_buys_as_before() -> None:
    """coop_network: no `land_turnover` in its economy, so no land cap: its fund with the
    Marcora law buys what its money pays for, up to the firms that close (`business_exit`,
    buyouts.fund_flow), above the default turnover's 2%."""
    sim = Simulation(level("coop_network", tactics=[]), 1)
    p, f = dict(sim.state.params), sim.state.firm_share
    assert "_land_market" not in p
    p["coop_fund"], p["marcora"] = 0.02, 1.0
    s = sim.state.copy()
    s.params.update(p)
    flow = fund_flow(s, 0.25)
    assert flow == pytest.approx(min(0.02 * 0.25 * 1.5, p["business_exit"] * f * 0.25))
    assert flow > p["land_turnover"] * f * 0.25
    p["_land_market"] = 1.0  # the same fund in a land market would be bounded
    assert land.trust_flow(p, f, 0.25) == pytest.approx(0.4 * 0.02 * f * 0.25)
    p["pre_emption"] = 1.0
    assert land.trust_flow(p, f, 0.25) == pytest.approx(0.02 * f * 0.25)


def test_a_merger_names_the_land_the_trust_bought_first() -> None:
    """The elite and the trust compete for the farms that change hands: a merger's cause says
    what share the trust took (bidding, 40%: land.OPEN_SHARE); the trust's land is the funds'
    loss (land.py)."""
    sim = Simulation(level("land_commons", tactics=["consolidation"]), 1)
    s = sim.state
    s.params["coop_fund"] = 0.01
    move = elite.execute(s, elite.Warning_("consolidation", 1.0, 1), 0.5, 200_000, 0.25)
    assert move.outcome == "merger"
    assert move.trust == pytest.approx(land.OPEN_SHARE)
    assert move.to_dict()["trust"] == pytest.approx(move.trust, abs=1e-4)
    lv = level("land_commons")
    en = elite_move_text(move, lv, load_translator("en"))
    es = elite_move_text(move, lv, load_translator("es"))
    assert "the land trust had bought 40% of the farms" in en and "could merge only the rest" in en
    assert "el fideicomiso de tierras había comprado el 40\xa0%" in es  # Spanish: a space before %
    alone = EliteMove("consolidation", 1.0, "merger", amount=0.001, jobs=100.0)
    assert "land trust" not in elite_move_text(alone, lv, load_translator("en"))
    assert "trust" not in alone.to_dict()


def _settle(state, share: float) -> None:
    from game.levels.schema import Effect
    from game.sim.effects import apply_effect

    apply_effect(
        state,
        Effect.model_validate(
            {"op": "found_coops", "count": 1, "share": share, "land": "trust", "because": "x"}
        ),
    )


def test_settlers_take_only_the_trusts_idle_land() -> None:
    """Review m9: settlers were put on land the trust already farms. Now a farm the trust buys
    with x workers holds x/(1 − 0.4) places (a family farm's crew, not the merged farm's), the
    x keep theirs, and settlers take only the idle rest; with none idle, none are settled.
    Members who leave free their places."""
    sim = Simulation(level("land_commons", tactics=[]), 1)
    s = sim.state.copy()
    assert land.trust_room(s) == 0.0
    coops, jobless = s.coop_share, s.unemployment
    _settle(s, 0.013)  # no trust land yet: no one settled, and the firms keep their land
    assert s.coop_share == coops and s.unemployment == jobless
    s.params["coop_fund"], s.params["pre_emption"] = 0.02, 1.0
    economic_step(s, sim.cal, 0.25)  # a season of purchases: 2% of the land a year
    bought = s.trust_farmers
    assert bought == pytest.approx(0.02 * sim.state.firm_share * 0.25, rel=0.02)
    assert s.trust_land == pytest.approx(bought / 0.6)
    room = land.trust_room(s)
    assert room == pytest.approx(bought * (1 / 0.6 - 1)) and room < 0.013
    before, firms = s.coop_share, s.firm_share
    _settle(s, 0.013)  # asks for 1.3% of the workforce: gets the room, from the landless
    assert s.coop_share - before == pytest.approx(room)
    assert s.firm_share == firms and land.trust_room(s) == pytest.approx(0.0, abs=1e-12)
    _settle(s, 0.013)
    assert s.coop_share - before == pytest.approx(room)  # nothing more
    # a farm ruined (members back to the landless) leaves its trust land idle, in proportion
    from game.sim.effects import take_workers

    share_on_trust = s.trust_farmers / s.coop_share
    take_workers(s, "coop", 0.002)
    assert land.trust_room(s) == pytest.approx(0.002 * share_on_trust, rel=1e-6)


def test_settlers_without_a_land_market_are_not_bounded() -> None:
    """A level without `land_turnover` in its economy keeps no land account: `land: trust`
    settles the whole share, as every settlement did before."""
    sim = Simulation(level("coop_network", tactics=[]), 1)
    s = sim.state.copy()
    before = s.coop_share
    _settle(s, 0.01)
    assert s.coop_share - before == pytest.approx(0.01) and s.trust_farmers == 0.0
