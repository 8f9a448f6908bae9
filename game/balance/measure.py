"""Play a level under every policy for many seeds, in a process pool, and hold the win
rates to the balance targets (issue 8): a level is a game of strategy when the plan and a
player who answers the elite win, and waiting, luck, list order, the forecast followed
blindly and a plan that ignores the elite do not."""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from game.balance.play import Run, play
from game.i18n import N_, Translator, load_translator

# policy -> (comparison, bound, what breaking it means)
TARGETS: dict[str, tuple[str, float, str]] = {
    "plan": (">=", 0.9, N_("the documented plan does not win reliably")),
    "adaptive": (">=", 0.9, N_("a player who follows the plan and answers the elite cannot win reliably")),
    "nothing": ("<=", 0.1, N_("the level can be won by waiting")),
    "random": ("<=", 0.1, N_("the level can be won by luck")),
    "first-affordable": ("<=", 0.1, N_("the level can be won without a strategy")),
    "greedy-forecast": ("<=", 0.3, N_("the level can be won by following the forecast blindly")),
    "ignore-the-elite": ("<=", 0.3, N_("the elite does not decide the game")),
}


def plan_file(level_path: Path, level_id: str) -> Path:
    """Where a level's documented plan lives: `plans/<id>.yaml` beside the level file."""
    return level_path.parent / "plans" / f"{level_id}.yaml"


@dataclass
class Tally:
    """Every play of one policy."""

    policy: str
    runs: list[Run]

    @property
    def wins(self) -> int:
        return sum(r.outcome == "won" for r in self.runs)

    @property
    def win_rate(self) -> float:
        return self.wins / max(1, len(self.runs))

    def mean_scores(self) -> dict[str, float]:
        keys = list(self.runs[0].scores) if self.runs else []
        return {k: float(np.mean([r.scores[k] for r in self.runs])) for k in keys}

    def loss_reasons(self, top: int = 3, words: Callable[[Run], str] | None = None) -> list[tuple[str, int]]:
        """The `top` reasons for losing and how many plays each lost (English unless `words`
        says a play's reason in another language)."""
        say = words or (lambda r: r.reason)
        return Counter(say(r) for r in self.runs if r.outcome != "won").most_common(top)

    def tactics(self) -> Counter[str]:
        return Counter(t for r in self.runs for t in r.tactics)

    def target(self) -> tuple[str, float, str] | None:
        return TARGETS.get(self.policy)

    def meets_target(self) -> bool:
        t = self.target()
        if t is None:
            return True
        op, bound, _ = t
        return self.win_rate >= bound - 1e-9 if op == ">=" else self.win_rate <= bound + 1e-9

    def warning(self, tr: Translator | None = None) -> str | None:
        """One line when the policy breaks its target, saying what that means for the level
        (in the language of `tr`, English when None)."""
        t = self.target()
        if t is None or self.meets_target():
            return None
        op, bound, meaning = t
        _ = (tr or load_translator("en")).gettext
        return _("{policy} wins {rate}: {meaning} (target {op} {bound})").format(
            policy=self.policy, rate=f"{self.win_rate:.0%}", meaning=_(meaning), op=op, bound=f"{bound:.0%}"
        )

    def to_dict(self, words: Callable[[Run], str] | None = None) -> dict[str, Any]:
        """The JSON of this policy's plays (keys in English; loss reasons said by `words`)."""
        t = self.target()
        return {
            "plays": len(self.runs),
            "wins": self.wins,
            "win_rate": round(self.win_rate, 4),
            "scores": {k: round(v, 2) for k, v in self.mean_scores().items()},
            "losses": [{"reason": why, "plays": n} for why, n in self.loss_reasons(words=words)],
            "target": None if t is None else f"{t[0]} {t[1]:g}",
            "meets_target": self.meets_target(),
            "elite_tactics": dict(sorted(self.tactics().items())),
        }


_CACHE: dict[str, tuple[Any, Any]] = {}


def _load(level_path: str, plan_path: str | None) -> tuple[Any, Any]:
    key = f"{level_path}|{plan_path}"
    if key not in _CACHE:
        from game.levels.decisions import Decisions
        from game.levels.loader import load_level

        level = load_level(Path(level_path)).level
        plan = Decisions(Path(plan_path)).model if plan_path else None
        _CACHE[key] = (level, plan)
    return _CACHE[key]


def _job(job: tuple[str, str | None, str, int]) -> Run:
    """One play, for the process pool: (level file, plan file or None, policy, seed)."""
    level_path, plan_path, policy, seed = job
    level, plan = _load(level_path, plan_path)
    return play(level, seed, policy, plan)


Progress = Callable[[int, int], None]


def measure(
    level_path: Path,
    level_id: str,
    policies: Sequence[str],
    seeds: Sequence[int],
    jobs: int = 0,
    progress: Progress | None = None,
) -> dict[str, Tally]:
    """Play every (policy, seed) of a level in `jobs` processes (0: one per core) and
    return the plays per policy, in the order of `policies` and `seeds`."""
    plan = plan_file(level_path, level_id)
    plan_arg = str(plan) if plan.is_file() else None
    work = [(str(level_path), plan_arg, p, s) for p in policies for s in seeds]
    runs: dict[tuple[str, int], Run] = {}
    workers = jobs or os.cpu_count() or 1
    done = 0
    if workers > 1 and len(work) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(_job, w) for w in work]
            for fut in as_completed(futures):
                run = fut.result()
                runs[(run.policy, run.seed)] = run
                done += 1
                if progress:
                    progress(done, len(work))
    else:
        for w in work:
            run = _job(w)
            runs[(run.policy, run.seed)] = run
            done += 1
            if progress:
                progress(done, len(work))
    return {p: Tally(p, [runs[(p, s)] for s in seeds]) for p in policies}


def stderr_progress(label: str, stream: Any, tr: Translator | None = None) -> Progress:
    """Progress on `stream`: one rewritten line on a terminal, a line per tenth otherwise
    (in the language of `tr`, English when None)."""
    said = (tr or load_translator("en")).gettext("balance {level}: {done}/{total} plays, {seconds} s")
    start = time.perf_counter()
    tty = hasattr(stream, "isatty") and stream.isatty()
    shown = {"tenth": -1}

    def report(done: int, total: int) -> None:
        secs = time.perf_counter() - start
        line = said.format(
            level=label, done=done, total=total, seconds=(tr or load_translator("en")).num(secs, ".1f")
        )
        if tty:
            stream.write("\r" + line + ("\n" if done == total else ""))
            stream.flush()
            return
        tenth = done * 10 // total
        if tenth != shown["tenth"]:
            shown["tenth"] = tenth
            stream.write(line + "\n")
            stream.flush()

    return report
