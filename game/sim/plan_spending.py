"""Consumer spending per good (`consumer_spending`), the constant part of demand in every
round of the planning procedure; both round kernels (`RoundKernel`, `FusedKernel`) start
from it. Part of `game.sim.planning`."""

from __future__ import annotations

import numpy as np

from game.sim.plan_economy import SMALL_ECONOMY, PlanEconomy, Scan, _cc_pass, dense_cc_goods


def consumer_spending(eco: PlanEconomy, goods: np.ndarray | None | bool = True) -> np.ndarray:
    """W_g = Σ_j count_j·I_j·α_jg: what consumers spend on each good at any prices.

    Cobb-Douglas spending shares do not depend on prices, so aggregate demand is W_g/p_g
    every round. For a public good the mean over N_cc of the demands at p_g/N_cc is
    Σ_j I_j α_jg / p_g too. When every CC weights the same goods in the same order (as
    generated economies do) this is one matrix-vector product instead of a scatter-add.
    """
    G = eco.n_goods
    f = eco.cc_count * eco.cc_income
    row = dense_cc_goods(eco) if goods is True else goods
    if isinstance(row, np.ndarray):  # `goods`: dense_cc_goods(eco), if the caller has it
        if len(f) >= SMALL_ECONOMY:  # in the blocks of the checks' pass, so the same bits
            cc = _cc_pass(eco, checks=False)
            assert cc is not None  # a goods row means every council has as many entries
            return _spending_by_good(G, row, cc.spending)
        # small economies (the game's) keep the matrix-vector product, so their results
        # stay the same to the last bit; for large ones einsum's own loop (in _cc_pass):
        # BLAS's threaded product was 25 times slower on a loaded 2-core machine
        return _spending_by_good(G, row, f @ eco.cc_weight.reshape(-1, len(row)))
    lens = np.diff(eco.cc_indptr)
    spend = np.repeat(f, lens)
    np.multiply(spend, eco.cc_weight, out=spend)
    return np.bincount(eco.cc_good, spend, minlength=G).astype(np.float64)


def kernel_spending(eco: PlanEconomy, found: Scan | np.ndarray | None | bool) -> np.ndarray:
    """Consumer spending for a round kernel, from what the checks found (`found`, as the
    kernels take it): the checks' own pass over the CC list when it computed the spending,
    so the kernel reads nothing the checks read; else `consumer_spending`."""
    if isinstance(found, Scan):
        if found.spending is not None and found.dense is not None:
            return _spending_by_good(eco.n_goods, found.dense, found.spending)
        found = found.dense
    return consumer_spending(eco, found)


def _spending_by_good(G: int, row: np.ndarray, spend: np.ndarray) -> np.ndarray:
    """Spending per entry of the CC goods row, added up per good."""
    W = np.zeros(G)
    np.add.at(W, row, spend)
    return W
