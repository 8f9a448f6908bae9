"""The economy file: goods, worker councils and consumer councils for the planning
procedure, in a format close enough to the published experiments to type them in.

```yaml
goods:                      # kind: final | intermediate | primary | public
  - {id: F1, kind: final}
  - {id: N, kind: primary, endowment: 1000}
worker_councils:            # 'count' repeats an entry; default 1
  - {output: F1, A: 5.0, c: 0.08, s: 1.0, k: 3.5, inputs: {N: 0.25}, count: 1}
consumer_councils:          # weights over final and public goods; they are normalised
  - {income: 5000, weights: {F1: 0.5}, count: 1}
start_prices: 50            # a number for every good, or a map id -> price
threshold: 0.05             # command line options override the file
```

Cross-references (good ids, who produces and who wants each good) are checked inside the
field they concern, so each error is reported at that field's line: a wrap validator on
EconomyFile first records the raw good table in a context variable for the duration of
its own validation (so an EconomyFile can also be embedded in another model, e.g. a level).
"""

from __future__ import annotations

import difflib
from contextvars import ContextVar
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any, Literal

import numpy as np
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictStr,
    Tag,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from game.errors import ContentError, Problem
from game.levels.validation import load_model
from game.sim.planning import KIND_CODES, PlanEconomy, normalise_weights

Kind = Literal["final", "intermediate", "primary", "public"]
Positive = Annotated[float, Field(strict=True, gt=0, le=1e12, allow_inf_nan=False)]
Count = Annotated[int, Field(strict=True, ge=1, le=10_000_000)]
GOOD_ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_.\-]{0,39}$"
DEFAULT_START_PRICE = 700.0  # Hahnel's simulations start every price at 700
DEFAULT_THRESHOLD = 0.05  # Hahnel (2021) Table 9.1: every market within 5%


# The good table of the EconomyFile being validated: {"goods": id -> kind, "produced",
# "wanted", "seen_ids"}. None outside an EconomyFile (a lone GoodSpec skips cross-checks).
_TABLE: ContextVar[dict[str, Any] | None] = ContextVar("economy_table", default=None)


def _ctx(info: ValidationInfo) -> dict[str, Any] | None:
    return _TABLE.get()


def _good_ref(value: str, info: ValidationInfo) -> str:
    """A good id that the file's `goods` list defines (with a 'did you mean')."""
    ctx = _ctx(info)
    if ctx is None:
        return value
    goods: dict[str, str] = ctx["goods"]
    if value not in goods:
        guess = difflib.get_close_matches(value, list(goods), n=1, cutoff=0.5)
        if guess:
            raise PydanticCustomError(
                "unknown_good", "not a good listed under goods; did you mean '{guess}'?", {"guess": guess[0]}
            )
        raise PydanticCustomError("unknown_good", "not a good listed under goods", {})
    return value


def _consumable_ref(value: str, info: ValidationInfo) -> str:
    value = _good_ref(value, info)
    ctx = _ctx(info)
    kind = ctx["goods"][value] if ctx else None
    if kind in ("intermediate", "primary"):  # an invalid kind is reported at the good
        raise PydanticCustomError(
            "not_consumable",
            "consumer councils can only weight final and public goods, and this good is {kind}",
            {"kind": kind},
        )
    return value


def _input_ref(value: str, info: ValidationInfo) -> str:
    value = _good_ref(value, info)
    ctx = _ctx(info)
    if ctx and ctx["goods"][value] == "public":
        raise PydanticCustomError("public_input", "a public good cannot be a production input", {})
    return value


GoodRef = Annotated[StrictStr, AfterValidator(_good_ref)]
# union tags of start_prices; they appear in error locations and are dropped by _clean
_NUMBER, _MAP = "<number>", "<map>"
ConsumableRef = Annotated[StrictStr, AfterValidator(_consumable_ref)]
InputRef = Annotated[StrictStr, AfterValidator(_input_ref)]


