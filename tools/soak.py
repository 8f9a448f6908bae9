"""The soak: every shipped level played to its end with random legal play over many seeds,
twice each; no crash, every score and metric finite in every turn, and the two plays of a
seed byte-identical (determinism, which saves and scenario codes rely on).

    python tools/soak.py --seeds 200

prints one JSON line (runs, crashes, non-finite, replay mismatches); exit 1 on any finding.
The test suite runs a short version.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def play(level, seed: int) -> tuple[str, list[dict]]:
    """One random legal play (the balance tool's policy); the outcome and every report."""
    import numpy as np

    from game.sim.engine import Simulation

    sim = Simulation(level, seed)
    rng = np.random.default_rng([seed, 7919])
    ids = [a.id for a in level.actions]
    while not sim.finished:
        setup = sim.setup()
        actions: list[str] = []
        for aid in rng.permutation(ids):
            if rng.random() < 0.5 and sim.playable(actions).get(str(aid)) == "":
                actions.append(str(aid))
        choices = {}
        if setup.event is not None:
            ev = setup.event.id
            ok = [c.id for c in setup.event.choices if not sim.choice_problems(actions, {ev: c.id})]
            if ok:
                choices[ev] = ok[int(rng.integers(len(ok)))]
        sim.play_turn(actions, choices)
    return sim.outcome, [r.to_dict() for r in sim.history]


def _finite(report: dict) -> bool:
    numbers = [*report["scores"].values(), *report["metrics"].values(), *report["resources"].values()]
    return all(math.isfinite(v) for v in numbers)


def soak(seeds: range, levels: list[Path] | None = None) -> dict:
    from game.levels.loader import load_level

    levels = levels or sorted((ROOT / "levels").glob("*.yaml"))
    runs = crashes = nonfinite = mismatches = 0
    findings: list[str] = []
    for path in levels:
        level = load_level(path).level
        for seed in seeds:
            runs += 1
            try:
                outcome, reports = play(level, seed)
                again = play(level, seed)
            except Exception as exc:  # noqa: BLE001 - a crash is the finding
                crashes += 1
                findings.append(f"{level.id} seed {seed}: {type(exc).__name__}: {exc}")
                continue
            if outcome == "stopped" or not all(_finite(r) for r in reports):
                nonfinite += 1
                findings.append(f"{level.id} seed {seed}: a non-finite number")
            if json.dumps((outcome, reports)) != json.dumps(again):
                mismatches += 1
                findings.append(f"{level.id} seed {seed}: the replay differs")
    return {
        "levels": len(levels),
        "seeds": len(seeds),
        "runs": runs,
        "crashes": crashes,
        "nonfinite": nonfinite,
        "replay_mismatches": mismatches,
        "findings": findings[:20],
    }


def main(argv: list[str] | None = None) -> int:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    parser = argparse.ArgumentParser(description="Random legal play of every level over many seeds.")
    parser.add_argument("--seeds", type=int, default=200)
    parser.add_argument("--first", type=int, default=0)
    args = parser.parse_args(argv)
    result = soak(range(args.first, args.first + args.seeds))
    for f in result.pop("findings"):
        print(f, file=sys.stderr)
    print(json.dumps(result))
    return 1 if result["crashes"] or result["nonfinite"] or result["replay_mismatches"] else 0


if __name__ == "__main__":
    sys.exit(main())
