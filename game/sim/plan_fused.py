"""A round of the planning procedure in compiled loops (`FusedKernel`), for plans of Hahnel's
scale only: economies of SMALL_ECONOMY worker councils or more, when numba is installed and
PARECON_JIT is not "0" (`game.sim.jit`). The game's own economies never take this path.
Part of `game.sim.planning`; `plan_setup` chooses the kernel.

Why: numpy computes a round as a dozen whole-array operations, each a pass over memory,
and its two indexed ones (the gather of log prices into the input list and the scatter of
spending on inputs per good) alone cost three passes or more (docs/performance.md). Here a
round is two loops over one copy of the input list, WC by WC, the WCs sorted by their
number of inputs (in the economy's order the inner loop's exit is mispredicted about once
a WC and the loops take 2.5 times as long): the first sums Σ b·log p per WC into its log
revenue, numpy's float64 `exp` (SIMD) turns those into revenues, the second adds each
revenue to its output good's supply and b·R to each input good's demand. The excess
ratios and the price update are compiled too (500 goods: numpy's dozen calls there cost
more than the arithmetic).

The same formulas as `RoundKernel` (and the councils' proposals), summed in another order
and with a float64 exponential where RoundKernel's large path uses float32: a round equals
RoundKernel's to about 1e-12 relative with the same exponential, and plans take the same
rounds; the last bits differ. Every loop runs in a fixed order on one thread, so the same
economy gives the same bits on every run. numba is imported on the first use of a kernel
(`plan_fused_jit`), never by importing the game.
"""

from __future__ import annotations

from types import ModuleType
from typing import NamedTuple

import numpy as np

from game.sim.plan_economy import (
    FACT_ARRAYS,
    PRIMARY,
    PROGRAM_FLOOR,
    STEP_CAP,
    PlanEconomy,
    PlanError,
    Scan,
    WCFacts,
)
from game.sim.plan_spending import kernel_spending


def _loops() -> ModuleType:
    """The compiled loops (imports numba, compiling or loading its cache on first use)."""
    from game.sim import plan_fused_jit

    return plan_fused_jit


class FusedLayout(NamedTuple):
    """The WC side of the fused kernel's set-up (`fused_layout`), and what the checks ask
    of the council arrays (`facts`)."""

    gamma: np.ndarray  # γ_i = Σb + c/k, economy order (handed to the checks)
    sblogb: np.ndarray  # Σ b·log b per WC, economy order (kept for `refit`)
    inv: np.ndarray  # 1/(1−γ), economy order
    perm: np.ndarray  # kernel order: WCs sorted by their number of inputs (stable)
    indptr: np.ndarray  # uint32 row starts of the input list in kernel order
    col: np.ndarray  # uint32 input goods, kernel order
    b: np.ndarray  # float64 exponents, kernel order
    facts: WCFacts  # for `ScanJob.finish`
    K: np.ndarray  # the WCs' constants, kernel order (`_constant`)
    out: np.ndarray  # uint32 output goods, kernel order


def fused_layout(eco: PlanEconomy) -> FusedLayout:
    """The kernel's order, its copy of the input list, γ, Σ b·log b and the constants, and
    the checks' questions about the council arrays (`WCFacts`): a counting sort and one
    compiled pass over the input list, one over the councils' rows. Reads only WC arrays
    whose CSR layout and inputs are consistent (`ScanJob` checks them before `plan_setup`
    calls this); the values are not checked yet (the caller ignores numpy's warnings and
    `ScanJob.finish` says what is wrong), so nothing here may depend on them but numbers."""
    n, nnz, G = eco.n_wc, len(eco.wc_input), eco.n_goods
    if n >= 2**32 or nnz >= 2**32 or G >= 2**32:
        raise PlanError("the compiled round indexes with 32 bits: run with PARECON_JIT=0")
    gamma, sblogb = np.empty(n), np.empty(n)
    perm = np.empty(n, dtype=np.intp)
    kptr, col, b = np.empty(n + 1, dtype=np.uint32), np.empty(nnz, dtype=np.uint32), np.empty(nnz)
    wc_b = np.ascontiguousarray(eco.wc_b, dtype=np.float64)
    wc_uses, produced = np.zeros(G, dtype=bool), np.zeros(G, dtype=bool)
    b_ok = _loops().wc_layout(
        np.ascontiguousarray(eco.wc_indptr, dtype=np.intp),
        np.ascontiguousarray(eco.wc_input, dtype=np.intp),
        wc_b,
        np.log(wc_b),
        np.ascontiguousarray(eco.wc_c / eco.wc_k, dtype=np.float64),
        gamma,
        sblogb,
        perm,
        kptr,
        col,
        b,
        wc_uses,
    )
    floats = [np.ascontiguousarray(getattr(eco, name), dtype=np.float64) for name in FACT_ARRAYS[:-1]]
    bits, output_ok, first_primary = _checks().council_rows(
        *floats, np.ascontiguousarray(eco.wc_output, dtype=np.intp), eco.kinds, PRIMARY, produced
    )
    bits |= (not b_ok) << FACT_ARRAYS.index("wc_b")
    facts = WCFacts(bits, output_ok, first_primary, wc_uses, produced)
    inv = 1.0 / (1.0 - gamma)
    K = _constant(eco, sblogb, inv, perm)
    out = eco.wc_output[perm].astype(np.uint32)
    return FusedLayout(gamma, sblogb, inv, perm, kptr, col, b, facts, K, out)


