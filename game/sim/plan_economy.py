"""The planning procedure's economy: councils and goods as flat arrays (`PlanEconomy`), the
good kinds, the price rules' names, and the checks an economy must pass. Part of
`game.sim.planning` (read its docstring first)."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Literal, NamedTuple

import numpy as np

from game.sim.jit import jit_enabled

# Good kinds, as small integer codes in PlanEconomy.kinds.
FINAL, INTERMEDIATE, PRIMARY, PUBLIC = 0, 1, 2, 3
KIND_NAMES: tuple[str, ...] = ("final", "intermediate", "primary", "public")
KIND_CODES: dict[str, int] = {name: code for code, name in enumerate(KIND_NAMES)}

Rule = Literal["book", "program"]
RULES: tuple[str, ...] = ("book", "program")
STEP_CAP = 0.25  # the cap on v in the multiplier (Hahnel 2021 p. 181)
SMALL_ECONOMY = 4096  # below this many WCs a round's exp runs in float64 (see RoundKernel._exp)
CC_BLOCK = 1 << 17  # CC entries per block of `_cc_pass` (1 MB of weights: stays in cache)
PROGRAM_FLOOR = 0.001  # the program variant never moves a price by less than 0.1%
WEIGHT_SUM_ATOL = 1e-9  # a consumer council's weights must sum to 1 within this


class PlanError(ValueError):
    """An economy the procedure cannot run (γ ≥ 1, a good nobody produces, bad arrays...)."""


# --------------------------------------------------------------------------------------
# The economy
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class PlanEconomy:
    """An economy as the planning procedure sees it: goods, WCs and CCs as flat arrays.

    WC inputs and CC weights use a CSR layout: council i's entries are
    `[indptr[i], indptr[i+1])` of the index/value arrays. CC weights are normalised so
    each council's weights sum to 1 (see `normalise_weights`). `*_count` are multiplicity
    weights (a float so that a scenario may scale a council type without copying it).
    """

    good_ids: tuple[str, ...]
    kinds: np.ndarray  # int8, (G,) FINAL | INTERMEDIATE | PRIMARY | PUBLIC
    endowment: np.ndarray  # float64, (G,) supply of primary goods; 0 for the others
    wc_output: np.ndarray  # intp, (n_wc,) index of the good each WC produces
    wc_A: np.ndarray  # float64, (n_wc,) productivity
    wc_c: np.ndarray  # float64, (n_wc,) effort exponent in the production function
    wc_s: np.ndarray  # float64, (n_wc,) disutility scale of effort
    wc_k: np.ndarray  # float64, (n_wc,) disutility exponent of effort
    wc_count: np.ndarray  # float64, (n_wc,) multiplicity
    wc_indptr: np.ndarray  # intp, (n_wc+1,)
    wc_input: np.ndarray  # intp, (nnz,) input good index
    wc_b: np.ndarray  # float64, (nnz,) input exponent
    cc_income: np.ndarray  # float64, (n_cc,)
    cc_count: np.ndarray  # float64, (n_cc,) multiplicity
    cc_indptr: np.ndarray  # intp, (n_cc+1,)
    cc_good: np.ndarray  # intp or int32, (nnz_cc,) final or public good index
    cc_weight: np.ndarray  # float64, (nnz_cc,) normalised Cobb-Douglas exponent

    @property
    def n_goods(self) -> int:
        return len(self.good_ids)

    @property
    def n_wc(self) -> int:
        return int(self.wc_output.shape[0])

    @property
    def n_cc(self) -> int:
        return int(self.cc_income.shape[0])

    @property
    def n_cc_total(self) -> float:
        """Number of consumer councils counting multiplicity (N_cc of the public-good rule)."""
        return float(self.cc_count.sum())

    def wc_gamma(self) -> np.ndarray:
        """γ_i = Σb + c/k for every WC; the closed form needs γ < 1."""
        return _segment_sum(self.wc_b, self.wc_indptr) + self.wc_c / self.wc_k

    def index(self, good_id: str) -> int:
        return self.good_ids.index(good_id)


def normalise_weights(weights: np.ndarray, indptr: np.ndarray) -> np.ndarray:
    """Divide each council's weights by their sum (Cobb-Douglas shares sum to one)."""
    totals = _segment_sum(weights, indptr)
    rows = np.repeat(np.arange(len(indptr) - 1), np.diff(indptr))
    return weights / totals[rows]


