"""How fast a turn is for the people and bots who wait on it (issue 8 targets, 2 cores):

- `turn_ms`: median wall time of `play_turn` with cause attribution (what the turn screen
  shows), every shipped level under its plan, seeds 1..SEEDS; target <= 10 ms;
- `turn_cold_ms`: the same turns with causes, on a simulation that forecast nothing first
  (the turn screen forecasts the cards and the chosen set before the turn is played, and
  the turn re-uses those runs: `turn_ms` measures that order; this one the turn alone);
- `turn_fast_ms`: the same turns with `causes=False` (bots, balance); target <= 3 ms;
- `hand_ms`: median of `forecast_hand` over every affordable card at the start of each of
  those turns (what the turn screen shows beside the cards); target <= 30 ms;
- `balance_s` (with --balance): `python main.py balance coop_network` at 50 seeds and all
  seven policies, in a process pool over every core; target <= 30 s.

Usage: python benchmarks/bench_turn.py [--seeds N] [--balance]. Prints one JSON line last.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.levels.decisions import Decisions  # noqa: E402
from game.levels.loader import load_level  # noqa: E402
from game.sim.engine import Simulation  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--balance", action="store_true", help="also time a 50-seed balance run")
    args = ap.parse_args()
    slow: list[float] = []
    fast: list[float] = []
    cold: list[float] = []
    hand: list[float] = []
    for f in sorted((ROOT / "levels").glob("*.yaml")):
        level = load_level(f).level
        plan = Decisions(ROOT / "levels" / "plans" / f.name).model
        Simulation(level, 1)  # fill the shared council sector's memo once
        for seed in range(1, args.seeds + 1):
            a, b, alone = Simulation(level, seed), Simulation(level, seed), Simulation(level, seed)
            while not a.finished:
                d = plan.for_turn(a.turn)
                actions, choices = list(d.actions), dict(d.choices)
                cards = [c for c, why in a.playable([]).items() if why is None]
                t0 = time.perf_counter()
                a.forecast_hand(cards)
                hand.append(time.perf_counter() - t0)
                a.forecast(actions, choices)  # the chosen set, as the turn screen shows it
                t1 = time.perf_counter()
                ra = a.play_turn(actions, choices)
                t2 = time.perf_counter()
                rb = b.play_turn(actions, choices, causes=False)
                t3 = time.perf_counter()
                rc = alone.play_turn(actions, choices)
                cold.append(time.perf_counter() - t3)
                assert ra.scores == rb.scores, "causes=False must not change the turn"
                assert ra.to_dict() == rc.to_dict(), "a forecast before must not change the turn"
                slow.append(t2 - t1)
                fast.append(t3 - t2)
    out: dict[str, float | int] = {
        "turns": len(slow),
        "turn_ms": round(statistics.median(slow) * 1e3, 2),
        "turn_cold_ms": round(statistics.median(cold) * 1e3, 2),
        "turn_fast_ms": round(statistics.median(fast) * 1e3, 2),
        "hand_ms": round(statistics.median(hand) * 1e3, 2),
        "cores": os.cpu_count() or 1,
    }
    print(
        f"{len(slow)} turns of the 7 shipped levels: play_turn median {out['turn_ms']} ms with "
        f"causes ({out['turn_cold_ms']} ms with no forecast before), {out['turn_fast_ms']} ms "
        f"without; forecast of a whole hand {out['hand_ms']} ms"
    )
    if args.balance:
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "main.py", "balance", "coop_network", "--seeds", "50", "--json"],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        out["balance_s"] = round(time.perf_counter() - t0, 1)
        print(f"balance coop_network, 50 seeds, 7 policies: {out['balance_s']} s")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
