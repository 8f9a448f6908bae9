"""`simulate LEVEL --seed N [--turns N] [--actions FILE] [--json]`: a whole level headless."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from game import level_words
from game.commands.args import number_in
from game.errors import ContentError, UserError
from game.errors import part as message_part
from game.i18n import LANGUAGES, N_, load_translator

# A seed is a whole number from 0 up (numpy's generators take no negative seeds).
seed_value = number_in(int, N_("not a whole number"), N_("a seed must be 0 or more, not {value}"), low=0)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("level", help="a level file (.yaml) or a level id")
    p.add_argument("--seed", type=seed_value, default=1, help="random seed, 0 or more (default 1)")
    p.add_argument("--turns", type=int, help="turns to play (default: the level's length)")
    p.add_argument("--actions", type=Path, help="decision file: actions and choices per turn")
    p.add_argument("--mods", type=Path, action="append", default=[], help="extra mods folder")
    p.add_argument("--lang", default="en", choices=tuple(LANGUAGES), help="language of texts")
    p.add_argument("--json", action="store_true", help="print one JSON object")


def refusal_words(exc: Any, level: Any, tr: Any) -> str:
    """Why the rules refused a turn's decisions, in the run's language ("" in English, where
    the modder's terse message stands)."""
    from game.explain import refusal_text

    if tr.lang == "en" or not exc.refusals:
        return ""
    return "; ".join(f"'{r.action}': {refusal_text(r, level, tr)}" for r in exc.refusals)


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
            choice = any(r.kind.startswith("choice_") for r in exc.refusals)
            event = sim.setup().event if choice else None
            said, msg = refusal_words(exc, level, tr), str(exc)
            if event is not None and (decisions.answer_at(turn, event.id) or ("",))[0] == "events":
                # an answer under `events:` applies on every turn: say which
                msg = f"turn {turn}: {msg}"
                said = tr.gettext("turn {turn}: {said}").format(turn=turn, said=said) if said else ""
            raise ContentError([decisions.problem(turn, msg, said, event.id if event else "")]) from None
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


def rounded_parts(values: list[float], digits: int) -> list[float]:
    """Round `values` to `digits` so that they still add up to their rounded sum (largest
    remainder), so the causes printed under a score add up to the change printed."""
    scale = 10**digits
    total = round(sum(values) * scale)
    floors = [int(np.floor(v * scale)) for v in values]
    rest = sorted(range(len(values)), key=lambda i: -(values[i] * scale - floors[i]))
    for i in rest[: max(0, total - sum(floors))]:
        floors[i] += 1
    return [f / scale for f in floors]


def print_text(result: dict[str, Any], level: Any, lang: str) -> None:
    """The run as text a person reads: names, never ids; every cause of every score's change."""
    from game.i18n import load_translator, pick
    from game.ui.names import SCORE_ORDER, SCORES, TACTICS, intensity_word, name

    tr = load_translator(lang)
    _ = tr.gettext
    actions = {a.id: pick(a.title, lang) for a in level.actions}
    resources = {r.id: pick(r.name, lang) for r in level.resources}

    def score(k: str) -> str:
        return name(SCORES, k, _)

    unit = level_words.turn_unit(level, tr)  # the level's own word for a turn, or Season / Year
    print(_("{title} (seed {seed})").format(title=result["title"], seed=result["seed"]))
    num = tr.num  # every figure as the language writes numbers (0,5 in Spanish)
    print(_("start:") + " " + "  ".join(f"{score(k)} {num(v, '.1f')}" for k, v in result["start"].items()))
    for t in result["turns"]:
        scores = "  ".join(
            f"{score(k)} {num(v, '.1f')} ({num(t['deltas'][k], '+.1f')})" for k, v in t["scores"].items()
        )
        print("\n" + _("{unit} {n}:").format(unit=unit, n=t["turn"]) + " " + scores)
        if t["actions"]:
            print("  " + _("played:") + " " + ", ".join(actions.get(a, a) for a in t["actions"]))
        for e in t["events"]:
            print("  " + _("event:") + f" {e['title']} -> {e['label']}")
        for m in t["elite"]["moves"]:
            print("  " + _("the elite:") + f" {m['text']}")
        for k in SCORE_ORDER:
            causes = [c for c in t["causes"] if c["score"] == k]
            parts = rounded_parts([c["delta"] for c in causes], 2)
            shown = any(part != 0 for part in parts)
            print(f"  {score(k)} {num(sum(parts), '+.2f')}" + (" =" if shown else ""))
            for c, part in zip(causes, parts, strict=True):
                if part != 0:
                    print(f"    {num(part, '+.2f')}  {c['text']}")
        if t["elite"]["warning"]:
            w = t["elite"]["warning"]
            print(
                "  "
                + _("warning: next turn the elite plans {tactic} ({strength})").format(
                    tactic=name(TACTICS, w["tactic"], _), strength=_(intensity_word(w["intensity"]))
                )
            )
            if w.get("odds_text"):
                print("    " + w["odds_text"])
        for w in t["warnings"]:
            print("  " + _("DANGER:") + f" {w['text']}")
        if t["resources"]:
            left = ", ".join(f"{resources.get(r, r)} {num(v, 'g')}" for r, v in t["resources"].items())
            print("  " + _("left:") + " " + left)
    outcome = {"won": _("won"), "lost": _("lost")}.get(result["outcome"], _("unfinished"))
    line = _("outcome: {outcome}").format(outcome=outcome)
    print("\n" + (f"{line}: {result['reason']}" if result["reason"] else line))


def run(args: argparse.Namespace) -> int:
    from game.commands.paths import existing_file, existing_folder
    from game.levels.catalog import resolve_level
    from game.levels.decisions import Decisions

    if args.turns is not None and args.turns < 1:
        raise UserError.of(message_part(N_("--turns must be at least 1")))
    mods = [existing_folder(m, "--mods") for m in args.mods]
    actions = existing_file(args.actions, "--actions") if args.actions is not None else None
    loaded = resolve_level(args.level, mods, load_translator(args.lang).gettext)
    decisions = Decisions(actions) if actions is not None else None
    if decisions is not None:
        problems = decisions.id_problems(loaded.level)
        if problems:
            raise ContentError(problems)
    result = run_level(loaded.level, args.seed, args.turns, decisions, args.lang)
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, separators=(",", ":"))
        sys.stdout.write("\n")
        return 0
    print_text(result, loaded.level, args.lang)
    return 0
