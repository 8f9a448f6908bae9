"""The elite reads the state (what changed since last turn, the player's defences) to pick
its tactic, and a counter-revolution is forecast honestly: the odds the warning and the
forecast show are the odds the turn then plays with, and the answers lower them."""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

from game.levels.loader import load_level
from game.levels.schema import Level
from game.sim import elite
from game.sim.engine import Simulation
from game.sim.state import State

ROOT = Path(__file__).resolve().parents[2]
ALL = sorted(elite.DEFENCE_PARAM)


@cache
def _level(level_id: str) -> Level:
    return load_level(ROOT / "levels" / f"{level_id}.yaml").level


def _state(level_id: str = "coop_network") -> State:
    sim = Simulation(_level(level_id), 1)
    s = sim.state.copy()
    s.elite_seen = elite.observe(s)
    return s


def _best(s: State, dt: float = 0.25) -> str:
    fit = elite.fits(s, dt, elite.intensity(s, elite.threat(s)))
    return max(fit, key=lambda k: fit[k])


def test_each_tactic_answers_what_the_elite_sees() -> None:
    base = _state()
    s = base.copy()
    s.support += 0.05  # support rising fast: the press
    assert _best(s) == "media_campaign"
    s = base.copy()
    s.law_log.append(("a_law", []))  # a new, unprotected law: the courts
    assert _best(s) == "legal_challenge"
    s = base.copy()
    s.coops.members = s.coops.members * 4  # co-ops winning the market fast: undercutting
    s.params["coop_credit"] = 0.0
    assert _best(s) == "price_undercutting"
    s.params["coop_credit"] = 1.0  # ... unless they live on credit: the banks strike
    s.params["solidarity_purchasing"] = 1.0
    assert _best(s) == "credit_strike"
    s = base.copy()
    s.council_share += 0.1  # self-managed work growing fast: capital leaves
    s.firm_share -= 0.1
    assert _best(s) == "capital_flight"


def test_a_defence_turns_the_elite_to_another_tactic() -> None:
    s = _state()
    s.support += 0.05
    assert _best(s) == "media_campaign"
    s.params["media_defense"] = 1.0
    s.law_log.append(("a_law", []))
    assert _best(s) == "legal_challenge"
    s.params["legal_defense"] = 1.0
    assert _best(s) != "legal_challenge"


def test_a_coup_only_when_the_elite_is_strong_and_support_weak() -> None:
    s = _state("revolution")
    s.elite_wealth, s.support = 1.2, 0.05
    power = elite.intensity(s, elite.threat(s))
    assert elite.fits(s, 0.25, power)["counter_revolution"] > 0
    for change in ({"support": 0.45}, {"elite_wealth": 0.2}):
        weak = s.copy()
        for k, v in change.items():
            setattr(weak, k, v)
        p = elite.intensity(weak, elite.threat(weak))
        assert elite.fits(weak, 0.25, p)["counter_revolution"] == 0.0
    armed = s.copy()
    armed.params["self_defense"] = 0.7
    assert elite.fits(armed, 0.25, power)["counter_revolution"] == 0.0


def test_no_fixed_rhythm() -> None:
    """Over many plays of a level the elite uses several tactics, and the same turn of
    different seeds gets different moves."""
    level = _level("coop_network")
    by_turn: dict[int, set[str]] = {}
    used: Counter[str] = Counter()
    for seed in range(1, 5):
        sim = Simulation(level, seed)
        while not sim.finished:
            sim.play_turn([], causes=False)
            for m in sim.history[-1].elite.moves:
                used[m.tactic] += 1
                by_turn.setdefault(sim.history[-1].turn, set()).add(m.tactic)
    assert len(used) >= 3, used
    assert max(used.values()) < 0.8 * sum(used.values()), used
    assert any(len(t) > 1 for t in by_turn.values())


def _coup_warned(seed_range: range = range(1, 40)) -> Simulation:
    level = _level("revolution")
    for seed in seed_range:
        sim = Simulation(level, seed)
        while not sim.finished:
            w = sim.setup().warning
            if w is not None and w.tactic == "counter_revolution":
                return sim
            sim.play_turn([], causes=False)
    raise AssertionError("no seed warned of a counter-revolution")


def test_the_warning_shows_the_odds_the_turn_plays_with() -> None:
    sim = _coup_warned()
    w = sim.setup().warning
    assert w is not None and w.odds > 0.5, "unanswered, a warned coup is likely to win"
    assert w.answers and all(a.odds < w.odds for a in w.answers)
    assert {"workers_militia", "general_strike_alert"} <= {a.action for a in w.answers}
    # the forecast of each answer is the warning's figure (no event this turn) ...
    if sim.setup().event is None:
        assert abs(sim.loss_odds([]) - w.odds) < 1e-12
        for a in w.answers:
            assert abs(sim.loss_odds([a.action]) - a.odds) < 1e-12
    # ... and the turn's move reports the chance it played with
    odds = sim.loss_odds([])
    report = sim.play_turn([], causes=False)
    (move,) = report.elite.moves
    assert move.tactic == "counter_revolution" and abs(move.amount - odds) < 1e-12
    assert (sim.outcome == "lost") == (move.outcome == "coup_won")


def test_the_answers_are_worth_playing() -> None:
    sim = _coup_warned()
    alone = {a.action: a.odds for a in sim.setup().warning.answers}
    assert alone["workers_militia"] < 0.6 and alone["general_strike_alert"] < 0.6
    both = sim.loss_odds(["workers_militia", "general_strike_alert"])
    assert both < 0.1 < min(alone.values())


def test_odds_are_shown_only_for_a_move_that_can_end_the_level() -> None:
    sim = Simulation(_level("coop_network"), 1)
    while not sim.finished and sim.setup().warning is None:
        sim.play_turn([], causes=False)
    w = sim.setup().warning
    assert w is not None and w.odds == 0.0 and w.answers == ()
    assert sim.loss_odds([]) == 0.0
    assert "odds" not in w.to_dict()
