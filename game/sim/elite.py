"""The old elite as an actor: resources that follow its income, a threat it perceives, a
tactic chosen each turn and announced one turn ahead, so the player can answer.

Forms from economics.md §6 [D]: capital flight moves abroad a share φ·I·(1 − capital
controls) of firm capital a year (compounded over the turn's length), where the intensity I
grows with the threat the elite sees (the reference's φ·max(0, threat − τ) with τ = 0); the
capital keeps earning the world rate for its owners abroad, and the jobs it employed are
lost at home. Consolidation is the labour-saving merger where capital cannot leave (farmland):
investors buy farms when they are sold and merge them; the capital stays in the sector and
earns there, and the merged farms need fewer workers for the same output (firms.py). A
merger can only cut jobs on land that changed hands and that a land trust did not buy: a
share s·min(1, I)·(T − B) of firm jobs a year is cut (without a land market, the old
s·min(1, I)·min(T·(1 − pre-emption), T − B)), T the land that
changes hands a year (`land_turnover`, USDA ERS 2016: about 2% of US farmland a year in all
transfers, counted as if heirs sold all they inherit), B the share of it a land trust buys
(bounded by its money and its access, at most T; land.py), s the labour a merged farm
saves (MERGER_SAVING, 0.4 [D], in a range 0.3-0.5), and the labour demand per unit of
capital (`firm_labour_need`) falls by as much, so the firms do not hire the jobs back at the
old wage (a lower wage and the higher profits invested bring some back).
Media attacks enter the diffusion of awareness as −μ·M·F; a credit strike
scales co-ops' credit lines by (1 − κ) (Chile 1971: Chase cut credit lines from $31.9M to
$5M); undercutting cuts co-op prices, and the big firms pay for matching the cut price out
of their profits. Each move costs the elite resources in proportion to its length.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from game.sim.buyouts import first_refusal_buyout
from game.sim.effects import merge_firms, undo_law
from game.sim.land import merger_cut, open_land, trust_buys
from game.sim.report import EliteMove
from game.sim.state import State, Warning_
from game.sim.thresholds import COUP_BLUNT, LEGAL_BLUNT, movement_odds

FLIGHT_PHI = 0.3
FATAL = frozenset({"counter_revolution"})  # tactics that can end the level
# the parameter that weakens each tactic (a defence); a card's counter effect weakens one move
DEFENCE_PARAM = {
    "capital_flight": "capital_controls",
    "consolidation": "pre_emption",
    "credit_strike": "public_credit",
    "media_campaign": "media_defense",
    "legal_challenge": "legal_defense",
    "price_undercutting": "solidarity_purchasing",
    "counter_revolution": "self_defense",
}
# a parameter that answers a tactic without weakening it: a right of first refusal moves no
# less capital, but its buyouts keep some of the jobs (buyouts.py)
SAVES_JOBS = {"first_refusal": "capital_flight"}
CREDIT_KAPPA = 0.8
UNDERCUT = 0.3
MOVE_COST = 0.16  # elite resources a move of intensity 1 uses up per year of its length
WEALTH_SPEED = -4.0 * float(np.log(0.85))  # a year: resources follow income (0.85 a season)
# the order in which tactics take the turn's noise draws: a new tactic goes last, so adding
# it moves no other tactic's draw (and no other level's game)
NOISE_ORDER = (
    "capital_flight",
    "counter_revolution",
    "credit_strike",
    "legal_challenge",
    "media_campaign",
    "price_undercutting",
    "consolidation",
)


def capital_leaves(tactics: Any) -> bool:
    """Whether owners' capital can leave the economy: not in a level whose elite merges
    instead of moving capital abroad (farmland), where the stress test merges too."""
    return "capital_flight" in tactics or "consolidation" not in tactics


def answers_to(effects: Any) -> set[str]:
    """The tactics a card's (or choice's) effects weaken: a counter, or a rise of a defence."""
    out: set[str] = set()
    for eff in effects:
        if eff.op == "counter" and eff.tactic:
            out.add(eff.tactic)
        elif (eff.op in ("add", "set") and eff.value is not None and float(eff.value) > 0) or (
            eff.op == "mul" and eff.value is not None and float(eff.value) > 1
        ):
            out |= {t for t, p in DEFENCE_PARAM.items() if p == eff.param}
            if eff.param in SAVES_JOBS:
                out.add(SAVES_JOBS[eff.param])
    return out


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


def observe(state: State) -> dict[str, float]:
    """What the elite watches from turn to turn (it compares each turn with the last)."""
    coop, firm = state.coop_share, state.firm_share
    return {
        "self_managed": coop + state.council_share,
        "support": state.support,
        "market": coop / (coop + firm) if coop + firm > 0 else 0.0,
        "laws": float(len(state.law_log)),
    }


def fits(state: State, dt: float, power: float) -> dict[str, float]:
    """How well each tactic answers what the elite sees, given the player's defences: capital
    flight when self-managed work grows fast (and laws pile up), a credit strike when co-ops
    live on bank credit, undercutting when co-ops win market share, a court case against new
    unprotected laws, media when support rises, a counter-revolution only when the elite is
    strong and support weak. Changes are per year, so seasons and years compare."""
    p = state.params
    now, seen = observe(state), state.elite_seen or observe(state)
    per_year = 1.0 / max(dt, 1e-9)
    growth = min(1.0, max(0.0, now["self_managed"] - seen["self_managed"]) * per_year / 0.12)
    rising = min(1.0, max(0.0, now["support"] - seen["support"]) * per_year / 0.12)
    gaining = min(1.0, max(0.0, now["market"] - seen["market"]) * per_year / 0.1)
    new_laws = min(2.0, max(0.0, now["laws"] - seen["laws"]))
    coop, council = state.coop_share, state.council_share
    on_credit = p["coop_credit"] * min(1.0, coop / 0.08)
    weak_support = max(0.0, 0.4 - state.support) / 0.4
    # owners move or merge capital when self-managed work grows fast (and laws pile up)
    leave = 0.1 + 1.2 * growth + 0.1 * min(3.0, now["laws"]) + 0.2 * council
    firms = min(1.0, state.firm_share / 0.05)
    return {
        "capital_flight": leave * (1 - p["capital_controls"]) * firms * (state.firm_capital > 0),
        # funds merge what changes hands and neither a first offer nor a trust takes
        "consolidation": leave
        * open_land(p, state.firm_share)
        / max(p["land_turnover"], 1e-9)
        * firms
        * (state.firm_capital > 0),
        "credit_strike": on_credit * (0.3 + 1.5 * growth) * (1 - p["public_credit"]),
        "media_campaign": (0.1 + 0.8 * rising + 0.3 * state.support) * (1 - 0.7 * p["media_defense"]),
        # a movement past 3.5% active participation makes court cases a poorer bet
        "legal_challenge": (0.25 * bool(state.law_log) + 1.2 * new_laws)
        * (1 - p["legal_defense"])
        * (1 - LEGAL_BLUNT * movement_odds(state.peak_participation)),
        "price_undercutting": (1.5 * now["market"] + 1.5 * gaining) * (1 - p["solidarity_purchasing"]),
        # a coup only when the elite's own reckoning of its odds (at its present force) is good
        "counter_revolution": 4.0 * max(0.0, coup_chance(state, power) - 0.5) * weak_support,
    }


def choose(state: State, allowed: list[str], noise: np.ndarray, dt: float = 0.25) -> Warning_ | None:
    """Pick next turn's tactic: the one that fits what the elite sees best. A tactic used in
    the last turns fits less (its targets have adapted), and the turn's draws add noise, so
    the elite has no fixed rhythm but follows the state."""
    t = threat(state)
    power = intensity(state, t)
    fit = fits(state, dt, power)
    state.elite_seen = observe(state)
    if power < 0.12:
        return None
    best, best_score = None, 0.0
    for i, name in enumerate(NOISE_ORDER):
        if name not in allowed:
            continue
        score = fit[name] * (0.7 + 0.6 * float(noise[i % len(noise)]))
        score *= 0.65 ** state.last_tactics[-3:].count(name)
        if score > best_score:
            best, best_score = name, score
    if best is None or best_score < 0.05:
        return None
    return Warning_(best, power, state.turn + 1)


def coup_chance(state: State, i: float) -> float:
    """The chance a counter-revolution of (countered) intensity `i` takes power: its force
    against organised defence and popular support, on a logistic curve; each answer (a
    counter, self-defence) shifts it by about as much as the elite's whole force."""
    resistance = (
        0.15
        + 1.2 * state.params["self_defense"]
        + state.support
        + COUP_BLUNT * movement_odds(state.peak_participation)
    )
    return float(1.0 / (1.0 + np.exp(-6.0 * (i - resistance))))


