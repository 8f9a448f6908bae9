"""The plan's set-up for large economies (SMALL_ECONOMY councils or more): the checks read
the CC list once (in blocks, read by two threads) and hand consumer spending and γ to the
round kernel, which keeps one copy of the input list (no copy sorted by good). The same
economies must be refused with the same messages, and the plan must be the councils'
proposals, whichever path computed it."""

from __future__ import annotations

import numpy as np
import pytest

from game.sim.planning import (
    SMALL_ECONOMY,
    PlanEconomy,
    PlanError,
    RoundKernel,
    check_economy,
    consumer_spending,
    excess,
    generate_economy,
    plan_setup,
    proposals,
    run_plan,
    scan_economy,
)

LARGE = generate_economy(SMALL_ECONOMY, SMALL_ECONOMY + 3, 40, np.random.default_rng(2))


def _with(eco: PlanEconomy, **arrays: np.ndarray) -> PlanEconomy:
    return PlanEconomy(**{**eco.__dict__, **arrays})


def _spending_by_scatter(eco: PlanEconomy) -> np.ndarray:
    """W_g summed entry by entry, the general path's way (no goods row)."""
    lens = np.diff(eco.cc_indptr)
    f = np.repeat(eco.cc_count * eco.cc_income, lens)
    return np.bincount(eco.cc_good, f * eco.cc_weight, minlength=eco.n_goods)


def test_a_large_economy_is_scanned_once_and_planned_as_its_councils_propose() -> None:
    scan = scan_economy(LARGE)
    assert scan.dense is not None and scan.spending is not None
    assert np.array_equal(scan.gamma, LARGE.wc_gamma())
    np.testing.assert_allclose(RoundKernel(LARGE, scan).W, _spending_by_scatter(LARGE), rtol=1e-12)
    # the kernel that looks for itself computes the same bits as the one handed the scan
    assert np.array_equal(RoundKernel(LARGE).W, RoundKernel(LARGE, scan).W)
    assert np.array_equal(consumer_spending(LARGE), RoundKernel(LARGE, scan).W)
    a = run_plan(LARGE, 700.0, threshold=0.03, record_history=False)
    b = run_plan(LARGE, 700.0, threshold=0.03, record_history=False)
    assert a.converged and a.rounds == b.rounds
    assert a.prices.tobytes() == b.prices.tobytes()  # the thread changes nothing
    pr = proposals(LARGE, a.prices)  # recomputed council by council at the final prices
    np.testing.assert_allclose(a.supply, pr.supply, rtol=1e-5)
    np.testing.assert_allclose(a.demand, pr.demand, rtol=1e-5)
    assert float(excess(pr.supply, pr.demand).max()) < 0.03


def test_one_round_of_a_large_economy_is_the_councils_proposals() -> None:
    kern = RoundKernel(LARGE)
    assert not kern.by_good and len(kern.rows_g) == 0  # one copy of the inputs
    assert [len(a) for a in kern.arrays()] == [len(a) for a in kern.inputs()]
    p = np.random.default_rng(8).uniform(300, 1200, LARGE.n_goods)
    pr = proposals(LARGE, p)
    one = run_plan(LARGE, p, threshold=1.99, max_rounds=1)
    np.testing.assert_allclose(one.supply, pr.supply, rtol=1e-5)
    np.testing.assert_allclose(one.demand, pr.demand, rtol=1e-5)


@pytest.mark.parametrize("where", [0, -1])  # in the first half and in the thread's half
@pytest.mark.parametrize(
    ("value", "message"),
    [
        (-0.01, "every cc_weight must be a finite positive number"),
        (0.0, "every cc_weight must be a finite positive number"),
        (np.inf, "every cc_weight must be a finite positive number"),
        (np.nan, "every cc_weight must be a finite positive number"),
        (0.5, "each consumer council's weights must sum to 1"),
    ],
)
def test_the_single_pass_refuses_what_the_checks_refuse(where: int, value: float, message: str) -> None:
    w = LARGE.cc_weight.copy()
    w[where] = value
    with pytest.raises(PlanError, match=message):
        check_economy(_with(LARGE, cc_weight=w))


