"""One clock: every rate is per year, so a season level and a year level with the same
parameters follow the same path per year. Stated tolerance: the economy (awareness, jobs,
co-ops, unemployment) to 1e-4 of the workforce; power concentration to 0.002 and support to 1.5 points of
100, because approval and participation, which steer them, are re-measured each turn (four
times a year in a season level, once in a year level)."""

from __future__ import annotations

import pytest

from game.sim.engine import Simulation
from tests.sim.experiments import level


@pytest.mark.parametrize("level_id", ["coop_network", "revolution", "elected_government"])
def test_a_season_level_and_a_year_level_follow_the_same_path(level_id: str) -> None:
    lv = level(level_id, tactics=[]).model_copy(update={"events": [], "turns": 40})
    season = Simulation(lv.model_copy(update={"turn_length": "season"}), 1)
    year = Simulation(lv.model_copy(update={"turn_length": "year"}), 1)
    for _ in range(3):
        for _ in range(4):
            season.play_turn([])
        year.play_turn([])
        a, b = season.history[-1].metrics, year.history[-1].metrics
        for k in ("awareness", "firm_share", "coop_share", "unemployment"):
            assert a[k] == pytest.approx(b[k], abs=1e-4), k
        assert a["power_concentration"] == pytest.approx(b["power_concentration"], abs=0.002)
        assert a["support"] == pytest.approx(b["support"], abs=1.5)
