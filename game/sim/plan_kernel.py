"""Running the planning procedure: `RoundKernel` (a round over values, no Python loops over
councils), `run_plan`, with the human-paced variant in `plan_paced`. Part of `game.sim.planning`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from game.sim.jit import jit_enabled
from game.sim.plan_economy import (
    RULES,
    SMALL_ECONOMY,
    STEP_CAP,
    PlanEconomy,
    PlanError,
    Rule,
    Scan,
    ScanJob,
    as_prices,
    scan_economy,
)
from game.sim.plan_layout import Blocks, WCLayout, _block_constants, wc_layout
from game.sim.plan_paced import PacedPlanner
from game.sim.plan_rounds import (
    PlanResult,
    _wc_constants,
    step_size,
)
from game.sim.plan_spending import kernel_spending

if TYPE_CHECKING:
    from game.sim.plan_fused import FusedKernel


def plan_setup(eco: PlanEconomy) -> RoundKernel | FusedKernel:
    """Everything before a plan's first round: `scan_economy` and the round kernel, with the
    kernel's WC side built while a second thread reads a large economy's CC list (the
    checks still run before the kernel exists, in their usual order).

    Economies of SMALL_ECONOMY WCs or more get the compiled `FusedKernel` when numba is
    installed and PARECON_JIT is not "0" (`game.sim.jit`). Every
    other economy, the game's among them, gets `RoundKernel`."""
    job = ScanJob(eco)
    if eco.n_wc >= SMALL_ECONOMY and jit_enabled():
        from game.sim.plan_fused import FusedKernel, fused_layout

        with np.errstate(all="ignore"):  # not checked yet: `finish` says what is wrong
            fused = fused_layout(eco)  # the WC side and the checks' questions (`WCFacts`)
        return FusedKernel(eco, job.finish(fused.gamma, fused.facts), fused)
    with np.errstate(all="ignore"):  # not checked yet: `finish` says what is wrong
        layout = wc_layout(eco)
    return RoundKernel(eco, job.finish(layout.gamma), layout)


