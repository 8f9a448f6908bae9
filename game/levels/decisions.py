"""Decision files: the actions and event choices of each turn, for headless runs, winning
plans and replays. YAML (or JSON, which is YAML) read with positions.

    events:
      plant_moves: buyout          # whenever this event fires, answer it so
    turns:
      1: [study_circles]
      2: {actions: [marcora_law], choices: {plant_moves: let_go}}   # this turn only

An event fires on a turn the seed decides, so a plan that must work on every seed answers
it under `events:`; a turn's own `choices` override that answer on that turn.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, StrictStr

from game.errors import Part, Problem, part, render
from game.i18n import N_
from game.levels import validation, yamlpos


class TurnDecision(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    actions: list[StrictStr] = Field(default_factory=list)
    choices: dict[StrictStr, StrictStr] = Field(default_factory=dict)


class DecisionFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    events: dict[StrictStr, StrictStr] = Field(default_factory=dict)
    turns: dict[Annotated[int, Field(ge=1)], list[StrictStr] | TurnDecision] = Field(default_factory=dict)

    def for_turn(self, turn: int) -> TurnDecision:
        d = self.turns.get(turn)
        if d is None:
            d = TurnDecision()
        elif isinstance(d, list):
            d = TurnDecision(actions=d)
        if not self.events:
            return d
        return TurnDecision(actions=d.actions, choices={**self.events, **d.choices})


def id_problems(model: DecisionFile, node: yaml.Node, name: str, level: Any) -> list[Problem]:
    """Every action, event and choice id of a decision file that `level` does not have,
    at its line and column (with a "did you mean" when one is close)."""
    errors: list[Problem] = []
    acts = [a.id for a in level.actions]
    events = {e.id: [c.id for c in e.choices] for e in level.events}

    def err(loc: tuple[Any, ...], *parts: Part) -> None:
        line, col = yamlpos.locate(node, loc)
        errors.append(Problem(name, line, col, yamlpos.field_path(loc, node), render(parts), parts))

    def unknown(what: Part, value: str, known: list[str]) -> tuple[Part, ...]:
        guess = difflib.get_close_matches(value, known, n=1)
        if guess:
            return (what, part(N_("; did you mean '{guess}'?"), guess=guess[0]))
        return (what, part(N_("; known: {known}"), known=", ".join(known))) if known else (what,)

    def check_choices(prefix: tuple[Any, ...], choices: dict[str, str]) -> None:
        for ev, ch in choices.items():
            if ev not in events:
                what = part(N_("unknown event '{id}' in level '{level}'"), id=ev, level=level.id)
                err((*prefix, ev, "[key]"), *unknown(what, ev, list(events)))
            elif ch not in events[ev]:
                what = part(N_("unknown choice '{id}' for event '{event}'"), id=ch, event=ev)
                err((*prefix, ev), *unknown(what, ch, events[ev]))

    check_choices(("events",), model.events)
    for turn, entry in model.turns.items():
        if turn > level.turns:
            err(
                ("turns", turn, "[key]"),
                part(N_("turn {turn} is after the level's last turn ({last})"), turn=turn, last=level.turns),
            )
        short = isinstance(entry, list)
        actions = entry if isinstance(entry, list) else entry.actions
        for i, a in enumerate(actions):
            if a not in acts:
                loc = ("turns", turn, i) if short else ("turns", turn, "actions", i)
                err(
                    loc,
                    *unknown(
                        part(N_("unknown action '{id}' in level '{level}'"), id=a, level=level.id), a, acts
                    ),
                )
        if isinstance(entry, TurnDecision):
            check_choices(("turns", turn, "choices"), entry.choices)
    return validation.sort_problems(errors)


class Decisions:
    """A parsed decision file that can point back at the line of any turn's entry."""

    def __init__(self, path: Path) -> None:
        self.path = path
        text = yamlpos.read_text(path)
        data, self._node = yamlpos.parse(text, str(path))
        self.model = validation.validate(data, self._node, str(path), DecisionFile)

    def id_problems(self, level: Any) -> list[Problem]:
        """The ids this file names that `level` does not have (see `id_problems`)."""
        return id_problems(self.model, self._node, str(self.path), level)

    def answer_at(self, turn: int, event: str) -> tuple[Any, ...] | None:
        """Where this file answers `event` on `turn`: the turn's own choice, else the answer
        under `events:` (None if it gives none)."""
        for loc in (("turns", turn, "choices", event), ("events", event)):
            if yamlpos.node_at(self._node, loc) is not None:
                return loc
        return None

    def problem(self, turn: int, message: str, said: str = "", event: str = "") -> Problem:
        """The refusal of a turn's decisions, located at that turn; `said` is the message in
        the run's language when it is not English. With `event` (a refused answer to it), at
        the answer itself: the turn's own, else the one under `events:`."""
        line, col = 1, 1
        node = self._node
        field = f"turns.{turn}"
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == "turns" and isinstance(v, yaml.MappingNode):
                    for tk, tv in v.value:
                        if tk.value == str(turn):
                            line, col = tv.start_mark.line + 1, tv.start_mark.column + 1
        loc = self.answer_at(turn, event) if event else None
        at = yamlpos.node_at(node, loc) if loc else None
        if loc and at is not None:
            line, col = at.start_mark.line + 1, at.start_mark.column + 1
            field = ".".join(str(x) for x in loc)
        words = (part("{said}", said=said),) if said else ()
        return Problem(str(self.path), line, col, field, message, words)
