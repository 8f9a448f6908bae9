"""Write `docs/balance.md`: every shipped level under every policy of `python main.py
balance` (game/balance), with the spread of the elite's tactics.

    python tools/balance.py                      # 50 seeds per policy, all levels, writes the doc
    python tools/balance.py --seeds 10 --print   # a quick look, no file written
    python tools/balance.py --level coop_network --seeds 10 --print
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from game.balance.markdown import regenerate  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", type=int, default=50, help="seeds 1..N per policy (default 50)")
    ap.add_argument("--level", action="append", default=[], help="only this level id")
    ap.add_argument("--print", action="store_true", help="print the tables; write no file")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "balance.md")
    ap.add_argument("--jobs", type=int, default=0, help="processes (default: one per core)")
    args = ap.parse_args(argv)
    files = [f for f in sorted((ROOT / "levels").glob("*.yaml")) if not args.level or f.stem in args.level]
    if not files or args.seeds < 1:
        print("no level found" if not files else "--seeds must be 1 or more", file=sys.stderr)
        return 2
    regenerate(files, args.seeds, args.jobs, None if args.print else args.out)
    if not args.print:
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
