"""A run as `simulate --json` writes it, read back and checked before anything is drawn, so a
truncated or hand-edited file gets one clear message instead of a traceback halfway through
the report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from game.errors import UserError, part
from game.i18n import N_
from game.os_words import os_reason

MAX_RUN_BYTES = 50_000_000
SCORES = ("equity", "participation", "resilience", "support")


class _Part(BaseModel):
    # extra keys are allowed: newer runs may carry more than this version reads
    model_config = ConfigDict(extra="allow", allow_inf_nan=False, frozen=True)


class Scores(_Part):
    equity: float
    participation: float
    resilience: float
    support: float

    def get(self, name: str) -> float:
        return float(getattr(self, name))


class Cause(_Part):
    score: Literal["equity", "participation", "resilience", "support"]
    delta: float
    kind: str
    id: str
    text: str


class EliteMove(_Part):
    tactic: str
    intensity: float
    text: str


class EliteWarning(_Part):
    tactic: str
    intensity: float
    turn: int
    text: str


class Elite(_Part):
    moves: list[EliteMove] = Field(default_factory=list)
    warning: EliteWarning | None = None
    power: float | None = None
    threat: float | None = None


class EventRecord(_Part):
    id: str
    title: str
    choice: str
    label: str


class LossWarning(_Part):
    id: str
    text: str
    turns_left: int


class TurnRecord(_Part):
    turn: int = Field(ge=1)
    scores: Scores
    deltas: Scores | None = None
    causes: list[Cause]
    elite: Elite
    events: list[EventRecord]
    warnings: list[LossWarning] = Field(default_factory=list)
    actions: list[str] = Field(default_factory=list)
    metrics: dict[str, float] = Field(default_factory=dict)
    resources: dict[str, float] = Field(default_factory=dict)
    news: list[str] = Field(default_factory=list)


class Run(_Part):
    """One headless run: the level, the seed, every turn's report and how it ended."""

    level: str = Field(min_length=1)
    seed: int
    title: str | None = None
    turn_length: str | None = None
    start: Scores | None = None
    turns: list[TurnRecord] = Field(min_length=1)
    outcome: Literal["won", "lost", "unfinished", "stopped"]
    reason: str

    @model_validator(mode="after")
    def _numbered(self) -> Run:
        for i, t in enumerate(self.turns, start=1):
            if t.turn != i:
                raise ValueError(f"turns are not numbered 1, 2, 3...: entry {i} is turn {t.turn}")
        return self

    def delta(self, index: int, score: str) -> float:
        """Change of a score in turn `index` (0-based), from the run's deltas or the scores."""
        t = self.turns[index]
        if t.deltas is not None:
            return t.deltas.get(score)
        before = self.turns[index - 1].scores if index > 0 else self.start
        return t.scores.get(score) - before.get(score) if before is not None else 0.0


def _where(loc: tuple[object, ...]) -> str:
    out = ""
    for step in loc:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out or "(top)"


# the json module's messages for the usual mistakes, so that they are translated
JSON_WORDS = (
    N_("Expecting value"),
    N_("Expecting property name enclosed in double quotes"),
    N_("Expecting ',' delimiter"),
    N_("Expecting ':' delimiter"),
    N_("Extra data"),
    N_("Unterminated string starting at"),
    N_("Invalid control character at"),
    N_("Illegal trailing comma before end of object"),
    N_("Illegal trailing comma before end of array"),
)


def load_run(path: Path) -> Run:
    """Read RUN.json; UserError (exit 2) naming the file and what is wrong with it."""
    name = str(path)
    try:
        if path.is_dir():
            raise UserError.of(
                part(N_("{name}: is a folder; give the JSON file that `simulate --json` wrote"), name=name)
            )
        if path.exists() and not path.is_file():
            raise UserError.of(part(N_("{name}: not a regular file"), name=name))
        size = path.stat().st_size
        if size > MAX_RUN_BYTES:
            raise UserError.of(
                part(
                    N_("{name}: file is {size:,} bytes; a run is at most {most:,}"),
                    name=name,
                    size=size,
                    most=MAX_RUN_BYTES,
                )
            )
        with path.open("rb") as handle:
            raw = handle.read(MAX_RUN_BYTES + 1)
    except FileNotFoundError:
        raise UserError.of(part(N_("{name}: no such file"), name=name)) from None
    except OSError as exc:
        raise UserError.of(part(N_("{name}: cannot read: {why}"), name=name, why=os_reason(exc))) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError.of(
            part(
                N_("{name}: not a run: the file is not UTF-8 text (is it the JSON from `simulate --json`?)"),
                name=name,
            )
        ) from None
    if not text.strip():
        raise UserError.of(part(N_("{name}: not a run: the file is empty"), name=name))

    def no_constants(value: str) -> float:
        raise ValueError(f"{value} is not a number a run can hold")

    try:
        data = json.loads(text, parse_constant=no_constants)
    except json.JSONDecodeError as exc:
        raise UserError.of(
            part(N_("{name}:{line}:{col}: not valid JSON: "), name=name, line=exc.lineno, col=exc.colno),
            part(exc.msg),  # the json module's words: translated when the catalog has them (JSON_WORDS)
        ) from None
    except ValueError as exc:
        raise UserError.of(part(N_("{name}: not valid JSON: {why}"), name=name, why=exc)) from None
    except RecursionError:
        raise UserError.of(part(N_("{name}: not a run: the JSON is nested too deeply"), name=name)) from None
    if not isinstance(data, dict):
        raise UserError.of(
            part(
                N_(
                    "{name}: not a run: expected a JSON object with 'level', 'seed', 'turns', "
                    "'outcome' and 'reason', got a {kind}"
                ),
                name=name,
                kind=type(data).__name__,
            )
        )
    try:
        return Run.model_validate(data)
    except ValidationError as exc:
        lines = []
        for err in exc.errors(include_url=False)[:12]:
            msg = err["msg"].removeprefix("Value error, ")
            lines.append(f"  {_where(tuple(err['loc']))}: {msg}")
        more = exc.error_count() - len(lines)
        if more > 0:
            lines.append(f"  ... and {more} more")
        raise UserError(f"{name}: not a run from `simulate --json`:\n" + "\n".join(lines), 2) from None