class GoodSpec(BaseModel):
    """One good: its id, kind and (primary goods only) the endowment available."""

    model_config = ConfigDict(extra="forbid")
    id: Annotated[StrictStr, Field(pattern=GOOD_ID_PATTERN)]
    kind: Kind
    endowment: Positive | None = None

    @field_validator("id")
    @classmethod
    def _unique(cls, value: str, info: ValidationInfo) -> str:
        ctx = _ctx(info)
        if ctx is None:
            return value
        seen: set[str] = ctx["seen_ids"]
        if value in seen:
            raise PydanticCustomError("duplicate_good", "duplicate good id", {})
        seen.add(value)
        return value

    @field_validator("kind")
    @classmethod
    def _has_market(cls, value: str, info: ValidationInfo) -> str:
        ctx = _ctx(info)
        gid = info.data.get("id")
        if gid is None or ctx is None:
            return value
        if value != "primary" and gid not in ctx["produced"]:
            raise PydanticCustomError(
                "no_producer", "no worker council produces this {kind} good", {"kind": value}
            )
        if gid not in ctx["wanted"]:
            raise PydanticCustomError(
                "no_demand",
                "no council wants this good (no input or consumer weight "
                "names it), so its price would fall forever",
                {},
            )
        return value

    @model_validator(mode="after")
    def _endowment(self) -> GoodSpec:
        if self.kind == "primary" and self.endowment is None:
            raise PydanticCustomError(
                "missing_endowment", "a primary good needs an endowment (its supply)", {}
            )
        return self

    @field_validator("endowment")
    @classmethod
    def _endowment_only_primary(cls, value: float | None, info: ValidationInfo) -> float | None:
        kind = info.data.get("kind")
        if value is not None and kind is not None and kind != "primary":
            raise PydanticCustomError(
                "endowment_not_primary",
                "only primary goods have an endowment; {kind} goods are produced by worker councils",
                {"kind": kind},
            )
        return value


class WorkerCouncilSpec(BaseModel):
    """A worker council: y = A·Π x_m^{b_m}·e^c, disutility of effort s·e^k."""

    model_config = ConfigDict(extra="forbid")
    output: GoodRef
    A: Positive
    c: Positive
    s: Positive = 1.0
    k: Positive
    inputs: dict[InputRef, Positive] = Field(default_factory=dict)
    count: Count = 1

    @field_validator("output")
    @classmethod
    def _producible(cls, value: str, info: ValidationInfo) -> str:
        ctx = _ctx(info)
        if ctx and ctx["goods"].get(value) == "primary":
            raise PydanticCustomError(
                "primary_output", "primary goods are endowments; no worker council can produce one", {}
            )
        return value

    @field_validator("inputs")
    @classmethod
    def _returns(cls, value: dict[str, float], info: ValidationInfo) -> dict[str, float]:
        out = info.data.get("output")
        if out is not None and out in value:
            raise PydanticCustomError(
                "self_input", "a council cannot use its own output ({out}) as an input", {"out": out}
            )
        c, k = info.data.get("c"), info.data.get("k")
        if c is not None and k is not None:
            gamma = sum(value.values()) + c / k
            if gamma >= 1:
                raise PydanticCustomError(
                    "gamma",
                    "the input exponents plus c/k sum to {gamma}; they must "
                    "be below 1 (decreasing returns) or the council would want infinite "
                    "output",
                    {"gamma": f"{gamma:.4f}"},
                )
        return value


class ConsumerCouncilSpec(BaseModel):
    """A consumer council with Cobb-Douglas weights (normalised to sum to one)."""

    model_config = ConfigDict(extra="forbid")
    income: Positive
    weights: Annotated[dict[ConsumableRef, Positive], Field(min_length=1)]
    count: Count = 1


class EconomyFile(BaseModel):
    """The whole file. Convert with `to_plan_economy` and `start_price_vector`."""

    model_config = ConfigDict(extra="forbid")
    goods: Annotated[list[GoodSpec], Field(min_length=1, max_length=100_000)]
    worker_councils: Annotated[list[WorkerCouncilSpec], Field(min_length=1)]
    consumer_councils: Annotated[list[ConsumerCouncilSpec], Field(min_length=1)]
    start_prices: Annotated[
        Annotated[Positive, Tag(_NUMBER)] | Annotated[dict[GoodRef, Positive], Tag(_MAP)],
        Discriminator(lambda v: _MAP if isinstance(v, dict) else _NUMBER),
    ] = DEFAULT_START_PRICE
    threshold: Annotated[float, Field(strict=True, gt=0, lt=2, allow_inf_nan=False)] = DEFAULT_THRESHOLD

    @model_validator(mode="wrap")
    @classmethod
    def _with_table(cls, data: Any, handler: Any) -> Any:
        """Validate with the raw good table, producers and users known to every field."""
        token = _TABLE.set(_collect(data))
        try:
            return handler(data)
        finally:
            _TABLE.reset(token)

    @field_validator("start_prices")
    @classmethod
    def _every_price(cls, value: float | dict[str, float], info: ValidationInfo) -> float | dict[str, float]:
        ctx = _ctx(info)
        if isinstance(value, dict) and ctx is not None:
            missing = [g for g in ctx["goods"] if g not in value]
            if missing:
                shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
                raise PydanticCustomError(
                    "missing_prices",
                    "a start price map must price every good; missing: {shown}",
                    {"shown": shown},
                )
        return value

    @property
    def good_ids(self) -> tuple[str, ...]:
        return tuple(g.id for g in self.goods)