def execute(state: State, warning: Warning_, draw: float, population: int, dt: float = 0.25) -> EliteMove:
    """Carry out the warned tactic, weakened by the player's counters this turn."""
    p = state.params
    countered = state.counters.get(warning.tactic, 0.0)
    i = warning.intensity * (1.0 - countered)
    # a merger above intensity 1 buys no more land than is sold, and costs no more
    spent = min(1.0, i) if warning.tactic == "consolidation" else i
    state.elite_wealth = max(0.0, state.elite_wealth - MOVE_COST * spent * dt)
    tactic = warning.tactic
    amount, jobs_lost, law, trust, kept = 0.0, 0.0, "", 0.0, 0.0
    if tactic == "capital_flight":
        loss = 1.0 - (1.0 - min(0.95, FLIGHT_PHI * i * (1 - p["capital_controls"]))) ** dt
        before = state.firm_capital
        state.owners_outside_capital += before * loss
        state.firm_capital *= 1 - loss
        # no firm capital left (every firm converted): nothing to move, no jobs to lose
        jobs = state.firm_share * (1 - (state.firm_capital / before) ** 0.8) if before > 0 else 0.0
        state.firm_share -= jobs
        # under a right of first refusal the workers buy what they can pay for (buyouts.py)
        bought = first_refusal_buyout(state, jobs, dt)
        outcome = "flight" if before > 0 else "flight_none"
        amount, jobs_lost = loss, (jobs - bought) * population
        kept = bought * population
    elif tactic == "consolidation":
        f = state.firm_share  # before the merger: the cut and the trust's share read the same land
        cut = 1.0 - (1.0 - merger_cut(p, f, min(1.0, i))) ** dt
        jobs = merge_firms(state, cut)  # the capital and the output stay
        outcome = "merger" if state.firm_capital > 0 else "merger_none"
        amount, jobs_lost = cut, jobs * population
        # the land trust bought its share of the land that changed hands (land.py)
        trust = min(1.0, trust_buys(p, f) / max(p["land_turnover"], 1e-9))
    elif tactic == "credit_strike":
        state.credit_cut = min(0.95, CREDIT_KAPPA * i * (1 - p["public_credit"]))
        outcome, amount = "credit", state.credit_cut
    elif tactic == "media_campaign":
        state.media = i * (1 - p["media_defense"])
        outcome, amount = "media", state.media
    elif tactic == "legal_challenge":
        # a movement past 3.5% active participation takes force from the challenge
        blunt = 1 - LEGAL_BLUNT * movement_odds(state.peak_participation)
        chance = (1 - p["legal_defense"]) * min(1.0, 0.4 + 0.5 * i) * blunt
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
        chance = coup_chance(state, i)
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
    return EliteMove(
        tactic,
        float(i),
        outcome,
        float(countered),
        float(amount),
        float(jobs_lost),
        law,
        float(trust),
        bought=float(kept),
    )


def update_wealth(
    state: State, income: float, start_profit: float, strength: float, dt: float = 0.25
) -> None:
    """The elite's resources follow its income (profits at home and abroad): a moving
    average over time."""
    ratio = income / start_profit if start_profit > 0 else 0.0
    keep = float(np.exp(-WEALTH_SPEED * dt))
    state.elite_wealth = keep * state.elite_wealth + (1.0 - keep) * strength * ratio
