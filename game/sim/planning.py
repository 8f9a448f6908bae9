"""The participatory planning procedure (Hahnel's iterative annual plan) over numpy arrays.

Consumer councils (CCs) propose Cobb-Douglas demands, worker councils (WCs) propose the
output and inputs that maximise `λy − Σ p_m x_m − s e^k`, and the Iteration Facilitation
Board (IFB) moves every price with its excess demand until every market is within a
threshold. Formulas and validation figures: shared/reference/economics.md §1 and §7
(Hahnel 2021, *Democratic Economic Planning*, ch. 9; msszczep/pequod-cljs).

Why the round is cheap: with Cobb-Douglas councils every proposal is a closed form of the
prices, and the excess ratio `v_g` is unchanged when supply and demand of a good are both
multiplied by its price. A round therefore works in *values* (`p_g·S_g`, `p_g·D_g`):
consumer spending on each good is a constant `W_g`, a WC's revenue is
`R_i = exp(K_i + (log λ_i − Σ b_m log p_m)/(1 − γ_i))` and its spending on input m is
`b_m R_i`. One round is two gathers and two reductions over the WC input list, one
exponential per WC and a bincount; nothing loops over councils or goods in Python
(see `RoundKernel`). Quantities are `value / price`.

Multiplicity: a council entry with `count = n` stands for n identical councils. The arrays
keep one row per entry and a weight `count`; every aggregate multiplies by it (supply,
demand, the number of CCs that share a public good). Nothing is materialised n times.

Numpy only: no files, no yaml, no pygame. Same inputs give byte-identical outputs on
the same machine (numpy's SIMD kernels may differ in the last bit between CPUs).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

# Good kinds, as small integer codes in PlanEconomy.kinds.
FINAL, INTERMEDIATE, PRIMARY, PUBLIC = 0, 1, 2, 3
KIND_NAMES: tuple[str, ...] = ("final", "intermediate", "primary", "public")
KIND_CODES: dict[str, int] = {name: code for code, name in enumerate(KIND_NAMES)}

Rule = Literal["book", "program"]
RULES: tuple[str, ...] = ("book", "program")
STEP_CAP = 0.25  # the cap on v in the multiplier (Hahnel 2021 p. 181)
SMALL_ECONOMY = 4096  # below this many WCs a round's exp runs in float64 (see RoundKernel._exp)
PROGRAM_FLOOR = 0.001  # the program variant never moves a price by less than 0.1%


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
    cc_good: np.ndarray  # intp, (nnz_cc,) final or public good index
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


def check_economy(eco: PlanEconomy) -> None:
    """Raise PlanError with a clear message if the procedure cannot run on `eco`."""
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
        if len(idx) and (idx.min() < 0 or idx.max() >= G):
            raise PlanError(f"{name} entries refer to goods that do not exist")
    positive = {
        "wc_A": eco.wc_A,
        "wc_c": eco.wc_c,
        "wc_s": eco.wc_s,
        "wc_k": eco.wc_k,
        "wc_count": eco.wc_count,
        "wc_b": eco.wc_b,
        "cc_income": eco.cc_income,
        "cc_count": eco.cc_count,
        "cc_weight": eco.cc_weight,
    }
    for name, arr in positive.items():
        if len(arr) and not (np.isfinite(arr.max()) and arr.min() > 0):
            raise PlanError(f"every {name} must be a finite positive number")
    if n_cc and np.any(eco.cc_indptr[1:] == eco.cc_indptr[:-1]):
        raise PlanError("every consumer council needs at least one weight")
    if n_cc and not np.allclose(np.add.reduceat(eco.cc_weight, eco.cc_indptr[:-1]), 1.0, rtol=0, atol=1e-9):
        raise PlanError("each consumer council's weights must sum to 1 (use normalise_weights)")
    if n_wc and (eco.wc_output.min() < 0 or eco.wc_output.max() >= G):
        raise PlanError("a worker council produces a good that does not exist")
    if n_wc and np.any(eco.kinds[eco.wc_output] == PRIMARY):
        i = int(np.flatnonzero(eco.kinds[eco.wc_output] == PRIMARY)[0])
        raise PlanError(
            f"worker council {i} produces primary good "
            f"{eco.good_ids[eco.wc_output[i]]}; primary goods are endowments"
        )
    if len(eco.wc_input) and np.any(eco.kinds[eco.wc_input] == PUBLIC):
        raise PlanError("public goods cannot be production inputs")
    cc_uses = np.bincount(eco.cc_good, minlength=G) > 0
    if np.any(cc_uses & np.isin(eco.kinds, (INTERMEDIATE, PRIMARY))):
        raise PlanError("consumer councils can only want final and public goods")
    gamma = eco.wc_gamma()
    bad = np.flatnonzero(~(gamma < 1.0))
    if len(bad):
        i = int(bad[0])
        raise PlanError(
            f"worker council {i} (output {eco.good_ids[eco.wc_output[i]]}): "
            f"γ = Σb + c/k = {gamma[i]:.4f} must be < 1 (returns to scale in inputs and "
            f"effort must be decreasing, or the council would want infinite output)"
        )
    primary = eco.kinds == PRIMARY
    if np.any(eco.endowment[primary] <= 0) or np.any(eco.endowment[~primary] != 0):
        raise PlanError("primary goods need a positive endowment; other goods none")
    produced = np.zeros(G, dtype=bool)
    produced[eco.wc_output] = True
    missing = np.flatnonzero(~primary & ~produced)
    if len(missing):
        raise PlanError(f"no worker council produces {eco.good_ids[missing[0]]}")
    wanted = cc_uses.copy()
    wanted[eco.wc_input] = True
    unwanted = np.flatnonzero(~wanted)
    if len(unwanted):
        raise PlanError(
            f"no council wants {eco.good_ids[unwanted[0]]}: its price would "
            "fall forever and the plan could never converge"
        )


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


# --------------------------------------------------------------------------------------
# Council proposals (closed forms, vectorised)
# --------------------------------------------------------------------------------------


def cc_demand(income: np.ndarray | float, weights: np.ndarray, prices: np.ndarray) -> np.ndarray:
    """Cobb-Douglas demand `d_g = I·α_g / (Σ_h α_h · p_g)`; broadcasts over leading axes."""
    w = np.asarray(weights, dtype=np.float64)
    inc = np.asarray(income, dtype=np.float64)
    return inc[..., None] * w / (w.sum(axis=-1, keepdims=True) * np.asarray(prices))


def wc_optimum(
    A: np.ndarray | float,
    c: np.ndarray | float,
    s: np.ndarray | float,
    k: np.ndarray | float,
    b: np.ndarray,
    input_prices: np.ndarray,
    output_price: np.ndarray | float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A WC's best proposal (y, x, e) for dense inputs b, p of shape (..., m).

    Closed form of max λy − Σp x − s e^k with y = A Π x^b e^c (economics.md §1 item 2),
    computed in logs so that large exponents 1/(1−γ) do not overflow early.
    """
    A, c, s, k, lam = (np.asarray(v, dtype=np.float64) for v in (A, c, s, k, output_price))
    b = np.asarray(b, dtype=np.float64)
    p = np.asarray(input_prices, dtype=np.float64)
    gamma = b.sum(axis=-1) + c / k
    if np.any(gamma >= 1):
        raise PlanError(f"γ = Σb + c/k = {np.max(gamma):.4f} must be < 1")
    safe_b = np.where(b > 0, b, 1.0)
    log_y = (
        np.log(A)
        + (b * (np.log(safe_b) + np.log(lam)[..., None] - np.log(p))).sum(-1)
        + (c / k) * np.log(c * lam / (s * k))
    ) / (1.0 - gamma)
    y = np.exp(log_y)
    x = b * (lam * y)[..., None] / p
    e = np.exp(np.log(c * lam * y / (s * k)) / k)
    return y, x, e


