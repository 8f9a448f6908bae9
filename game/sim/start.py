"""The state a level starts from: its economy's shares and parameters, the council workers'
sample (drawn from the level's seed) and the co-ops the level founds."""

from __future__ import annotations

import numpy as np

from game.sim.inputs import LevelLike
from game.sim.state import COUNCIL_SAMPLE, WAGE_LADDER, Coops, CouncilWorkers, State
from game.sim.vocabulary import PARAMS


def initial_state(level: LevelLike, seed: int) -> State:
    eco = level.economy
    params = {name: spec.default for name, spec in PARAMS.items()}
    params.update({k: float(v) for k, v in eco.params.items()})
    params["_owner_share"] = float(eco.owner_share)
    params["_basic_need"] = float(eco.basic_need)
    params["_coop_spread"] = float(eco.coop_spread)
    params["_elite_strength"] = float(level.elite.strength)
    if "land_turnover" in eco.params:  # a land market bounds the trust's purchases (land.py)
        params["_land_market"] = 1.0
    # council workers: the inherited ladder, hours and effort ratings (a fixed sample; the
    # ratings come from the level's seed so every run of a level and seed is the same)
    rng = np.random.default_rng([seed, 1])
    ladder = np.resize(WAGE_LADDER, COUNCIL_SAMPLE)
    hours = np.round(rng.uniform(30.0, 45.0, COUNCIL_SAMPLE), 1)
    ratings = np.clip(np.round(rng.normal(1.0, 0.12, COUNCIL_SAMPLE), 2), 0.7, 1.3)
    n = eco.coop_count
    coops = Coops.empty()
    if n:
        prod = 1.0 + eco.coop_spread * (np.linspace(-0.5, 0.5, n) if n > 1 else np.zeros(1))
        # advantaged co-ops start with more capital than they can use (Hahnel 2009's premise:
        # market co-ops reproduce the gap), the least advantaged with 40% of what they need
        rank = np.linspace(0.0, 1.0, n) if n > 1 else np.full(1, 0.5)
        coops.add(np.full(n, eco.coop_share / n), prod, 0.4 + 1.0 * rank)
    return State(
        turn=0,
        params=params,
        firm_share=float(eco.firm_share),
        council_share=float(eco.council_share),
        coops=coops,
        council_workers=CouncilWorkers(ladder, hours, ratings),
        firm_capital=1.0,
        awareness=float(eco.awareness),
        support=min(float(eco.support), float(eco.awareness)),
        power_concentration=float(eco.power_concentration),
        elite_wealth=float(level.elite.strength),
        pollution_stock=0.0,
        resources={r.id: float(r.start) for r in level.resources},
    )