class RoundKernel:
    """One unpaced round as a reusable object: precomputed constants and buffers.

    `run_plan` drives it; the benchmark times it. `values(p)` returns the supply and
    demand *values* (p·S, p·D) at prices p, `excess(S, D)` the ratios v; both reuse
    internal buffers, so copy what you keep across calls.

    Layout chosen for speed (numpy has no fused sparse kernels):
    - WCs are reordered by their number of inputs L, and each group's inputs are stored
      as an (L, n_L) block, so the per-WC sum Σ b·log p is L contiguous row additions
      (`np.add.reduce(axis=0)`) instead of a segmented reduce over tiny segments.
    - The input demand per good: in economies of fewer than SMALL_ECONOMY WCs (all of the
      game's), a second copy of the input list sorted by good, a gather of revenues and
      `np.add.reduceat` over one segment per good (their results stay the same to the last
      bit). Larger ones keep one copy: each block's spending on inputs is its exponents
      times its WCs' revenues (a broadcast, no gather), added up per good with `np.add.at`
      (numpy 2's fast path: as fast as the gather and reduceat, and the set-up no longer
      sorts 165,000 entries by good nor copies them).
    - Indices are np.intp and valid (checked by check_economy), so `take(mode="clip")`
      skips numpy's bounds-error path.
    """

    def __init__(
        self, eco: PlanEconomy, found: Scan | np.ndarray | None | bool = True, layout: WCLayout | None = None
    ) -> None:
        """`found`: what `scan_economy(eco)` returned, so the kernel reads nothing the
        checks read (or `check_economy`'s CC goods row, or None); True (the default) looks.
        `layout`: `wc_layout(eco)` if the caller built it (`plan_setup` does, meanwhile)."""
        scan = found if isinstance(found, Scan) else None
        G = eco.n_goods
        self.G = G
        lay = wc_layout(eco, None if scan is None else scan.gamma) if layout is None else layout
        self.perm, self.K, self.inv, self.out = lay.perm, lay.K, lay.inv, lay.out
        self.blocks, self.n_zero, self.col, self.b = lay.blocks, lay.n_zero, lay.col, lay.b
        self.by_good = eco.n_wc < SMALL_ECONOMY  # the second copy: see the class docstring
        if self.by_good:  # kernel-order WC of each flat entry, then the by-good copy
            row_of = np.empty(len(self.col), dtype=np.intp)
            for L, first, n_L, off in self.blocks:
                row_of[off : off + L * n_L] = np.tile(np.arange(first, first + n_L), L)
            by_good = _by_good_then_wc(self.col, row_of, self.blocks, eco.n_wc, G)
            self.rows_g = row_of[by_good]
            self.b_g = self.b[by_good]
            per_good = np.bincount(self.col, minlength=G)
            self.used = np.flatnonzero(per_good).astype(np.intp)
            self.seg = (np.cumsum(per_good) - per_good)[self.used].astype(np.intp)
        else:
            self.rows_g = self.b_g = np.zeros(0)
            self.used = self.seg = np.zeros(0, dtype=np.intp)
        self.W = kernel_spending(eco, found)
        self.endow = eco.endowment.astype(np.float64)
        self.has_endow = bool(np.any(self.endow > 0))
        nnz = len(self.col)
        n_wc = eco.n_wc
        # buffers
        self.logp = np.empty(G)
        self.g = np.empty(nnz)
        self.gg = np.empty(nnz)
        self.rowsum = np.zeros(n_wc)
        self.u = np.empty(n_wc)
        self.R = np.empty(n_wc)
        self.u32 = np.empty(n_wc, dtype=np.float32)
        self.sval = np.empty(G)
        self.dval = np.empty(G)
        self.tmp = np.empty(G)
        self.v = np.empty(G)
        self.dsum = np.empty(len(self.used))

    def refit(self, eco: PlanEconomy) -> None:
        """Take new productivities (`wc_A`) of the same councils: only K changes, computed
        exactly as the constructor does, so a plan on a refitted kernel gives the same bits
        as one on a fresh kernel. The caller guarantees every other array is unchanged."""
        if self.by_good:  # the game's economies
            K, _ = _wc_constants(eco)
            self.K = (K + np.log(eco.wc_count))[self.perm]
        else:
            self.K = _block_constants(eco, self.perm, self.blocks, self.b, self.inv)

    def _exp(self, u: np.ndarray) -> None:
        """R = exp(u). In float32 when safely in range: numpy has no SIMD float64 exp on
        AVX2 and it was a fifth of the round; float32 adds ~1e-6 relative error to a
        revenue, far below any planning threshold. Outside ±80 (float32 would overflow or
        lose range) it falls back to float64."""
        if len(u) < SMALL_ECONOMY:  # small economies (the game's) stay in float64
            np.exp(u, out=self.R)
            return
        lo, hi = float(u.min()), float(u.max())
        if -80.0 < lo and hi < 80.0:
            u32 = self.u32
            u32[:] = u
            np.exp(u32, out=u32)
            self.R[:] = u32
        else:
            np.exp(u, out=self.R)

    def arrays(self) -> list[np.ndarray]:
        """Every array a round reads (for the benchmark's streaming-pass reference)."""
        if not self.by_good:
            return self.inputs()
        return [
            self.col,
            self.b,
            self.rows_g,
            self.b_g,
            self.seg,
            self.used,
            self.out,
            self.K,
            self.inv,
            self.W,
            self.endow,
        ]

    def inputs(self) -> list[np.ndarray]:
        """One copy of what a round needs: the input list, the WCs' outputs and constants,
        consumer spending and endowments (`arrays()` without the by-good copy)."""
        return [self.col, self.b, self.out, self.K, self.inv, self.W, self.endow]

    def buffers(self) -> list[np.ndarray]:
        """The scratch arrays a round writes and reads back (for the benchmark)."""
        return [
            self.logp,
            self.g,
            self.gg,
            self.rowsum,
            self.u,
            self.R,
            self.u32,
            self.sval,
            self.dval,
            self.tmp,
            self.v,
            self.dsum,
        ]

    def values(self, p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Supply and demand values (p·S, p·D) at prices p, in reused buffers."""
        logp = self.logp
        np.log(p, out=logp)
        g, b = self.g, self.b
        np.take(logp, self.col, out=g, mode="clip")
        for L, first, n_L, off in self.blocks:  # Σ_k b·log p down each (L, n_L) block
            end = off + L * n_L
            np.einsum(
                "ij,ij->j",
                g[off:end].reshape(L, n_L),
                b[off:end].reshape(L, n_L),
                out=self.rowsum[first : first + n_L],
            )
        u = self.u
        np.take(logp, self.out, out=u, mode="clip")
        np.subtract(u, self.rowsum, out=u)
        np.multiply(u, self.inv, out=u)
        np.add(u, self.K, out=u)
        self._exp(u)
        gg = self.gg
        self.dval[:] = self.W
        if self.by_good:
            np.take(self.R, self.rows_g, out=gg, mode="clip")
            np.multiply(gg, self.b_g, out=gg)
            if len(self.used):
                np.add.reduceat(gg, self.seg, out=self.dsum)
                self.dval[self.used] += self.dsum
        else:  # one copy: spending on inputs block by block, added up per good
            for L, first, n_L, off in self.blocks:
                end = off + L * n_L
                np.multiply(
                    b[off:end].reshape(L, n_L), self.R[first : first + n_L], out=gg[off:end].reshape(L, n_L)
                )
            np.add.at(self.dval, self.col, gg)
        self.sval[:] = np.bincount(self.out, self.R, minlength=self.G)
        if self.has_endow:
            np.multiply(self.endow, p, out=self.tmp)
            np.add(self.sval, self.tmp, out=self.sval)
        return self.sval, self.dval

    def excess(self, S: np.ndarray, D: np.ndarray) -> np.ndarray:
        """v per good. S + D > 0 always here: check_economy makes every good produced or
        endowed and wanted, so no division guard is needed in the loop."""
        v, t = self.v, self.tmp
        np.subtract(S, D, out=v)
        np.abs(v, out=v)
        np.add(S, D, out=t)
        np.multiply(t, 0.5, out=t)
        np.divide(v, t, out=v)
        return v

    def update(
        self, p: np.ndarray, S: np.ndarray, D: np.ndarray, v: np.ndarray, rule: str, mult: np.ndarray | None
    ) -> np.ndarray | None:
        """The price step on p in place (`_update`); the program rule's next multiplier."""
        return _update(p, S, D, v, rule, mult)


def _by_good_then_wc(col: np.ndarray, row_of: np.ndarray, blocks: Blocks, n_wc: int, G: int) -> np.ndarray:
    """The order of the flat input entries by good, then by WC (kernel order): the same
    permutation as `argsort(col * n_wc + row)` (its keys are distinct). With fewer than
    32,768 goods it is a stable radix sort of 16-bit goods over the entries put in WC order
    first (each (L, n_L) block read column by column), several times faster."""
    if G >= 2**15 or not blocks:
        return np.argsort(col * max(n_wc, 1) + row_of)
    by_wc = np.concatenate([off + np.arange(L * n_L).reshape(L, n_L).T.ravel() for L, _, n_L, off in blocks])
    return by_wc[np.argsort(col[by_wc].astype(np.int16), kind="stable")]


def _update(
    p: np.ndarray, S: np.ndarray, D: np.ndarray, v: np.ndarray, rule: str, mult: np.ndarray | None
) -> np.ndarray | None:
    """In-place IFB step on p; returns the program rule's next multiplier."""
    w = step_size(v, rule, mult)  # type: ignore[arg-type]
    np.multiply(w, np.sign(D - S), out=w)
    np.add(w, 1.0, out=w)
    np.multiply(p, w, out=p)
    return np.minimum(v, STEP_CAP) if rule == "program" else None


def run_plan(
    economy: PlanEconomy,
    start_prices: float | Sequence[float] | np.ndarray,
    threshold: float = 0.05,
    rule: Rule = "book",
    max_rounds: int = 1000,
    record_history: bool = True,
    paced: bool = False,
) -> PlanResult:
    """Iterate proposals and price updates until every market is within `threshold`.

    Round 1 is the councils' proposals at `start_prices` (a warm start passes last year's
    prices). The plan converges at the first round whose max v < threshold; prices are not
    updated after it. `paced=True` runs the human-paced variant (see `PacedPlanner`).
    """
    if rule not in RULES:
        raise PlanError(f"unknown price rule {rule!r}; use one of {', '.join(RULES)}")
    if not threshold > 0:
        raise PlanError("threshold must be positive")
    if max_rounds < 1:
        raise PlanError("max_rounds must be at least 1")
    if paced:
        scan_economy(economy)
        p = as_prices(economy, start_prices)
        return PacedPlanner(economy, p, rule).run(threshold, max_rounds, record_history)
    kernel = plan_setup(economy)
    p = as_prices(economy, start_prices)
    return plan_with_kernel(kernel, economy, p, threshold, rule, max_rounds, record_history)


def plan_with_kernel(
    kern: RoundKernel | FusedKernel,
    economy: PlanEconomy,
    p: np.ndarray,
    threshold: float,
    rule: str,
    max_rounds: int,
    record_history: bool,
) -> PlanResult:
    """The unpaced plan on a kernel already built for `economy` (checked, prices `p` from
    `as_prices`, updated in place): how a caller that plans the same councils again and
    again (the game's council sector) skips the set-up. `run_plan` is this after it."""
    G = economy.n_goods
    max_ex = np.empty(max_rounds)
    ph = np.empty((max_rounds, G)) if record_history else None
    eh = np.empty((max_rounds, G)) if record_history else None
    with np.errstate(over="ignore", under="ignore", invalid="ignore", divide="ignore"):
        converged, rounds = _iterate(kern, p, threshold, rule, max_rounds, max_ex, ph, eh)
    S, D = kern.sval, kern.dval
    supply = S / p
    demand = D / p
    return PlanResult(
        economy.good_ids,
        converged,
        rounds,
        float(threshold),
        rule,
        p.copy(),
        supply,
        demand,
        max_ex[:rounds].copy(),
        None if ph is None else ph[:rounds].copy(),
        None if eh is None else eh[:rounds].copy(),
    )


def _iterate(
    kern: RoundKernel | FusedKernel,
    p: np.ndarray,
    threshold: float,
    rule: str,
    max_rounds: int,
    max_ex: np.ndarray,
    ph: np.ndarray | None,
    eh: np.ndarray | None,
) -> tuple[bool, int]:
    """The unpaced loop; updates p in place. Returns (converged, rounds)."""
    G = kern.G
    mult: np.ndarray | None = None
    rounds = 0
    for t in range(max_rounds):
        rounds = t + 1
        S, D = kern.values(p)
        v = kern.excess(S, D)
        m = float(v.max()) if G else 0.0
        if not np.isfinite(m):
            raise PlanError(
                f"the plan broke down in round {rounds}: quantities overflowed "
                "or vanished (prices or parameters far out of range)"
            )
        max_ex[t] = m
        if ph is not None and eh is not None:
            ph[t] = p
            np.copysign(v, D - S, out=eh[t])  # signed: + where demand exceeds supply
        if m < threshold:
            return True, rounds
        if rounds < max_rounds:  # the reported prices are the last round's
            mult = kern.update(p, S, D, v, rule, mult)
    return False, rounds
