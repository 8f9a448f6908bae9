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
`b_m R_i`. One round is a gather and a reduction over the WC input list for the revenues,
one exponential per WC, a gather or broadcast and a sum per good for the input demand, and
a bincount; nothing loops over councils or goods in Python (see `RoundKernel`). Quantities
are `value / price`.

Multiplicity: a council entry with `count = n` stands for n identical councils. The arrays
keep one row per entry and a weight `count`; every aggregate multiplies by it (supply,
demand, the number of CCs that share a public good). Nothing is materialised n times.

Numpy only: no files, no yaml, no pygame. Same inputs give byte-identical outputs on
the same machine (numpy's SIMD kernels may differ in the last bit between CPUs).

Split by stage: `plan_economy` (the economy and its checks), `plan_rounds` (proposals and the
price rule), `plan_kernel` (the fast loop and `run_plan`), `plan_layout` (the loop's layout of
the WCs), `plan_spending` (consumer spending), `plan_fused` (the compiled loop for plans of
Hahnel's scale, with numba), `plan_paced` (the human-paced variant) and `plan_generate`
(random economies). This module gathers their names, so `from game.sim.planning import
run_plan` keeps working.
"""

from __future__ import annotations

from game.sim.plan_economy import (
    FINAL,
    INTERMEDIATE,
    KIND_CODES,
    KIND_NAMES,
    PRIMARY,
    PROGRAM_FLOOR,
    PUBLIC,
    RULES,
    SMALL_ECONOMY,
    STEP_CAP,
    PlanEconomy,
    PlanError,
    Rule,
    Scan,
    ScanJob,
    _segment_sum,
    as_prices,
    check_economy,
    normalise_weights,
    scan_economy,
)
from game.sim.plan_generate import (
    GEN_ENDOWMENT,
    GEN_INCOME,
    GEN_START_PRICE,
    HAHNEL_SCALE,
    generate_economy,
)
from game.sim.plan_kernel import (
    RoundKernel,
    WCLayout,
    _iterate,
    _update,
    plan_setup,
    plan_with_kernel,
    run_plan,
    wc_layout,
)
from game.sim.plan_paced import (
    PACE_AWAY,
    PACE_FREE_CC,
    PACE_FREE_WC,
    PACE_TOWARD,
    PacedPlanner,
    pace_limit,
)
from game.sim.plan_rounds import (
    PlanResult,
    Proposals,
    _log_revenue,
    _wc_constants,
    cc_demand,
    excess,
    price_step,
    proposals,
    step_size,
    wc_optimum,
)
from game.sim.plan_spending import consumer_spending

__all__ = [
    "FINAL",
    "GEN_ENDOWMENT",
    "GEN_INCOME",
    "GEN_START_PRICE",
    "HAHNEL_SCALE",
    "INTERMEDIATE",
    "KIND_CODES",
    "KIND_NAMES",
    "PACE_AWAY",
    "PACE_FREE_CC",
    "PACE_FREE_WC",
    "PACE_TOWARD",
    "PRIMARY",
    "PROGRAM_FLOOR",
    "PUBLIC",
    "PacedPlanner",
    "PlanEconomy",
    "PlanError",
    "PlanResult",
    "Proposals",
    "RULES",
    "RoundKernel",
    "Rule",
    "Scan",
    "ScanJob",
    "SMALL_ECONOMY",
    "STEP_CAP",
    "WCLayout",
    "_iterate",
    "_log_revenue",
    "_segment_sum",
    "_update",
    "_wc_constants",
    "as_prices",
    "cc_demand",
    "check_economy",
    "consumer_spending",
    "excess",
    "generate_economy",
    "normalise_weights",
    "pace_limit",
    "price_step",
    "proposals",
    "plan_setup",
    "plan_with_kernel",
    "run_plan",
    "scan_economy",
    "step_size",
    "wc_layout",
    "wc_optimum",
]
