"""Every shipped level held to the balance targets of issue 8 on a few seeds (docs/balance.md
has the full 50-seed table): the plan and the adaptive bot win, waiting, luck and list order
lose, the forecast followed blindly and the plan without its answers to the elite mostly
lose, and the plan still wins with the elite switched off.

Eight seeds cannot measure a rate to 10 points, so the thresholds here are tolerant: a level
fails only when it is clearly off target (the 50-seed table decides the rest). The pairs the
levels do not yet meet are marked as expected failures (strict, so fixing one shows up)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from game.balance.measure import TARGETS, Tally, measure
from game.balance.play import play
from game.balance.policies import POLICIES
from game.levels.decisions import Decisions
from game.levels.loader import load_level

ROOT = Path(__file__).resolve().parents[2]
LEVELS = sorted(p.stem for p in (ROOT / "levels").glob("*.yaml"))
SEEDS = range(1, 9)
# target -> what 8 seeds must show: at least / at most this many wins
TOLERANT = {(">=", 0.9): (">=", 6), ("<=", 0.1): ("<=", 2), ("<=", 0.3): ("<=", 4)}
# (level, policy) pairs the levels do not yet meet (see docs/balance.md)
NOT_YET: dict[tuple[str, str], str] = {}


@cache
def _tallies(level_id: str) -> dict[str, Tally]:
    return measure(ROOT / "levels" / f"{level_id}.yaml", level_id, POLICIES, SEEDS, 2, lambda *_: None)


def _cases() -> list[object]:
    out = []
    for lv in LEVELS:
        for pol in POLICIES:
            marks = []
            if (lv, pol) in NOT_YET:
                marks.append(pytest.mark.xfail(reason=NOT_YET[(lv, pol)], strict=True))
            out.append(pytest.param(lv, pol, marks=marks, id=f"{lv}-{pol}"))
    return out


@pytest.mark.timeout(600)
@pytest.mark.parametrize(("level_id", "policy"), _cases())
def test_level_meets_its_target(level_id: str, policy: str) -> None:
    tally = _tallies(level_id)[policy]
    op, bound, meaning = TARGETS[policy]
    need_op, need = TOLERANT[(op, bound)]
    ok = tally.wins >= need if need_op == ">=" else tally.wins <= need
    assert ok, f"{level_id}: {policy} wins {tally.wins}/{len(SEEDS)}: {meaning}"


@pytest.mark.parametrize("level_id", LEVELS)
def test_the_plan_wins_with_the_elite_off(level_id: str) -> None:
    """The plan's economics carry it; the elite is what makes its answers necessary."""
    loaded = load_level(ROOT / "levels" / f"{level_id}.yaml").level
    quiet = loaded.model_copy(update={"elite": loaded.elite.model_copy(update={"tactics": []})})
    plan = Decisions(ROOT / "levels" / "plans" / f"{level_id}.yaml").model
    runs = [play(quiet, seed, "plan", plan) for seed in (1, 2, 3)]
    assert all(r.outcome == "won" for r in runs), [(r.seed, r.reason) for r in runs]
    assert all(not r.tactics for r in runs)
