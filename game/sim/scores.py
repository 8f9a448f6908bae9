"""The four scores, 0 to 100, and the metrics conditions read. Formulas in docs/scores.md.

- equity = 100·(0.6·(1 − min(G, 0.6)/0.6) + 0.4·(1 − min(gap, 0.5)/0.5)), G the Gini of
  household incomes, gap the pay-for-effort gap (share of income not paid for effort).
- participation = 100·(0.7·W + 0.3·N)·(1 − power concentration), with
  W = self-managed share of the workforce × job-complex balance × attendance and
  N = neighbourhood councils × attendance.
- resilience = 100 × the mean, over five shocks, of the share of their real income the
  poorest fifth keep after a year of the shocked economy, against the same year without
  the shock (`stress.py`).
- support = 100 × the share of people who understand and back the project.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.sim.council import CouncilSector
from game.sim.economy import Calibration, Measures, measure
from game.sim.pace import LOSS_AVERSION, TOP_GRADE, low_paid_gain, top_paid_loss
from game.sim.state import State
from game.sim.stress import stress_test
from game.sim.thresholds import committed, movement_odds, tipping

SCORES = ("equity", "participation", "resilience", "support")
LOW_GRADES = 0.4  # the two lowest of the ladder's five grades: the low-paid council workers
LOW_PAID_WEIGHT = 1.0  # [D] approval per log point the low-paid's relative pay rose, per head


@dataclass(frozen=True)
class Evaluation:
    """Everything one look at the economy yields: measures, the stress test, the scores."""

    measures: Measures
    stress: dict[str, float]  # shock name -> share of the worst-off's real income kept
    scores: dict[str, float]
    participation_raw: float

    def metrics(self, state: State) -> dict[str, float]:
        m = self.measures
        return {
            **self.scores,
            "turn": float(state.turn),
            "firm_share": state.firm_share,
            "coop_share": state.coop_share,
            "council_share": state.council_share,
            "unemployment": state.unemployment,
            "self_managed_share": state.coop_share + state.council_share,
            "awareness": state.awareness,
            "gini": m.gini,
            "needs_met": m.needs_met,
            "pay_gap": m.pay_gap,
            "attendance": m.attendance,
            "elite_power": state.elite_wealth,
            "power_concentration": state.power_concentration,
            "coop_count": float(len(state.coops.members)),
            "coop_pay_gap": m.coop_pay_gap,
            "plan_rounds": float(m.plan.result.rounds),
            "pay_transition": state.params["pay_transition"],
            "skill_shortage": state.skill_shortage,
            "peak_participation": max(state.peak_participation, self.participation_raw),
            "movement_odds": movement_odds(max(state.peak_participation, self.participation_raw)),
            "committed": committed(state.support, self.participation_raw),
            "tipping": tipping(committed(state.support, self.participation_raw)),
        }


def evaluate(state: State, cal: Calibration, sector: CouncilSector) -> Evaluation:
    m = measure(state, cal, sector)
    stress = stress_test(state, cal, sector, m.plan)
    resilience = 100.0 * sum(stress.values()) / len(stress)
    gini = min(m.gini, 0.6) / 0.6
    gap = min(m.pay_gap, 0.5) / 0.5
    equity = 100.0 * (0.6 * (1.0 - gini) + 0.4 * (1.0 - gap))
    p = state.params
    workplace = (state.coop_share + state.council_share) * m.balance * m.attendance
    neighbourhood = p["neighbourhood_councils"] * m.attendance
    raw = (0.7 * workplace + 0.3 * neighbourhood) * (1.0 - state.power_concentration)
    scores = {
        "equity": equity,
        "participation": 100.0 * raw,
        "resilience": resilience,
        "support": 100.0 * state.support,
    }
    return Evaluation(m, stress, scores, raw)


def approval(state: State, ev: Evaluation) -> float:
    """How people judge the project by what it delivers, in absolute terms: basic needs met
    in self-managed work and in the whole population against the pre-transition level
    (`_start_needs`), not against each other, so making other households poorer never makes
    the project look better; and whether power stays with the councils."""
    m = ev.measures
    start = state.params.get("_start_needs", m.needs_met)
    needs = m.needs_by_segment
    weights = {"co-op members": state.coop_share, "council members": state.council_share}
    sm = [(needs[k], w) for k, w in weights.items() if k in needs and w > 0]
    total = sum(w for _, w in sm)
    self_managed = sum(n * w for n, w in sm) / total if total > 0 else m.needs_met
    a = (
        0.6
        + 1.5 * (self_managed - start)
        + 0.5 * (m.needs_met - start)
        + 0.2 * (state.coop_share + state.council_share)
        - 0.4 * state.power_concentration
        + 0.15 * (ev.scores["equity"] - 50.0) / 50.0
        + LOW_PAID_WEIGHT
        * state.council_share
        * (LOW_GRADES * low_paid_gain(state) - LOSS_AVERSION * TOP_GRADE * top_paid_loss(state))
    )
    return float(min(0.95, max(0.15, a)))
