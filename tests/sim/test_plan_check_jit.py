"""The compiled set-up of a plan of SMALL_ECONOMY worker councils or more (`fused_layout`:
the kernel's order and copy of the input list, and the checks' questions about the council
arrays, `WCFacts`, from `game.sim.plan_check_jit`): the same layout as sorting and copying
in numpy, the same answers as numpy's reductions, and every economy refused with the same
message as with PARECON_JIT=0, the first of several faults first."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from game.sim.planning import (
    PRIMARY,
    PUBLIC,
    SMALL_ECONOMY,
    PlanEconomy,
    PlanError,
    generate_economy,
    plan_setup,
)

pytest.importorskip("numba")
from game.sim.plan_economy import FACT_ARRAYS, ScanJob, WCFacts  # noqa: E402
from game.sim.plan_fused import FusedKernel, fused_layout  # noqa: E402

# the compiled WC side; few consumer councils (numpy's CC path) ...
ECO = generate_economy(SMALL_ECONOMY + 404, 300, 60, np.random.default_rng(11))
# ... and enough of them for the compiled CC pass too
BOTH = generate_economy(SMALL_ECONOMY, SMALL_ECONOMY + 3, 40, np.random.default_rng(2))


def _with(eco: PlanEconomy, **arrays: np.ndarray) -> PlanEconomy:
    return PlanEconomy(**{**eco.__dict__, **arrays})


def _set(eco: PlanEconomy, name: str, where: int, value: float) -> PlanEconomy:
    arr = getattr(eco, name).copy()
    arr[where] = value
    return _with(eco, **{name: arr})


def _refusal(eco: PlanEconomy, monkeypatch: pytest.MonkeyPatch, jit: bool) -> str:
    monkeypatch.setenv("PARECON_JIT", "1" if jit else "0")
    with pytest.raises(PlanError) as err:
        plan_setup(eco)
    return str(err.value)


def _facts(eco: PlanEconomy) -> WCFacts:
    with np.errstate(all="ignore"):  # as plan_setup: the values are not checked yet
        return fused_layout(eco).facts


def test_the_compiled_layout_is_the_sorted_copy_of_the_input_list() -> None:
    lay = fused_layout(ECO)
    lens = np.diff(ECO.wc_indptr)
    assert np.array_equal(lay.perm, np.argsort(lens, kind="stable"))
    rows = [np.arange(ECO.wc_indptr[i], ECO.wc_indptr[i + 1]) for i in lay.perm]
    order = np.concatenate(rows)
    assert np.array_equal(lay.indptr, np.concatenate([[0], np.cumsum(lens[lay.perm])]))
    assert np.array_equal(lay.col, ECO.wc_input[order]) and lay.col.dtype == np.uint32
    assert lay.b.tobytes() == ECO.wc_b[order].tobytes()
    assert lay.out.tolist() == ECO.wc_output[lay.perm].tolist()
    np.testing.assert_allclose(lay.gamma, ECO.wc_gamma(), rtol=1e-15, atol=0)
    blogb = np.add.reduceat(ECO.wc_b * np.log(ECO.wc_b), ECO.wc_indptr[:-1])
    np.testing.assert_allclose(lay.sblogb, blogb, rtol=1e-14, atol=1e-15)


@pytest.mark.parametrize("eco", [ECO, BOTH, generate_economy(60, 40, 10, np.random.default_rng(3))])
def test_the_compiled_passes_answer_as_numpys_reductions(eco: PlanEconomy) -> None:
    facts = fused_layout(eco).facts
    assert facts.bits == 0 and facts.output_ok and facts.first_primary == -1
    uses = np.zeros(eco.n_goods, dtype=bool)
    uses[eco.wc_input] = True
    produced = np.zeros(eco.n_goods, dtype=bool)
    produced[eco.wc_output] = True
    assert np.array_equal(facts.wc_uses, uses) and np.array_equal(facts.produced, produced)
    # each array's bit is its own: a bad entry in one sets that bit alone
    for bit, name in enumerate(FACT_ARRAYS):
        for value in (np.nan, np.inf, -np.inf, 0.0, -0.0, -1.0):
            where = len(getattr(eco, name)) - 1
            assert _facts(_set(eco, name, where, value)).bits == 1 << bit, (name, value)
    primary = int(np.flatnonzero(eco.kinds == PRIMARY)[0])
    late = _set(eco, "wc_output", eco.n_wc - 1, primary)
    late = _set(late, "wc_output", 3, primary)
    assert _facts(late).first_primary == 3
    for value in (-1, eco.n_goods):
        assert not _facts(_set(eco, "wc_output", eco.n_wc - 1, value)).output_ok
    # and `finish` takes them: a sound economy passes
    lay = fused_layout(eco)
    assert ScanJob(eco).finish(lay.gamma, lay.facts).gamma is lay.gamma


Fault = Callable[[PlanEconomy], PlanEconomy]


def _public_input(eco: PlanEconomy) -> PlanEconomy:
    inputs = eco.wc_input.copy()
    inputs[-1] = int(np.flatnonzero(eco.kinds == PUBLIC)[0])
    return _with(eco, wc_input=inputs)


def _nobody_produces(eco: PlanEconomy) -> PlanEconomy:
    out = eco.wc_output.copy()
    lost = out[-1]
    out[out == lost] = out[0] if out[0] != lost else out[1]
    return _with(eco, wc_output=out)


def _unwanted(eco: PlanEconomy) -> PlanEconomy:
    """An intermediate good that no WC takes as an input any more."""
    inputs = eco.wc_input.copy()
    lost = inputs[0]
    inputs[inputs == lost] = next(g for g in inputs if g != lost)
    return _with(eco, wc_input=inputs)


def _weights_off(scale: float, where: int = -1) -> Fault:
    def fault(eco: PlanEconomy) -> PlanEconomy:
        w = eco.cc_weight.copy()
        i = eco.n_cc + where if where < 0 else where
        w[eco.cc_indptr[i] : eco.cc_indptr[i + 1]] *= scale
        return _with(eco, cc_weight=w)

    return fault


def _bad_entry(name: str, value: float) -> Fault:
    return lambda e: _set(e, name, len(getattr(e, name)) // 2, value)


FAULTS: dict[str, Fault] = {
    **{f"{n} {v}": _bad_entry(n, v) for n in FACT_ARRAYS for v in (np.nan, np.inf, 0.0, -0.0, -2.0)},
    "cc_weight inf": lambda e: _set(e, "cc_weight", 7, np.inf),
    "cc_weight nan": lambda e: _set(e, "cc_weight", len(e.cc_weight) - 1, np.nan),
    "sum 1 + 2e-9": _weights_off(1.0 + 2e-9),
    "sum 1 - 2e-9 first": _weights_off(1.0 - 2e-9, 0),
    "output -1": lambda e: _set(e, "wc_output", 5, -1),
    "output past the goods": lambda e: _set(e, "wc_output", e.n_wc - 1, e.n_goods),
    "output primary": lambda e: _set(e, "wc_output", 9, int(np.flatnonzero(e.kinds == PRIMARY)[0])),
    "gamma": lambda e: _set(e, "wc_c", 11, 10.0),
    "public input": _public_input,
    "nobody produces": _nobody_produces,
    "unwanted": _unwanted,
    # several faults at once: the first in the checks' order speaks
    "A and output": lambda e: _set(_set(e, "wc_output", 0, -1), "wc_A", e.n_wc - 1, np.nan),
    "sum and cc_count": lambda e: _set(_weights_off(3.0)(e), "cc_count", 0, 0.0),
    "sum and a nan weight": lambda e: _set(
        _weights_off(3.0, 0)(e), "cc_weight", len(e.cc_weight) - 1, np.nan
    ),
    "public input and primary output": lambda e: _public_input(
        _set(e, "wc_output", e.n_wc - 1, int(np.flatnonzero(e.kinds == PRIMARY)[0]))
    ),
    "wc_b and wc_count": lambda e: _set(_set(e, "wc_b", 0, 0.0), "wc_count", e.n_wc - 1, np.inf),
}


@pytest.mark.parametrize("eco", [ECO, BOTH], ids=["wc", "wc+cc"])
@pytest.mark.parametrize("fault", list(FAULTS), ids=list(FAULTS))
def test_the_compiled_set_up_refuses_what_numpys_refuses(
    eco: PlanEconomy, fault: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = FAULTS[fault](eco)
    monkeypatch.setenv("PARECON_JIT", "1")
    assert type(plan_setup(eco)) is FusedKernel  # the compiled path is the one tested
    assert _refusal(bad, monkeypatch, True) == _refusal(bad, monkeypatch, False)
