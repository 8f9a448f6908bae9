"""One round of the planning procedure in closed form: the councils' proposals at given
prices and the facilitation board's price rule. Part of `game.sim.planning`."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.sim.plan_economy import (
    PROGRAM_FLOOR,
    PUBLIC,
    RULES,
    STEP_CAP,
    PlanEconomy,
    PlanError,
    Rule,
    _segment_sum,
    as_prices,
)

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


def _wc_constants(eco: PlanEconomy, gamma: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(K_i, 1/(1−γ_i)) so that log R_i = K_i + (log λ_i − Σ b log p)/(1−γ_i).

    K folds in log A, Σ b log b, the effort term and log(count), which never change.
    `gamma`: `eco.wc_gamma()` if the caller has it (the checks compute it).
    """
    b = eco.wc_b
    gamma = eco.wc_gamma() if gamma is None else gamma
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
