"""Mutation fuzzing of everything a player, a teacher or a modder hands the game: levels,
decision files, saves, settings and scenario codes.

Each mutant must end in the game's own answer: a located error (levels, decision files), a
`SaveError` naming the file, settings that fall back with warnings, a refused scenario code;
or, when the mutant is still valid, a level that plays (a few turns of random legal play with
every score finite, or the simulation's own guard stopping it). Any other exception is a bug.

The test suite runs a few hundred mutants through hypothesis (`tests/test_fuzz.py`); the
long run is this script:

    python tools/fuzz.py --minutes 10 --seed 1
    python tools/fuzz.py --mutants 200 --seed 1     # a fixed count: the same mutants on any machine

which prints one JSON line with the counts (mutants tried, errors, playable, bugs).
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import yaml

ROOT = Path(__file__).resolve().parents[1]
LEVELS = sorted((ROOT / "levels").glob("*.yaml"))
PLANS = ROOT / "levels" / "plans"

# values a hostile or careless author writes where a number, a text or a list belongs
HOSTILE: list[Any] = [
    math.nan,
    math.inf,
    -math.inf,
    10**30,
    -(10**30),
    10**400,
    1e308,
    -1,
    0,
    0.5,
    12,
    True,
    False,
    None,
    "",
    " ",
    "\u200b\u202e\ufeff",
    "\u2060\u00ad",
    "\x00",
    "\x1b[2J",
    "x" * 5000,
    "W" * 300,
    "coop_network",
    "study_circles",
    "money",
    [],
    {},
    [[[[[]]]]],
    {"en": ""},
    {"en": "\u200b"},
    {"xx": "text"},
    ["a", "a"],
]
# fragments spliced into the text of a file
TOKENS = [
    "\t",
    "\x00",
    "{",
    "]",
    ": ",
    "- ",
    "&a ",
    "*a ",
    "!!python/object:os.system ",
    "!!binary ",
    "<<: *a",
    "9" * 5000,
    ".nan",
    "-.inf",
    "1e999",
    "0x" + "f" * 300,
    "\ufeff",
    "\u202e",
    '"\\ud800"',
    "\n" + " " * 100 + "x: y\n",
    "[" * 80,
    "---\n",
    "...\n",
]


class Chooser(Protocol):
    def int(self, lo: int, hi: int) -> int: ...

    def choice(self, items: Sequence[Any]) -> Any: ...


class RandomChooser:
    """Choices from a seeded `random.Random` (the long run)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def int(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def choice(self, items: Sequence[Any]) -> Any:
        return items[self.rng.randrange(len(items))]


# ---------------------------------------------------------------- mutation


def _paths(data: Any, here: tuple[Any, ...] = (), out: list[tuple[Any, ...]] | None = None) -> list:
    out = [] if out is None else out
    out.append(here)
    if isinstance(data, dict):
        for k, v in data.items():
            _paths(v, (*here, k), out)
    elif isinstance(data, list):
        for i, v in enumerate(data):
            _paths(v, (*here, i), out)
    return out


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for p in path:
        data = data[p]
    return data


def mutate_data(data: Any, c: Chooser, rounds: int = 3) -> Any:
    """Replace, delete, duplicate or retype 1 to `rounds` nodes of a parsed file."""
    data = copy.deepcopy(data)
    for _ in range(c.int(1, rounds)):
        paths = _paths(data)
        path = c.choice(paths)
        if not path:
            if c.int(0, 9) == 0:
                # a copy: later rounds mutate the data in place, and a shared HOSTILE value
                # changed by one mutant would change the draws of the next (flaky replays)
                data = copy.deepcopy(c.choice(HOSTILE))
            continue
        parent, key = _get(data, path[:-1]), path[-1]
        how = c.int(0, 5)
        if how <= 2:
            parent[key] = copy.deepcopy(c.choice(HOSTILE))
        elif how == 3 and isinstance(parent, dict):
            del parent[key]
        elif how == 3 and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))  # a duplicate item (and id)
        elif how == 4 and isinstance(parent, dict):
            parent[c.choice(["unknown_key", "idd", "effect", "format", 1, None])] = copy.deepcopy(parent[key])
        else:
            value = parent[key]
            if isinstance(value, bool):
                parent[key] = int(value)
            elif isinstance(value, int | float):
                parent[key] = c.choice([value * 10 ** c.int(1, 12), -value, str(value), [value]])
            elif isinstance(value, str):
                parent[key] = c.choice([value * c.int(2, 200), value + "\u200b", value.upper(), [value]])
            elif isinstance(value, list) and value:
                parent[key] = value * c.int(2, 20)
    return data


def mutate_text(text: str, c: Chooser, rounds: int = 3) -> str:
    """Splice hostile fragments into the text, or cut, duplicate or flip parts of it."""
    for _ in range(c.int(1, rounds)):
        if not text:
            text = c.choice(TOKENS)
            continue
        at = c.int(0, len(text) - 1)
        how = c.int(0, 3)
        if how == 0:
            text = text[:at] + c.choice(TOKENS) + text[at:]
        elif how == 1:
            text = text[:at] + text[at + c.int(1, 200) :]
        elif how == 2:
            end = min(len(text), at + c.int(1, 400))
            text = text[:end] + text[at:end] * c.int(1, 5) + text[end:]
        else:
            text = text[:at] + chr(c.int(0, 0x2FFFF)) + text[at + 1 :]
    return text


