"""The `merge` effect (review s6 W1): a fund that buys an estate merges it as the elite's
consolidation does (effects.merge_firms), so the capital and the output stay and only
MERGER_SAVING of the estate's jobs go; the old form, `convert from: firm`, took the estate's
capital and output with it, as capital flight does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from game.levels.schema import Effect
from game.sim import elite
from game.sim.economy import firm_and_coop_output
from game.sim.effects import MERGER_SAVING, apply_effect
from game.sim.engine import Simulation
from game.sim.state import State
from game.sim.vocabulary import EFFECT_OPS
from tests.sim.experiments import level

ROOT = Path(__file__).resolve().parents[2]
ESTATE = 0.005  # land_commons's estate: about a thousand of 200,000 workers


def _effect(**kw: Any) -> Effect:
    return Effect.model_validate({**kw, "because": "the estate is sold"})


def _start() -> tuple[Simulation, State]:
    sim = Simulation(level("land_commons", tactics=[]), 1)
    return sim, sim.state


def test_a_merged_estate_keeps_its_capital_and_output_and_cuts_a_share_of_its_jobs() -> None:
    """Run both ways on land_commons's first turn: the estate merged (`merge`) against the
    same estate's workers laid off with their capital (`convert` firm to unemployed, the
    event's old form). The merge cuts 0.4 × 0.5% = 0.2% of the workforce (400 of 200,000),
    keeps every unit of firm capital and the firms' output to a billionth, and raises the
    owners' profit per unit of capital; the old form cut all 0.5%, took 0.6% of the firms'
    capital and lowered their output."""
    sim, start = _start()
    merged, closed = start.copy(), start.copy()
    apply_effect(merged, _effect(op="merge", share=ESTATE))
    apply_effect(closed, _effect(op="convert", share=ESTATE, **{"from": "firm", "to": "unemployed"}))
    assert start.firm_share - merged.firm_share == pytest.approx(MERGER_SAVING * ESTATE, abs=1e-12)
    assert (start.firm_share - merged.firm_share) * sim.level.economy.population == pytest.approx(400)
    assert merged.firm_capital == start.firm_capital
    assert merged.owners_outside_capital == start.owners_outside_capital
    need = merged.params["firm_labour_need"]
    assert need == pytest.approx(merged.firm_share / start.firm_share, abs=1e-12)
    before, after, gone = (firm_and_coop_output(s, sim.cal, None)[1] for s in (start, merged, closed))
    assert after.output == pytest.approx(before.output, rel=1e-9)
    assert after.profits / merged.firm_capital > before.profits / start.firm_capital
    assert start.firm_share - closed.firm_share == pytest.approx(ESTATE)
    assert closed.firm_capital == pytest.approx(start.firm_capital * (1 - ESTATE / start.firm_share))
    assert gone.output < 0.995 * before.output


def test_the_merge_effect_is_the_elites_consolidation() -> None:
    """One merger form: the effect on an estate of share x is the elite's merger with a cut of
    MERGER_SAVING·x/f of the firm jobs (f the firms' share), the same state to the last bit;
    an estate larger than the firms merges only what they hold; the reference says 0.4."""
    _, start = _start()
    by_effect, by_elite = start.copy(), start.copy()
    apply_effect(by_effect, _effect(op="merge", share=ESTATE))
    elite.merge_firms(by_elite, MERGER_SAVING * ESTATE / start.firm_share)
    assert by_effect.firm_share == by_elite.firm_share
    assert by_effect.params == by_elite.params
    whole = start.copy()
    apply_effect(whole, _effect(op="merge", share=1.0))
    assert whole.firm_share == pytest.approx(start.firm_share * (1 - MERGER_SAVING))
    assert f"{MERGER_SAVING:g} of its jobs are cut" in EFFECT_OPS["merge"]


def test_the_estate_event_merges_a_quarter_of_a_years_turnover() -> None:
    """The shipped event (land_commons) is sized within the level's own land market: the
    estate is a quarter of the land that changes hands in a year (land_turnover 2%), and
    every choice moves the same estate, never more."""
    lv = level("land_commons")
    event = next(e for e in lv.events if e.id == "land_auction")
    turnover = dict(lv.economy.params)["land_turnover"]
    assert ESTATE == pytest.approx(turnover / 4)
    moved = {
        c.id: sum(float(e.share) for e in c.effects if e.op in ("merge", "convert")) for c in event.choices
    }
    assert moved == {"let_it_go": ESTATE, "outbid": ESTATE, "part_of_it": ESTATE, "pre_empt": ESTATE}
    (go,) = (e for e in event.choices[0].effects if e.op in ("merge", "convert"))
    assert go.op == "merge"  # letting the fund buy it is a merger, not a closure


def test_a_merge_without_its_share_is_refused_at_its_line(tmp_path: Path) -> None:
    """A level whose `merge` has no `share` is refused with the file, line, column and field,
    exit 1, no traceback (the shipped level with the estate's share taken out)."""
    text = (ROOT / "levels" / "land_commons.yaml").read_text(encoding="utf-8")
    broken = text.replace("{op: merge, share: 0.005, because", "{op: merge, because", 1)
    path = tmp_path / "land_commons.yaml"
    path.write_text(broken, encoding="utf-8")
    line = next(i for i, s in enumerate(broken.splitlines(), 1) if "{op: merge, because" in s)
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "check", str(path)], capture_output=True, text=True
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr + done.stdout
    assert f"{path}:{line}:13: events[" in done.stdout
    assert "effects[0]: op 'merge' needs: share" in done.stdout
