"""`balance LEVEL|PATH [--mods DIR] [--seeds N] [--policies ...] [--json]`: how a level
plays under bots that play as people do, so a modder learns whether it is a game of
strategy (the win rate of each policy, its mean final scores, why it loses, and a warning
for each balance target the level breaks)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from game.commands.args import number_in
from game.errors import ContentError, UserError, part
from game.i18n import LANGUAGES, N_, load_translator

positive = number_in(int, N_("not a whole number"), N_("must be 1 or more, not {value}"), low=1)


def add_arguments(p: argparse.ArgumentParser) -> None:
    from game.balance.policies import POLICIES

    p.add_argument("level", help="a level file (.yaml) or a level id")
    p.add_argument("--mods", type=Path, action="append", default=[], help="extra mods folder")
    p.add_argument("--seeds", type=positive, default=50, help="play seeds 1..N per policy (default 50)")
    p.add_argument(
        "--policies",
        nargs="+",
        choices=POLICIES,
        default=list(POLICIES),
        metavar="POLICY",
        help=N_("policies to play (default: all):") + " " + ", ".join(POLICIES),
    )
    p.add_argument("--jobs", type=positive, help="processes to play in (default: one per core)")
    p.add_argument("--lang", default="en", choices=tuple(LANGUAGES), help="language of texts")
    p.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    from game.balance.measure import measure, plan_file, stderr_progress
    from game.balance.play import PlanError
    from game.balance.policies import NEEDS_PLAN
    from game.balance.report import json_report, text_table
    from game.commands.paths import existing_folder
    from game.commands.simulate import refusal_words
    from game.levels.catalog import resolve_level
    from game.levels.decisions import Decisions
    from game.levels.schema import text_of

    tr = load_translator(args.lang)
    mods = [existing_folder(m, "--mods") for m in args.mods]
    loaded = resolve_level(args.level, mods, tr.gettext)
    level = loaded.level
    plan = plan_file(loaded.path, level.id)
    policies = list(dict.fromkeys(args.policies))
    skipped: list[str] = []
    if plan.is_file():
        decisions = Decisions(plan)  # a broken plan file stops here, at its line
    else:
        skipped = [p for p in policies if p in NEEDS_PLAN]
        policies = [p for p in policies if p not in NEEDS_PLAN]
        if not policies:
            raise UserError.of(
                part(N_("{plan}: no such plan file, and every policy asked for needs one"), plan=plan)
            )
    start = time.perf_counter()
    seeds = range(1, args.seeds + 1)
    progress = stderr_progress(level.id, sys.stderr, tr)
    try:
        tallies = measure(loaded.path, level.id, policies, seeds, args.jobs or 0, progress)
    except PlanError as exc:
        said = refusal_words(exc, level, tr)
        raise ContentError([decisions.problem(exc.turn, exc.message, said)]) from None
    seconds = time.perf_counter() - start
    if args.json:
        out = json_report(level, args.seeds, tallies, skipped, seconds, tr)
        json.dump(out, sys.stdout, ensure_ascii=False, separators=(",", ":"))
        sys.stdout.write("\n")
        return 0
    print(text_table(level, text_of(level.title, args.lang), tallies, skipped, tr))
    plays = len(policies) * args.seeds
    print(
        "\n" + tr.gettext("{plays} plays in {seconds} s").format(plays=plays, seconds=tr.num(seconds, ".1f"))
    )
    return 0
