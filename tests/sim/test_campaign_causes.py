"""The turn report's causes tell the truth about undercutting and resilience (review s7,
findings 9 and 10).

- Undercutting's equity gain: the co-op members are "few" only below 10% of the workforce;
  above it the sentence says what share they are, and always that the gain lasts only while
  the big firms sell below cost.
- The end of a price war is a cause of its own, measured against one more turn of the
  campaign: the equity the transfer brought goes with it, and the trends are not blamed.
- A resilience cause names the shock it worked through and, when it moved resilience by
  moving people in or out of the co-ops, says so: a lawsuit that ruins a farm does not
  read as strength.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from game.cause_words import FEW
from game.explain import cause_text
from game.i18n import load_translator
from game.levels.decisions import Decisions
from game.sim.engine import Move, Simulation
from game.sim.report import Cause, Part, TurnReport
from tests.sim.experiments import LEVELS, level

EN, ES = load_translator("en"), load_translator("es")


def _plan(level_id: str, seed: int, turns: int) -> tuple[Simulation, list[TurnReport]]:
    lv = level(level_id)
    plan = Decisions(LEVELS / "plans" / f"{level_id}.yaml")
    sim = Simulation(lv, seed)
    reports = []
    while not sim.finished and sim.turn <= turns:
        d = plan.model.for_turn(sim.turn)
        reports.append(sim.play_turn(list(d.actions), dict(d.choices)))
    return sim, reports


@pytest.fixture(scope="module")
def coop_plan() -> tuple[Simulation, list[TurnReport]]:
    """coop_network, its plan, seed 1: the elite undercuts every other season from season 6."""
    return _plan("coop_network", 1, 16)


def _cause(rep: TurnReport, score: str, kind: str, ident: str) -> Cause:
    return next(c for c in rep.causes if c.score == score and c.kind == kind and c.id == ident)


def test_undercutting_says_what_share_the_co_op_members_are(coop_plan: object) -> None:
    """Early in the game the co-op members are few (under 10% of the workforce) and the
    sentence says so, with their share; by season 16 they are over a fifth and it no longer
    says "few": it gives their share. Both say the gain ends with the campaign."""
    sim, reports = coop_plan  # type: ignore[misc]
    undercuts = [
        (r, _cause(r, "equity", "elite", "price_undercutting"))
        for r in reports
        if any(m.tactic == "price_undercutting" for m in r.elite.moves)
    ]
    small = [(r, c) for r, c in undercuts if r.metrics["coop_share"] <= FEW and c.delta >= 0.05]
    large = [(r, c) for r, c in undercuts if r.metrics["coop_share"] > 0.15 and c.delta >= 0.05]
    assert small and large
    r, c = small[0]
    text = cause_text(c, r, sim.level, EN)
    assert "they are few (" + EN.pct(r.metrics["coop_share"]) + " of the workforce)" in text
    assert "the gain ends when the big firms stop selling below cost" in text
    r, c = large[-1]
    assert r.turn == 16 and c.delta > 2.0  # the review's case: +3.07 with 21.6% in co-ops
    text = cause_text(c, r, sim.level, EN)
    assert "few" not in text
    assert "the members of co-ops, " + EN.pct(r.metrics["coop_share"]) + " of the workforce" in text
    assert "26% of the workforce" in text  # coop_network with its buyouts (tests/sim/test_coop_buyouts.py)
    assert "while the campaign lasts" in text and "stop selling below cost" in text
    es = cause_text(c, r, sim.level, ES)
    assert ES.pct(r.metrics["coop_share"]) + " de la población activa" in es and "pocos" not in es
    assert "dejan de vender por debajo del coste" in es


def test_the_end_of_a_price_war_is_credited_to_it_not_to_the_trends(coop_plan: object) -> None:
    """Season 15: last season's 20% undercut stops. Before, the trends were credited with
    the fall; now the campaign's end carries it, measured against one more season of the
    campaign (-3.9), and the trends' own part is a rise (+0.6). The end's cause is
    exactly that difference in a turn with no other move: played both ways."""
    sim, reports = coop_plan  # type: ignore[misc]
    rep = reports[14]
    assert rep.turn == 15 and not any(m.tactic == "price_undercutting" for m in rep.elite.moves)
    end = _cause(rep, "equity", "end", "price_undercutting")
    trend = _cause(rep, "equity", "trend", "trend")
    assert end.delta < -1.5 and trend.delta > 0.5
    assert sum(c.delta for c in rep.causes if c.score == "equity") == pytest.approx(
        rep.deltas["equity"], abs=1e-9
    )
    text = cause_text(end, rep, sim.level, EN)
    assert text.startswith("Capitalist firms stopped selling below cost where co-ops compete")
    assert "had cut their revenue by 20%" in text
    assert "the transfer from their profits to every buyer ended" in text
    assert "dejaron de vender por debajo del coste" in cause_text(end, rep, sim.level, ES)
    # a campaign that is renewed has no end; one that stops has, on every score
    renewed = reports[15]
    assert not any(c.kind == "end" for c in renewed.causes)
    assert {c.score for c in rep.causes if c.kind == "end"} == {
        "equity",
        "participation",
        "resilience",
        "support",
    }


def test_the_end_s_cause_is_one_more_turn_of_the_campaign_against_none() -> None:
    """Both ways, directly: coop_network, an elite that only undercuts, no cards. After the
    first undercut the next turn (no renewal drawn) is played with the campaign carried on
    and with its end; the end's cause is the difference (the only other move is the trend)."""
    lv = level("coop_network", tactics=["price_undercutting"])
    sim = Simulation(lv, 1)
    while sim.state.undercut <= 0:
        sim.play_turn([])
    setup = sim.setup()
    if setup.warning is not None and setup.warning.tactic == "price_undercutting":
        pytest.skip("the elite renews the campaign at once in this draw")
    moves = sim._moves([], {}, setup)
    assert Move("end", "price_undercutting") in moves
    carried = [m for m in moves if m.kind != "end"]
    with_end = sim._run(moves, {}, setup)[1].scores["equity"]
    without = sim._run(carried, {}, setup)[1].scores["equity"]
    assert abs(with_end - without) > 0.05  # the campaign's end moves equity
    rep = sim.play_turn([])
    end = _cause(rep, "equity", "end", "price_undercutting")
    if len(moves) == 2:
        assert end.delta == pytest.approx(with_end - without, abs=1e-9)
    else:  # an elite move too: Shapley shares, still adding up
        assert sum(c.delta for c in rep.causes if c.score == "equity") == pytest.approx(rep.deltas["equity"])


