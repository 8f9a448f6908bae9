"""One game in progress, as the interface sees it: the level, the simulation, the decisions
taken so far (for saves) and the history the charts read.

Why a separate object: scenes come and go (turn screen, planning view, dialogs) but the game
stays; the session is what a save stores and what a load rebuilds by replaying decisions.
The UI never computes economics here: every number comes from `game.sim.engine.Simulation`.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from game import __version__
from game.i18n import pick
from game.saves import SaveGame, SaveSummary, hash_label
from game.sim.budget import budget
from game.sim.report import Refusal
from game.ui.names import SCORE_ORDER

if TYPE_CHECKING:
    from game.levels.loader import LoadedLevel

ECONOMY_SERIES = ("coop_share", "council_share", "firm_share", "unemployment", "needs_met")


def new_seed() -> int:
    """A fresh seed for a new game (shown as the scenario code, so a class can share it)."""
    return random.SystemRandom().randrange(1, 100_000)


@dataclass
class Session:
    loaded: LoadedLevel
    seed: int
    lang: str = "en"
    decisions: list[dict[str, Any]] = field(default_factory=list)
    hash_mismatch: bool = False

    def __post_init__(self) -> None:
        from game.sim.engine import Simulation

        self.sim = Simulation(self.loaded.level, self.seed)
        self.start_scores = dict(self.sim.start.scores)
        self.start_metrics = dict(self.sim.start.metrics(self.sim.state))
        self.start_resources = dict(self.sim.state.resources)
        self.lock = threading.Lock()  # forecasts and turns run in worker threads, one at a time

    # --- identity ---------------------------------------------------------------------
    @property
    def level(self) -> Any:
        return self.loaded.level

    @property
    def level_id(self) -> str:
        return self.level.id

    @property
    def level_hash(self) -> str:
        """The level's hash as saves record it (`game.saves.level_hash` of the level file)."""
        return hash_label(self.loaded.sha256)

    def title(self) -> str:
        return pick(self.level.title, self.lang)

    @property
    def scenario_code(self) -> str:
        """Level and seed: the same code gives the same game on every machine."""
        return f"{self.level_id}-{self.seed}"

    # --- history ----------------------------------------------------------------------
    @property
    def reports(self) -> list[Any]:
        return self.sim.history

    @property
    def turn(self) -> int:
        """The turn to be played next (1-based)."""
        return self.sim.turn

    @property
    def finished(self) -> bool:
        return self.sim.finished

    def scores(self) -> dict[str, float]:
        return dict(self.reports[-1].scores) if self.reports else dict(self.start_scores)

    def previous_scores(self) -> dict[str, float] | None:
        if not self.reports:
            return None
        return dict(self.reports[-2].scores) if len(self.reports) > 1 else dict(self.start_scores)

    def metrics(self) -> dict[str, float]:
        return dict(self.reports[-1].metrics) if self.reports else dict(self.start_metrics)

    def score_history(self, key: str) -> list[float]:
        return [self.start_scores[key]] + [r.scores[key] for r in self.reports]

    def metric_history(self, key: str) -> list[float]:
        return [self.start_metrics.get(key, 0.0)] + [r.metrics.get(key, 0.0) for r in self.reports]

    def resources(self) -> dict[str, float]:
        return dict(self.sim.state.resources)

    # --- playing ----------------------------------------------------------------------
    # `setup`, `playable` and `budget` take the lock: each may draw the turn's random numbers
    # (`Simulation.setup`), which a turn played in a worker also does. Unguarded, a call made
    # while the worker had moved to the next turn but not yet forgotten the old set-up drew the
    # next turn's numbers once too often, and the game left the path its save replays.
    def setup(self) -> Any:
        """This turn's event and elite warning (call on the main thread before forecasts)."""
        with self.lock:
            return self.sim.setup()

    def playable(self, chosen: list[str], choices: dict[str, str] | None = None) -> dict[str, Refusal | None]:
        with self.lock:
            return self.sim.playable(list(chosen), None if choices is None else dict(choices))

    def budget(self, chosen: list[str], choices: dict[str, str]) -> dict[str, float]:
        """What is left this turn after the event's answer and the chosen actions: the
        figure the header shows and the cards' refusals count from."""
        with self.lock:
            return budget(self.sim, list(chosen), dict(choices))

    def forecast(self, actions: list[str], choices: dict[str, str]) -> dict[str, float]:
        with self.lock:
            out = self.sim.forecast(list(actions), dict(choices))
            warning = self.sim.setup().warning
            if warning is not None and (warning.odds or warning.answers):  # it can end the level
                out["loss_odds"] = self.sim.loss_odds(list(actions), dict(choices))
            return out

    def forecast_each(self, action_ids: list[str], choices: dict[str, str]) -> dict[str, dict[str, float]]:
        """The forecast of each action played alone (for the cards); unplayable ones skipped."""
        out: dict[str, dict[str, float]] = {}
        for a in action_ids:
            with self.lock:
                try:
                    out[a] = self.sim.forecast([a], dict(choices))
                except ValueError:
                    continue
        return out

    def play(self, actions: list[str], choices: dict[str, str]) -> Any:
        """Play one turn (slow: run it in a worker); records the decision for saves."""
        with self.lock:
            report = self.sim.play_turn(list(actions), dict(choices))
        self.decisions.append({"actions": list(actions), "choices": dict(choices)})
        return report

    def plan_rounds(self, from_scratch: bool = False):
        """The council sector's plan this turn with every round recorded. `from_scratch`
        starts from the plan's uniform start prices instead of last season's, so that every
        round of the iteration can be watched."""
        with self.lock:
            return self.sim.plan_detail(from_scratch=from_scratch)

    # --- saving -----------------------------------------------------------------------
    def to_save(self) -> SaveGame:
        return SaveGame(
            game_version=__version__,
            level_id=self.level_id,
            level_hash=self.level_hash,
            seed=self.seed,
            decisions=[dict(d) for d in self.decisions],
            summary=SaveSummary(
                turn=len(self.decisions),
                turns_total=int(self.level.turns),
                scores={k: round(float(v), 2) for k, v in self.scores().items() if k in SCORE_ORDER},
                level_title=self.level.title,
            ),
        )

    @classmethod
    def from_save(cls, save: SaveGame, loaded: Any, lang: str = "en") -> Session:
        """Rebuild a game by replaying the saved decisions (the simulation is deterministic)."""
        session = cls(loaded, save.seed, lang)
        session.hash_mismatch = save.level_hash is not None and save.level_hash != session.level_hash
        with session.lock:
            session.sim.replay(save.decisions)
        session.decisions = [
            {"actions": list(d.get("actions", [])), "choices": dict(d.get("choices", {}))}
            for d in save.decisions[: len(session.sim.history)]
        ]
        return session
