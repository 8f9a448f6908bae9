"""The compiled round (`FusedKernel`, numba) for plans of SMALL_ECONOMY worker councils or
more: the same round as numpy's `RoundKernel` up to rounding, the same plans (rounds and
prices), the same bytes on every run, the same refusals; numpy's kernel wherever numba is
off or absent and for the game's own economies; and numba never imported by the game."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import game.sim.plan_kernel as plan_kernel
from game.sim.planning import (
    SMALL_ECONOMY,
    PlanEconomy,
    PlanError,
    RoundKernel,
    _update,
    generate_economy,
    plan_setup,
    plan_with_kernel,
    proposals,
    run_plan,
)

numba = pytest.importorskip("numba")
from game.sim.plan_fused import FusedKernel  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
# above SMALL_ECONOMY worker councils, few consumer councils (their pass is not tested here)
ECO = generate_economy(SMALL_ECONOMY + 404, 300, 60, np.random.default_rng(11))


def _with(eco: PlanEconomy, **arrays: np.ndarray) -> PlanEconomy:
    return PlanEconomy(**{**eco.__dict__, **arrays})


def _numpy_plan(monkeypatch: pytest.MonkeyPatch, *args: object, **kw: object) -> object:
    with monkeypatch.context() as m:
        m.setenv("PARECON_JIT", "0")
        return run_plan(*args, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("endowed", [True, False])
def test_a_compiled_round_is_numpys_round_and_the_councils_proposals(
    endowed: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Supply and demand values at random prices: the councils' proposals recomputed one by
    one (float64 throughout) and numpy's round with a float64 exponential, to 1e-9; numpy's
    round as it runs (float32 exponential above SMALL_ECONOMY) to 1e-5."""
    eco = ECO if endowed else _with(ECO, endowment=np.zeros(ECO.n_goods))  # kernels do not check
    p = np.random.default_rng(8).uniform(300, 1200, eco.n_goods)
    fused = FusedKernel(eco)
    S, D = (a.copy() for a in fused.values(p))
    pr = proposals(eco, p)
    if endowed:  # proposals() counts endowments in supply
        np.testing.assert_allclose(S, pr.supply * p, rtol=1e-9)
    np.testing.assert_allclose(D, pr.demand * p, rtol=1e-9)
    numpy_kernel = RoundKernel(eco)
    S32, D32 = (a.copy() for a in numpy_kernel.values(p))
    np.testing.assert_allclose(S, S32, rtol=1e-5)
    np.testing.assert_allclose(D, D32, rtol=1e-5)
    monkeypatch.setattr(RoundKernel, "_exp", lambda self, u: np.exp(u, out=self.R))
    S64, D64 = numpy_kernel.values(p)
    np.testing.assert_allclose(S, S64, rtol=1e-9)
    np.testing.assert_allclose(D, D64, rtol=1e-9)
    assert not np.array_equal(S, S32)  # a different computation, not numpy's in disguise
    # the excess ratios and the price rule: numpy's arithmetic on the same values
    v = fused.excess(S, D).copy()
    assert v.tobytes() == numpy_kernel.excess(S, D).tobytes()
    for rule in ("book", "program"):
        q1, q2 = p.copy(), p.copy()
        m1 = fused.update(q1, S, D, v, rule, None)
        m2 = _update(q2, S, D, v, rule, None)
        np.testing.assert_allclose(q1, q2, rtol=1e-15)
        if rule == "program":  # the next multiplier, and a step with it
            assert m1 is not None and m2 is not None and m1.tobytes() == m2.tobytes()
            fused.update(q1, S, D, v, rule, m1)
            _update(q2, S, D, v, rule, m2)
            np.testing.assert_allclose(q1, q2, rtol=1e-15)
        else:
            assert m1 is None and m2 is None