@dataclass(frozen=True, eq=False)
class Proposals:
    """Every council's proposal at one price vector (for reports and the UI)."""

    wc_output: np.ndarray  # y_i per WC entry (one council, not times count)
    wc_effort: np.ndarray  # e_i
    wc_inputs: np.ndarray  # x per WC input entry (CSR order)
    cc_demand: np.ndarray  # d per CC weight entry (CSR order); public goods at p/N_cc
    supply: np.ndarray  # aggregate per good
    demand: np.ndarray  # aggregate per good


def proposals(eco: PlanEconomy, prices: np.ndarray) -> Proposals:
    """Every council's proposal at `prices`, and the aggregates the IFB compares."""
    p = as_prices(eco, prices)
    lam = p[eco.wc_output]
    log_y = _log_revenue(eco, np.log(p), _wc_constants(eco)) - np.log(lam)
    y = np.exp(log_y)
    rows = np.repeat(np.arange(eco.n_wc), np.diff(eco.wc_indptr))
    x = eco.wc_b * (lam * y)[rows] / p[eco.wc_input]
    e = np.exp(np.log(eco.wc_c * lam * y / (eco.wc_s * eco.wc_k)) / eco.wc_k)
    cc_rows = np.repeat(np.arange(eco.n_cc), np.diff(eco.cc_indptr))
    n_cc = eco.n_cc_total
    face = np.where(eco.kinds == PUBLIC, p / n_cc, p)
    d = eco.cc_income[cc_rows] * eco.cc_weight / face[eco.cc_good]
    share = np.where(eco.kinds[eco.cc_good] == PUBLIC, 1.0 / n_cc, 1.0)
    G = eco.n_goods
    demand = np.bincount(eco.cc_good, eco.cc_count[cc_rows] * d * share, minlength=G)
    demand += np.bincount(eco.wc_input, eco.wc_count[rows] * x, minlength=G)
    supply = np.bincount(eco.wc_output, eco.wc_count * y, minlength=G) + eco.endowment
    return Proposals(y, e, x, d, supply, demand)


