"""The checks' pass over a large economy's CC list in compiled loops (`game.sim.plan_scan_jit`,
numba, when `game.sim.jit` allows): the same economies refused with the same messages in the
same order as numpy's blocks, the same consumer spending to 1e-12 relative, the same bytes
on every run whichever thread read which block; numba never imported by the game's own
economies, nor with PARECON_JIT=0."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import game.sim.plan_economy as plan_economy
from game.sim.planning import (
    SMALL_ECONOMY,
    PlanEconomy,
    PlanError,
    RoundKernel,
    check_economy,
    consumer_spending,
    generate_economy,
    plan_setup,
    run_plan,
    scan_economy,
)

pytest.importorskip("numba")

ROOT = Path(__file__).resolve().parents[2]
LARGE = generate_economy(SMALL_ECONOMY, SMALL_ECONOMY + 3, 40, np.random.default_rng(2))


def _with(eco: PlanEconomy, **arrays: np.ndarray) -> PlanEconomy:
    return PlanEconomy(**{**eco.__dict__, **arrays})


def _scan(eco: PlanEconomy, monkeypatch: pytest.MonkeyPatch, jit: bool) -> plan_economy.Scan:
    monkeypatch.setenv("PARECON_JIT", "1" if jit else "0")
    cc = plan_economy._cc_blocks(eco)
    assert cc is not None and (cc.jit is not None) == jit  # the path the test means
    return scan_economy(eco)


def _refusal(eco: PlanEconomy, monkeypatch: pytest.MonkeyPatch, jit: bool) -> str:
    monkeypatch.setenv("PARECON_JIT", "1" if jit else "0")
    with pytest.raises(PlanError) as err:
        check_economy(eco)
    return str(err.value)


def test_the_compiled_pass_finds_what_numpy_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    fast, slow = _scan(LARGE, monkeypatch, True), _scan(LARGE, monkeypatch, False)
    assert fast.dense is not None and slow.dense is not None and fast.spending is not None
    assert fast.dense.tobytes() == slow.dense.tobytes()
    assert fast.gamma.tobytes() == slow.gamma.tobytes()
    assert slow.spending is not None
    np.testing.assert_allclose(fast.spending, slow.spending, rtol=1e-12, atol=0)
    # the kernel's consumer spending, computed by the pass without the checks, has the same bits
    monkeypatch.setenv("PARECON_JIT", "1")
    assert np.array_equal(consumer_spending(LARGE), RoundKernel(LARGE, fast).W)
    # each council's sum, in the compiled loop's own order, equals numpy's to rounding
    a, b = plan_economy._cc_pass(LARGE), None
    monkeypatch.setenv("PARECON_JIT", "0")
    b = plan_economy._cc_pass(LARGE)
    assert a is not None and b is not None and a.positive and b.positive
    np.testing.assert_allclose(a.sums, b.sums, rtol=0, atol=1e-14)
    np.testing.assert_allclose(a.sums, LARGE.cc_weight.reshape(LARGE.n_cc, -1).sum(axis=1), atol=1e-14)


def test_plans_with_either_pass_take_the_same_rounds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARECON_JIT", "1")
    a = run_plan(LARGE, 700.0, threshold=0.03, record_history=False)
    b = run_plan(LARGE, 700.0, threshold=0.03, record_history=False)
    assert a.prices.tobytes() == b.prices.tobytes()  # the same bytes on every run
    monkeypatch.setenv("PARECON_JIT", "0")
    c = run_plan(LARGE, 700.0, threshold=0.03, record_history=False)
    assert a.converged and a.rounds == c.rounds
    np.testing.assert_allclose(a.prices, c.prices, rtol=1e-6)


@pytest.mark.parametrize("where", [0, 0.5, -1])  # in the first of 17 blocks, one in the middle, the last
@pytest.mark.parametrize(
    ("value", "message"),
    [
        (-0.01, "every cc_weight must be a finite positive number"),
        (0.0, "every cc_weight must be a finite positive number"),
        (-0.0, "every cc_weight must be a finite positive number"),
        (np.inf, "every cc_weight must be a finite positive number"),
        (np.nan, "every cc_weight must be a finite positive number"),
        (0.5, "each consumer council's weights must sum to 1"),
        (1e-300, "each consumer council's weights must sum to 1"),
    ],
)
def test_a_bad_weight_gets_the_same_message_on_both_paths(
    monkeypatch: pytest.MonkeyPatch, where: float, value: float, message: str
) -> None:
    monkeypatch.setattr(plan_economy, "CC_BLOCK", 4096)  # 256 councils a block
    w = LARGE.cc_weight.copy()
    w[int(where * len(w))] = value
    bad = _with(LARGE, cc_weight=w)
    fast, slow = _refusal(bad, monkeypatch, True), _refusal(bad, monkeypatch, False)
    assert fast == slow and fast.startswith(message)
    monkeypatch.setenv("PARECON_JIT", "1")
    with pytest.raises(PlanError, match=message):
        plan_setup(bad)


def test_a_sum_just_outside_the_tolerance_is_refused_on_both_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    """The compiled sum runs in another order than numpy's; a council whose weights sum to
    1 + 2e-9 (beyond the check's 1e-9, far beyond either order's rounding) is refused by
    both, one at 1 + 5e-10 accepted by both."""
    for excess, refused in ((2e-9, True), (-2e-9, True), (5e-10, False), (-5e-10, False)):
        w = LARGE.cc_weight.copy()
        w[-5] += excess  # the last council, read in the last block
        eco = _with(LARGE, cc_weight=w)
        for jit in (True, False):
            monkeypatch.setenv("PARECON_JIT", "1" if jit else "0")
            if refused:
                with pytest.raises(PlanError, match="weights must sum to 1"):
                    check_economy(eco)
            else:
                assert check_economy(eco) is not None


def test_several_faults_get_the_first_message_in_the_usual_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """A negative weight and a council's sum off, and a WC with γ ≥ 1: the positivity of the
    weights is checked first, then the sums, then γ; on both paths."""
    w = LARGE.cc_weight.copy()
    w[-3] = -1.0
    w[50] = 0.9
    c = LARGE.wc_c.copy()
    c[7] = 10.0
    faults = [
        (_with(LARGE, cc_weight=w, wc_c=c), "every cc_weight must be a finite positive number"),
        (_with(LARGE, cc_weight=np.abs(w), wc_c=c), "each consumer council's weights must sum to 1"),
        (_with(LARGE, wc_c=c), "worker council 7 "),
    ]
    for eco, message in faults:
        fast, slow = _refusal(eco, monkeypatch, True), _refusal(eco, monkeypatch, False)
        assert fast == slow and fast.startswith(message)


@pytest.mark.parametrize("goods_dtype", [np.int32, np.int64])
@pytest.mark.parametrize("n_goods", [40, 41])  # 16 and 17 goods per council: odd, no int64 pairs
def test_other_goods_take_the_general_path_on_both(
    monkeypatch: pytest.MonkeyPatch, goods_dtype: type, n_goods: int
) -> None:
    eco = generate_economy(SMALL_ECONOMY, SMALL_ECONOMY + 1, n_goods, np.random.default_rng(5))
    eco = _with(eco, cc_good=eco.cc_good.astype(goods_dtype))
    m = len(eco.cc_good) // eco.n_cc
    assert m % 2 == n_goods % 2
    fast, slow = _scan(eco, monkeypatch, True), _scan(eco, monkeypatch, False)
    assert fast.dense is not None and slow.dense is not None
    assert fast.spending is not None and slow.spending is not None
    np.testing.assert_allclose(fast.spending, slow.spending, rtol=1e-12)
    goods, w = eco.cc_good.copy(), eco.cc_weight.copy()
    k = (eco.n_cc // 2) * m  # a council in the middle lists two goods the other way round
    goods[k : k + 2], w[k : k + 2] = goods[k : k + 2][::-1], w[k : k + 2][::-1]
    swapped = _with(eco, cc_good=goods, cc_weight=w)
    for jit in (True, False):
        scan = _scan(swapped, monkeypatch, jit)
        assert scan.dense is None and scan.spending is None
        np.testing.assert_allclose(RoundKernel(swapped, scan).W, RoundKernel(eco, slow).W, rtol=1e-12)
    goods[k] = eco.n_goods  # a good that does not exist
    bad = _with(eco, cc_good=goods)
    assert _refusal(bad, monkeypatch, True) == _refusal(bad, monkeypatch, False)


def test_arrays_the_loop_cannot_take_go_to_numpy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Weights that are a strided view or not float64 take numpy's blocks (the same checks)."""
    monkeypatch.setenv("PARECON_JIT", "1")
    strided = np.repeat(LARGE.cc_weight, 2)[::2]
    assert np.array_equal(strided, LARGE.cc_weight) and not strided.flags.c_contiguous
    w32 = LARGE.cc_weight.astype(np.float32)
    for eco in (_with(LARGE, cc_weight=strided), _with(LARGE, cc_weight=w32)):
        cc = plan_economy._cc_blocks(eco)
        assert cc is not None and cc.jit is None
    a, b = scan_economy(_with(LARGE, cc_weight=strided)).spending, scan_economy(LARGE).spending
    assert a is not None and b is not None
    np.testing.assert_allclose(a, b, rtol=1e-12)


