"""Random economies drawn like pequod-cljs, at Hahnel's scale. Part of
`game.sim.planning`."""

from __future__ import annotations

import numpy as np

from game.sim.plan_economy import FINAL, INTERMEDIATE, PRIMARY, PUBLIC, PlanEconomy, PlanError

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
    # 32-bit good indices: the CC list is the economy's largest (6 million entries at
    # Hahnel's scale) and the set-up reads it; half the bytes, half the time
    cc_good = np.tile(consumables.astype(np.int32), n_cc)
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
