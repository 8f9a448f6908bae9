"""The planning procedure: validation cases of economics.md §7, properties of the council
proposals, convergence, determinism and the human-paced variant."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.sim.planning import (
    FINAL,
    INTERMEDIATE,
    PRIMARY,
    PUBLIC,
    PacedPlanner,
    PlanEconomy,
    PlanError,
    cc_demand,
    check_economy,
    excess,
    generate_economy,
    normalise_weights,
    pace_limit,
    price_step,
    proposals,
    run_plan,
    step_size,
    wc_optimum,
)

ROOT = Path(__file__).resolve().parents[2]
VILLAGE = ROOT / "examples" / "economies" / "village.yaml"


# --- validation cases (economics.md §7) ----------------------------------------------


def test_case_1_book_rule_excess_supply() -> None:
    v = excess(110, 100)
    assert round(float(v), 6) == 0.095238
    assert round(float(step_size(v)), 6) == 0.010846
    p, _ = price_step(700, 110, 100)
    assert round(float(p), 3) == 692.408


def test_case_2_book_rule_large_excess_demand() -> None:
    assert float(excess(50, 150)) == 1.0
    assert round(float(step_size(1.0)), 6) == 0.1375
    p, _ = price_step(700, 50, 150)
    assert round(float(p), 2) == 796.25


@pytest.mark.parametrize("rule", ["book", "program"])
def test_case_3_balanced_market_keeps_its_price(rule: str) -> None:
    p, _ = price_step(np.array([700.0, 12.5]), np.array([100.0, 3.0]), np.array([100.0, 3.0]), rule)  # type: ignore[arg-type]
    assert p.tolist() == [700.0, 12.5]


def test_case_4_program_rule_first_round() -> None:
    w = step_size(excess(110, 100), "program", 0.25)
    assert round(float(w), 6) == 0.028471
    # the first update uses 0.25 when no multiplier is given
    assert float(step_size(excess(110, 100), "program")) == pytest.approx(float(w))


def test_program_rule_floor_and_multiplier() -> None:
    assert float(step_size(1e-6, "program", 1e-4)) == 0.001
    p, mult = price_step(np.array([10.0, 10.0]), np.array([100.0, 50.0]), np.array([101.0, 150.0]), "program")
    assert mult.tolist() == pytest.approx([float(excess(100, 101)), 0.25])
    assert p[0] > 10.0 and p[1] > 10.0


def test_case_5_worker_council_optimum() -> None:
    y, x, e = wc_optimum(5.0, 0.07, 1.0, 3.5, np.array([0.8]), np.array([700.0]), 700.0)
    assert round(float(y), 2) == 3800.17
    assert round(float(x[0]), 2) == 3040.14
    assert round(float(e), 3) == 22.401


def test_case_13_consumer_demand() -> None:
    d = cc_demand(5000.0, np.array([0.5, 0.5]), np.array([50.0, 60.0]))
    assert np.round(d, 3).tolist() == [50.0, 41.667]


def test_case_14_pollution_damage_price() -> None:
    # S = the affected community's allowance, D = the emitters' requests
    assert round(float(excess(80, 120)), 6) == 0.4
    pi, _ = price_step(10.0, 80.0, 120.0)
    assert round(float(pi), 3) == 10.730


def test_excess_of_an_empty_market_is_zero() -> None:
    assert float(excess(0.0, 0.0)) == 0.0
    assert float(excess(0.0, 5.0)) == 2.0


def test_unknown_rule_is_rejected() -> None:
    with pytest.raises(PlanError, match="unknown price rule"):
        step_size(0.1, "fast")  # type: ignore[arg-type]


# --- council properties (hypothesis) ---------------------------------------------------

positive = st.floats(0.01, 1e4, allow_nan=False, allow_infinity=False)


@settings(deadline=None, max_examples=60)
@given(
    st.integers(1, 8).flatmap(
        lambda n: st.tuples(
            positive,
            st.lists(positive, min_size=n, max_size=n),
            st.lists(positive, min_size=n, max_size=n),
            st.floats(0.01, 100.0),
        )
    )
)
def test_cc_budget_balances_and_is_homogeneous(case: tuple) -> None:
    income, weights, prices, scale = case
    w, p = np.array(weights), np.array(prices)
    d = cc_demand(income, w, p)
    assert np.all(np.isfinite(d)) and np.all(d > 0)
    assert float(np.dot(p, d)) == pytest.approx(income, rel=1e-9)
    assert cc_demand(income * scale, w, p * scale) == pytest.approx(d, rel=1e-9)


@settings(deadline=None, max_examples=60)
@given(
    st.integers(1, 8).flatmap(
        lambda n: st.tuples(
            st.floats(4.0, 6.0),
            st.floats(0.05, 0.10),
            st.floats(0.5, 2.0),
            st.floats(3.0, 4.0),
            st.lists(st.floats(0.02, 0.8 / n), min_size=n, max_size=n),
            st.lists(st.floats(1.0, 2000.0), min_size=n, max_size=n),
            st.floats(1.0, 2000.0),
        )
    )
)
def test_wc_optimum_properties(case: tuple) -> None:
    A, c, s, k, b, p, lam = case
    b, p = np.array(b), np.array(p)
    y, x, e = wc_optimum(A, c, s, k, b, p, lam)
    assert np.isfinite(y) and y > 0 and np.all(np.isfinite(x)) and np.all(x > 0) and e > 0
    # the proposal is on the production function and SB/SC = 1/B at the optimum
    assert float(y) == pytest.approx(A * np.prod(x**b) * e**c, rel=1e-9)
    assert lam * y / float(np.dot(p, x)) == pytest.approx(1.0 / b.sum(), rel=1e-9)

    def surplus(xx: np.ndarray, ee: float) -> float:
        return lam * A * np.prod(xx**b) * ee**c - float(np.dot(p, xx)) - s * ee**k

    best = surplus(x, float(e))
    for factor in (0.97, 1.03):
        assert surplus(x * factor, float(e)) <= best + 1e-9 * abs(best)
        assert surplus(x, float(e) * factor) <= best + 1e-9 * abs(best)


def test_gamma_of_one_or_more_is_rejected() -> None:
    with pytest.raises(PlanError, match="γ"):
        wc_optimum(5.0, 0.5, 1.0, 2.0, np.array([0.8]), np.array([10.0]), 10.0)
    eco = _tiny(b=0.99)
    with pytest.raises(PlanError, match="γ = Σb \\+ c/k = 1.0"):
        check_economy(eco)


# --- economies --------------------------------------------------------------------------


def _tiny(b: float = 0.6, wc_count: float = 1.0, cc_count: float = 1.0, public: bool = False) -> PlanEconomy:
    """F (final), I (intermediate), L (primary), optionally P (public)."""
    ids = ("F", "I", "L") + (("P",) if public else ())
    kinds = np.array([FINAL, INTERMEDIATE, PRIMARY] + ([PUBLIC] if public else []), np.int8)
    endow = np.array([0.0, 0.0, 100.0] + ([0.0] if public else []))
    # F uses I and L, I uses L, P uses L
    outputs = [0, 1] + ([3] if public else [])
    inputs = [[1, 2], [2]] + ([[2]] if public else [])
    bs = [[b / 2, b / 2], [b]] + ([[0.5]] if public else [])
    n = len(outputs)
    indptr = np.concatenate([[0], np.cumsum([len(i) for i in inputs])]).astype(np.intp)
    cc_good = np.array([0, 3] if public else [0], dtype=np.intp)
    cc_w = np.array([0.7, 0.3] if public else [1.0])
    return PlanEconomy(
        good_ids=ids,
        kinds=kinds,
        endowment=endow,
        wc_output=np.array(outputs, np.intp),
        wc_A=np.full(n, 5.0),
        wc_c=np.full(n, 0.08),
        wc_s=np.ones(n),
        wc_k=np.full(n, 3.5),
        wc_count=np.full(n, wc_count),
        wc_indptr=indptr,
        wc_input=np.array(sum(inputs, []), np.intp),
        wc_b=np.array(sum(bs, [])),
        cc_income=np.array([500.0]),
        cc_count=np.array([cc_count]),
        cc_indptr=np.array([0, len(cc_good)], np.intp),
        cc_good=cc_good,
        cc_weight=normalise_weights(cc_w, np.array([0, len(cc_good)])),
    )


def test_public_good_demand_is_the_mean_of_council_demands() -> None:
    eco = _tiny(public=True, cc_count=4.0)
    p = np.array([10.0, 8.0, 5.0, 20.0])
    pr = proposals(eco, p)
    n_cc = 4.0
    own = 500.0 * 0.3 / (p[3] / n_cc)  # one council's demand at p/N_cc
    assert pr.cc_demand[1] == pytest.approx(own)
    assert pr.demand[3] == pytest.approx(own)  # the mean of 4 identical councils
    assert pr.demand[0] == pytest.approx(4 * 500.0 * 0.7 / p[0])


def test_count_is_the_same_as_copies() -> None:
    eco = _tiny(wc_count=3.0, cc_count=5.0)
    base = _tiny()
    copies = PlanEconomy(
        good_ids=base.good_ids,
        kinds=base.kinds,
        endowment=base.endowment,
        wc_output=np.repeat(base.wc_output, 3),
        wc_A=np.repeat(base.wc_A, 3),
        wc_c=np.repeat(base.wc_c, 3),
        wc_s=np.repeat(base.wc_s, 3),
        wc_k=np.repeat(base.wc_k, 3),
        wc_count=np.ones(6),
        wc_indptr=np.array([0, 2, 4, 6, 7, 8, 9], np.intp),
        wc_input=np.array([1, 2, 1, 2, 1, 2, 2, 2, 2], np.intp),
        wc_b=np.array([0.3, 0.3] * 3 + [0.6] * 3),
        cc_income=np.full(5, 500.0),
        cc_count=np.ones(5),
        cc_indptr=np.arange(6, dtype=np.intp),
        cc_good=np.zeros(5, np.intp),
        cc_weight=np.ones(5),
    )
    a = run_plan(eco, 10.0, threshold=0.01)
    b = run_plan(copies, 10.0, threshold=0.01)
    assert a.converged and a.rounds == b.rounds
    np.testing.assert_allclose(a.prices, b.prices, rtol=1e-5)
    np.testing.assert_allclose(a.supply, b.supply, rtol=1e-5)


def test_a_round_matches_the_council_proposals() -> None:
    eco = generate_economy(400, 300, 40, np.random.default_rng(7))
    rng = np.random.default_rng(3)
    p = rng.uniform(300, 1200, eco.n_goods)
    pr = proposals(eco, p)
    for arr in (pr.wc_output, pr.wc_inputs, pr.wc_effort, pr.cc_demand, pr.supply, pr.demand):
        assert np.all(np.isfinite(arr)) and np.all(arr >= 0)
    res = run_plan(eco, p, threshold=1.99, max_rounds=1)  # one round at exactly p
    assert res.rounds == 1
    np.testing.assert_allclose(res.supply, pr.supply, rtol=1e-5)
    np.testing.assert_allclose(res.demand, pr.demand, rtol=1e-5)
    # each generated WC: SB/SC = λy / Σ p x = 1/B
    rows = np.repeat(np.arange(eco.n_wc), np.diff(eco.wc_indptr))
    cost = np.bincount(rows, p[eco.wc_input] * pr.wc_inputs, minlength=eco.n_wc)
    B = np.bincount(rows, eco.wc_b, minlength=eco.n_wc)
    np.testing.assert_allclose(p[eco.wc_output] * pr.wc_output / cost, 1.0 / B, rtol=1e-9)


@pytest.mark.parametrize("rule", ["book", "program"])
def test_at_convergence_every_market_is_within_the_threshold(rule: str) -> None:
    eco = generate_economy(600, 600, 50, np.random.default_rng(11))
    res = run_plan(eco, 700.0, threshold=0.03, rule=rule)  # type: ignore[arg-type]
    assert res.converged
    assert res.max_excess[-1] < 0.03 and np.all(res.max_excess[:-1] >= 0.03)
    pr = proposals(eco, res.prices)  # recomputed independently at the final prices
    assert float(excess(pr.supply, pr.demand).max()) < 0.03
    assert np.all(res.supply > 0) and np.all(res.demand > 0)
    assert res.price_history is not None and res.price_history.shape == (res.rounds, 50)
    assert res.price_history[0].tolist() == [700.0] * 50
    assert res.excess_history is not None
    np.testing.assert_allclose(np.abs(res.excess_history).max(axis=1), res.max_excess)


def test_history_is_optional_and_warm_start_is_immediate() -> None:
    eco = generate_economy(300, 300, 25, np.random.default_rng(5))
    res = run_plan(eco, 700.0, threshold=0.05, record_history=False)
    assert res.converged and res.price_history is None and res.excess_history is None
    warm = run_plan(eco, res.prices, threshold=0.05)
    assert warm.converged and warm.rounds == 1
    np.testing.assert_array_equal(warm.prices, res.prices)


def test_not_converged_is_reported() -> None:
    eco = generate_economy(300, 300, 25, np.random.default_rng(5))
    res = run_plan(eco, 700.0, threshold=0.001, max_rounds=4)
    assert not res.converged and res.rounds == 4 and len(res.max_excess) == 4


def test_generator_is_deterministic() -> None:
    a = generate_economy(500, 400, 30, np.random.default_rng(42))
    b = generate_economy(500, 400, 30, np.random.default_rng(42))
    c = generate_economy(500, 400, 30, np.random.default_rng(43))
    fields = [f for f in a.__dataclass_fields__ if f != "good_ids"]
    for f in fields:
        assert getattr(a, f).tobytes() == getattr(b, f).tobytes(), f
    assert a.wc_A.tobytes() != c.wc_A.tobytes()
    ra, rb = run_plan(a, 700.0), run_plan(b, 700.0)
    assert ra.prices.tobytes() == rb.prices.tobytes() and ra.rounds == rb.rounds


def test_generator_follows_the_documented_ranges() -> None:
    eco = generate_economy(2000, 500, 50, np.random.default_rng(1))
    check_economy(eco)
    assert np.bincount(eco.kinds, minlength=4).tolist() == [10, 10, 20, 10]
    assert eco.wc_A.min() >= 4 and eco.wc_A.max() <= 6
    assert eco.wc_c.min() >= 0.05 and eco.wc_c.max() <= 0.10
    assert eco.wc_k.min() >= 3 and eco.wc_k.max() <= 4 and np.all(eco.wc_s == 1)
    B = np.add.reduceat(eco.wc_b, eco.wc_indptr[:-1])
    assert B.min() >= 0.75 - 1e-12 and B.max() <= 0.85 + 1e-12
    lens = np.diff(eco.wc_indptr)
    assert lens.min() >= 3 and lens.max() <= 8
    assert set(np.unique(eco.kinds[eco.wc_output])) == {FINAL, INTERMEDIATE, PUBLIC}
    # endowments scale with WCs per good: 1000 at 30000/500 = 60, so 1000·(40/60) here
    assert eco.endowment[eco.kinds == PRIMARY] == pytest.approx(1000 * 40 / 60)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_book_rule_rounds_are_plausible_on_generated_economies(seed: int) -> None:
    eco = generate_economy(3000, 3000, 100, np.random.default_rng(seed))
    r5 = run_plan(eco, 700.0, threshold=0.05, record_history=False)
    r3 = run_plan(eco, 700.0, threshold=0.03, record_history=False)
    # Hahnel (2021) Tables 9.1/9.2 at full scale: 11-13 and 18-22 rounds
    assert r5.converged and 8 <= r5.rounds <= 16
    assert r3.converged and 14 <= r3.rounds <= 26
    assert r3.rounds > r5.rounds


def test_hahnel_scale_reproduces_the_book_tables() -> None:
    """Validation case 11 at full scale (30,000 WCs, 30,000 CCs, 500 goods, seed 1)."""
    eco = generate_economy(30_000, 30_000, 500, np.random.default_rng(1))
    r5 = run_plan(eco, 700.0, threshold=0.05, record_history=False)
    r3 = run_plan(eco, 700.0, threshold=0.03, record_history=False)
    assert 11 <= r5.rounds <= 13
    assert 18 <= r3.rounds <= 22


def test_bad_economies_are_rejected() -> None:
    eco = _tiny()
    bad_start = [0.0, 1.0, 1.0]
    with pytest.raises(PlanError, match="positive"):
        run_plan(eco, bad_start)
    with pytest.raises(PlanError, match="expected 3 prices"):
        run_plan(eco, [1.0, 2.0])
    with pytest.raises(PlanError, match="threshold"):
        run_plan(eco, 10.0, threshold=0.0)
    unproduced = PlanEconomy(**{**eco.__dict__, "wc_output": np.array([0, 0], np.intp)})
    with pytest.raises(PlanError, match="no worker council produces I"):
        check_economy(unproduced)


# --- human-paced variant -------------------------------------------------------------------


def test_pace_limit_bounds() -> None:
    prev = np.array([10.0, 10.0, 10.0, 10.0])
    target = np.array([0.0, 20.0, 0.0, 20.0])
    gap = np.array(4.0)
    # toward_up False: cutting is toward balance (max 0.5·4), raising away (max 0.25·4)
    out = pace_limit(prev, target, gap, np.array([False, False, True, True]))
    assert out.tolist() == [8.0, 11.0, 9.0, 12.0]
    assert pace_limit(prev, prev + 0.5, gap, np.array(True)).tolist() == [10.5] * 4
    assert pace_limit(np.array([1.0]), np.array([0.0]), np.array(10.0), np.array(False)).tolist() == [0.0]


def _village() -> PlanEconomy:
    from game.levels.economy import load_economy, to_plan_economy

    return to_plan_economy(load_economy(VILLAGE))


def test_paced_rounds_respect_the_limits() -> None:
    eco = _village()
    planner = PacedPlanner(eco, np.full(eco.n_goods, 25.0))
    checked_producers = False
    for rnd in range(1, 12):
        prev = (planner.cc_q, planner.y_q, planner.x_q)
        gap = np.abs(planner.demand - planner.supply) / planner.participants
        in_demand = planner.demand > planner.supply
        planner.step()
        targets = planner.targets()  # at the same prices as this round's proposals
        if rnd <= 2:
            np.testing.assert_allclose(planner.cc_q, targets[0])
            np.testing.assert_allclose(planner.y_q, targets[1])
        elif prev[0] is not None:
            g = eco.cc_good
            change = planner.cc_q - prev[0]
            w = eco.cc_count[np.repeat(np.arange(eco.n_cc), np.diff(eco.cc_indptr))]
            toward = np.where(in_demand[g], -change, change)  # cutting helps excess demand
            lim_toward, lim_away = 0.5 * gap[g] * w, 0.25 * gap[g] * w
            assert np.all(toward <= lim_toward + 1e-9)
            assert np.all(-toward <= lim_away + 1e-9)
            if rnd == 3:
                np.testing.assert_allclose(planner.y_q, targets[1])  # producers still free
            else:
                o = eco.wc_output
                dy = planner.y_q - prev[1]
                toward_y = np.where(in_demand[o], dy, -dy)  # more output helps
                assert np.all(toward_y <= 0.5 * gap[o] * eco.wc_count + 1e-9)
                assert np.all(-toward_y <= 0.25 * gap[o] * eco.wc_count + 1e-9)
                checked_producers = True
        planner.update_prices()
    assert checked_producers


@pytest.mark.parametrize("rule", ["book", "program"])
def test_paced_plan_converges_on_the_example_economy(rule: str) -> None:
    eco = _village()
    res = run_plan(eco, 25.0, threshold=0.05, rule=rule, paced=True)  # type: ignore[arg-type]
    assert res.paced and res.converged and res.rounds <= 30
    assert float(excess(res.supply, res.demand).max()) < 0.05


@pytest.mark.parametrize("paced", [False, True])
def test_absurd_prices_fail_cleanly(paced: bool) -> None:
    eco = generate_economy(300, 300, 25, np.random.default_rng(1))
    with pytest.raises(PlanError, match="broke down in round 1"):
        run_plan(eco, 1e300, paced=paced)


def test_unnormalised_weights_are_rejected() -> None:
    eco = _tiny(public=True)
    bad = PlanEconomy(**{**eco.__dict__, "cc_weight": np.array([0.7, 0.7])})
    with pytest.raises(PlanError, match="sum to 1"):
        check_economy(bad)


_SMALL = generate_economy(200, 150, 25, np.random.default_rng(9))


@settings(deadline=None, max_examples=40)
@given(st.lists(st.floats(0.0, 4.0), min_size=25, max_size=25))
def test_proposals_are_finite_and_non_negative_at_any_prices(log10_prices: list) -> None:
    p = 10.0 ** np.array(log10_prices)
    pr = proposals(_SMALL, p)
    for arr in (pr.wc_output, pr.wc_inputs, pr.wc_effort, pr.cc_demand, pr.supply, pr.demand):
        assert np.all(np.isfinite(arr)) and np.all(arr >= 0)
    # consumers spend exactly their incomes
    spent = float(
        np.dot(
            p,
            np.bincount(
                _SMALL.cc_good,
                pr.cc_demand * np.where(_SMALL.kinds[_SMALL.cc_good] == PUBLIC, 1.0 / _SMALL.n_cc_total, 1.0),
                minlength=_SMALL.n_goods,
            ),
        )
    )
    assert spent == pytest.approx(float(_SMALL.cc_income.sum()), rel=1e-9)
    one = run_plan(_SMALL, p, threshold=1.99, max_rounds=1)
    np.testing.assert_allclose(one.supply, pr.supply, rtol=1e-5)
    np.testing.assert_allclose(one.demand, pr.demand, rtol=1e-5)


@pytest.mark.parametrize("paced", [False, True])
def test_unconverged_result_reports_the_last_rounds_prices(paced: bool) -> None:
    eco = generate_economy(300, 300, 25, np.random.default_rng(5))
    res = run_plan(eco, 700.0, threshold=1e-6, max_rounds=5, paced=paced)
    assert not res.converged and res.rounds == 5
    assert res.price_history is not None
    np.testing.assert_array_equal(res.prices, res.price_history[-1])
    if not paced:
        pr = proposals(eco, res.prices)
        np.testing.assert_allclose(res.supply, pr.supply, rtol=1e-5)
        np.testing.assert_allclose(res.demand, pr.demand, rtol=1e-5)


def test_excess_history_is_signed_like_the_price_moves() -> None:
    """Positive excess (demand above supply) is followed by a price rise, negative by a fall."""
    eco = generate_economy(60, 60, 10, np.random.default_rng(4))
    res = run_plan(eco, 700.0, threshold=0.03)
    assert res.price_history is not None and res.excess_history is not None
    moves = np.sign(np.diff(res.price_history, axis=0))
    signs = np.sign(res.excess_history[:-1])
    moved = moves != 0
    assert moved.any()
    assert np.all(moves[moved] == signs[moved])


def test_checks_hand_the_dense_cc_goods_to_the_kernel() -> None:
    """check_economy finds the one row of goods every CC weights (generated economies), the
    kernel takes it instead of looking again, and the plan is the same bit for bit; an
    economy whose councils weight different goods has none."""
    from game.sim.plan_economy import dense_cc_goods
    from game.sim.planning import RoundKernel, plan_with_kernel

    eco = generate_economy(60, 40, 10, np.random.default_rng(3))
    dense = check_economy(eco)
    assert dense is not None and np.array_equal(dense, eco.cc_good[: len(dense)])
    a = plan_with_kernel(RoundKernel(eco, dense), eco, np.full(10, 700.0), 0.05, "book", 200, False)
    b = plan_with_kernel(RoundKernel(eco), eco, np.full(10, 700.0), 0.05, "book", 200, False)
    c = run_plan(eco, 700.0, 0.05, record_history=False)
    assert np.array_equal(a.prices, c.prices) and np.array_equal(a.prices, b.prices)
    goods = eco.cc_good.copy()
    goods[:2] = goods[1::-1]  # the first council lists two goods the other way round
    assert dense_cc_goods(PlanEconomy(**{**eco.__dict__, "cc_good": goods})) is None


def test_an_infinite_cc_weight_is_refused_as_before() -> None:
    eco = generate_economy(60, 40, 10, np.random.default_rng(3))
    w = eco.cc_weight.copy()
    w[5] = np.inf
    with pytest.raises(PlanError, match="every cc_weight must be a finite positive number"):
        check_economy(PlanEconomy(**{**eco.__dict__, "cc_weight": w}))


def test_the_kernels_radix_order_is_the_argsort_order() -> None:
    """The round kernel orders its input entries by good, then WC, with a 16-bit radix sort:
    the same permutation as sorting the combined keys (so plans keep every bit)."""
    from game.sim.plan_kernel import _by_good_then_wc
    from game.sim.planning import RoundKernel

    for eco in (
        generate_economy(300, 50, 40, np.random.default_rng(4)),
        generate_economy(60, 40, 10, np.random.default_rng(3)),
    ):
        k = RoundKernel(eco)
        row_of = np.empty(len(k.col), dtype=np.intp)
        for L, first, n_L, off in k.blocks:
            row_of[off : off + L * n_L] = np.tile(np.arange(first, first + n_L), L)
        want = np.argsort(k.col * eco.n_wc + row_of)
        assert np.array_equal(_by_good_then_wc(k.col, row_of, k.blocks, eco.n_wc, eco.n_goods), want)
