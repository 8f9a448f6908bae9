"""The old elite as an actor: resources that follow its income, a threat it perceives, a
tactic chosen each turn and announced one turn ahead, so the player can answer.

Forms from economics.md §6 [D]: capital flight moves abroad a share φ·I·(1 − capital
controls) of firm capital a year (compounded over the turn's length), where the intensity I
grows with the threat the elite sees (the reference's φ·max(0, threat − τ) with τ = 0); the
capital keeps earning the world rate for its owners abroad, and the jobs it employed are
lost at home. Media attacks enter the diffusion of awareness as −μ·M·F; a credit strike
scales co-ops' credit lines by (1 − κ) (Chile 1971: Chase cut credit lines from $31.9M to
$5M); undercutting cuts co-op prices, and the big firms pay for matching the cut price out
of their profits. Each move costs the elite resources in proportion to its length.
"""

from __future__ import annotations

import numpy as np

from game.sim.effects import undo_law
from game.sim.report import EliteMove
from game.sim.state import State, Warning_

FLIGHT_PHI = 0.3
CREDIT_KAPPA = 0.8
UNDERCUT = 0.3
MOVE_COST = 0.16  # elite resources a move of intensity 1 uses up per year of its length
WEALTH_SPEED = -4.0 * float(np.log(0.85))  # a year: resources follow income (0.85 a season)


def threat(state: State) -> float:
    """How threatened the elite feels: self-managed work, popular support, laws passed."""
    self_managed = state.coop_share + state.council_share
    laws = len(state.law_log)
    t = (
        0.45 * min(1.0, self_managed / 0.4)
        + 0.35 * min(1.0, state.support / 0.5)
        + 0.2 * min(1.0, laws / 5.0)
    )
    return float(np.clip(t, 0.0, 1.0))


def intensity(state: State, t: float) -> float:
    return float(np.clip(state.params["elite_aggression"] * state.elite_wealth * (0.2 + 1.3 * t), 0.0, 1.5))


def choose(state: State, allowed: list[str], noise: np.ndarray) -> Warning_ | None:
    """Pick next turn's tactic: the one that fits the situation best, given the player's
    defences; a little noise (from the turn's draws) keeps it from being fully predictable."""
    t = threat(state)
    power = intensity(state, t)
    if power < 0.12:
        return None
    p = state.params
    coop, council = state.coop_share, state.council_share
    fit = {
        "capital_flight": (0.3 + 0.2 * len(state.law_log) + council) * (1 - p["capital_controls"]),
        "credit_strike": (0.1 + 4.0 * coop) * (1 - p["public_credit"]),
        "media_campaign": (0.25 + 1.2 * state.support) * (1 - 0.7 * p["media_defense"]),
        "legal_challenge": (0.9 if state.law_log else 0.0) * (1 - p["legal_defense"]),
        "price_undercutting": (3.0 * coop) * (1 - p["solidarity_purchasing"]),
        "counter_revolution": max(0.0, t - 0.5) * 4.0 * (1 - p["self_defense"]),
    }
    best, best_score = None, 0.0
    for i, name in enumerate(sorted(fit)):
        if name not in allowed:
            continue
        score = fit[name] * (0.85 + 0.3 * float(noise[i % len(noise)]))
        if state.last_tactics[-2:] == [name, name]:
            score *= 0.5
        if score > best_score:
            best, best_score = name, score
    if best is None or best_score < 0.05:
        return None
    return Warning_(best, power, state.turn + 1)


def execute(state: State, warning: Warning_, draw: float, population: int, dt: float = 0.25) -> EliteMove:
    """Carry out the warned tactic, weakened by the player's counters this turn."""
    p = state.params
    countered = state.counters.get(warning.tactic, 0.0)
    i = warning.intensity * (1.0 - countered)
    state.elite_wealth = max(0.0, state.elite_wealth - MOVE_COST * i * dt)
    tactic = warning.tactic
    amount, jobs_lost, law = 0.0, 0.0, ""
    if tactic == "capital_flight":
        loss = 1.0 - (1.0 - min(0.95, FLIGHT_PHI * i * (1 - p["capital_controls"]))) ** dt
        before = state.firm_capital
        state.foreign_capital += before * loss
        state.firm_capital *= 1 - loss
        # no firm capital left (every firm converted): nothing to move, no jobs to lose
        jobs = state.firm_share * (1 - (state.firm_capital / before) ** 0.8) if before > 0 else 0.0
        state.firm_share -= jobs
        outcome = "flight" if before > 0 else "flight_none"
        amount, jobs_lost = loss, jobs * population
    elif tactic == "credit_strike":
        state.credit_cut = min(0.95, CREDIT_KAPPA * i * (1 - p["public_credit"]))
        outcome, amount = "credit", state.credit_cut
    elif tactic == "media_campaign":
        state.media = i * (1 - p["media_defense"])
        outcome, amount = "media", state.media
    elif tactic == "legal_challenge":
        chance = (1 - p["legal_defense"]) * min(1.0, 0.4 + 0.5 * i)
        if state.law_log and draw < chance:
            law, changes = state.law_log.pop()
            undone = undo_law(state, changes)
            outcome = "court_struck" if undone else "court_struck_none"
        elif state.law_log:
            law = state.law_log[-1][0]
            outcome = "court_failed"
        else:
            outcome = "court_nothing"
    elif tactic == "price_undercutting":
        state.undercut = UNDERCUT * i * (1 - p["solidarity_purchasing"])
        outcome, amount = "undercut", state.undercut
    elif tactic == "counter_revolution":
        strength = i * state.elite_wealth
        resistance = 0.8 * p["self_defense"] + 0.6 * state.support + 0.1
        chance = float(1.0 / (1.0 + np.exp(-6.0 * (strength - resistance))))
        amount = chance
        if draw < chance:
            state.lost = "counter_revolution"
            outcome = "coup_won"
        else:
            state.elite_wealth *= 0.5
            outcome = "coup_lost"
    else:  # the schema admits no other tactic
        raise ValueError(f"unknown tactic {tactic!r}")
    state.last_tactics.append(tactic)
    return EliteMove(tactic, float(i), outcome, float(countered), float(amount), float(jobs_lost), law)


def update_wealth(
    state: State, income: float, start_profit: float, strength: float, dt: float = 0.25
) -> None:
    """The elite's resources follow its income (profits at home and abroad): a moving
    average over time."""
    ratio = income / start_profit if start_profit > 0 else 0.0
    keep = float(np.exp(-WEALTH_SPEED * dt))
    state.elite_wealth = keep * state.elite_wealth + (1.0 - keep) * strength * ratio