def dump(data: Any) -> str:
    """YAML text of mutated data (non-finite floats and huge ints included)."""
    try:
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)
    except (yaml.YAMLError, ValueError, RecursionError):
        return json.dumps(data, default=str)


# ---------------------------------------------------------------- the checks


def play_a_little(level: Any, seed: int, turns: int = 3) -> str:
    """Random legal play for a few turns; every score finite or the guard stops the level."""
    import numpy as np

    from game.sim.engine import Simulation

    sim = Simulation(level, seed)
    rng = np.random.default_rng(seed)
    ids = [a.id for a in level.actions]
    for _ in range(turns):
        if sim.finished:
            break
        setup = sim.setup()
        actions: list[str] = []
        for aid in rng.permutation(ids)[:8]:
            if sim.playable(actions).get(str(aid)) == "":
                actions.append(str(aid))
        choices = {}
        if setup.event is not None:
            ok = [
                c.id for c in setup.event.choices if not sim.choice_problems(actions, {setup.event.id: c.id})
            ]
            if ok:
                choices[setup.event.id] = ok[int(rng.integers(len(ok)))]
        report = sim.play_turn(actions, choices)
        if sim.outcome == "stopped":
            return "stopped"
        bad = [k for k, v in report.scores.items() if not math.isfinite(v)]
        if bad:
            raise AssertionError(f"non-finite scores {bad} without the guard stopping the level")
    return "playable"


def _located(problems: list[Any], name: str) -> None:
    if not problems:
        raise AssertionError("refused without a problem")
    for p in problems:
        if p.file != name or p.line < 1 or p.col < 1 or not p.message:
            raise AssertionError(f"badly located problem: {p!r}")
        if "internal error" in p.message:
            raise AssertionError(str(p))


def try_level(text: str, folder: Path, seed: int = 1, turns: int = 3) -> str:
    """A mutated level: 'error' (located problems) or 'playable'/'stopped'."""
    from game.levels.lint import lint_level
    from game.levels.loader import parse_level

    path = folder / "mutant.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    level, node, _text, problems = parse_level(path)
    if level is None:
        _located(problems, str(path))
        return "error"
    assert node is not None
    lint_level(level, node, str(path), simulate_start=False)
    return play_a_little(level, seed, turns)


def try_decisions(text: str, folder: Path, level: Any) -> str:
    """A mutated decision file replayed on its level: a located error or a finished run."""
    from game.commands.simulate import run_level
    from game.errors import ContentError
    from game.levels.decisions import Decisions

    path = folder / "plan.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        decisions = Decisions(path)
        run_level(level, 1, min(level.turns, 4), decisions)
    except ContentError as exc:
        _located(exc.problems, str(path))
        return "error"
    return "playable"


def try_save(raw: bytes, folder: Path) -> str:
    """A mutated save: SaveError naming the file, or a save that replays (or is refused by
    the rules, which the game shows in a dialog)."""
    from game.levels.catalog import load_catalog
    from game.saves import SaveError, SaveStore
    from game.sim.engine import DecisionError, Simulation

    store = SaveStore(folder)
    store.folder.mkdir(parents=True, exist_ok=True)
    (store.folder / "slot.json").write_bytes(raw)
    listed = store.list()
    if len(listed) != 1:
        raise AssertionError(f"list() shows {len(listed)} slots for one file")
    try:
        save = store.load("slot")
    except SaveError as exc:
        if str(store.folder / "slot.json") not in str(exc):
            raise AssertionError(f"SaveError without the file name: {exc}") from None
        return "error"
    loaded = load_catalog(include_user=False).find(save.level_id)
    if loaded is None:
        return "error"  # the game says the pathway is not installed
    sim = Simulation(loaded.level, save.seed)
    try:
        for d in save.decisions[:4]:
            if sim.finished:
                break
            sim.play_turn(list(d.get("actions", [])), dict(d.get("choices", {})))
    except DecisionError:
        return "error"
    return "playable"


def try_settings(raw: bytes, folder: Path) -> str:
    """Mutated settings: always settings (the defaults for what is broken), never a raise."""
    from game.settings import Settings, load_settings

    (folder / "settings.json").write_bytes(raw)
    settings, warnings = load_settings(folder)
    if not isinstance(settings, Settings):
        raise AssertionError("load_settings returned no Settings")
    return "warned" if warnings else "read"


def try_scenario(code: str) -> str:
    """A scenario code: refused (None) or a level id and a seed numpy accepts."""
    from game.reports.scenario import parse_scenario_code

    parsed = parse_scenario_code(code)
    if parsed is None:
        return "error"
    level_id, seed = parsed
    if not level_id or seed < 0:
        raise AssertionError(f"accepted {code!r} as {parsed!r}")
    import numpy as np

    np.random.default_rng(seed)
    return "read"


