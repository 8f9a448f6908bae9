"""Issue 7's experiments, run both ways: each checks the direction and the size of a lesson
the game teaches (figures in docs/scores.md, "Experiments")."""

from __future__ import annotations

import numpy as np
import pytest

from game.sim.economy import coop_production, measure
from tests.sim.experiments import level, run


def test_squeezing_profits_costs_jobs_and_investment() -> None:
    """union_register, elite off: a profit share of 0.20 instead of 0.42 raises the wage but
    firms employ fewer workers and invest less (marginal product at the bargained wage)."""
    lv = level("union_register", tactics=[])
    high = run(lv, 8, params={"capital_share": 0.42})
    low = run(lv, 8, params={"capital_share": 0.20})
    assert low.last.measures.firm_wage > 1.15 * high.last.measures.firm_wage
    assert low.state.firm_share < high.state.firm_share - 0.08
    assert low.state.unemployment > high.state.unemployment + 0.08
    assert low.state.firm_capital < high.state.firm_capital - 0.02
    assert low.state.owners_outside_capital > high.state.owners_outside_capital


def _gap(**params: float) -> float:
    return run(level("coop_network", tactics=[]), 16, params=params).last.measures.coop_pay_gap


def test_the_association_rate_closes_the_gap() -> None:
    """coop_network, no actions, elite off, 16 seasons: the gap falls as θ falls."""
    market = _gap()
    g95 = _gap(mutual_aid=1.0, mutual_aid_theta=0.95)
    g50 = _gap(mutual_aid=1.0, mutual_aid_theta=0.5)
    g05 = _gap(mutual_aid=1.0, mutual_aid_theta=0.05)
    assert g05 < g50 < g95 <= market + 1e-9
    assert g05 < 0.85 * market


def test_credit_access_alone_does_not_do_the_associations_work() -> None:
    """More bank credit (the +0.3 the association action used to add) without the
    association leaves a wider gap than the association at the level's credit."""
    assert _gap(coop_credit=0.75) > _gap(mutual_aid=1.0, mutual_aid_theta=0.5) + 0.05


def test_the_association_wastes_no_capital_and_lenders_gain() -> None:
    """Same state, market or association: the same capital at work and the same output
    (only the rate differs); lenders earn more than with no capital trade at all."""
    sim = run(level("coop_network", tactics=[]), 6)
    s = sim.state.copy()
    s.coops.capital = np.linspace(0.3, 1.7, len(s.coops.capital))
    market = coop_production(s, sim.cal)
    s.params["mutual_aid"] = 1.0
    aid = coop_production(s, sim.cal)
    autarky = coop_production(s, sim.cal, trade=False)
    np.testing.assert_allclose(aid.capital.in_use, market.capital.in_use)
    assert float(np.dot(aid.gross, s.coops.members)) == pytest.approx(
        float(np.dot(market.gross, s.coops.members))
    )
    lenders = s.coops.capital > 1.0
    assert np.all(aid.pay[lenders] > autarky.pay[lenders])
    assert np.all(aid.pay[lenders] < market.pay[lenders])
    borrowers = s.coops.capital < 1.0
    assert np.all(aid.pay[borrowers] > market.pay[borrowers])


def test_capital_flight_hurts_the_country_not_its_owners() -> None:
    """revolution, no actions: repeated capital flight against no elite. Jobs go, the owners'
    income (at home and abroad) holds, and the project's support does not rise."""
    flight = run(level("revolution", tactics=["capital_flight"]), 12)
    none = run(level("revolution", tactics=[]), 12)
    assert flight.state.owners_outside_capital > none.state.owners_outside_capital + 0.05
    assert flight.state.firm_share < none.state.firm_share
    m_f, m_n = flight.last.measures, none.last.measures
    owners_f = m_f.profits + m_f.owners_outside_income
    owners_n = m_n.profits + m_n.owners_outside_income
    assert owners_f > 0.9 * owners_n
    assert flight.state.support <= none.state.support + 1e-6


def test_undercutting_is_paid_out_of_profits() -> None:
    sim = run(level("coop_network", tactics=[]), 2)
    s = sim.state.copy()
    base = measure(s, sim.cal, sim.sector)
    s.undercut = 0.3
    cut = measure(s, sim.cal, sim.sector)
    assert cut.profits < base.profits - 0.001
    assert cut.coop_pay.mean() < base.coop_pay.mean()
    assert cut.total_output == pytest.approx(cut.produced, rel=1e-9)


def test_money_is_conserved_with_a_pollution_charge_above_the_profit_share() -> None:
    sim = run(level("union_register", tactics=[]), 1)
    s = sim.state.copy()
    s.params.update(pollution_intensity=1.0, pollution_price=1.0, capital_share=0.1)
    m = measure(s, sim.cal, sim.sector)
    assert 0.5 * m.firm_output > 0.1 * m.firm_output  # the charge is above the profit share
    assert m.total_output == pytest.approx(m.produced, rel=1e-9)
    assert np.all(m.groups.income >= 0)