def _checks() -> ModuleType:
    """The compiled checks over the councils' rows (imports numba)."""
    from game.sim import plan_check_jit

    return plan_check_jit


def _constant(eco: PlanEconomy, sblogb: np.ndarray, inv: np.ndarray, perm: np.ndarray) -> np.ndarray:
    """K_i = (log A + (c/k)·log(c/(s·k)) + Σ b·log b)/(1−γ) + log(count) in kernel order:
    `_block_constants`' arithmetic (`fused_layout` and `refit` both use this)."""
    ck = eco.wc_c / eco.wc_k
    const = np.log(eco.wc_A) + ck * np.log(eco.wc_c / (eco.wc_s * eco.wc_k))
    const += sblogb
    return (const * inv + np.log(eco.wc_count))[perm]


class FusedKernel:
    """One unpaced round in compiled loops, with `RoundKernel`'s interface: `values(p)` (the
    supply and demand values p·S, p·D), `excess(S, D)`, `update(...)` (the price rule), in
    reused buffers (copy what you keep across calls); `refit(eco)` for new productivities.

    What a round reads: the input list once, as 32-bit goods and float64 exponents in the
    kernel's order (`col`, `b`, `indptr`: WCs sorted by their number of inputs, `perm`),
    the WCs' outputs and constants, consumer spending and endowments (`arrays()`). The
    compiled loops do not check their indices: the economy must have passed
    `check_economy` (`plan_setup` runs the checks first)."""

    def __init__(
        self,
        eco: PlanEconomy,
        found: Scan | np.ndarray | None | bool = True,
        layout: FusedLayout | None = None,
    ) -> None:
        """`found` as for `RoundKernel` (what `scan_economy(eco)` returned, so the kernel
        reads nothing the checks read; or a CC goods row, None, or True to look);
        `layout`: `fused_layout(eco)` if the caller built it (`plan_setup` does, while the
        checks read the CC list)."""
        self._jit = _loops()
        G = eco.n_goods
        self.G = G
        lay = fused_layout(eco) if layout is None else layout
        self._layout = lay
        self.perm, self.indptr, self.col, self.b = lay.perm, lay.indptr, lay.col, lay.b
        self.inv = lay.inv[lay.perm]
        self.K, self.out = lay.K, lay.out
        self.W = kernel_spending(eco, found)
        self.endow = np.ascontiguousarray(eco.endowment, dtype=np.float64)
        self.has_endow = bool(np.any(self.endow > 0))
        # buffers
        self.logp = np.empty(G)
        self.u = np.empty(eco.n_wc)
        self.R = np.empty(eco.n_wc)
        self.sval = np.empty(G)
        self.dval = np.empty(G)
        self.v = np.empty(G)
        self.mult = np.empty(G)

    def refit(self, eco: PlanEconomy) -> None:
        """Take new productivities (`wc_A`) of the same councils: only K changes, computed
        as the constructor computes it (the same bits as a fresh kernel's plan). The caller
        guarantees every other array is unchanged."""
        lay = self._layout
        self.K = _constant(eco, lay.sblogb, lay.inv, lay.perm)

    def arrays(self) -> list[np.ndarray]:
        """Every array a round reads (for the benchmark's streaming-pass reference)."""
        return self.inputs()

    def inputs(self) -> list[np.ndarray]:
        """The input list (one copy: goods, exponents, row starts), the WCs' outputs and
        constants, consumer spending and endowments."""
        return [self.col, self.b, self.indptr, self.out, self.K, self.inv, self.W, self.endow]

    def buffers(self) -> list[np.ndarray]:
        """The scratch arrays a round writes and reads back (for the benchmark)."""
        return [self.logp, self.u, self.R, self.sval, self.dval, self.v, self.mult]

    def values(self, p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Supply and demand values (p·S, p·D) at prices p, in reused buffers."""
        np.log(p, out=self.logp)
        jit = self._jit
        jit.exponents(self.logp, self.indptr, self.col, self.b, self.out, self.K, self.inv, self.u)
        np.exp(self.u, out=self.R)
        jit.spending(
            self.R,
            self.indptr,
            self.col,
            self.b,
            self.out,
            self.W,
            self.endow,
            p,
            self.has_endow,
            self.sval,
            self.dval,
        )
        return self.sval, self.dval

    def excess(self, S: np.ndarray, D: np.ndarray) -> np.ndarray:
        """v per good (S + D > 0 always: see RoundKernel.excess)."""
        self._jit.excess(S, D, self.v)
        return self.v

    def update(
        self, p: np.ndarray, S: np.ndarray, D: np.ndarray, v: np.ndarray, rule: str, mult: np.ndarray | None
    ) -> np.ndarray | None:
        """`_update` compiled: the price step on p in place; the program rule's next
        multiplier (this kernel's buffer), else None."""
        program = rule == "program"
        if mult is not None and mult is not self.mult:
            self.mult[:] = mult
        self._jit.update(p, S, D, v, program, mult is None, self.mult, STEP_CAP, PROGRAM_FLOOR)
        return self.mult if program else None