def _collect(data: Any) -> dict[str, Any]:
    """The raw good table (id -> kind), produced goods and wanted goods, read defensively
    from unvalidated data so that each field can check its references."""
    goods: dict[str, str] = {}
    produced: set[str] = set()
    wanted: set[str] = set()
    if isinstance(data, dict):
        for g in _list(data.get("goods")):
            if isinstance(g, dict) and isinstance(g.get("id"), str):
                kind = g.get("kind")
                goods.setdefault(g["id"], kind if isinstance(kind, str) else "?")
        for wc in _list(data.get("worker_councils")):
            if isinstance(wc, dict):
                if isinstance(wc.get("output"), str):
                    produced.add(wc["output"])
                if isinstance(wc.get("inputs"), dict):
                    wanted.update(k for k in wc["inputs"] if isinstance(k, str))
        for cc in _list(data.get("consumer_councils")):
            if isinstance(cc, dict) and isinstance(cc.get("weights"), dict):
                wanted.update(k for k in cc["weights"] if isinstance(k, str))
    return {"goods": goods, "produced": produced, "wanted": wanted, "seen_ids": set()}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _clean(problem: Problem) -> Problem:
    """Drop pydantic's '[key]' marker and union tags from the field path."""
    field = problem.field.replace(".[key]", "")
    for tag in (_NUMBER, _MAP):
        field = field.replace("." + tag, "")
    return replace(problem, field=field)  # its translatable parts kept (--lang)


def load_economy(path: Path | str) -> EconomyFile:
    """Read and validate an economy file; every problem raised at once as ContentError."""
    try:
        return load_model(Path(path), EconomyFile)
    except ContentError as exc:
        raise ContentError([_clean(p) for p in exc.problems], exc.code) from None


def parse_economy(data: Any) -> EconomyFile:
    """Validate already-parsed data (tests, levels that embed an economy)."""
    return EconomyFile.model_validate(data)


def to_plan_economy(spec: EconomyFile) -> PlanEconomy:
    """The numpy arrays the planning procedure runs on (one row per entry, `count` kept
    as a multiplicity weight rather than copies)."""
    ids = spec.good_ids
    index = {g: i for i, g in enumerate(ids)}
    kinds = np.array([KIND_CODES[g.kind] for g in spec.goods], dtype=np.int8)
    endowment = np.array([g.endowment or 0.0 for g in spec.goods], dtype=np.float64)
    wcs = spec.worker_councils
    lens = [len(w.inputs) for w in wcs]
    wc_indptr = np.concatenate([[0], np.cumsum(lens)]).astype(np.intp)
    wc_input = np.array([index[g] for w in wcs for g in w.inputs], dtype=np.intp)
    wc_b = np.array([b for w in wcs for b in w.inputs.values()], dtype=np.float64)
    ccs = spec.consumer_councils
    cc_indptr = np.concatenate([[0], np.cumsum([len(c.weights) for c in ccs])]).astype(np.intp)
    cc_good = np.array([index[g] for c in ccs for g in c.weights], dtype=np.intp)
    raw = np.array([a for c in ccs for a in c.weights.values()], dtype=np.float64)
    eco = PlanEconomy(
        good_ids=ids,
        kinds=kinds,
        endowment=endowment,
        wc_output=np.array([index[w.output] for w in wcs], dtype=np.intp),
        wc_A=np.array([w.A for w in wcs]),
        wc_c=np.array([w.c for w in wcs]),
        wc_s=np.array([w.s for w in wcs]),
        wc_k=np.array([w.k for w in wcs]),
        wc_count=np.array([w.count for w in wcs], dtype=np.float64),
        wc_indptr=wc_indptr,
        wc_input=wc_input,
        wc_b=wc_b,
        cc_income=np.array([c.income for c in ccs]),
        cc_count=np.array([c.count for c in ccs], dtype=np.float64),
        cc_indptr=cc_indptr,
        cc_good=cc_good,
        cc_weight=normalise_weights(raw, cc_indptr),
    )
    return eco


def start_price_vector(spec: EconomyFile) -> np.ndarray:
    """The file's start prices as one price per good, in goods order."""
    if isinstance(spec.start_prices, dict):
        return np.array([spec.start_prices[g] for g in spec.good_ids], dtype=np.float64)
    return np.full(len(spec.goods), float(spec.start_prices))


__all__ = [
    "EconomyFile",
    "GoodSpec",
    "WorkerCouncilSpec",
    "ConsumerCouncilSpec",
    "load_economy",
    "parse_economy",
    "to_plan_economy",
    "start_price_vector",
    "DEFAULT_START_PRICE",
    "DEFAULT_THRESHOLD",
]