def _wc_constants(eco: PlanEconomy) -> tuple[np.ndarray, np.ndarray]:
    """(K_i, 1/(1−γ_i)) so that log R_i = K_i + (log λ_i − Σ b log p)/(1−γ_i).

    K folds in log A, Σ b log b, the effort term and log(count), which never change.
    """
    b = eco.wc_b
    gamma = eco.wc_gamma()
    inv = 1.0 / (1.0 - gamma)
    ck = eco.wc_c / eco.wc_k
    const = (
        np.log(eco.wc_A)
        + _segment_sum(b * np.log(b), eco.wc_indptr)
        + ck * np.log(eco.wc_c / (eco.wc_s * eco.wc_k))
    )
    return const * inv, inv


def _log_revenue(eco: PlanEconomy, logp: np.ndarray, consts: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """log(λ_i y_i) for one council of each WC entry (not times count)."""
    K, inv = consts
    return K + (logp[eco.wc_output] - _segment_sum(eco.wc_b * logp[eco.wc_input], eco.wc_indptr)) * inv


# --------------------------------------------------------------------------------------
# The facilitation board's price rule
# --------------------------------------------------------------------------------------


def excess(supply: np.ndarray | float, demand: np.ndarray | float) -> np.ndarray:
    """v = |2(S − D)|/(S + D): 0 when balanced, 2 when one side is zero (and 0 if both are)."""
    S = np.asarray(supply, dtype=np.float64)
    D = np.asarray(demand, dtype=np.float64)
    total = S + D
    with np.errstate(invalid="ignore", divide="ignore"):
        v = np.abs(2.0 * (S - D)) / total
    return np.where(total > 0, v, 0.0)


def step_size(
    v: np.ndarray | float, rule: Rule = "book", prev_mult: np.ndarray | float | None = None
) -> np.ndarray:
    """The fraction w by which a price moves, given this round's excess v.

    book:    w = min(v, 0.25)·(1.05 − 0.5^v)             (Hahnel 2021 p. 181)
    program: w = max(m·(1.05 − 0.5^v), 0.001) where m is the previous round's min(v, 0.25)
             (0.25 on the first update; enshulv/demplan `_price_rules.py`).
    """
    v = np.asarray(v, dtype=np.float64)
    shape = 1.05 - np.power(0.5, v)
    if rule == "book":
        return np.minimum(v, STEP_CAP) * shape
    if rule == "program":
        mult = STEP_CAP if prev_mult is None else np.asarray(prev_mult, dtype=np.float64)
        return np.maximum(mult * shape, PROGRAM_FLOOR)
    raise PlanError(f"unknown price rule {rule!r}; use one of {', '.join(RULES)}")


def price_step(
    prices: np.ndarray | float,
    supply: np.ndarray | float,
    demand: np.ndarray | float,
    rule: Rule = "book",
    prev_mult: np.ndarray | float | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """One IFB update: p·(1+w) where D > S, p·(1−w) where S > D, unchanged where equal.

    Returns (new prices, multiplier for the program rule's next update = min(v, 0.25)).
    Also the pollution damage price (PDRM): S = the CAP's allowance, D = the requests.
    """
    S = np.asarray(supply, dtype=np.float64)
    D = np.asarray(demand, dtype=np.float64)
    v = excess(S, D)
    w = step_size(v, rule, prev_mult)
    new = np.asarray(prices, dtype=np.float64) * (1.0 + np.sign(D - S) * w)
    return new, np.minimum(v, STEP_CAP)


# --------------------------------------------------------------------------------------
# The iterative procedure
# --------------------------------------------------------------------------------------


@dataclass(eq=False)
class PlanResult:
    """Outcome of `run_plan`. Round t's proposals answer the prices of round t.

    `prices`, `supply`, `demand` are those of the last round (the accepted plan when
    `converged`); prices are not updated after it. `max_excess[t-1]` is round t's max v.
    `price_history` / `excess_history` (rounds × goods) only with record_history=True;
    `excess_history` is signed (positive where demand exceeds supply; |value| is v).
    """

    good_ids: tuple[str, ...]
    converged: bool
    rounds: int
    threshold: float
    rule: str
    prices: np.ndarray
    supply: np.ndarray
    demand: np.ndarray
    max_excess: np.ndarray
    price_history: np.ndarray | None = None
    excess_history: np.ndarray | None = None
    paced: bool = False

    @property
    def excess(self) -> np.ndarray:
        return excess(self.supply, self.demand)


class RoundKernel:
    """One unpaced round as a reusable object: precomputed constants and buffers.

    `run_plan` drives it; the benchmark times it. `values(p)` returns the supply and
    demand *values* (p·S, p·D) at prices p, `excess(S, D)` the ratios v; both reuse
    internal buffers, so copy what you keep across calls.

    Layout chosen for speed (numpy has no fused sparse kernels):
    - WCs are reordered by their number of inputs L, and each group's inputs are stored
      as an (L, n_L) block, so the per-WC sum Σ b·log p is L contiguous row additions
      (`np.add.reduce(axis=0)`) instead of a segmented reduce over tiny segments.
    - A second copy of the input list sorted by good gives the input demand per good as a
      gather of revenues plus `np.add.reduceat` over one segment per good (a scatter-add
      with `np.bincount` is two to three times slower here).
    - Indices are np.intp and valid (checked by check_economy), so `take(mode="clip")`
      skips numpy's bounds-error path.
    """

    def __init__(self, eco: PlanEconomy) -> None:
        G = eco.n_goods
        self.G = G
        K, inv = _wc_constants(eco)
        lens = np.diff(eco.wc_indptr).astype(np.intp)
        perm = np.argsort(lens, kind="stable")  # kernel order of WCs
        self.perm = perm
        self.K = (K + np.log(eco.wc_count))[perm]  # count folded in: R is per entry × n
        self.inv = inv[perm]
        self.out = np.ascontiguousarray(eco.wc_output[perm], dtype=np.intp)
        starts = eco.wc_indptr[:-1].astype(np.intp)[perm]
        lens_k = lens[perm]
        # (L, n_L) blocks, laid out one after another in flat arrays
        flat_idx: list[np.ndarray] = []
        self.blocks: list[tuple[int, int, int, int]] = []  # (L, first WC, n_L, offset)
        offset = 0
        first = 0
        for L in np.unique(lens_k):
            n_L = int(np.count_nonzero(lens_k == L))
            if L > 0:
                ent = starts[first : first + n_L][None, :] + np.arange(L)[:, None]
                flat_idx.append(ent.ravel())
                self.blocks.append((int(L), first, n_L, offset))
                offset += int(L) * n_L
            first += n_L
        self.n_zero = int(np.count_nonzero(lens_k == 0))  # WCs without inputs come first
        entry = np.concatenate(flat_idx) if flat_idx else np.zeros(0, dtype=np.intp)
        self.col = np.ascontiguousarray(eco.wc_input[entry], dtype=np.intp)
        self.b = np.ascontiguousarray(eco.wc_b[entry], dtype=np.float64)
        # kernel-order WC of each flat entry, then the by-good copy
        row_of = np.empty(len(entry), dtype=np.intp)
        for L, first, n_L, off in self.blocks:
            row_of[off : off + L * n_L] = np.tile(np.arange(first, first + n_L), L)
        by_good = np.argsort(self.col * max(eco.n_wc, 1) + row_of)  # by good, then WC
        self.rows_g = row_of[by_good]
        self.b_g = self.b[by_good]
        per_good = np.bincount(self.col, minlength=G)
        self.used = np.flatnonzero(per_good).astype(np.intp)
        self.seg = (np.cumsum(per_good) - per_good)[self.used].astype(np.intp)
        self.W = consumer_spending(eco)
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
        K, _ = _wc_constants(eco)
        self.K = (K + np.log(eco.wc_count))[self.perm]

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
        np.take(self.R, self.rows_g, out=gg, mode="clip")
        np.multiply(gg, self.b_g, out=gg)
        self.dval[:] = self.W
        if len(self.used):
            np.add.reduceat(gg, self.seg, out=self.dsum)
            self.dval[self.used] += self.dsum
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


def consumer_spending(eco: PlanEconomy) -> np.ndarray:
    """W_g = Σ_j count_j·I_j·α_jg: what consumers spend on each good at any prices.

    Cobb-Douglas spending shares do not depend on prices, so aggregate demand is W_g/p_g
    every round. For a public good the mean over N_cc of the demands at p_g/N_cc is
    Σ_j I_j α_jg / p_g too. When every CC weights the same goods in the same order (as
    generated economies do) this is one matrix-vector product instead of a scatter-add.
    """
    G = eco.n_goods
    f = eco.cc_count * eco.cc_income
    lens = np.diff(eco.cc_indptr)
    m = int(lens[0]) if len(lens) else 0
    if m and np.all(lens == m):
        goods = eco.cc_good.reshape(-1, m)
        if np.array_equal(goods, np.broadcast_to(goods[0], goods.shape)):
            W = np.zeros(G)
            np.add.at(W, goods[0], f @ eco.cc_weight.reshape(-1, m))
            return W
    spend = np.repeat(f, lens)
    np.multiply(spend, eco.cc_weight, out=spend)
    return np.bincount(eco.cc_good, spend, minlength=G).astype(np.float64)


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
    check_economy(economy)
    p = as_prices(economy, start_prices)
    if paced:
        return PacedPlanner(economy, p, rule).run(threshold, max_rounds, record_history)
    return plan_with_kernel(RoundKernel(economy), economy, p, threshold, rule, max_rounds, record_history)


def plan_with_kernel(
    kern: RoundKernel,
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
    kern: RoundKernel,
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
            mult = _update(p, S, D, v, rule, mult)
    return False, rounds


# --------------------------------------------------------------------------------------
# Human-paced variant (Looking Forward, ch. 6-7)
# --------------------------------------------------------------------------------------

PACE_TOWARD = 0.5  # share of the per-capita excess a council may move toward balance
PACE_AWAY = 0.25  # ... and away from balance
PACE_FREE_CC = 2  # consumers revise freely in rounds 1-2
PACE_FREE_WC = 3  # producers revise freely in rounds 1-3


def pace_limit(
    prev: np.ndarray,
    target: np.ndarray,
    gap: np.ndarray,
    toward_up: np.ndarray,
    weight: np.ndarray | float = 1.0,
) -> np.ndarray:
    """Move each quantity from `prev` toward `target`, within the paced limits.

    `gap` is the good's average per-capita |excess| in the previous round and `toward_up`
    says whether raising this quantity reduces that excess (a demand for a good in excess
    supply, an output of a good in excess demand). A change toward balance may be at most
    0.5·gap, away from it at most 0.25·gap, both times `weight` (the entry's multiplicity).
    """
    up = np.where(toward_up, PACE_TOWARD, PACE_AWAY) * gap * weight
    down = np.where(toward_up, PACE_AWAY, PACE_TOWARD) * gap * weight
    return np.maximum(np.clip(target, prev - down, prev + up), 0.0)


class PacedPlanner:
    """The human-paced procedure over each council's own (aggregate per entry) proposal.

    Reading of *Looking Forward* used here (documented because the text is informal):
    - Each council entry keeps its current proposal: a CC entry its demand for each good
      it wants, a WC entry its output and each input, all times its `count` (so an entry
      with count n moves like n councils).
    - Every round the IFB sets prices by the chosen rule; each council computes its
      unconstrained best answer (the same closed forms as the unpaced procedure).
    - Rounds 1-2 (consumers) and 1-3 (producers): the proposal is that best answer.
    - Later: for each good, `gap` = |D − S| of the previous round divided by the number of
      councils that propose a quantity of it (counting multiplicity: CCs wanting it, WCs
      producing it, WCs using it). Each quantity moves toward its best answer, but a change
      that reduces the good's excess is limited to 0.5·gap per council and a change that
      increases it to 0.25·gap per council. For a demand, "toward balance" is down when
      the good is in excess demand and up in excess supply; for an output, the reverse.
    - Quantities are limited one by one, so a council's proposal may sit off its budget or
      production frontier while it is being revised; only the aggregates matter to the IFB.
    Public goods: a CC's quantity is its share of the aggregate (its demand at p/N_cc,
    divided by N_cc), so the limits are in the same units as the good's excess.
    """

    def __init__(self, eco: PlanEconomy, start_prices: np.ndarray, rule: Rule = "book") -> None:
        check_economy(eco)
        self.eco = eco
        self.rule = rule
        self.p = as_prices(eco, start_prices)
        self.round = 0
        self.mult: np.ndarray | None = None
        G = eco.n_goods
        self._wc_rows = np.repeat(np.arange(eco.n_wc), np.diff(eco.wc_indptr))
        self._cc_rows = np.repeat(np.arange(eco.n_cc), np.diff(eco.cc_indptr))
        n_cc = eco.n_cc_total
        public = eco.kinds[eco.cc_good] == PUBLIC
        self._cc_share = np.where(public, 1.0 / n_cc, 1.0)
        self._cc_w = eco.cc_count[self._cc_rows]
        self._wc_w = eco.wc_count
        self._x_w = eco.wc_count[self._wc_rows]
        participants = (
            np.bincount(eco.cc_good, self._cc_w, minlength=G)
            + np.bincount(eco.wc_output, eco.wc_count, minlength=G)
            + np.bincount(eco.wc_input, self._x_w, minlength=G)
        )
        self.participants = np.maximum(participants, 1.0)
        self._consts = _wc_constants(eco)
        # current proposals, aggregate per entry (already times count)
        self.cc_q: np.ndarray | None = None
        self.y_q: np.ndarray | None = None
        self.x_q: np.ndarray | None = None
        self.supply: np.ndarray = np.zeros(G)
        self.demand: np.ndarray = np.zeros(G)

    def targets(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each entry's unconstrained best answer at the current prices (times count)."""
        eco, p = self.eco, self.p
        lam = p[eco.wc_output]
        y = np.exp(_log_revenue(eco, np.log(p), self._consts)) / lam
        x = eco.wc_b * (lam * y)[self._wc_rows] / p[eco.wc_input]
        n_cc = eco.n_cc_total
        face = np.where(eco.kinds == PUBLIC, p / n_cc, p)
        d = eco.cc_income[self._cc_rows] * eco.cc_weight / face[eco.cc_good]
        return d * self._cc_share * self._cc_w, y * self._wc_w, x * self._x_w

    def step(self) -> np.ndarray:
        """Run one round: new proposals at the current prices; returns v per good."""
        eco = self.eco
        self.round += 1
        cc_t, y_t, x_t = self.targets()
        if self.cc_q is None or self.y_q is None or self.x_q is None:
            self.cc_q, self.y_q, self.x_q = cc_t, y_t, x_t
        else:
            gap = np.abs(self.demand - self.supply) / self.participants
            in_demand = self.demand > self.supply  # excess demand in the previous round
            if self.round > PACE_FREE_CC:
                g = eco.cc_good
                self.cc_q = pace_limit(self.cc_q, cc_t, gap[g], ~in_demand[g], self._cc_w)
            else:
                self.cc_q = cc_t
            if self.round > PACE_FREE_WC:
                o, g = eco.wc_output, eco.wc_input
                self.y_q = pace_limit(self.y_q, y_t, gap[o], in_demand[o], self._wc_w)
                self.x_q = pace_limit(self.x_q, x_t, gap[g], ~in_demand[g], self._x_w)
            else:
                self.y_q, self.x_q = y_t, x_t
        G = eco.n_goods
        self.supply = np.bincount(eco.wc_output, self.y_q, minlength=G) + eco.endowment
        self.demand = np.bincount(eco.cc_good, self.cc_q, minlength=G) + np.bincount(
            eco.wc_input, self.x_q, minlength=G
        )
        return excess(self.supply, self.demand)

    def update_prices(self) -> None:
        self.p, mult = price_step(self.p, self.supply, self.demand, self.rule, self.mult)
        self.mult = mult if self.rule == "program" else None

    def run(self, threshold: float, max_rounds: int, record_history: bool = True) -> PlanResult:
        eco = self.eco
        max_ex: list[float] = []
        ph: list[np.ndarray] = []
        eh: list[np.ndarray] = []
        converged = False
        for _ in range(max_rounds):
            with np.errstate(over="ignore", under="ignore", invalid="ignore"):
                v = self.step()
            m = float(v.max()) if eco.n_goods else 0.0
            if not np.isfinite(m):
                raise PlanError(
                    f"the plan broke down in round {self.round}: quantities "
                    "overflowed or vanished (prices or parameters out of range)"
                )
            max_ex.append(m)
            if record_history:
                ph.append(self.p.copy())
                eh.append(np.copysign(v, self.demand - self.supply))
            if m < threshold:
                converged = True
                break
            if self.round < max_rounds:
                self.update_prices()
        return PlanResult(
            eco.good_ids,
            converged,
            self.round,
            float(threshold),
            self.rule,
            self.p.copy(),
            self.supply.copy(),
            self.demand.copy(),
            np.array(max_ex),
            np.array(ph) if record_history else None,
            np.array(eh) if record_history else None,
            paced=True,
        )


# --------------------------------------------------------------------------------------
# Random economies at Hahnel's scale
# --------------------------------------------------------------------------------------

HAHNEL_SCALE = (30_000, 30_000, 500)
GEN_INCOME = 5000.0
GEN_START_PRICE = 700.0
GEN_ENDOWMENT = 1000.0


def generate_economy(n_wc: int, n_cc: int, n_goods: int, rng: np.random.Generator) -> PlanEconomy:
    """A random economy drawn like pequod-cljs (wcs.clj, ccs.clj, csvgen.clj).

    Goods: five equal categories as in pequod (final, intermediate, nature, labour,
    public; nature and labour are both `primary`); the remainder of n_goods/5 goes to the
    categories in that order. Ids: F1.., I1.., N1.., L1.., P1...
    WCs: output goods are assigned round-robin over final, intermediate and public goods,
    so every producible good has ⌊n_wc/n_producible⌋ or one more producers (n_wc must be at
    least the number of producible goods). Each WC uses 1-4 distinct intermediate goods
    (never its own output), 1-2 nature and 1-2 labour goods, uniformly; each of its n
    exponents is U(0.75/n, 0.85/n), so Σb ∈ [0.75, 0.85]. A~U[4,6], c~U[0.05,0.10],
    k~U[3,4], s=1. Any intermediate or primary good no WC drew is swapped into a random
    WC's input list so that every good has a use.
    CCs: income 5000 and a weight U[z, 2z] on every final and public good (normalised),
    as in pequod's ccs.clj.
    Endowment: 1000 per primary good at Hahnel's scale, times (n_wc/n_goods)/(30000/500)
    elsewhere: the number of WCs using each primary good grows with n_wc/n_goods, so this
    keeps the demand/endowment ratio at 700 what it is at Hahnel's scale, whatever the size
    (without it a small economy would start far from balance in its primary markets).
    """
    if n_goods < 5:
        raise PlanError("a generated economy needs at least 5 goods (one of each category)")
    base, extra = divmod(n_goods, 5)
    sizes = [base + (1 if i < extra else 0) for i in range(5)]
    letters = ("F", "I", "N", "L", "P")
    kinds_by_cat = (FINAL, INTERMEDIATE, PRIMARY, PRIMARY, PUBLIC)
    ids: list[str] = []
    kinds_l: list[int] = []
    cat_idx: list[np.ndarray] = []
    for letter, kind, size in zip(letters, kinds_by_cat, sizes, strict=True):
        start = len(ids)
        ids.extend(f"{letter}{j + 1}" for j in range(size))
        kinds_l.extend([kind] * size)
        cat_idx.append(np.arange(start, start + size))
    kinds = np.array(kinds_l, dtype=np.int8)
    final, inter, nature, labour, public = cat_idx
    producible = np.concatenate([final, inter, public])
    if n_wc < len(producible):
        raise PlanError(
            f"{n_wc} worker councils cannot produce {len(producible)} goods; use at least {len(producible)}"
        )
    if n_cc < 1:
        raise PlanError("a generated economy needs at least one consumer council")
    output = producible[np.arange(n_wc) % len(producible)].astype(np.intp)

    # input lists: draw counts, then distinct goods per category via random keys
    counts = np.stack([rng.integers(1, 5, n_wc), rng.integers(1, 3, n_wc), rng.integers(1, 3, n_wc)], axis=1)
    counts[:, 0] = np.minimum(counts[:, 0], len(inter) - 1 if len(inter) > 1 else 1)
    counts[:, 1] = np.minimum(counts[:, 1], len(nature))
    counts[:, 2] = np.minimum(counts[:, 2], len(labour))
    picks = []
    for cat, goods in enumerate((inter, nature, labour)):
        keys = rng.random((n_wc, len(goods)))
        if cat == 0:  # never one's own output
            own = output[:, None] == goods[None, :]
            keys[own] = 2.0
        most = int(counts[:, cat].max())
        if most < len(goods):  # only the `most` smallest keys matter: partition, then sort
            part = np.argpartition(keys, most - 1, axis=1)[:, :most]
            sub = np.take_along_axis(keys, part, axis=1)
            order = np.take_along_axis(part, np.argsort(sub, axis=1, kind="stable"), axis=1)
        else:
            order = np.argsort(keys, axis=1, kind="stable")
        chosen = goods[order]  # the goods in random order
        take = np.arange(order.shape[1])[None, :] < counts[:, cat][:, None]
        chosen = np.where(take, chosen, -1)
        picks.append(chosen)
    allin = np.concatenate(picks, axis=1)
    # make sure every intermediate and primary good has a user
    used = np.zeros(n_goods, dtype=bool)
    used[allin[allin >= 0]] = True
    for cat, goods in enumerate((inter, nature, labour)):
        offset = sum(p.shape[1] for p in picks[:cat])
        for g in goods[~used[goods]]:
            for _ in range(1000):
                i = int(rng.integers(n_wc))
                if output[i] != g:
                    allin[i, offset] = g  # replace the council's first pick of that kind
                    break
        used[allin[allin >= 0]] = True
    # canonical order within each council: sorted good index
    allin = np.sort(np.where(allin >= 0, allin, n_goods), axis=1)
    mask = allin < n_goods
    col = allin[mask].astype(np.intp)
    lens = mask.sum(axis=1)
    indptr = np.concatenate([[0], np.cumsum(lens)]).astype(np.intp)
    n_in = np.repeat(lens, lens).astype(np.float64)
    b = rng.uniform(0.75, 0.85, len(col)) / n_in

    A = rng.uniform(4.0, 6.0, n_wc)
    c = rng.uniform(0.05, 0.10, n_wc)
    k = rng.uniform(3.0, 4.0, n_wc)
    s = np.ones(n_wc)

    consumables = np.concatenate([final, public]).astype(np.intp)
    m = len(consumables)
    z = 0.5 / m
    raw = rng.uniform(z, 2 * z, (n_cc, m))
    raw /= raw.sum(axis=1, keepdims=True)
    cc_good = np.tile(consumables, n_cc)
    cc_indptr = np.arange(0, (n_cc + 1) * m, m, dtype=np.intp)

    endowment = np.zeros(n_goods)
    scale = (n_wc / n_goods) / (HAHNEL_SCALE[0] / HAHNEL_SCALE[2])
    endowment[kinds == PRIMARY] = GEN_ENDOWMENT * scale
    return PlanEconomy(
        good_ids=tuple(ids),
        kinds=kinds,
        endowment=endowment,
        wc_output=output,
        wc_A=A,
        wc_c=c,
        wc_s=s,
        wc_k=k,
        wc_count=np.ones(n_wc),
        wc_indptr=indptr,
        wc_input=col,
        wc_b=b,
        cc_income=np.full(n_cc, GEN_INCOME),
        cc_count=np.ones(n_cc),
        cc_indptr=cc_indptr,
        cc_good=cc_good,
        cc_weight=raw.ravel(),
    )


__all__ = [
    "FINAL",
    "INTERMEDIATE",
    "PRIMARY",
    "PUBLIC",
    "KIND_NAMES",
    "KIND_CODES",
    "RULES",
    "PlanEconomy",
    "PlanError",
    "PlanResult",
    "Proposals",
    "PacedPlanner",
    "RoundKernel",
    "normalise_weights",
    "check_economy",
    "as_prices",
    "cc_demand",
    "wc_optimum",
    "proposals",
    "consumer_spending",
    "excess",
    "step_size",
    "price_step",
    "pace_limit",
    "run_plan",
    "generate_economy",
    "HAHNEL_SCALE",
    "GEN_START_PRICE",
]
