"""The power can fail at any moment: SIGKILL a process that is writing saves and settings,
again and again, and check that every save left behind is readable, each slot's backups too,
and that the temporary files the killed writers left are cleaned at the next start.

    python tools/kill_saves.py --kills 300 --seed 1

prints one JSON line (kills, saves checked, unreadable, orphans cleaned); exit 1 if any save
was unreadable or an orphan survived the clean-up. The test suite runs a short version.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WRITER = """
import sys
from game.saves import SaveGame, SaveStore, SaveSummary
from game.settings import Settings, save_settings
store = SaveStore(sys.argv[1])
n = 0
print("ready", flush=True)
while True:
    n += 1
    decisions = [{"actions": ["study_circles"] * (n % 7), "choices": {}} for _ in range(n % 300)]
    save = SaveGame(level_id="coop_network", level_hash=None, seed=n, decisions=decisions,
                    summary=SaveSummary(turn=len(decisions)))
    store.write("autosave", save)
    store.write("slot-%d" % (n % 3), save)
    save_settings(sys.argv[1], Settings(ui_scale=100 + 10 * (n % 11)))
"""


def one_kill(data_dir: Path, rng: random.Random) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_dir)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout is not None
    proc.stdout.readline()  # imported and about to write
    time.sleep(rng.uniform(0.0, 0.25))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()


def check(data_dir: Path) -> tuple[int, int, list[str]]:
    """(saves checked, unreadable, problems) after a kill, as the game would see them."""
    from game.atomic import clean_orphans
    from game.saves import SAVES_FOLDER, SaveError, SaveStore
    from game.settings import load_settings

    problems: list[str] = []
    cleaned = 0
    for folder in (data_dir, data_dir / SAVES_FOLDER, data_dir / SAVES_FOLDER / "backups"):
        cleaned += len(clean_orphans(folder))
        left = [p.name for p in folder.glob(".*.tmp")] if folder.is_dir() else []
        if left:
            problems.append(f"orphans left in {folder}: {left}")
    store = SaveStore(data_dir)
    checked = unreadable = 0
    for info in store.list():
        checked += 1
        try:
            store.load(info.slot)
        except SaveError as exc:
            unreadable += 1
            problems.append(str(exc))
        for n in range(1, len(store.backups(info.slot)) + 1):
            checked += 1
            try:
                store.load_backup(info.slot, n)
            except SaveError as exc:
                unreadable += 1
                problems.append(str(exc))
    _settings, warnings = load_settings(data_dir)
    if warnings:
        problems.extend(warnings)
    return checked, unreadable, problems + [f"cleaned:{cleaned}"]


def main(argv: list[str] | None = None) -> int:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    parser = argparse.ArgumentParser(description="SIGKILL a process writing saves, and check them.")
    parser.add_argument("--kills", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    checked = unreadable = cleaned = 0
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="parecon-kill-") as tmp:
        data_dir = Path(tmp)
        for _ in range(args.kills):
            one_kill(data_dir, rng)
            c, u, found = check(data_dir)
            checked, unreadable = checked + c, unreadable + u
            cleaned += sum(int(p.split(":")[1]) for p in found if p.startswith("cleaned:"))
            problems += [p for p in found if not p.startswith("cleaned:")]
    for p in problems[:20]:
        print(p, file=sys.stderr)
    print(
        json.dumps(
            {
                "kills": args.kills,
                "saves_checked": checked,
                "unreadable": unreadable,
                "orphans_cleaned": cleaned,
                "problems": len(problems),
            }
        )
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