def _segment_sum(values: np.ndarray, indptr: np.ndarray) -> np.ndarray:
    """Sum of each CSR row; empty rows give 0 (np.add.reduceat alone would not)."""
    n = len(indptr) - 1
    if n == 0:
        return np.zeros(0)
    ext = np.concatenate([np.asarray(values, dtype=np.float64), [0.0]])
    out = np.add.reduceat(ext, np.minimum(indptr[:-1], len(values)))
    out[indptr[:-1] == indptr[1:]] = 0.0
    return out


def dense_cc_goods(eco: PlanEconomy) -> np.ndarray | None:
    """The goods every consumer council weights, in order, when all weight the same goods
    in the same order (generated economies do), else None. One pass over `cc_good`; the
    checks and the round kernel then read the CC goods through this one row."""
    row = _first_row(eco)
    if row is None:
        return None
    goods = eco.cc_good.reshape(-1, len(row))
    return row.copy() if bool((goods == row).all()) else None


def _first_row(eco: PlanEconomy) -> np.ndarray | None:
    """The first council's goods when every council has as many entries, else None."""
    lens = np.diff(eco.cc_indptr)
    m = int(lens[0]) if len(lens) else 0
    if not m or len(eco.cc_good) != m * len(lens) or not np.all(lens == m):
        return None
    return eco.cc_good[:m]


class Scan(NamedTuple):
    """What `scan_economy` found on its way through the arrays, for `RoundKernel`, so that
    the set-up reads nothing twice: the CC goods row (`dense_cc_goods`), consumer spending
    per good when the single pass over a large economy's CC list computed it (else None),
    and every WC's γ."""

    dense: np.ndarray | None
    spending: np.ndarray | None
    gamma: np.ndarray


class WCFacts(NamedTuple):
    """What `ScanJob.finish` asks of the council arrays, found in one pass: by the compiled
    loops (`plan_fused.fused_layout`, `plan_check_jit`) or by numpy (`_numpy_facts`); the
    checks then raise their errors in the same order either way."""

    bits: int  # bit j: the j-th of FACT_ARRAYS has an entry not a finite number > 0
    output_ok: bool  # every WC produces a good that exists
    first_primary: int  # the first WC producing a primary good (-1: none)
    wc_uses: np.ndarray  # bool (G,): some WC takes the good as an input
    produced: np.ndarray  # bool (G,): some WC produces it


# The arrays whose positivity `WCFacts.bits` answers, bit 0 first.
FACT_ARRAYS = ("wc_A", "wc_c", "wc_s", "wc_k", "wc_count", "cc_income", "cc_count", "wc_b")


class _CCPass(NamedTuple):
    dense: np.ndarray
    positive: bool  # every weight > 0 (so none is NaN)
    sums: np.ndarray  # each council's weights summed
    spending: np.ndarray  # Σ_j count_j·I_j·α_jg per entry of the row


