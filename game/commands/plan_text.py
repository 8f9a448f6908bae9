"""`plan`'s tables in the reader's language: how the procedure converged round by round and
each good's price, supply and demand at the end (the JSON output keeps English keys)."""

from __future__ import annotations

import sys
from typing import Any

from game.errors import Part, render
from game.i18n import N_, Translator

# Pequod's colour bands for an excess ratio, from the closest to balance
BANDS = ((0.03, N_("blue")), (0.05, N_("green")), (0.10, N_("yellow")), (0.20, N_("orange")))
RED = N_("red")
# the kinds of good (game.sim.plan_economy.KIND_NAMES) in words
KIND_WORDS = {
    "final": N_("final"),
    "intermediate": N_("intermediate"),
    "primary": N_("primary"),
    "public": N_("public"),
}


def band(v: float) -> str:
    """The colour band of an excess ratio (English; translate where shown)."""
    for limit, name in BANDS:
        if v < limit:
            return name
    return RED


def print_tables(result: Any, eco: Any, source: tuple[Part, ...], tr: Translator) -> None:
    from game.sim.planning import KIND_NAMES

    _ = tr.gettext
    out = sys.stdout
    n_wc = int(eco.wc_count.sum())
    n_cc = int(eco.cc_count.sum())
    print(_("Economy: {source}").format(source=render(source, _)), file=out)
    sizes = _("{goods} goods, {wcs} worker councils, {ccs} consumer councils").format(
        goods=eco.n_goods, wcs=n_wc, ccs=n_cc
    )
    how = (_("rule {rule}, human-paced") if result.paced else _("rule {rule}")).format(rule=result.rule)
    num = tr.num  # every figure as the language writes numbers
    threshold = _("threshold {threshold}").format(threshold=num(result.threshold, ".2%"))
    print(f"  {sizes}; {how}, {threshold}", file=out)
    if result.converged:
        said = _("Converged in {rounds} rounds: every market within {threshold}.")
        print(said.format(rounds=result.rounds, threshold=num(result.threshold, ".2%")), file=out)
    else:
        said = _("NOT converged after {rounds} rounds: the largest excess is still {excess}.")
        print(said.format(rounds=result.rounds, excess=num(result.max_excess[-1], ".2%")), file=out)
    round_h, excess_h, band_h = _("Round"), _("largest excess"), _("band")
    rw, ew = max(5, len(round_h)), max(13, len(excess_h))
    print(f"\n{round_h:<{rw}}  {excess_h:>{ew}}  {band_h}", file=out)
    for i, m in enumerate(result.max_excess):
        print(f"{i + 1:{rw}d}  {num(m, '.2%'):>{ew}}  {_(band(float(m)))}", file=out)
    heads = [_("Good"), _("kind"), _("price"), _("supply"), _("demand"), _("excess")]
    kinds = [_(KIND_WORDS[KIND_NAMES[int(k)]]) for k in eco.kinds]
    width = max(len(heads[0]), *(len(g) for g in result.good_ids))
    kw = max(12, len(heads[1]), *(len(k) for k in kinds))
    good, kind, price, supply, demand, excess = heads
    print(
        f"\n{good:<{width}}  {kind:<{kw}}  {price:>12}  {supply:>14}  {demand:>14}  {excess:>8}",
        file=out,
    )
    ex = result.excess
    for i, g in enumerate(result.good_ids):
        print(
            f"{g:<{width}}  {kinds[i]:<{kw}}  {num(result.prices[i], '.2f'):>12}  "
            f"{num(result.supply[i], '.2f'):>14}  {num(result.demand[i], '.2f'):>14}  {num(ex[i], '.2%'):>8}",
            file=out,
        )