def test_a_resilience_cause_names_the_composition_effect() -> None:
    """land_commons, its plan, seed 2 (the review's case): the lawsuit that ruins a member
    farm raised resilience (+0.3) only because fewer people are in federation farms, the
    group price cuts hit first; cards that bring people in lowered it for the same reason.
    The parts are the moves' Shapley shares of the co-op share and of each shock's kept
    share, and the sentence follows their signs."""
    sim, reports = _plan("land_commons", 2, 16)
    ruin = [
        (r, c)
        for r in reports
        for c in r.causes
        if c.score == "resilience" and c.id.startswith("patent_suit:farm_pays")
    ]
    assert ruin
    r, c = ruin[0]
    parts = {p.name: p.delta for p in c.parts}
    assert c.delta > 0.05 and parts["coop_share"] < -0.001 and parts["stress:price undercutting"] > 0
    text = cause_text(c, r, sim.level, EN)
    assert "resilience rose only because fewer people are in federation farms" in text
    assert "members lost their place, which is no strength" in text
    assert "la resiliencia subió solo porque hay menos gente en" in cause_text(c, r, sim.level, ES)
    joined = [
        (r, c)
        for r in reports
        for c in r.causes
        if c.score == "resilience"
        and c.kind == "action"
        and c.delta < -0.05
        and dict((p.name, p.delta) for p in c.parts)["coop_share"] > 0.001
    ]
    assert joined
    r, c = joined[0]
    assert "resilience fell because more people are now in federation farms" in cause_text(
        c, r, sim.level, EN
    )


def test_resilience_words_follow_the_parts_signs() -> None:
    """The sentence for made-up parts: members in and resilience down names the composition;
    resilience up through a defence (no members moved) names only the shock; parts that
    disagree with the delta's sign (members in, resilience up) never claim composition."""
    lv = level("coop_network")
    rep = TurnReport.__new__(TurnReport)
    base = Cause(
        "resilience",
        -0.4,
        "action",
        "found_coops",
        (),
        (
            Part("coop_share", 0.012),
            Part("stress:price undercutting", -0.01),
            Part("stress:credit strike", -0.004),
        ),
    )
    text = cause_text(base, rep, lv, EN)
    assert "resilience fell because more people are now in co-ops (+1.2 points of the workforce)" in text
    assert "after a price undercutting -1.0 points" in text
    defence = replace(base, delta=0.5, parts=(Part("coop_share", 0.0), Part("stress:credit strike", 0.05)))
    assert cause_text(defence, rep, lv, EN).endswith(
        "through what the hardest-hit fifth keep after a credit strike: +5.0 points"
    )
    odd = replace(base, delta=0.4)
    assert "because" not in cause_text(odd, rep, lv, EN).split("help")[-1]
    assert "+1,2 puntos de la población activa" in cause_text(base, rep, lv, ES)
