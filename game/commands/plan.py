"""`python main.py plan`: run the participatory planning procedure on an economy file (or
on a random economy drawn like Hahnel's experiments) and show how the plan converged.

Exit codes: 0 converged, 3 not converged within --max-rounds, 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

from game.commands.plan_text import print_tables
from game.errors import Part, UserError, part
from game.i18n import LANGUAGES, N_, load_translator

MAX_GENERATED_COUNCILS = 1_000_000
MAX_GENERATED_GOODS = 100_000
MAX_GENERATED_WEIGHTS = 50_000_000  # CC weights are dense over consumer goods


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "economy",
        nargs="?",
        metavar="ECONOMY.yaml",
        help="economy file (goods, worker_councils, consumer_councils)",
    )
    parser.add_argument(
        "--generate",
        metavar="WCS,CCS,GOODS",
        help="plan a random economy of this size instead of a file (Hahnel's scale: 30000,30000,500)",
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed for --generate (default 1)")
    parser.add_argument(
        "--threshold",
        type=float,
        metavar="X",
        help="stop when every market's excess ratio is below X (default: the file's, else 0.05)",
    )
    parser.add_argument(
        "--start-prices",
        type=float,
        metavar="P",
        dest="start_prices",
        help="start every price at P (default: the file's, else 700)",
    )
    parser.add_argument(
        "--rule",
        choices=("book", "program"),
        default="book",
        help="price rule: Hahnel (2021) p.181 'book' (default) or the simulation program's variant",
    )
    parser.add_argument(
        "--paced", action="store_true", help="human-paced variant: limit how far proposals move per round"
    )
    parser.add_argument(
        "--max-rounds",
        type=int,
        default=1000,
        metavar="N",
        dest="max_rounds",
        help="give up after N rounds (default 1000; exit code 3)",
    )
    parser.add_argument("--lang", default="en", choices=tuple(LANGUAGES), help="language of texts")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")


def _parse_generate(spec: str) -> tuple[int, int, int]:
    parts = spec.split(",")
    try:
        sizes = tuple(int(p.strip()) for p in parts)
    except ValueError:
        sizes = ()
    if len(sizes) != 3 or min(sizes) < 1:
        raise UserError.of(
            part(
                N_(
                    "--generate expects WCS,CCS,GOODS as three positive integers "
                    "(e.g. 30000,30000,500), got '{spec}'"
                ),
                spec=spec,
            )
        )
    n_wc, n_cc, n_goods = sizes
    if max(n_wc, n_cc) > MAX_GENERATED_COUNCILS or n_goods > MAX_GENERATED_GOODS:
        raise UserError.of(
            part(
                N_("--generate: at most {councils:,} councils of each kind and {goods:,} goods"),
                councils=MAX_GENERATED_COUNCILS,
                goods=MAX_GENERATED_GOODS,
            )
        )
    if n_goods < 5:
        raise UserError.of(
            part(
                N_(
                    "--generate: at least 5 goods "
                    "(one of each category: final, intermediate, nature, labour, public)"
                )
            )
        )
    # the generator's five categories (final, intermediate, nature, labour, public) share the
    # goods as evenly as it can; a worker council produces each final, intermediate and public one
    base, extra = divmod(n_goods, 5)
    producible = sum(base + (1 if i < extra else 0) for i in (0, 1, 4))
    if n_wc < producible:
        raise UserError.of(
            part(
                N_("--generate: {wcs} worker councils cannot produce {goods} goods; use at least {goods}"),
                wcs=n_wc,
                goods=producible,
            )
        )
    consumer_goods = 2 * (n_goods // 5) + (1 if n_goods % 5 >= 1 else 0)
    if n_cc * consumer_goods > MAX_GENERATED_WEIGHTS:
        raise UserError.of(
            part(
                N_(
                    "--generate: {ccs:,} consumer councils × {goods:,} consumer goods "
                    "is too large for memory; use fewer"
                ),
                ccs=n_cc,
                goods=consumer_goods,
            )
        )
    return n_wc, n_cc, n_goods


def run(args: argparse.Namespace) -> int:
    import numpy as np

    from game.sim.planning import GEN_START_PRICE, PlanError, generate_economy, run_plan

    if (args.economy is None) == (args.generate is None):
        raise UserError.of(part(N_("plan: give either an economy file or --generate WCS,CCS,GOODS")))
    if args.threshold is not None and not (math.isfinite(args.threshold) and 0 < args.threshold < 2):
        raise UserError.of(
            part(
                N_("--threshold must be a number between 0 and 2 (excess ratios lie in [0, 2]), got {value}"),
                value=args.threshold,
            )
        )
    if args.start_prices is not None and not (math.isfinite(args.start_prices) and args.start_prices > 0):
        said = N_("--start-prices must be a positive number, got {value}")
        raise UserError.of(part(said, value=args.start_prices))
    if args.max_rounds < 1:
        raise UserError.of(part(N_("--max-rounds must be at least 1, got {value}"), value=args.max_rounds))

    source: tuple[Part, ...]
    if args.generate is not None:
        n_wc, n_cc, n_goods = _parse_generate(args.generate)
        if args.seed < 0:
            raise UserError.of(part(N_("--seed must be zero or positive, got {value}"), value=args.seed))
        try:
            eco = generate_economy(n_wc, n_cc, n_goods, np.random.default_rng(args.seed))
        except PlanError as exc:  # the generator's own limits (the ones above come first)
            raise UserError.of(part(N_("--generate: {why}"), why=str(exc))) from None
        start: Any = GEN_START_PRICE
        threshold = 0.05
        source = (
            part(
                N_("generated economy {sizes} (seed {seed})"),
                sizes=f"{n_wc},{n_cc},{n_goods}",
                seed=args.seed,
            ),
        )
    else:
        from game.levels.economy import load_economy, start_price_vector, to_plan_economy

        path = Path(args.economy)
        if not path.is_file():
            missing = N_("{path}: no such file") if not path.exists() else N_("{path}: not a file")
            raise UserError.of(part(missing, path=path))
        spec = load_economy(path)
        eco = to_plan_economy(spec)
        start = start_price_vector(spec)
        threshold = spec.threshold
        source = (part("{path}", path=path),)
    if args.start_prices is not None:
        start = float(args.start_prices)
    if args.threshold is not None:
        threshold = float(args.threshold)

    try:
        result = run_plan(
            eco,
            start,
            threshold=threshold,
            rule=args.rule,
            max_rounds=args.max_rounds,
            record_history=False,
            paced=args.paced,
        )
    except PlanError as exc:
        raise UserError.of(*source, part(": {why}", why=str(exc))) from None
    code = 0 if result.converged else 3
    try:
        if args.json:
            print(json.dumps(_as_json(result)))
        else:
            print_tables(result, eco, source, load_translator(args.lang))
        sys.stdout.flush()
    except BrokenPipeError:  # `plan ... | head`: the reader left; not an error of ours
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return code


def _as_json(result: Any) -> dict[str, Any]:
    ids = result.good_ids
    return {
        "converged": bool(result.converged),
        "rounds": int(result.rounds),
        "threshold": result.threshold,
        "rule": result.rule,
        "paced": result.paced,
        "prices": {g: float(x) for g, x in zip(ids, result.prices, strict=True)},
        "supply": {g: float(x) for g, x in zip(ids, result.supply, strict=True)},
        "demand": {g: float(x) for g, x in zip(ids, result.demand, strict=True)},
        "history": [{"round": i + 1, "max_excess": float(m)} for i, m in enumerate(result.max_excess)],
    }
