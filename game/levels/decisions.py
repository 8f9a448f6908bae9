"""Decision files: the actions and event choices of each turn, for headless runs, winning
plans and replays. YAML (or JSON, which is YAML) read with positions.

    turns:
      1: [study_circles]
      2: {actions: [marcora_law], choices: {plant_closes: buyout}}
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, StrictStr

from game.errors import Problem
from game.levels import yamlpos


class TurnDecision(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    actions: list[StrictStr] = Field(default_factory=list)
    choices: dict[StrictStr, StrictStr] = Field(default_factory=dict)


class DecisionFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    turns: dict[Annotated[int, Field(ge=1)], list[StrictStr] | TurnDecision] = Field(default_factory=dict)

    def for_turn(self, turn: int) -> TurnDecision:
        d = self.turns.get(turn)
        if d is None:
            return TurnDecision()
        if isinstance(d, list):
            return TurnDecision(actions=d)
        return d


class Decisions:
    """A parsed decision file that can point back at the line of any turn's entry."""

    def __init__(self, path: Path) -> None:
        self.path = path
        text = yamlpos.read_text(path)
        data, self._node = yamlpos.parse(text, str(path))
        self.model = yamlpos.validate(data, self._node, str(path), DecisionFile)

    def problem(self, turn: int, message: str) -> Problem:
        line, col = 1, 1
        node = self._node
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == "turns" and isinstance(v, yaml.MappingNode):
                    for tk, tv in v.value:
                        if tk.value == str(turn):
                            line, col = tv.start_mark.line + 1, tv.start_mark.column + 1
        return Problem(str(self.path), line, col, f"turns.{turn}", message)
