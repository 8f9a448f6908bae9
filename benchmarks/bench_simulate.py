"""How long a whole level takes headless: a 20-turn run with actions, causes and the stress
test every turn. Target: at most 2 s on a 2-core machine. Prints one JSON line last."""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.commands.simulate import run_level  # noqa: E402
from game.levels.catalog import load_catalog  # noqa: E402
from game.levels.decisions import Decisions  # noqa: E402
from game.levels.loader import load_level  # noqa: E402


def main(repeats: int = 5) -> dict[str, float | str | int]:
    cat = load_catalog(include_user=False)
    if cat.levels:
        lv = max(cat.levels, key=lambda x: x.level.turns)
        plan_path = ROOT / "levels" / "plans" / f"{lv.level.id}.yaml"
    else:
        lv = load_level(ROOT / "tests" / "sim" / "data" / "smoke_level.yaml")
        plan_path = ROOT / "missing"
    level = lv.level.model_copy(update={"turns": 20})
    decisions = Decisions(plan_path) if plan_path.is_file() else None
    times = []
    for seed in range(1, repeats + 1):
        t0 = time.perf_counter()
        result = run_level(level, seed, None, decisions)
        times.append(time.perf_counter() - t0)
    turns = len(result["turns"])
    med = statistics.median(times)
    # the first run also fills the council sector's valuation grid (shared by later runs)
    return {
        "level": level.id,
        "turns": turns,
        "runs": repeats,
        "median_s": round(med, 4),
        "first_run_s": round(times[0], 4),
        "max_s": round(max(times), 4),
        "s_per_turn": round(med / max(turns, 1), 5),
        "target_s": 2.0,
    }


if __name__ == "__main__":
    print(json.dumps(main()))
