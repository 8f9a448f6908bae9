"""How fast a turn is for the people and bots who wait on it (issue 8 targets, 2 cores):

- `turn_ms`: median wall time of `play_turn` with cause attribution (what the turn screen
  shows), every shipped level under its plan, seeds 1..SEEDS; target <= 10 ms;
- `turn_cold_ms`: the same turns with causes, on a simulation that forecast nothing first
  (the turn screen forecasts the cards and the chosen set before the turn is played, and
  the turn re-uses those runs: `turn_ms` measures that order; this one the turn alone);
- `turn_fast_ms`: the same turns with `causes=False` (bots, balance); target <= 3 ms;
- `hand_ms`: median of `forecast_hand` over every affordable card at the start of each of
  those turns (what the turn screen shows beside the cards); target <= 30 ms;
- `balance_s` (with --balance): `python main.py balance LEVEL` (--level, default
  coop_network) at 50 seeds and all seven policies, in a process pool over every core;
  target <= 30 s.

Usage: python benchmarks/bench_turn.py [--seeds N] [--balance [--level ID]]. Prints one
JSON line last.
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
from game.sim.council import shared_sector  # noqa: E402
from game.sim.engine import Simulation  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--balance", action="store_true", help="also time a 50-seed balance run")
    ap.add_argument("--level", default="coop_network", help="the level of the balance run")
    ap.add_argument(
        "--cpu", action="store_true", help="time the turns in CPU time (steadier on a loaded machine)"
    )
    args = ap.parse_args()
    clock = time.process_time if args.cpu else time.perf_counter
    slow: list[float] = []
    fast: list[float] = []
    cold: list[float] = []
    hand: list[float] = []
    sector = shared_sector()
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
                # the three simulations play the same turns: each starts its turn without
                # the plans and valuations the others left in the shared sector's memo
                sector.forget()
                t0 = clock()
                a.forecast_hand(cards)
                hand.append(clock() - t0)
                a.forecast(actions, choices)  # the chosen set, as the turn screen shows it
                t0 = clock()
                ra = a.play_turn(actions, choices)
                slow.append(clock() - t0)
                sector.forget()
                t0 = clock()
                rb = b.play_turn(actions, choices, causes=False)
                fast.append(clock() - t0)
                sector.forget()
                t0 = clock()
                rc = alone.play_turn(actions, choices)
                cold.append(clock() - t0)
                assert ra.scores == rb.scores, "causes=False must not change the turn"
                assert ra.to_dict() == rc.to_dict(), "a forecast before must not change the turn"
    out: dict[str, float | int | str] = {
        "turns": len(slow),
        "turn_ms": round(statistics.median(slow) * 1e3, 2),
        "turn_cold_ms": round(statistics.median(cold) * 1e3, 2),
        "turn_fast_ms": round(statistics.median(fast) * 1e3, 2),
        "hand_ms": round(statistics.median(hand) * 1e3, 2),
        "cores": os.cpu_count() or 1,
        "clock": "cpu" if args.cpu else "wall",
    }
    print(
        f"{len(slow)} turns of the 7 shipped levels: play_turn median {out['turn_ms']} ms with "
        f"causes ({out['turn_cold_ms']} ms with no forecast before), {out['turn_fast_ms']} ms "
        f"without; forecast of a whole hand {out['hand_ms']} ms"
    )
    if args.balance:  # wall time: the pool's processes are children
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "main.py", "balance", args.level, "--seeds", "50", "--json"],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        out["balance_s"] = round(time.perf_counter() - t0, 1)
        print(f"balance {args.level}, 50 seeds, 7 policies: {out['balance_s']} s")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
