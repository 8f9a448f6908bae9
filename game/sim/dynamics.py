"""How the economy and society move during one turn, after the turn's decisions and the
elite's move: capital and jobs, co-op capital (richer co-ops pull ahead), buyouts and Marcora
co-ops, awareness and support (Bass diffusion under media attack), power concentration."""

from __future__ import annotations

import numpy as np

from game.sim.diffusion import bass_media_step
from game.sim.economy import REINVEST, Calibration, coop_production
from game.sim.effects import new_coops, take_workers
from game.sim.state import State

MEDIA_MU = 0.6
NATURAL_UNEMPLOYMENT = 0.05


def advance(state: State, cal: Calibration, dt: float) -> None:
    """One turn of dynamics, in place. `dt` is the turn's length in years (season 0.25)."""
    p = state.params
    # firms invest and hire from the unemployed
    state.firm_capital *= 1.0 + 0.02 * dt
    slack = state.unemployment - NATURAL_UNEMPLOYMENT
    if slack > 0:
        state.firm_share += 0.3 * dt * slack

    # co-ops: reinvest from net revenue, capital depreciates; co-ops that cannot pay their
    # members half of basic needs lose members; support brings new members
    c = state.coops
    if len(c.members):
        pay, _ = coop_production(state, cal)
        net = pay / (1.0 - REINVEST)
        invest = 0.0 if state.credit_cut > 0.5 else REINVEST
        c.capital = np.maximum(0.0, c.capital + dt * (invest * net - 0.06 * c.capital))
        # capital buys better technique: well-capitalised co-ops grow more productive and
        # capital-starved ones fall behind, so market co-ops drift apart over the years
        c.productivity = c.productivity * (1.0 + dt * (0.04 * np.minimum(c.capital, 2.0) - 0.02))
        need = p.get("_basic_need", 0.75)
        failing = pay < 0.5 * need
        if np.any(failing):
            leaving = c.members * np.where(failing, 0.3, 0.0)
            c.members = c.members - leaving
        growth = float(c.members.sum()) * 0.06 * dt * state.support
        if growth > 0:
            taken = take_workers(state, "unemployed", growth)
            if taken < growth:
                taken += take_workers(state, "firm", growth - taken)
            c.members = c.members + taken * c.members / max(float(c.members.sum()), 1e-12)
    # laid-off workers pool their benefits into co-ops (Marcora), a fund buys out firms
    if p["marcora"] >= 0.5 and state.unemployment > 0.01:
        flow = 0.12 * dt * state.unemployment * (0.5 + state.support)
        new_coops(state, 1, take_workers(state, "unemployed", flow), quality=0.9)
    if p["coop_fund"] > 0:
        flow = min(0.5 * state.firm_share, p["coop_fund"] * dt * (1.0 + 0.5 * p["marcora"]))
        taken = take_workers(state, "firm", flow)
        new_coops(state, 1, taken, quality=0.9)

    # awareness spreads (education p, word of mouth q) and is attacked by elite media
    state.awareness = float(
        bass_media_step(state.awareness, p["education"], p["word_of_mouth"], MEDIA_MU, state.media)
    )
    target = state.awareness * state.approval
    state.support += 0.5 * (target - state.support)
    state.support -= 0.5 * state.media * state.support
    state.support = float(np.clip(state.support, 0.0, state.awareness))

    # power concentrates where councils are weak, unless people understand what to demand
    pc = state.power_concentration
    pc += p["vanguard_pressure"] * (1.0 - state.participation_raw) - 0.12 * state.awareness * pc
    state.power_concentration = float(np.clip(pc, 0.0, 1.0))

    # unpriced pollution accumulates and deepens harvest failures
    emitted = p["pollution_intensity"] * (1.0 - p["pollution_price"]) * state.firm_share
    state.pollution_stock = 0.85 * state.pollution_stock + emitted * dt
