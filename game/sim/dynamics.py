"""How the economy and society move during one turn, after the turn's decisions and the
elite's move: firms hire and invest, co-op capital (richer co-ops pull ahead), buyouts and
Marcora co-ops, awareness and support (Bass diffusion under media attack), power
concentration.

One clock: every rate here is per year, and a turn is integrated in steps of at most a
quarter of a year (a season is one step, a year four), so a season level and a year level
with the same parameters follow the same path per year.
"""

from __future__ import annotations

import math

import numpy as np

from game.sim.buyouts import fund_flow
from game.sim.diffusion import bass_media_scalar
from game.sim.economy import REINVEST, Calibration, CoopResult, coop_production, firm_inputs
from game.sim.effects import new_coops, take_workers
from game.sim.firms import adjust
from game.sim.land import land_market, members_left, trust_bought, trust_flow
from game.sim.pace import pace_step
from game.sim.scalar import clip
from game.sim.state import State
from game.sim.thresholds import TIPPING_PULL, committed, tipping

STEP = 0.25  # the longest integration step, in years
MEDIA_MU = 2.4  # a year: awareness lost per unit of media attack (0.6 a season)
SUPPORT_SPEED = 4.0 * math.log(2.0)  # support closes half its gap to its target in a season
MEDIA_SUPPORT = 0.5  # share of support a media attack of strength 1 takes in a season
FAILING_LOSS = 0.3  # share of members a failing co-op loses in a season
POWER_DECAY = 0.48  # a year, per unit of awareness
POLLUTION_KEEP = 0.85**4  # share of the pollution stock left after a year
DEPRECIATION = 0.06  # co-op capital, a year


def substeps(dt: float) -> tuple[int, float]:
    n = max(1, math.ceil(dt / STEP - 1e-9))
    return n, dt / n


def advance(state: State, cal: Calibration, dt: float) -> None:
    """One turn of dynamics, in place. `dt` is the turn's length in years (season 0.25)."""
    n, h = substeps(dt)
    for i in range(n):
        step(state, cal, h)
        if i == 0:  # a media campaign lasts a season, whatever the turn's length
            state.media = 0.0


def step(state: State, cal: Calibration, h: float) -> None:
    """`h` years (at most a quarter) of dynamics."""
    economic_step(state, cal, h)
    society_step(state, h)


def economic_step(
    state: State, cal: Calibration, h: float, known: CoopResult | None = None
) -> CoopResult | None:
    """The economy's part of a step: firms, co-ops, buyouts. It reads support but no media
    attack (the stress test's media blitz shares it with the year without a shock).
    `known`: `coop_production(state, cal)` if the caller has it (the co-ops' inputs equal
    another state's). Returns the co-ops' production it used."""
    p = state.params
    c = state.coops
    pace_step(state, h)  # council pay moves at the chosen pace; scarce skills respond
    coop = (known or coop_production(state, cal)) if len(c.members) else None

    # firms hire towards their optimum and invest by the profit rate
    adjust(state, firm_inputs(state, cal, coop), cal.world_rate, h)

    # co-ops: reinvest from net revenue, capital depreciates; co-ops that cannot pay their
    # members half of basic needs lose members; support brings new members
    if coop is not None:
        invest = 0.0 if state.credit_cut > 0.5 else REINVEST
        c.capital = np.maximum(0.0, c.capital + h * (invest * coop.net - DEPRECIATION * c.capital))
        # technique follows the capital at work in a co-op, not what it owns: capital lent
        # out modernises the borrower (well-capitalised co-ops still drift ahead)
        used = coop.capital.in_use
        c.productivity = c.productivity * (1.0 + h * (0.04 * np.minimum(used, 2.0) - 0.02))
        need = p.get("_basic_need", 0.75)
        failing = coop.pay < 0.5 * need
        if failing.any():
            keep = (1.0 - FAILING_LOSS) ** (h / 0.25)
            before = state.coop_share
            c.members = np.where(failing, c.members * keep, c.members)
            members_left(state, before)
        growth = float(c.members.sum()) * 0.06 * h * state.support
        if growth > 0:
            taken = take_workers(state, "unemployed", growth)
            if taken < growth:
                taken += take_workers(state, "firm", growth - taken)
            c.members = c.members + taken * c.members / max(float(c.members.sum()), 1e-12)
    # laid-off workers pool their benefits into co-ops (Marcora), a fund buys out firms
    if p["marcora"] >= 0.5 and state.unemployment > 0.01:
        flow = 0.12 * h * state.unemployment * (0.5 + state.support)
        new_coops(state, 1, take_workers(state, "unemployed", flow), quality=0.9)
    if p["coop_fund"] > 0:
        # the trust or fund buys the workplaces: the owners are paid (the federation's cost
        # in funds is the game's abstraction [D], docs/scores.md); a land trust buys no more
        # than the land that changes hands (land.py), a buy-out fund only firms that close
        # or move (buyouts.py)
        flow = trust_flow(p, state.firm_share, h) if land_market(p) else fund_flow(state, h)
        taken = take_workers(state, "firm", flow, capital="sold")
        new_coops(state, 1, taken, quality=0.9)
        trust_bought(state, taken)
    return coop


def society_step(state: State, h: float) -> None:
    """The rest of a step: awareness, support and power (`social_step`), pollution."""
    p = state.params
    social_step(state, h)

    # unpriced pollution accumulates and deepens harvest failures
    emitted = p["pollution_intensity"] * (1.0 - p["pollution_price"]) * state.firm_share
    state.pollution_stock = POLLUTION_KEEP**h * state.pollution_stock + emitted * h


def social_step(state: State, h: float) -> None:
    """Awareness, support and power concentration over `h` years (rates per year)."""
    p = state.params
    # awareness spreads (education p, word of mouth q, per year) and is attacked by media
    state.awareness = bass_media_scalar(
        state.awareness, p["education"], p["word_of_mouth"], MEDIA_MU, state.media, h
    )
    # past the committed-minority tipping point the aware who do not yet back the project
    # are pulled towards the new norm (Centola et al. 2018; thresholds.py)
    pull = TIPPING_PULL * tipping(committed(state.support, state.participation_raw)) * (1.0 - state.approval)
    target = state.awareness * (state.approval + pull)
    state.support += (target - state.support) * (1.0 - math.exp(-SUPPORT_SPEED * h))
    state.support *= max(0.0, 1.0 - MEDIA_SUPPORT * min(state.media, 1.9)) ** (h / 0.25)
    state.support = clip(float(state.support), 0.0, float(state.awareness))

    # power concentrates where councils are weak, unless people understand what to demand
    pc = state.power_concentration
    pc += h * (p["vanguard_pressure"] * (1.0 - state.participation_raw) - POWER_DECAY * state.awareness * pc)
    state.power_concentration = clip(float(pc), 0.0, 1.0)