def test_many_blocks_give_the_same_bytes_whoever_reads_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """A thousand blocks: the two threads interleave differently from run to run; the
    compiled pass gives the same bytes each time, and an error in any block is raised."""
    one = _scan(LARGE, monkeypatch, True)
    monkeypatch.setattr(plan_economy, "CC_BLOCK", 64)
    runs = [_scan(LARGE, monkeypatch, True) for _ in range(5)]
    assert one.spending is not None
    for scan in runs:
        assert scan.spending is not None and runs[0].spending is not None
        assert scan.spending.tobytes() == runs[0].spending.tobytes()
        np.testing.assert_allclose(scan.spending, one.spending, rtol=1e-12)
    w = LARGE.cc_weight.copy()
    w[len(w) // 2 + 7] = np.nan
    assert _refusal(_with(LARGE, cc_weight=w), monkeypatch, True).startswith("every cc_weight must be")


def test_the_game_and_runs_without_the_compiled_loops_never_import_numba() -> None:
    code = (
        "import os, sys, numpy as np\n"
        "from game.sim.planning import generate_economy, run_plan, SMALL_ECONOMY\n"
        "small = generate_economy(60, SMALL_ECONOMY - 1, 20, np.random.default_rng(1))\n"
        "run_plan(small, 700.0, threshold=0.05)\n"
        "print('numba' in sys.modules)\n"
        "os.environ['PARECON_JIT'] = '0'\n"
        "large = generate_economy(60, SMALL_ECONOMY, 20, np.random.default_rng(1))\n"
        "run_plan(large, 700.0, threshold=0.05)\n"
        "print('numba' in sys.modules)\n"
        "os.environ['PARECON_JIT'] = '1'\n"
        "run_plan(large, 700.0, threshold=0.05)\n"
        "print('numba' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["False", "False", "True"]


def test_a_sum_near_the_tolerance_is_decided_by_the_fixed_order() -> None:
    """`cc_block`'s sums: the vectorised sum, whose order depends on the machine, far from
    the check's tolerance; the fixed-order `lane_sum` within the band where two orders could
    disagree (8·m·u·s), so the check's outcome is the same on every machine."""
    from game.sim.plan_scan_jit import UNIT, cc_block, lane_sum

    def block_sums(x: np.ndarray, atol: float) -> np.ndarray:
        """Three councils weighting x's goods with weights x, through `cc_block`."""
        m = len(x)
        goods = np.tile(np.arange(m), 3)
        sums, part = np.zeros(3), np.zeros(m)
        found = cc_block(goods, goods[:m].copy(), np.tile(x, 3), np.ones(3), 0, 3, True, atol, part, sums)
        assert found == 0
        return sums

    rng = np.random.default_rng(3)
    atol = 1e-9
    for m in (7, 200, 1001):
        x = rng.uniform(0.5, 1.5, m)
        x /= x.sum()
        fixed = lane_sum(x)  # its definition: eight lanes, added pairwise, then the rest
        lanes = [sum(x[k : m - m % 8 : 8].tolist(), 0.0) for k in range(8)]
        want = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + (
            (lanes[4] + lanes[5]) + (lanes[6] + lanes[7])
        )
        for v in x[m - m % 8 :].tolist():
            want += v
        assert fixed == want
        assert np.all(np.abs(block_sums(x, atol) - fixed) <= 4 * m * UNIT)  # far from the band: any order
        for side in (-1.0, 1.0):  # moved to within 1e-15 of 1 ± atol
            y = x.copy()
            y[0] += side * atol + (1.0 - fixed)
            assert abs(abs(lane_sum(y) - 1.0) - atol) < 8 * m * UNIT
            assert block_sums(y, atol).tolist() == [lane_sum(y)] * 3


def test_the_caller_reads_a_block_the_thread_holds_rather_than_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """The second thread takes a block and stalls (as on a loaded machine, waiting for a
    core): the caller reads that block too and returns without waiting, with the same
    bytes as an undisturbed pass."""
    import threading
    import time

    one = _scan(LARGE, monkeypatch, True)
    monkeypatch.setattr(plan_economy, "CC_BLOCK", 4096)  # 17 blocks
    real = plan_economy._cc_block
    release = threading.Event()

    def stalling(cc: plan_economy._CCBlocks, k: int) -> bool:
        if threading.current_thread() is not threading.main_thread():
            release.wait(10.0)  # the thread holds its first block until the test ends
        return real(cc, k)

    monkeypatch.setattr(plan_economy, "_cc_block", stalling)
    t0 = time.perf_counter()
    scan = _scan(LARGE, monkeypatch, True)
    took = time.perf_counter() - t0
    release.set()
    assert took < 5.0  # not the thread's 10 s
    assert scan.spending is not None and one.spending is not None
    np.testing.assert_allclose(scan.spending, one.spending, rtol=1e-12)
    monkeypatch.setattr(plan_economy, "_cc_block", real)
    again = _scan(LARGE, monkeypatch, True)
    assert again.spending is not None and scan.spending.tobytes() == again.spending.tobytes()