# ---------------------------------------------------------------- mutants of each kind


def level_mutant(c: Chooser) -> str:
    base = c.choice(LEVELS)
    text = base.read_text(encoding="utf-8")
    if c.int(0, 1):
        return mutate_text(text, c)
    return dump(mutate_data(yaml.safe_load(text), c))


def decisions_mutant(c: Chooser) -> tuple[str, Path]:
    base = c.choice(LEVELS)
    text = (PLANS / base.name).read_text(encoding="utf-8")
    if c.int(0, 1):
        return mutate_text(text, c), base
    return dump(mutate_data(yaml.safe_load(text), c)), base


def save_mutant(c: Chooser) -> bytes:
    base = {
        "version": c.choice([1, 2]),
        "game_version": "0.1.0",
        "level_id": c.choice([p.stem for p in LEVELS]),
        "level": "coop_network",
        "level_hash": None,
        "seed": c.int(0, 10**6),
        "decisions": [{"actions": ["study_circles"], "choices": {}}, {"actions": []}],
        "turn_decisions": [{"actions": []}],
        "summary": {"turn": 2, "scores": {"equity": 40.0}},
        "saved_at": "2025-01-01T00:00:00+00:00",
    }
    base = {
        k: v
        for k, v in base.items()
        if (k in ("level", "turn_decisions")) == (base["version"] == 1)
        or k in ("version", "seed", "game_version", "saved_at")
    }
    data = mutate_data(base, c)
    text = json.dumps(data, default=str, allow_nan=True)
    if c.int(0, 2) == 0:
        text = mutate_text(text, c)
    return text.encode("utf-8", "surrogatepass")


def settings_mutant(c: Chooser) -> bytes:
    base = {
        "version": 1,
        "language": "es",
        "ui_scale": 150,
        "fullscreen": False,
        "volume": 70,
        "mute": False,
        "font": "dyslexic",
        "reduced_motion": True,
    }
    text = json.dumps(mutate_data(base, c), default=str)
    if c.int(0, 1):
        text = mutate_text(text, c)
    prefix = c.choice([b"", b"\xef\xbb\xbf", b"\xff\xfe"])
    return prefix + text.encode("utf-8", "surrogatepass")


def scenario_mutant(c: Chooser) -> str:
    return mutate_text(c.choice(["coop_network-42", "revolution-0", "union_register-9999999999"]), c, 2)


def run_one(kind: str, c: Chooser, folder: Path) -> str:
    """One mutant of `kind`, checked; returns its outcome, raises on a bug."""
    if kind == "level":
        return try_level(level_mutant(c), folder, seed=c.int(0, 1000))
    if kind == "decisions":
        from game.levels.loader import load_level

        text, base = decisions_mutant(c)
        return try_decisions(text, folder, load_level(base).level)
    if kind == "save":
        return try_save(save_mutant(c), folder)
    if kind == "settings":
        return try_settings(settings_mutant(c), folder)
    return try_scenario(scenario_mutant(c))


KINDS = ("level", "decisions", "save", "settings", "scenario")


def main(argv: list[str] | None = None) -> int:
    import resource

    if str(ROOT) not in sys.path:  # run as a script: fuzz this checkout's game
        sys.path.insert(0, str(ROOT))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--mutants", type=int, default=None, help="stop after this many mutants, however long they take"
    )
    parser.add_argument("--limit-seconds", type=float, default=30.0, help="slowest mutant allowed")
    args = parser.parse_args(argv)
    chooser = RandomChooser(args.seed)
    outcomes: Counter[str] = Counter()
    bugs: list[str] = []
    slowest = 0.0
    end = time.monotonic() + args.minutes * 60
    n = 0
    with tempfile.TemporaryDirectory(prefix="parecon-fuzz-") as tmp:
        # a count makes the run the same on a loaded machine (the test suite's): time decides nothing
        while n < args.mutants if args.mutants is not None else time.monotonic() < end:
            kind = KINDS[n % len(KINDS)]
            n += 1
            folder = Path(tmp) / str(n % 7)
            folder.mkdir(exist_ok=True)
            t0 = time.monotonic()
            try:
                outcomes[f"{kind}:{run_one(kind, chooser, folder)}"] += 1
            except Exception as exc:  # noqa: BLE001 - every other exception is a finding
                bugs.append(f"{kind} #{n}: {type(exc).__name__}: {exc}"[:300])
            took = time.monotonic() - t0
            slowest = max(slowest, took)
            if took > args.limit_seconds:
                bugs.append(f"{kind} #{n}: took {took:.1f} s")
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for b in bugs[:20]:
        print(b, file=sys.stderr)
    print(
        json.dumps(
            {
                "mutants": n,
                "bugs": len(bugs),
                "outcomes": dict(sorted(outcomes.items())),
                "slowest_s": round(slowest, 2),
                "max_rss_mb": round(rss_mb, 1),
                "seed": args.seed,
            }
        )
    )
    return 1 if bugs else 0


if __name__ == "__main__":
    sys.exit(main())