@pytest.mark.parametrize("rule", ["book", "program"])
def test_a_compiled_plan_takes_numpys_rounds_to_numpys_prices(
    rule: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert isinstance(plan_setup(ECO), FusedKernel)
    a = run_plan(ECO, 700.0, threshold=0.03, rule=rule)  # type: ignore[arg-type]
    b = _numpy_plan(monkeypatch, ECO, 700.0, threshold=0.03, rule=rule)
    assert a.converged and a.rounds == b.rounds > 5  # type: ignore[attr-defined]
    np.testing.assert_allclose(a.prices, b.prices, rtol=1e-6)  # type: ignore[attr-defined]
    np.testing.assert_allclose(a.max_excess, b.max_excess, rtol=1e-4)  # type: ignore[attr-defined]
    assert a.price_history is not None and a.price_history.shape == (a.rounds, ECO.n_goods)
    assert a.excess_history is not None and float(np.abs(a.excess_history[-1]).max()) < 0.03
    pr = proposals(ECO, a.prices)  # the plan is what the councils propose at its prices
    np.testing.assert_allclose(a.supply, pr.supply, rtol=1e-9)
    np.testing.assert_allclose(a.demand, pr.demand, rtol=1e-9)


def test_two_compiled_plans_give_the_same_bytes() -> None:
    runs = [run_plan(ECO, 700.0, threshold=0.03) for _ in range(2)]
    for name in ("prices", "supply", "demand", "max_excess", "price_history", "excess_history"):
        assert getattr(runs[0], name).tobytes() == getattr(runs[1], name).tobytes(), name


def test_a_refitted_kernel_plans_as_a_fresh_one() -> None:
    """The council sector's way: the same councils with new productivities."""
    kern = plan_setup(ECO)
    plan_with_kernel(kern, ECO, np.full(ECO.n_goods, 700.0), 0.03, "book", 1000, False)
    richer = _with(ECO, wc_A=ECO.wc_A * np.random.default_rng(3).uniform(1.0, 1.2, ECO.n_wc))
    kern.refit(richer)
    a = plan_with_kernel(kern, richer, np.full(ECO.n_goods, 700.0), 0.03, "book", 1000, False)
    b = run_plan(richer, 700.0, threshold=0.03, record_history=False)
    assert a.rounds == b.rounds and a.prices.tobytes() == b.prices.tobytes()


def test_the_compiled_path_refuses_what_numpys_refuses() -> None:
    bad = ECO.wc_c.copy()
    bad[7] = 10.0
    with pytest.raises(PlanError, match="worker council 7 .* must be < 1"):
        plan_setup(_with(ECO, wc_c=bad))
    b = ECO.wc_b.copy()
    b[-1] = -0.1  # log of a negative exponent in the compiled pass: the checks speak first
    with pytest.raises(PlanError, match="every wc_b must be a finite positive number"):
        run_plan(_with(ECO, wc_b=b), 700.0)
    for A in (1e300, 1e-300):  # quantities overflow; they vanish (0/0 in the excess)
        with pytest.raises(PlanError, match="the plan broke down in round 1"):
            run_plan(_with(ECO, wc_A=np.full(ECO.n_wc, A)), 700.0)


def test_numpys_kernel_runs_without_numba_for_small_economies_and_when_turned_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    small = generate_economy(SMALL_ECONOMY - 1, 50, 40, np.random.default_rng(2))
    assert type(plan_setup(small)) is RoundKernel  # the game's economies: never compiled
    assert type(plan_setup(ECO)) is FusedKernel
    with monkeypatch.context() as m:
        m.setenv("PARECON_JIT", "0")
        assert type(plan_setup(ECO)) is RoundKernel
    monkeypatch.setattr(plan_kernel, "jit_enabled", lambda: False)  # as without numba
    assert type(plan_setup(ECO)) is RoundKernel


def test_numba_without_its_module_is_not_enabled(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from game.sim import jit

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "numba" else real(name, *a)
    )
    assert not jit.jit_enabled()
    monkeypatch.undo()
    assert jit.jit_enabled()


def test_a_numba_that_does_not_import_turns_the_compiled_loops_off() -> None:
    """numba refuses a numpy newer than it supports with an ImportError at import: the plan
    runs numpy's loops, with one warning that says why (in a subprocess: the import is
    remembered)."""
    code = (
        "import builtins, warnings, numpy as np\n"
        "real = builtins.__import__\n"
        "def fake(name, *a, **k):\n"
        "    if name.split('.')[0] == 'numba':\n"
        "        raise ImportError('Numba needs NumPy 2.3 or less')\n"
        "    return real(name, *a, **k)\n"
        "builtins.__import__ = fake\n"
        "import game.sim.planning as pl\n"
        "eco = pl.generate_economy(pl.SMALL_ECONOMY, 50, 20, np.random.default_rng(1))\n"
        "with warnings.catch_warnings(record=True) as seen:\n"
        "    warnings.simplefilter('always')\n"
        "    print(type(pl.plan_setup(eco)).__name__, pl.run_plan(eco, 700.0).converged)\n"
        "    pl.run_plan(eco, 700.0)\n"
        "print(len(seen), seen[0].message)\n"
    )
    env = {**os.environ, "PARECON_JIT": "1"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    first, second = out.stdout.splitlines()
    assert first == "RoundKernel True"
    assert second.startswith("1 numba is installed but does not import (ImportError: Numba needs NumPy")


def test_the_game_never_imports_numba() -> None:
    """Importing the planning code and planning the game's economies loads no numba; a plan
    of Hahnel's kind does (so the check can fail)."""
    code = (
        "import sys, numpy as np, game.sim.planning as pl, game.sim.engine\n"
        "pl.run_plan(pl.generate_economy(500, 50, 20, np.random.default_rng(1)), 700.0)\n"
        "print('numba' in sys.modules)\n"
        "pl.run_plan(pl.generate_economy(pl.SMALL_ECONOMY, 50, 20, np.random.default_rng(1)), 700.0)\n"
        "print('numba' in sys.modules)\n"
    )
    env = {**os.environ, "PARECON_JIT": "1"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, env=env
    )
    assert out.stdout.split() == ["False", "True"]