def test_councils_that_weight_other_goods_take_the_general_path() -> None:
    """The last council lists its goods in another order (still a valid economy): no goods
    row, spending summed entry by entry, and the plan the same up to rounding."""
    m = len(LARGE.cc_good) // LARGE.n_cc
    goods, w = LARGE.cc_good.copy(), LARGE.cc_weight.copy()
    goods[-m:] = goods[-m:][::-1]
    w[-m:] = w[-m:][::-1]
    other = _with(LARGE, cc_good=goods, cc_weight=w)
    scan = scan_economy(other)
    assert scan.dense is None and scan.spending is None
    np.testing.assert_allclose(RoundKernel(other, scan).W, RoundKernel(LARGE).W, rtol=1e-12)
    a = run_plan(other, 700.0, threshold=0.03, record_history=False)
    b = run_plan(LARGE, 700.0, threshold=0.03, record_history=False)
    assert a.rounds == b.rounds
    np.testing.assert_allclose(a.prices, b.prices, rtol=1e-9)
    bad = goods.copy()
    bad[-1] = LARGE.n_goods  # a good that does not exist, in the thread's half
    with pytest.raises(PlanError, match="cc entries refer to goods that do not exist"):
        check_economy(_with(LARGE, cc_good=bad))


def test_an_error_in_a_block_reaches_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks of the CC list are read by two threads, each taking the next one: what goes
    wrong in any block, whichever thread read it, is raised in the caller, never a plan
    with part of consumer spending missing."""
    import game.sim.plan_economy as plan_economy

    real = plan_economy._cc_block

    def failing(cc: object, k: int) -> bool:
        if k > 0:
            raise MemoryError("a later block")
        return real(cc, k)  # type: ignore[arg-type]

    monkeypatch.setattr(plan_economy, "CC_BLOCK", 64)  # blocks of 4 councils: a thousand blocks
    monkeypatch.setattr(plan_economy, "_cc_block", failing)
    with pytest.raises(MemoryError, match="a later block"):
        scan_economy(LARGE)
    with pytest.raises(MemoryError, match="a later block"):
        plan_setup(LARGE)


def test_many_blocks_add_up_in_block_order_whoever_reads_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a thousand blocks the two threads interleave differently from run to run; the
    sums are the same bytes each time, and the same as one block's up to rounding."""
    import game.sim.plan_economy as plan_economy

    one = scan_economy(LARGE)
    monkeypatch.setattr(plan_economy, "CC_BLOCK", 64)
    runs = [scan_economy(LARGE) for _ in range(5)]
    for scan in runs:
        assert scan.spending is not None and one.spending is not None and runs[0].spending is not None
        assert scan.spending.tobytes() == runs[0].spending.tobytes()
        np.testing.assert_allclose(scan.spending, one.spending, rtol=1e-12)
    w = LARGE.cc_weight.copy()
    w[len(w) // 2] = -1.0  # in a block in the middle
    with pytest.raises(PlanError, match="every cc_weight must be a finite positive number"):
        check_economy(_with(LARGE, cc_weight=w))


@pytest.mark.parametrize("eco", [LARGE, generate_economy(60, 50, 20, np.random.default_rng(4))])
def test_the_overlapped_set_up_builds_the_same_kernel(
    eco: PlanEconomy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`plan_setup` lays out the kernel while the CC list is read: the same arrays, to the
    bit, as the checks followed by the kernel; and the same refusals. (numpy's kernel:
    the compiled one, which large economies take with numba, in test_plan_fused.py.)"""
    monkeypatch.setenv("PARECON_JIT", "0")
    a, b = plan_setup(eco), RoundKernel(eco, scan_economy(eco))
    assert isinstance(a, RoundKernel)
    for x, y in zip(a.inputs() + [a.perm], b.inputs() + [b.perm], strict=True):
        assert x.tobytes() == y.tobytes()
    assert a.blocks == b.blocks
    gamma_bad = eco.wc_c.copy()
    gamma_bad[3] = 10.0
    with pytest.raises(PlanError, match="worker council 3 .* must be < 1"):
        plan_setup(_with(eco, wc_c=gamma_bad))
    w = eco.cc_weight.copy()
    w[-1] = np.nan
    with pytest.raises(PlanError, match="every cc_weight must be a finite positive number"):
        plan_setup(_with(eco, cc_weight=w))
