"""`simulate LEVEL --seed N [--turns N] [--actions FILE] [--json]`: a whole level headless."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from game.errors import ContentError, UserError


def seed_value(text: str) -> int:
    """A seed is a whole number from 0 up (numpy's generators take no negative seeds)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"a seed must be 0 or more, not {value}")
    return value


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("level", help="a level file (.yaml) or a level id")
    p.add_argument("--seed", type=seed_value, default=1, help="random seed, 0 or more (default 1)")
    p.add_argument("--turns", type=int, help="turns to play (default: the level's length)")
    p.add_argument("--actions", type=Path, help="decision file: actions and choices per turn")
    p.add_argument("--mods", type=Path, action="append", default=[], help="extra mods folder")
    p.add_argument("--lang", default="en", choices=["en", "es"], help="language of texts")
    p.add_argument("--json", action="store_true", help="print one JSON object")


def run_level(
    level: Any, seed: int, turns: int | None, decisions: Any = None, lang: str = "en"
) -> dict[str, Any]:
    """Play a level headless and return the run as the JSON-ready dict `simulate` prints."""
    from game.explain import ending_text, report_dict
    from game.i18n import load_translator
    from game.levels.schema import text_of
    from game.sim.engine import DecisionError, Simulation

    tr = load_translator(lang)
    sim = Simulation(level, seed)
    limit = level.turns if turns is None else turns
    reports = []
    while not sim.finished and sim.turn <= limit:
        turn = sim.turn
        d = decisions.model.for_turn(turn) if decisions else None
        try:
            rep = sim.play_turn(list(d.actions) if d else [], dict(d.choices) if d else {})
        except DecisionError as exc:
            if decisions is None:
                raise
            raise ContentError([decisions.problem(turn, str(exc))]) from None
        reports.append(report_dict(rep, level, tr))
    return {
        "level": level.id,
        "title": text_of(level.title, lang),
        "seed": seed,
        "turn_length": level.turn_length,
        "start": {k: round(v, 4) for k, v in sim.start.scores.items()},
        "turns": reports,
        "outcome": sim.outcome,
        "reason": ending_text(sim.ending, level, tr),
    }


def run(args: argparse.Namespace) -> int:
    from game.commands.paths import existing_file, existing_folder
    from game.levels.catalog import resolve_level
    from game.levels.decisions import Decisions

    if args.turns is not None and args.turns < 1:
        raise UserError("--turns must be at least 1")
    mods = [existing_folder(m, "--mods") for m in args.mods]
    actions = existing_file(args.actions, "--actions") if args.actions is not None else None
    loaded = resolve_level(args.level, mods)
    decisions = Decisions(actions) if actions is not None else None
    result = run_level(loaded.level, args.seed, args.turns, decisions, args.lang)
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, separators=(",", ":"))
        sys.stdout.write("\n")
        return 0
    print(f"{result['title']} (seed {args.seed})")
    print("start: " + "  ".join(f"{k} {v:5.1f}" for k, v in result["start"].items()))
    for t in result["turns"]:
        scores = "  ".join(f"{k} {v:5.1f} ({t['deltas'][k]:+.1f})" for k, v in t["scores"].items())
        print(f"\nturn {t['turn']:2d}: {scores}")
        if t["actions"]:
            print("  played: " + ", ".join(t["actions"]))
        for e in t["events"]:
            print(f"  event: {e['title']} -> {e['label']}")
        for m in t["elite"]["moves"]:
            print(f"  elite: {m['text']}")
        top = sorted(t["causes"], key=lambda c: -abs(c["delta"]))[:3]
        for c in top:
            if abs(c["delta"]) >= 0.05:
                verb = "rose" if c["delta"] > 0 else "fell"
                print(f"  {c['score'].capitalize()} {verb} {abs(c['delta']):.1f}: {c['text']}")
        if t["elite"]["warning"]:
            w = t["elite"]["warning"]
            print(
                f"  warning: next turn the elite plans {w['tactic'].replace('_', ' ')} "
                f"(strength {w['intensity']:.2f})"
            )
        for w in t["warnings"]:
            print(f"  DANGER: {w['text']}")
    print(f"\noutcome: {result['outcome']}: {result['reason']}")
    return 0
