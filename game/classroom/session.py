"""A class session: the teacher's set-up, the level played on the projector with the class's
votes deciding, council play, and the record the class report is written from.

Set-up choices and what they do:
- minutes: 20 or 45, which sets the turns played (SESSION_TURNS, never more than the level
  has): a 45-minute lesson has room for council play and twelve turns;
- difficulty: the old elite's strength, times DIFFICULTY (the level's own value is standard);
- mode: the hot seat (groups take turns at the projector) or the classroom server;
- the scenario code (level and seed), so the class's game can be replayed anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.classroom.economy import ClassEconomy, sector_economy
from game.classroom.outcome import compare
from game.classroom.play import CouncilPlay, automatic_play
from game.classroom.votes import Vote, action_vote, decision_of, event_vote

SESSION_TURNS = {20: 6, 45: 12}
DIFFICULTY = {"gentle": 0.6, "standard": 1.0, "hard": 1.4}
MODES = ("hotseat", "server")
MIN_GROUPS, MAX_HOTSEAT_GROUPS = 2, 6


@dataclass(frozen=True)
class ClassSetup:
    level_id: str
    seed: int
    minutes: int = 45
    difficulty: str = "standard"
    mode: str = "hotseat"
    groups: int = 4  # hot seat only

    def __post_init__(self) -> None:
        if self.minutes not in SESSION_TURNS:
            raise ValueError(f"a class session lasts 20 or 45 minutes, not {self.minutes}")
        if self.difficulty not in DIFFICULTY:
            raise ValueError(f"difficulty is one of {', '.join(DIFFICULTY)}, not {self.difficulty!r}")
        if self.mode not in MODES:
            raise ValueError(f"mode is hotseat or server, not {self.mode!r}")
        if not MIN_GROUPS <= self.groups <= MAX_HOTSEAT_GROUPS:
            raise ValueError(
                f"the hot seat takes {MIN_GROUPS} to {MAX_HOTSEAT_GROUPS} groups, not {self.groups}"
            )

    @property
    def scenario_code(self) -> str:
        from game.reports.scenario import scenario_code

        return scenario_code(self.level_id, self.seed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level_id,
            "seed": self.seed,
            "scenario_code": self.scenario_code,
            "minutes": self.minutes,
            "difficulty": self.difficulty,
            "mode": self.mode,
            "groups": self.groups,
        }


def with_difficulty(level: Any, difficulty: str) -> Any:
    """The level with its elite's strength scaled for the chosen difficulty."""
    factor = DIFFICULTY[difficulty]
    if factor == 1.0:
        return level
    elite = level.elite.model_copy(update={"strength": float(level.elite.strength) * factor})
    return level.model_copy(update={"elite": elite})


@dataclass
class ClassSession:
    level: Any
    setup: ClassSetup
    lang: str = "en"
    votes: list[Vote] = field(default_factory=list)
    plans: list[dict[str, Any]] = field(default_factory=list)
    reports: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        from game.sim.engine import Simulation

        self.played_level = with_difficulty(self.level, self.setup.difficulty)
        from game.i18n import load_translator

        self.sim = Simulation(self.played_level, self.setup.seed)
        self.tr = load_translator(self.lang)
        self.turns = min(int(self.level.turns), SESSION_TURNS[self.setup.minutes])

    @property
    def finished(self) -> bool:
        return self.sim.finished or self.sim.turn > self.turns

    # --- council play -------------------------------------------------------------------
    def class_economy(self, copies: int = 1) -> ClassEconomy:
        return sector_economy(self.sim, copies)

    def new_play(
        self, copies: int = 1, round_seconds: float | None = None, max_groups: int | None = None
    ) -> CouncilPlay:
        return CouncilPlay(self.class_economy(copies), round_seconds=round_seconds, max_groups=max_groups)

    def record_plan(self, play: CouncilPlay) -> dict[str, Any]:
        """The class's plan against the automatic one, kept for the report."""
        auto = automatic_play(play.ce, play.threshold, play.max_rounds)
        rec = {"turn": self.sim.turn, **compare(play, auto)}
        self.plans.append(rec)
        return rec

    # --- votes --------------------------------------------------------------------------
    def next_vote_id(self) -> str:
        return f"v{len(self.votes) + 1}"

    def event_vote(self, mode: str) -> Vote:
        v = event_vote(self.sim, mode, self.lang, self.next_vote_id())
        self.votes.append(v)
        return v

    def action_vote(self, action_ids: list[str], question: str, mode: str) -> Vote:
        v = action_vote(self.sim, action_ids, question, mode, self.lang, self.next_vote_id())
        self.votes.append(v)
        return v

    def turn_votes(self) -> list[Vote]:
        return [v for v in self.votes if v.turn == self.sim.turn]

    def play_turn(self, actions: list[str] | None = None, choices: dict[str, str] | None = None) -> Any:
        """Play the turn with the decisions the class's closed votes made, plus any the
        teacher adds (a vote's result wins over the teacher's choice for the same event)."""
        voted_actions, voted_choices = decision_of(self.turn_votes())
        acts = list(dict.fromkeys([*(actions or []), *voted_actions]))
        ch = {**(choices or {}), **voted_choices}
        from game.explain import report_dict

        rep = self.sim.play_turn(acts, ch)
        self.reports.append(report_dict(rep, self.level, self.tr))
        return rep

    # --- the record ---------------------------------------------------------------------
    def record(self) -> dict[str, Any]:
        """The class part of the run file: set-up, every vote and every class plan."""
        return {
            "setup": self.setup.to_dict(),
            "votes": [v.record() for v in self.votes],
            "plans": list(self.plans),
        }

    def run_dict(self) -> dict[str, Any]:
        """The run in `simulate --json` form with the class record under "class"."""
        from game.explain import ending_text
        from game.levels.schema import text_of

        return {
            "level": self.level.id,
            "title": text_of(self.level.title, self.lang),
            "seed": self.setup.seed,
            "turn_length": self.level.turn_length,
            "start": {k: round(v, 4) for k, v in self.sim.start.scores.items()},
            "turns": list(self.reports),
            "outcome": self.sim.outcome,
            "reason": ending_text(self.sim.ending, self.level, self.tr),
            "class": self.record(),
        }