class _CCBlocks:
    """The CC list of a large economy whose councils all weight the same goods (generated
    economies), read once in blocks of CC_BLOCK entries that stay in cache: per block the
    goods compared with the first council's, the weights' minimum and sums per council (the
    checks) and consumer spending (the kernel's; `checks=False` computes only this, in the
    same way, so it has the same bits).

    Each of these is a pass over six million entries at Hahnel's scale, most of the
    set-up, so a second thread reads blocks too (numpy releases the GIL), from the start
    of the checks: each block goes to whichever thread asks next, and its results land in
    the block's own slot, so they are summed in block order whoever read it.

    With the compiled loops on (`game.sim.jit`), a block is one call of
    `plan_scan_jit.cc_block` (numba, no GIL held), which reads each council once for all
    four: it tells whether every weight is > 0 instead of finding the minimum (all the
    check asks) and sums a council's weights in another order (`near_tolerance`), so `sums`
    may differ from numpy's in the last bits and the spending is the same to 1e-12
    relative (tested); the blocks, their slots and the order of the checks are the same.
    And the caller does not wait for the second thread: once no block is left to hand out,
    it reads again any block the thread has not finished (into its own scratch: a block
    gives the same bytes whoever reads it, and the first to finish fills the slot). On a
    loaded machine the thread can wait milliseconds for a core while holding a block of
    about 0.1 ms; the caller then waited for it, and two threads took longer than one."""

    def __init__(self, eco: PlanEconomy, row: np.ndarray, checks: bool) -> None:
        n, m = eco.n_cc, len(row)
        self.m, self.checks = m, checks
        self.step = max(1, CC_BLOCK // m)  # councils per block
        self.n_blocks = -(-n // self.step)
        self.row = row
        self.jit = _scan_loops(eco)
        if self.jit is not None:  # the compiled loop compares each council with the row itself
            flat, tiled = eco.cc_good, row.copy()
        else:
            flat, tiled = eco.cc_good, np.tile(row, self.step) if checks else row  # the row per council
        self.per = m  # comparisons per council
        if checks and flat.dtype.itemsize == 4 and m % 2 == 0 and flat.flags.c_contiguous:
            flat, tiled, self.per = flat.view(np.int64), tiled.view(np.int64), m // 2  # two goods at once
        self.flat, self.tiled = flat, tiled
        self.weights, self.wflat = eco.cc_weight.reshape(-1, m), eco.cc_weight
        self.f = eco.cc_count * eco.cc_income
        if self.jit is not None:
            self.f = np.ascontiguousarray(self.f, dtype=np.float64)
        self.parts = np.zeros((self.n_blocks, m))
        self.positive = np.ones(self.n_blocks, dtype=bool)  # per block: every weight > 0
        self.done = np.zeros(self.n_blocks, dtype=bool)  # per block: its slot is filled (compiled path)
        self.sums = np.empty(n)
        self.same = True
        self.error: BaseException | None = None
        self._next = itertools.count()  # hands out block numbers (atomic under the GIL)
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Begin reading blocks in a second thread."""
        self._thread = threading.Thread(target=self.work, daemon=True)
        self._thread.start()

    def work(self) -> None:
        """Read blocks until none is left (or one has other goods, or reading failed)."""
        try:
            for k in self._next:
                if k >= self.n_blocks or not self.same or self.error is not None:
                    return
                if not _cc_block(self, k):
                    self.same = False
        except BaseException as exc:  # raised in the caller's thread by `result`
            self.error = exc

    def result(self) -> _CCPass | None:
        """Read the blocks left with the second thread, wait for it and add up, in block
        order; None when some council weights other goods."""
        self.work()
        if self.jit is not None:  # blocks the thread holds: read them too rather than wait
            for k in np.flatnonzero(~self.done).tolist():
                if not self.same or self.error is not None:
                    break
                if not _cc_block(self, k):
                    self.same = False
        elif self._thread is not None:
            self._thread.join()
        if self.error is not None:
            raise self.error
        if not self.same:
            return None
        return _CCPass(self.row.copy(), bool(self.positive.all()), self.sums, self.parts.sum(axis=0))


def _cc_block(cc: _CCBlocks, k: int) -> bool:
    """Block k of `_CCBlocks`: False when its goods are not the row's."""
    i = k * cc.step
    j = min(len(cc.sums), i + cc.step)
    w = cc.weights[i:j]
    if cc.jit is not None:  # the same four results in one compiled read of the block
        part = np.zeros(cc.m)  # this reader's own: the other thread may be reading block k too
        found = cc.jit.cc_block(
            cc.flat, cc.tiled, cc.wflat, cc.f, i, j, cc.checks, WEIGHT_SUM_ATOL, part, cc.sums
        )
        if found < 0:  # a council's goods are not the row's
            return False
        if not cc.done[k]:  # both readers write the same bytes (to `sums` too)
            cc.parts[k] = part
            cc.positive[k] = found == 0  # 1: some weight is not > 0
            cc.done[k] = True
        return True
    if cc.checks:
        m = cc.per
        if not bool((cc.flat[i * m : j * m] == cc.tiled[: (j - i) * m]).all()):
            return False
        cc.positive[k] = bool(w.min() > 0)  # NaN > 0 is False
        np.einsum("ij->i", w, out=cc.sums[i:j])
    np.einsum("i,ij->j", cc.f[i:j], w, out=cc.parts[k])  # einsum's own loop: see consumer_spending
    return True


def _scan_loops(eco: PlanEconomy) -> ModuleType | None:
    """The compiled loop (`game.sim.plan_scan_jit`, importing numba) when the compiled loops
    are on (`jit_enabled`) and the CC arrays are flat and contiguous, float64 weights and
    integer goods; else None (numpy's blocks)."""
    w, g = eco.cc_weight, eco.cc_good
    if not (w.dtype == np.float64 and w.ndim == 1 and w.flags.c_contiguous):
        return None
    if not (g.dtype.kind in "iu" and g.ndim == 1 and g.flags.c_contiguous) or not jit_enabled():
        return None
    from game.sim import plan_scan_jit

    return plan_scan_jit


def _cc_blocks(eco: PlanEconomy, checks: bool = True) -> _CCBlocks | None:
    """The block reader of a large economy whose councils all have as many entries, else
    None (the caller then takes the general path)."""
    row = _first_row(eco) if eco.n_cc >= SMALL_ECONOMY else None
    return None if row is None else _CCBlocks(eco, row, checks)


def _cc_pass(eco: PlanEconomy, checks: bool = True) -> _CCPass | None:
    """`_CCBlocks` run to the end: None when the economy is small or its councils weight
    different goods."""
    cc = _cc_blocks(eco, checks)
    if cc is None:
        return None
    cc.start()
    return cc.result()


def check_economy(eco: PlanEconomy) -> np.ndarray | None:
    """Raise PlanError with a clear message if the procedure cannot run on `eco`. Returns
    `dense_cc_goods(eco)` (found on the way); `scan_economy` returns all it found."""
    return scan_economy(eco).dense


def scan_economy(eco: PlanEconomy) -> Scan:
    """`check_economy`, returning what it found for `RoundKernel` (see `Scan`).

    Each array is read as few times as the checks allow (the set-up of a plan at Hahnel's
    scale is mostly these passes over six million CC entries): a large economy's CC list
    once, in blocks (`_CCBlocks`: goods, weights' minimum and sums, consumer spending);
    otherwise CC goods once when every council weights the same goods and CC weights twice
    (their minimum; their sums per council, whose finiteness shows the weights are finite:
    they are positive)."""
    return ScanJob(eco).finish()


class ScanJob:
    """`scan_economy` in two steps, so that the caller can work while a large economy's
    CC list is read in a second thread (`plan_setup` lays out the round kernel meanwhile):
    the constructor checks the arrays' shapes and CSR layout and starts the reading;
    `finish` reads along, then runs the other checks. The checks run in the same order
    as in one step, so an economy with several faults gets the same message."""

    def __init__(self, eco: PlanEconomy) -> None:
        self.eco = eco
        G = eco.n_goods
        if eco.kinds.shape != (G,) or eco.endowment.shape != (G,):
            raise PlanError("kinds and endowment must have one entry per good")
        n_wc, n_cc = eco.n_wc, eco.n_cc
        for name in ("wc_A", "wc_c", "wc_s", "wc_k", "wc_count"):
            if getattr(eco, name).shape != (n_wc,):
                raise PlanError(f"{name} must have one entry per worker council")
        if eco.cc_count.shape != (n_cc,):
            raise PlanError("cc_count must have one entry per consumer council")
        for name, indptr, idx, vals, n in (
            ("wc", eco.wc_indptr, eco.wc_input, eco.wc_b, n_wc),
            ("cc", eco.cc_indptr, eco.cc_good, eco.cc_weight, n_cc),
        ):
            if (
                indptr.shape != (n + 1,)
                or indptr[0] != 0
                or indptr[-1] != len(idx)
                or np.any(np.diff(indptr) < 0)
                or vals.shape != idx.shape
            ):
                raise PlanError(f"{name} CSR arrays are inconsistent")
            if name == "wc" and len(idx) and (idx.min() < 0 or idx.max() >= G):
                raise PlanError("wc entries refer to goods that do not exist")
        self.blocks = _cc_blocks(eco)
        if self.blocks is not None:
            self.blocks.start()

    def finish(self, gamma: np.ndarray | None = None, facts: WCFacts | None = None) -> Scan:
        """The rest of the checks; `gamma`: `eco.wc_gamma()` if the caller computed it;
        `facts`: what the compiled passes found (`WCFacts`), else `_numpy_facts` asks."""
        eco = self.eco
        G, n_cc = eco.n_goods, eco.n_cc
        cc = None if self.blocks is None else self.blocks.result()
        dense = dense_cc_goods(eco) if cc is None else cc.dense
        idx = eco.cc_good if dense is None else dense  # the same goods, read once
        if len(idx) and (idx.min() < 0 or idx.max() >= G):
            raise PlanError("cc entries refer to goods that do not exist")
        compiled = facts is not None
        facts = _numpy_facts(eco) if facts is None else facts
        for name in ("wc_A", "wc_c", "wc_s", "wc_k", "wc_count", "wc_b", "cc_income", "cc_count"):
            if facts.bits >> FACT_ARRAYS.index(name) & 1:
                raise PlanError(f"every {name} must be a finite positive number")
        # cc_weight's finiteness: from the sums per council below
        if len(eco.cc_weight) and not (eco.cc_weight.min() > 0 if cc is None else cc.positive):
            raise PlanError("every cc_weight must be a finite positive number")
        if n_cc and np.any(eco.cc_indptr[1:] == eco.cc_indptr[:-1]):
            raise PlanError("every consumer council needs at least one weight")
        if n_cc:
            sums = np.add.reduceat(eco.cc_weight, eco.cc_indptr[:-1]) if cc is None else cc.sums
            fault = _check_loops().sums_fault(sums, WEIGHT_SUM_ATOL) if compiled else _sums_fault(sums)
            if fault == 1:  # positive weights: a sum is finite iff its terms are
                raise PlanError("every cc_weight must be a finite positive number")
            if fault == 2:
                raise PlanError("each consumer council's weights must sum to 1 (use normalise_weights)")
        if not facts.output_ok:
            raise PlanError("a worker council produces a good that does not exist")
        if facts.first_primary >= 0:
            i = facts.first_primary
            raise PlanError(
                f"worker council {i} produces primary good "
                f"{eco.good_ids[eco.wc_output[i]]}; primary goods are endowments"
            )
        wc_uses = facts.wc_uses
        if np.any(wc_uses & (eco.kinds == PUBLIC)):
            raise PlanError("public goods cannot be production inputs")
        cc_uses = np.zeros(G, dtype=bool)
        cc_uses[eco.cc_good if dense is None else dense] = True  # a scatter: cheaper than bincount
        if np.any(cc_uses & np.isin(eco.kinds, (INTERMEDIATE, PRIMARY))):
            raise PlanError("consumer councils can only want final and public goods")
        gamma = eco.wc_gamma() if gamma is None else gamma
        bad = np.flatnonzero(~(gamma < 1.0))
        if len(bad):
            i = int(bad[0])
            raise PlanError(
                f"worker council {i} (output {eco.good_ids[eco.wc_output[i]]}): "
                f"γ = Σb + c/k = {gamma[i]:.4f} must be < 1 (returns to scale in inputs and "
                f"effort must be decreasing, or the council would want infinite output)"
            )
        gamma.flags.writeable = False  # handed to the kernel
        primary = eco.kinds == PRIMARY
        if np.any(eco.endowment[primary] <= 0) or np.any(eco.endowment[~primary] != 0):
            raise PlanError("primary goods need a positive endowment; other goods none")
        missing = np.flatnonzero(~primary & ~facts.produced)
        if len(missing):
            raise PlanError(f"no worker council produces {eco.good_ids[missing[0]]}")
        unwanted = np.flatnonzero(~(cc_uses | wc_uses))
        if len(unwanted):
            raise PlanError(
                f"no council wants {eco.good_ids[unwanted[0]]}: its price would "
                "fall forever and the plan could never converge"
            )
        return Scan(dense, None if cc is None else cc.spending, gamma)


def _numpy_facts(eco: PlanEconomy) -> WCFacts:
    """`WCFacts` by numpy's reductions (the compiled loops' answers come from
    `plan_fused.fused_layout`): the same questions, asked of the same arrays."""
    G, out = eco.n_goods, eco.wc_output
    bits = 0
    for j, name in enumerate(FACT_ARRAYS):
        arr = getattr(eco, name)
        if len(arr) and not (np.isfinite(arr.max()) and arr.min() > 0):
            bits |= 1 << j
    output_ok = not len(out) or bool(out.min() >= 0 and out.max() < G)
    wc_uses, produced = np.zeros(G, dtype=bool), np.zeros(G, dtype=bool)
    wc_uses[eco.wc_input] = True  # a scatter into G flags, not a gather of a kind per entry
    first_primary = -1
    if output_ok:
        produced[out] = True
        primary = np.flatnonzero(eco.kinds[out] == PRIMARY)
        first_primary = int(primary[0]) if len(primary) else -1
    return WCFacts(bits, output_ok, first_primary, wc_uses, produced)


def _sums_fault(sums: np.ndarray) -> int:
    """`plan_check_jit.sums_fault` in numpy: 1 some sum not finite, 2 one not within
    WEIGHT_SUM_ATOL of 1, else 0."""
    if not np.all(np.isfinite(sums)):
        return 1
    return 0 if np.allclose(sums, 1.0, rtol=0, atol=WEIGHT_SUM_ATOL) else 2


def _check_loops() -> ModuleType:
    """`game.sim.plan_check_jit` (imports numba): only when `WCFacts` came from it."""
    from game.sim import plan_check_jit

    return plan_check_jit


def as_prices(eco: PlanEconomy, start_prices: float | Sequence[float] | np.ndarray) -> np.ndarray:
    """A float64 price vector: a scalar is the same price for every good."""
    p = np.asarray(start_prices, dtype=np.float64)
    if p.ndim == 0:
        p = np.full(eco.n_goods, float(p))
    if p.shape != (eco.n_goods,):
        raise PlanError(f"start prices: expected {eco.n_goods} prices, got {p.shape[0]}")
    if not np.all(np.isfinite(p)) or np.any(p <= 0):
        raise PlanError("start prices must be finite and positive")
    return p.copy()
