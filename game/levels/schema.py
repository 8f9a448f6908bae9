"""The level format: pydantic v2 models over the parsed YAML, so every error maps back to
its line. Names of parameters, metrics, tactics and segments come from the simulation's closed
vocabulary (`game.sim.vocabulary`); unknown names get a "did you mean ...?".
"""

from __future__ import annotations

import difflib
from typing import Annotated, Any, Literal

from pydantic import (
    Field,
    StrictBool,
    StrictStr,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from game.levels.fields import (
    RESOURCE_ICONS,
    NonNegative,
    Number,
    Plain,
    Share,
)
from game.levels.texts import LANGS as LANGS  # re-exported: the level's languages
from game.levels.texts import Id, Strict, Text, _check_text, _check_title, _unknown
from game.levels.texts import text_of as text_of  # re-exported for the many readers of level texts
from game.levels.words import Words
from game.sim.vocabulary import EFFECT_OPS, METRICS, PARAMS, SEGMENTS, TACTICS

# ---------------------------------------------------------------- conditions


class Condition(Strict):
    """One test over the game state. Exactly one form: a comparison of a metric or parameter,
    a played action, or a combination with all / any / not."""

    metric: StrictStr | None = Field(None, description="A metric name (see the vocabulary).")
    param: StrictStr | None = Field(None, description="A parameter name (see the vocabulary).")
    op: Literal["<", "<=", ">", ">=", "=="] | None = None
    value: Number | None = None
    played: Id | None = Field(None, description="True once this action has been played.")
    all: list[Condition] | None = None
    any: list[Condition] | None = None
    not_: Condition | None = Field(None, alias="not")

    @field_validator("metric")
    @classmethod
    def _metric(cls, v: str | None) -> str | None:
        if v is not None and v not in METRICS:
            raise _unknown("metric", v, list(METRICS))
        return v

    @field_validator("param")
    @classmethod
    def _param(cls, v: str | None) -> str | None:
        if v is not None and v not in PARAMS:
            raise _unknown("parameter", v, list(PARAMS))
        return v

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        forms = [
            self.metric is not None or self.param is not None,
            self.played is not None,
            self.all is not None,
            self.any is not None,
            self.not_ is not None,
        ]
        if sum(forms) != 1 or (self.metric is not None and self.param is not None):
            raise PydanticCustomError(
                "condition_form",
                "a condition is exactly one of: metric/param with op and value, played, all, any, not",
            )
        if (self.metric or self.param) and (self.op is None or self.value is None):
            raise PydanticCustomError("condition_form", "a comparison needs 'op' and 'value'")
        return self


# ---------------------------------------------------------------- effects


# values of the ops whose meaning bounds them: shares of people, a factor on the elite's wealth
_OP_BOUNDS: dict[str, tuple[float, float]] = {
    "counter": (0.0, 1.0),
    "elite_wealth": (0.0, 10.0),
    "awareness": (-1.0, 1.0),
    "support": (-1.0, 1.0),
    "power": (-1.0, 1.0),
    "skill_loss": (0.0, 1.0),
}


class Effect(Strict):
    """One change to the simulation, from the closed vocabulary of operations. `because` is
    the sentence the game shows to explain it."""

    op: Literal[
        "add",
        "mul",
        "set",
        "convert",
        "merge",
        "found_coops",
        "resource",
        "counter",
        "elite_wealth",
        "awareness",
        "support",
        "power",
        "skill_loss",
    ] = Field(description="; ".join(f"{k}: {v}" for k, v in EFFECT_OPS.items()))
    param: StrictStr | None = None
    value: Number | None = None
    from_: StrictStr | None = Field(None, alias="from")
    to: StrictStr | None = None
    share: Share | None = None
    count: Annotated[int, Field(strict=True, ge=1, le=500)] | None = None
    resource: Id | None = None
    tactic: StrictStr | None = None
    capital: Literal["lost", "sold", "moved"] | None = None
    land: Literal["trust"] | None = Field(
        None,
        description=(
            "found_coops only: 'trust' settles the new co-ops on a land trust's land, so in a level "
            "with a land market (it sets land_turnover) only as many as its idle land can take"
        ),
    )
    because: Text = Field(description="Why this happens, shown to the player.")

    _check_because = field_validator("because")(_check_text)

    @field_validator("param")
    @classmethod
    def _param(cls, v: str | None) -> str | None:
        if v is not None and v not in PARAMS:
            raise _unknown("parameter", v, list(PARAMS))
        return v

    @field_validator("from_", "to")
    @classmethod
    def _segment(cls, v: str | None) -> str | None:
        if v is not None and v not in SEGMENTS:
            raise _unknown("segment", v, SEGMENTS)
        return v

    @field_validator("tactic")
    @classmethod
    def _tactic(cls, v: str | None) -> str | None:
        if v is not None and v not in TACTICS:
            raise _unknown("tactic", v, list(TACTICS))
        return v

    @model_validator(mode="after")
    def _fields_for_op(self) -> Effect:
        need = {
            "add": ("param", "value"),
            "mul": ("param", "value"),
            "set": ("param", "value"),
            "convert": ("from_", "to", "share"),
            "merge": ("share",),
            "found_coops": ("count", "share"),
            "resource": ("resource", "value"),
            "counter": ("tactic", "value"),
            "elite_wealth": ("value",),
            "awareness": ("value",),
            "support": ("value",),
            "power": ("value",),
            "skill_loss": ("value",),
        }[self.op]
        missing = [n.rstrip("_") for n in need if getattr(self, n) is None]
        if missing:
            raise PydanticCustomError(
                "effect_fields", "op '{op}' needs: {missing}", {"op": self.op, "missing": ", ".join(missing)}
            )
        if self.op == "set" and self.param:
            spec = PARAMS[self.param]
            if not spec.lo <= float(self.value or 0) <= spec.hi:
                raise PydanticCustomError(
                    "effect_range",
                    "value {v} is outside {p}'s range [{lo}, {hi}]",
                    {"v": f"{self.value:g}", "p": self.param, "lo": spec.lo, "hi": spec.hi},
                )
        bounds = _OP_BOUNDS.get(self.op)
        if bounds is not None and self.value is not None and not bounds[0] <= self.value <= bounds[1]:
            raise PydanticCustomError(
                "effect_range",
                "value {v} is outside the range of op '{op}': [{lo}, {hi}]",
                {"v": f"{self.value:g}", "op": self.op, "lo": bounds[0], "hi": bounds[1]},
            )
        if self.op == "convert" and self.from_ == self.to:
            raise PydanticCustomError("effect_fields", "convert needs two different segments")
        if self.capital is not None and not (self.op == "convert" and self.from_ == "firm"):
            raise PydanticCustomError(
                "effect_fields",
                "'capital' applies only to op 'convert' with from: firm (the owners' capital)",
            )
        if self.land is not None and self.op != "found_coops":
            raise PydanticCustomError("effect_fields", "'land' applies only to op 'found_coops'")
        return self


# ---------------------------------------------------------------- level parts


class Source(Strict):
    text: Text
    source: Plain = Field(min_length=3, description="Where the fact comes from.")
    _t = field_validator("text")(_check_text)


class Resource(Strict):
    id: Id
    name: Text
    start: NonNegative
    income: NonNegative = Field(description="Added at the start of each turn.")
    icon: Literal[tuple(RESOURCE_ICONS)] | None = Field(  # type: ignore[valid-type]
        None,
        description="The icon beside its amount (see *Resource icons* for what each looks like); "
        "without one, the game picks by the words of its id.",
    )
    _t = field_validator("name")(_check_title)


class Action(Strict):
    id: Id
    title: Text
    text: Text
    category: Literal["education", "law", "finance", "organising", "mutual_aid", "defence"]
    cost: dict[Id, NonNegative] = Field(default_factory=dict)
    requires: list[Id] = Field(default_factory=list, description="Actions played before this one.")
    condition: Condition | None = Field(None, description="Only playable while this holds.")
    repeatable: StrictBool = False
    effects: list[Effect] = Field(min_length=1, max_length=50)
    _t = field_validator("text")(_check_text)
    _tt = field_validator("title")(_check_title)


class Choice(Strict):
    id: Id
    label: Text
    cost: dict[Id, NonNegative] = Field(default_factory=dict)
    effects: list[Effect] = Field(default_factory=list, max_length=50)
    when: Condition | None = Field(
        None,
        description="Offered only while this holds, read as the event fires (before the turn's "
        "cards are played). The first choice, the default, is always offered and has none.",
    )
    _t = field_validator("label")(_check_title)


class Event(Strict):
    id: Id
    title: Text
    text: Text
    when: Condition | None = None
    probability: Share = 1.0
    earliest_turn: Annotated[int, Field(strict=True, ge=1, le=60)] = 1
    once: StrictBool = True
    choices: list[Choice] = Field(min_length=1, max_length=20, description="The first choice is the default.")
    _t = field_validator("text")(_check_text)
    _tt = field_validator("title")(_check_title)


class Economy(Strict):
    """The starting economy. Workforce shares must sum to at most 1; the rest is unemployed."""

    population: Annotated[int, Field(strict=True, ge=100, le=100_000_000)]
    firm_share: Share
    coop_share: Share = 0.0
    council_share: Share = 0.0
    coop_count: Annotated[int, Field(strict=True, ge=0, le=500)] = 0
    coop_spread: Share = Field(0.3, description="Spread of co-op productivity: richer and poorer co-ops.")
    owner_share: Annotated[float, Field(strict=True, gt=0, le=0.2, allow_inf_nan=False)] = 0.02
    awareness: Share = 0.05
    support: Share = 0.03
    power_concentration: Share = 0.0
    basic_need: Annotated[float, Field(strict=True, gt=0, le=2, allow_inf_nan=False)] = Field(
        0.75, description="Cost of a household's basic needs, as a share of the starting wage."
    )
    params: dict[StrictStr, Number] = Field(
        default_factory=dict, description="Starting values of parameters."
    )

    @field_validator("params")
    @classmethod
    def _params(cls, v: dict[str, float]) -> dict[str, float]:
        for name, value in v.items():
            if name not in PARAMS:
                raise _unknown("parameter", name, list(PARAMS))
            spec = PARAMS[name]
            if not spec.lo <= value <= spec.hi:
                raise PydanticCustomError(
                    "param_range",
                    "{p} = {v} is outside its range [{lo}, {hi}]",
                    {"p": name, "v": value, "lo": spec.lo, "hi": spec.hi},
                )
        return v

    @model_validator(mode="after")
    def _shares(self) -> Economy:
        total = self.firm_share + self.coop_share + self.council_share
        if total > 1.0 + 1e-9:
            raise PydanticCustomError(
                "shares", "firm, coop and council shares sum to {t} > 1", {"t": round(total, 4)}
            )
        if self.coop_share > 0 and self.coop_count == 0:
            raise PydanticCustomError("shares", "coop_share > 0 needs coop_count >= 1")
        return self


class Elite(Strict):
    strength: Annotated[float, Field(strict=True, ge=0, le=3, allow_inf_nan=False)] = Field(
        1.0, description="Starting resources of the old elite (1 = typical)."
    )
    tactics: list[StrictStr] = Field(min_length=1)
    first_turn: Annotated[int, Field(strict=True, ge=1, le=60)] = Field(
        2, description="First turn it may act."
    )

    @field_validator("tactics")
    @classmethod
    def _tactics(cls, v: list[str]) -> list[str]:
        for t in v:
            if t not in TACTICS:
                raise _unknown("tactic", t, list(TACTICS))
        return v


class Loss(Strict):
    id: Id
    when: Condition
    for_turns: Annotated[int, Field(strict=True, ge=2, le=10)] = Field(
        2, description="Turns in a row the condition must hold; the first one only warns."
    )
    warning: Text
    reason: Text
    _t = field_validator("warning", "reason")(_check_text)


class Goals(Strict):
    win: Condition = Field(description="Checked at the end of the last turn (or `win_early`).")
    win_early: StrictBool = Field(False, description="Win as soon as `win` holds.")
    win_text: Text
    lose: list[Loss] = Field(default_factory=list)
    _t = field_validator("win_text")(_check_text)


class GlossaryEntry(Strict):
    term: Text
    text: Text
    source: Plain | None = None
    _t = field_validator("text")(_check_text)
    _tt = field_validator("term")(_check_title)

    @property
    def key(self) -> str:
        """The term's English words, lower case: what makes two entries the same term."""
        return text_of(self.term).strip().lower()

    @property
    def en_term(self) -> str:
        return text_of(self.term)


class Level(Strict):
    """A transition path as a playable level."""

    format: Literal[1] = Field(1, description="Level format version.")
    id: Id
    title: Text
    path: Text = Field(description="The transition path, in a few words.")
    summary: Text
    turn_length: Literal["season", "year"]
    turns: Annotated[int, Field(strict=True, ge=1, le=60)]
    difficulty: Annotated[int, Field(strict=True, ge=1, le=5)]
    minutes: Annotated[int, Field(strict=True, ge=5, le=120)] = Field(30, description="Expected play time.")
    map_position: tuple[Share, Share] = (0.5, 0.5)
    briefing: list[Text] = Field(min_length=1, max_length=50)
    notes: list[Source] = Field(default_factory=list, description="Historical notes with sources.")
    economy: Economy
    elite: Elite
    resources: list[Resource] = Field(min_length=1)
    actions: list[Action] = Field(min_length=1)
    events: list[Event] = Field(default_factory=list)
    goals: Goals
    questions: list[Text] = Field(default_factory=list, description="For the debrief.")
    glossary: list[GlossaryEntry] = Field(default_factory=list)
    words: Words = Field(
        default_factory=lambda: Words(),
        description="The level's own names for segments, the elite, its media, councils, goods and turns.",
    )
    _t = field_validator("path", "summary")(_check_text)
    _tt = field_validator("title")(_check_title)

    @field_validator("briefing", "questions")
    @classmethod
    def _texts(cls, v: list[Any]) -> list[Any]:
        for item in v:
            _check_text(item)
        return v


def reference_problems(level: Level) -> list[tuple[tuple[Any, ...], str]]:
    """Cross-references that a field validator cannot see: ids used in one part of the level
    and defined in another. Returns (location, message) pairs for the loader to place."""
    out: list[tuple[tuple[Any, ...], str]] = []
    res = [r.id for r in level.resources]
    acts = [a.id for a in level.actions]

    def unknown(loc: tuple[Any, ...], kind: str, name: str, known: list[str]) -> None:
        guess = difflib.get_close_matches(name, known, n=1)
        hint = f"; did you mean '{guess[0]}'?" if guess else f"; known: {', '.join(known)}"
        out.append((loc, f"unknown {kind} '{name}'{hint}"))

    def unique(loc: tuple[Any, ...], kind: str, items: list[str], field: str | None = "id") -> None:
        seen: set[str] = set()
        for i, ident in enumerate(items):
            if ident in seen:
                where = (*loc, i, field) if field else (*loc, i)
                out.append((where, f"duplicate {kind} '{ident}'"))
            seen.add(ident)

    unique(("resources",), "resource id", res)
    unique(("actions",), "action id", acts)
    unique(("events",), "event id", [e.id for e in level.events])
    unique(("goals", "lose"), "loss id", [x.id for x in level.goals.lose])
    elite = getattr(level, "elite", None)  # a partial level (see the loader) may lack parts
    if elite is not None:
        unique(("elite", "tactics"), "tactic", list(elite.tactics), None)
    for i, ev in enumerate(level.events):
        unique(("events", i, "choices"), "choice id", [c.id for c in ev.choices])
    for i, a in enumerate(level.actions):
        unique(("actions", i, "requires"), "required action", list(a.requires), None)

    def effects(loc: tuple[Any, ...], effs: list[Effect]) -> None:
        for j, e in enumerate(effs):
            if e.resource is not None and e.resource not in res:
                unknown((*loc, j, "resource"), "resource", e.resource, res)

    def costs(loc: tuple[Any, ...], cost: dict[str, float]) -> None:
        for r in cost:
            if r not in res:
                unknown((*loc, r), "resource", r, res)

    for i, a in enumerate(level.actions):
        costs(("actions", i, "cost"), a.cost)
        for j, q in enumerate(a.requires):
            if q not in acts:
                unknown(("actions", i, "requires", j), "action", q, acts)
            elif q == a.id:
                out.append((("actions", i, "requires", j), "an action cannot require itself"))
        effects(("actions", i, "effects"), a.effects)
        for c in _conditions(a.condition):
            if c.played and c.played not in acts:
                unknown(("actions", i, "condition"), "action", c.played, acts)
    for i, ev in enumerate(level.events):
        for c in _conditions(ev.when):
            if c.played and c.played not in acts:
                unknown(("events", i, "when"), "action", c.played, acts)
        for k, ch in enumerate(ev.choices):
            costs(("events", i, "choices", k, "cost"), ch.cost)
            effects(("events", i, "choices", k, "effects"), ch.effects)
            for c in _conditions(ch.when):
                if c.played and c.played not in acts:
                    unknown(("events", i, "choices", k, "when"), "action", c.played, acts)
            if k == 0 and ch.when is not None:
                out.append(
                    (
                        ("events", i, "choices", k, "when"),
                        "the first choice is the default, taken when no other is: it is always "
                        "offered and cannot have a `when`",
                    )
                )
    for i, loss in enumerate(level.goals.lose):
        for c in _conditions(loss.when):
            if c.played and c.played not in acts:
                unknown(("goals", "lose", i, "when"), "action", c.played, acts)
    for c in _conditions(level.goals.win):
        if c.played and c.played not in acts:
            unknown(("goals", "win"), "action", c.played, acts)
    return out


def _conditions(c: Condition | None) -> list[Condition]:
    if c is None:
        return []
    out = [c]
    for sub in (c.all or []) + (c.any or []) + ([c.not_] if c.not_ else []):
        out.extend(_conditions(sub))
    return out
