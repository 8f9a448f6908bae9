"""The round kernel's layout of the worker councils (`wc_layout`): sorted by their number
of inputs, each group's inputs as an (L, n_L) block, with the constants of their revenues.
Part of `game.sim.planning` (see `RoundKernel`)."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from game.sim.plan_economy import SMALL_ECONOMY, PlanEconomy
from game.sim.plan_rounds import _wc_constants

Blocks = list[tuple[int, int, int, int]]  # (L, first WC, n_L, offset) per number of inputs L


class WCLayout(NamedTuple):
    """The WCs in the round kernel's order and layout (see `RoundKernel`), with the
    constants of their revenues."""

    gamma: np.ndarray  # every WC's γ, in the economy's order (what the checks compute)
    perm: np.ndarray  # kernel order: WCs sorted by their number of inputs
    K: np.ndarray  # log-revenue constants, log(count) folded in, kernel order
    inv: np.ndarray  # 1/(1-γ), kernel order
    out: np.ndarray  # output goods, kernel order
    blocks: Blocks
    n_zero: int  # WCs without inputs (they come first)
    col: np.ndarray  # the input goods, block after block
    b: np.ndarray  # their exponents


def wc_layout(eco: PlanEconomy, gamma: np.ndarray | None = None) -> WCLayout:
    """The WC side of `RoundKernel`'s set-up. Reads only WC arrays whose CSR layout is
    consistent (checked before `plan_setup` calls it on an economy not checked yet).

    `gamma`: `eco.wc_gamma()` if the caller has it. Economies of SMALL_ECONOMY WCs or more
    compute γ and Σ b·log b down the kernel's blocks instead (contiguous rows, as a round
    sums; `np.add.reduceat` over 30,000 segments of five was two thirds of this set-up), so
    their γ and constants may differ from `wc_gamma()`'s in the last bit."""
    lens = np.diff(eco.wc_indptr).astype(np.intp)
    # stable, so the same order whatever the key's type; 8-bit keys take a radix sort
    small = len(lens) > 0 and int(lens.max()) < 256
    perm = np.argsort(lens.astype(np.uint8) if small else lens, kind="stable")  # kernel order
    starts = eco.wc_indptr[:-1].astype(np.intp)[perm]
    lens_k = lens[perm]
    # (L, n_L) blocks, laid out one after another in flat arrays
    flat_idx: list[np.ndarray] = []
    blocks: Blocks = []
    offset = 0
    first = 0
    counts = np.bincount(lens_k)  # WCs per number of inputs
    for L in np.flatnonzero(counts).tolist():
        n_L = int(counts[L])
        if L > 0:
            ent = starts[first : first + n_L][None, :] + np.arange(L)[:, None]
            flat_idx.append(ent.ravel())
            blocks.append((int(L), first, n_L, offset))
            offset += int(L) * n_L
        first += n_L
    entry = np.concatenate(flat_idx) if flat_idx else np.zeros(0, dtype=np.intp)
    col = np.ascontiguousarray(eco.wc_input[entry], dtype=np.intp)
    b = np.ascontiguousarray(eco.wc_b[entry], dtype=np.float64)
    ck = eco.wc_c / eco.wc_k
    if eco.n_wc >= SMALL_ECONOMY:  # down the blocks, in kernel order
        sb = _block_sums(blocks, b, None, eco.n_wc)
        gamma_k = sb + ck[perm]
        gamma = np.empty_like(gamma_k)
        gamma[perm] = gamma_k
        inv_k = 1.0 / (1.0 - gamma_k)
        K_k = _block_constants(eco, perm, blocks, b, inv_k)
    else:  # the game's economies: the same bits as ever
        gamma = eco.wc_gamma() if gamma is None else gamma
        K, inv = _wc_constants(eco, gamma)
        K_k, inv_k = (K + np.log(eco.wc_count))[perm], inv[perm]  # count folded in: R is per entry × n
    out = np.ascontiguousarray(eco.wc_output[perm], dtype=np.intp)
    return WCLayout(gamma, perm, K_k, inv_k, out, blocks, int(np.count_nonzero(lens_k == 0)), col, b)


def _block_constants(
    eco: PlanEconomy, perm: np.ndarray, blocks: Blocks, b: np.ndarray, inv: np.ndarray
) -> np.ndarray:
    """`_wc_constants`' K with log(count) folded in, in kernel order, Σ b·log b summed
    down the blocks (economies of SMALL_ECONOMY WCs or more)."""
    ck = eco.wc_c / eco.wc_k
    const = (np.log(eco.wc_A) + ck * np.log(eco.wc_c / (eco.wc_s * eco.wc_k)))[perm]
    const += _block_sums(blocks, b, np.log(b), eco.n_wc)
    return const * inv + np.log(eco.wc_count)[perm]


def _block_sums(blocks: Blocks, b: np.ndarray, other: np.ndarray | None, n_wc: int) -> np.ndarray:
    """Per WC (kernel order) Σ b, or Σ b·other, down each (L, n_L) block; 0 without inputs."""
    sums = np.zeros(n_wc)
    for L, first, n_L, off in blocks:
        end = off + L * n_L
        x = b[off:end].reshape(L, n_L)
        if other is None:
            np.einsum("ij->j", x, out=sums[first : first + n_L])
        else:
            np.einsum("ij,ij->j", x, other[off:end].reshape(L, n_L), out=sums[first : first + n_L])
    return sums
