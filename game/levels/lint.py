"""Warnings for level authors: things a valid level may still get wrong. They do not stop a
level from loading; `check` prints them as `file:line:col: warning: field: message`.

Each check is conservative: it only warns when the level's own numbers prove the problem
(an action that costs more than a player who never spends could ever hold; a condition on a
quantity that no effect, no starting value and no dynamic of the simulation can move).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any, get_args

import yaml

from game.errors import Nested, Problem, part
from game.i18n import N_
from game.levels import validation, yamlpos
from game.levels.fields import NAME_LENGTHS
from game.levels.schema import Condition, Effect, Level, Text
from game.sim.vocabulary import PARAMS

TEXT_TYPE = get_args(Text)[0]

# Metrics that move every turn whatever the level says (scores, the market economy, society).
ALWAYS_MOVING = {
    "equity",
    "participation",
    "resilience",
    "support",
    "turn",
    "firm_share",
    "unemployment",
    "awareness",
    "gini",
    "needs_met",
    "elite_power",
    "plan_rounds",
}


def lint_level(
    level: Level, node: yaml.Node, name: str, all_texts: bool = False, simulate_start: bool = True
) -> list[Problem]:
    """Every warning for a valid level, located. `all_texts` lists each text without Spanish
    instead of one summary; `simulate_start` computes the starting metrics to find goals
    that already hold before turn 1."""
    out: list[Problem] = []

    def warn(loc: tuple[Any, ...], template: str, **args: Any) -> None:
        """A located warning: a translatable template (N_) and its arguments."""
        line, col = yamlpos.locate(node, loc)
        out.append(Problem.of(name, line, col, yamlpos.field_path(loc, node), template, **args))

    _affordable(level, warn)
    _static_conditions(level, warn)
    _out_of_range(level, warn)
    _dead_counters(level, warn)
    _requires_cycles(level, warn)
    _unused_resources(level, warn)
    _glossary(level, warn)
    if level.elite.first_turn > level.turns:
        warn(
            ("elite", "first_turn"),
            N_("the elite first acts on turn {first}, after the level's last turn ({last}): it never acts"),
            first=level.elite.first_turn,
            last=level.turns,
        )
    _spanish(level, warn, all_texts)
    _lengths(level, warn)
    if simulate_start:
        _start_goals(level, warn)
    return validation.sort_problems(out)


# ---------------------------------------------------------------- resources


def _resource_gains(level: Level) -> dict[str, float]:
    """Most each resource can gain from effects over the level (inf for repeatable gains)."""
    gains: dict[str, float] = {}
    for a in level.actions:
        for e in a.effects:
            if e.op == "resource" and e.resource and (e.value or 0) > 0:
                add = math.inf if a.repeatable else float(e.value or 0)
                gains[e.resource] = gains.get(e.resource, 0.0) + add
    for ev in level.events:
        best: dict[str, float] = {}
        for ch in ev.choices:
            for e in ch.effects:
                if e.op == "resource" and e.resource and (e.value or 0) > 0:
                    best[e.resource] = max(best.get(e.resource, 0.0), float(e.value or 0))
        times = 1 if ev.once else level.turns
        for r, v in best.items():
            gains[r] = gains.get(r, 0.0) + v * times
    return gains


def _affordable(level: Level, warn: Any) -> None:
    res = {r.id: r for r in level.resources}
    gains = _resource_gains(level)

    def most(rid: str) -> float:
        r = res[rid]
        return r.start + r.income * (level.turns - 1) + gains.get(rid, 0.0)

    def check(loc: tuple[Any, ...], what: Nested, cost: dict[str, float]) -> None:
        for rid, amount in cost.items():
            if rid not in res:
                continue  # an unknown resource is an error reported elsewhere
            top = most(rid)
            if amount > top + 1e-9:
                r = res[rid]
                warn(
                    (*loc, rid),
                    N_(
                        "{what} costs {amount} {rid}, but a player who never spends holds at most "
                        "{top} by the last turn (start {start} + {income} a turn for {turns} turns): "
                        "nobody can afford it"
                    ),
                    what=what,
                    amount=f"{amount:g}",
                    rid=rid,
                    top=f"{top:g}",
                    start=f"{r.start:g}",
                    income=f"{r.income:g}",
                    turns=level.turns - 1,
                )

    for i, a in enumerate(level.actions):
        check(("actions", i, "cost"), _named(N_("action '{id}'"), a.id), a.cost)
    for i, ev in enumerate(level.events):
        for k, ch in enumerate(ev.choices):
            check(
                ("events", i, "choices", k, "cost"), _named(N_("choice '{id}'"), f"{ev.id}.{ch.id}"), ch.cost
            )


def _named(template: str, ident: str) -> Nested:
    """What a warning is about ("action 'buyout'"), translatable inside the warning."""
    return Nested((part(template, id=ident),))


def _unused_resources(level: Level, warn: Any) -> None:
    used = {r for a in level.actions for r in a.cost}
    used |= {r for ev in level.events for ch in ev.choices for r in ch.cost}
    for i, r in enumerate(level.resources):
        if r.id not in used:
            warn(
                ("resources", i, "id"), N_("resource '{id}' is never spent by any action or choice"), id=r.id
            )


# ---------------------------------------------------------------- conditions


def _all_effects(level: Level) -> Iterator[Effect]:
    for a in level.actions:
        yield from a.effects
    for ev in level.events:
        for ch in ev.choices:
            yield from ch.effects


def static_values(level: Level) -> dict[str, float]:
    """Metrics and parameters that nothing in this level can change, with their value.

    Parameters change only through effects; co-op figures need co-ops (at the start, or
    founded by an effect, the Marcora law or a co-op fund); the council sector's share moves
    only by effects that move workers into or out of it; power concentration needs a starting
    value, vanguard pressure or a `power` effect.
    """
    from game.sim.vocabulary import PARAMS

    eco = level.economy
    effects = list(_all_effects(level))
    touched = {e.param for e in effects if e.op in ("add", "mul", "set") and e.param}
    params = {n: float(eco.params.get(n, spec.default)) for n, spec in PARAMS.items()}
    static = {n: v for n, v in params.items() if n not in touched}

    def param_can_be_positive(n: str) -> bool:
        return params[n] > 0 or n in touched

    coops_possible = (
        eco.coop_count > 0
        or param_can_be_positive("marcora")
        or param_can_be_positive("coop_fund")
        or any(e.op == "found_coops" or (e.op == "convert" and e.to == "coop") for e in effects)
    )
    if not coops_possible:
        static.update(coop_share=0.0, coop_count=0.0, coop_pay_gap=1.0)
    new_coops = (
        param_can_be_positive("marcora")
        or param_can_be_positive("coop_fund")
        or any(e.op == "found_coops" or (e.op == "convert" and e.to == "coop") for e in effects)
    )
    if not new_coops:
        static["coop_count"] = float(eco.coop_count)
    if not any(e.op == "convert" and "council" in (e.from_, e.to) for e in effects):
        static["council_share"] = float(eco.council_share)
        if not coops_possible:
            static["self_managed_share"] = float(eco.council_share)
    if (
        eco.power_concentration == 0
        and not param_can_be_positive("vanguard_pressure")
        and not any(e.op == "power" for e in effects)
    ):
        static["power_concentration"] = 0.0
    return {k: v for k, v in static.items() if k not in ALWAYS_MOVING}


def _leaves(c: Condition | None) -> Iterator[Condition]:
    if c is None:
        return
    if c.all is not None or c.any is not None or c.not_ is not None:
        for sub in (c.all or []) + (c.any or []) + ([c.not_] if c.not_ else []):
            yield from _leaves(sub)
    elif c.metric or c.param:
        yield c


def _compare(op: str, a: float, b: float) -> bool:
    return {
        "<": a < b,
        "<=": a <= b,
        ">": a > b,
        ">=": a >= b,
        "==": math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9),
    }[op]


def _static_conditions(level: Level, warn: Any) -> None:
    static = static_values(level)

    def check(loc: tuple[Any, ...], what: Nested, cond: Condition | None) -> None:
        for leaf in _leaves(cond):
            name = leaf.metric or leaf.param or ""
            if name not in static:
                continue
            value = static[name]
            truth = _compare(leaf.op or "==", value, float(leaf.value or 0))
            if leaf.metric:
                msg = N_(
                    "{what} reads the metric '{name}', which nothing in this level changes (it stays "
                    "{value}), so '{test}' is always {truth}"
                )
            else:
                msg = N_(
                    "{what} reads the parameter '{name}', which nothing in this level changes (it stays "
                    "{value}), so '{test}' is always {truth}"
                )
            test = f"{name} {leaf.op} {leaf.value:g}"
            said = Nested((part(N_("true") if truth else N_("false")),))
            warn(loc, msg, what=what, name=name, value=f"{value:g}", test=test, truth=said)

    for loc, what, cond in _conditions(level):
        check(loc, what, cond)


def _conditions(level: Level) -> Iterator[tuple[tuple[Any, ...], Nested, Condition | None]]:
    """Every condition of a level with its location and a name for messages: the loss
    conditions, the win condition, the events' and their choices', the actions'."""
    for i, loss in enumerate(level.goals.lose):
        yield ("goals", "lose", i, "when"), _named(N_("loss condition '{id}'"), loss.id), loss.when
    yield ("goals", "win"), Nested((part(N_("the win condition")),)), level.goals.win
    for i, ev in enumerate(level.events):
        yield ("events", i, "when"), _named(N_("event '{id}'"), ev.id), ev.when
        for k, ch in enumerate(ev.choices):
            name = _named(N_("choice '{id}'"), f"{ev.id}.{ch.id}")
            yield ("events", i, "choices", k, "when"), name, ch.when
    for i, a in enumerate(level.actions):
        yield ("actions", i, "condition"), _named(N_("action '{id}'"), a.id), a.condition


def metric_range(name: str, level: Level) -> tuple[float, float]:
    """The values a metric can take at all (scores are 0-100, shares 0-1, counts from 0)."""
    if name in ("equity", "participation", "resilience", "support"):
        return 0.0, 100.0
    if name == "turn":
        return 1.0, float(level.turns)
    if name == "coop_pay_gap":
        return 1.0, math.inf
    if name in ("elite_power", "coop_count", "plan_rounds"):
        return 0.0, math.inf
    return 0.0, 1.0  # the shares, gini, needs met and power concentration


def _never(op: str, value: float, lo: float, hi: float) -> bool:
    """True if `x op value` holds for no x in [lo, hi]."""
    return {
        "<": value <= lo,
        "<=": value < lo,
        ">": value >= hi,
        ">=": value > hi,
        "==": not lo <= value <= hi,
    }[op]


def _out_of_range(level: Level, warn: Any) -> None:
    """Comparisons with a value the metric or parameter can never reach: a goal that can
    never be met, an action or event that can never be played."""

    def check(loc: tuple[Any, ...], what: Nested, cond: Condition | None) -> None:
        for leaf in _leaves(cond):
            if leaf.metric:
                lo, hi = metric_range(leaf.metric, level)
            elif leaf.param in PARAMS:
                lo, hi = PARAMS[leaf.param].lo, PARAMS[leaf.param].hi
            else:
                continue
            value = float(leaf.value or 0)
            if _never(leaf.op or "==", value, lo, hi):
                name = leaf.metric or leaf.param
                span = (
                    Nested((part("[{lo}, {hi}]", lo=f"{lo:g}", hi=f"{hi:g}"),))
                    if math.isfinite(hi)
                    else Nested((part(N_("{lo} or more"), lo=f"{lo:g}"),))
                )
                warn(
                    loc,
                    N_("{what}: '{test}' can never hold: {name} is always {span}"),
                    what=what,
                    test=f"{name} {leaf.op} {value:g}",
                    name=name,
                    span=span,
                )

    for loc, what, cond in _conditions(level):
        check(loc, what, cond)


def _dead_counters(level: Level, warn: Any) -> None:
    """A `counter` effect against a tactic the level's elite never uses does nothing."""
    used = set(level.elite.tactics)

    def check(loc: tuple[Any, ...], effects: list[Effect]) -> None:
        for j, e in enumerate(effects):
            if e.op == "counter" and e.tactic and e.tactic not in used:
                warn(
                    (*loc, j, "tactic"),
                    N_(
                        "counters '{tactic}', a tactic this level's elite never uses (it uses: {used}): "
                        "the effect does nothing"
                    ),
                    tactic=e.tactic,
                    used=", ".join(level.elite.tactics),
                )

    for i, a in enumerate(level.actions):
        check(("actions", i, "effects"), a.effects)
    for i, ev in enumerate(level.events):
        for k, ch in enumerate(ev.choices):
            check(("events", i, "choices", k, "effects"), ch.effects)


def _requires_cycles(level: Level, warn: Any) -> None:
    req = {a.id: list(a.requires) for a in level.actions}
    for i, a in enumerate(level.actions):
        seen: set[str] = set()
        stack = list(req.get(a.id, []))
        while stack:
            x = stack.pop()
            if x == a.id:
                warn(
                    ("actions", i, "requires"),
                    N_("action '{id}' can never be played: its prerequisites require it in turn (a cycle)"),
                    id=a.id,
                )
                break
            if x in seen:
                continue
            seen.add(x)
            stack.extend(req.get(x, []))


def _glossary(level: Level, warn: Any) -> None:
    seen: dict[str, int] = {}
    for i, g in enumerate(level.glossary):
        key = g.key
        if key in seen:
            twice = N_("term '{term}' is defined twice (first as entry {first})")
            warn(("glossary", i, "term"), twice, term=g.en_term, first=seen[key])
        seen.setdefault(key, i)


# ---------------------------------------------------------------- translations


def texts(model: Any, loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every translatable text of a model tree with its location (field alias names)."""
    for fname, f in type(model).model_fields.items():
        value = getattr(model, fname)
        key = f.alias or fname
        ann = f.annotation
        if ann == TEXT_TYPE:
            yield (*loc, key), value
        elif getattr(ann, "__origin__", None) is list and value and _is_text_list(ann):
            for i, v in enumerate(value):
                yield (*loc, key, i), v
        elif isinstance(value, list):
            for i, v in enumerate(value):
                if hasattr(type(v), "model_fields"):
                    yield from texts(v, (*loc, key, i))
        elif hasattr(type(value), "model_fields"):
            yield from texts(value, (*loc, key))


def _is_text_list(ann: Any) -> bool:
    args = get_args(ann)
    if not args:
        return False
    return args[0] == TEXT_TYPE or get_args(args[0])[:1] == (TEXT_TYPE,)


def _spanish(level: Level, warn: Any, all_texts: bool) -> None:
    missing = [
        loc for loc, v in texts(level) if isinstance(v, str) or not (isinstance(v, dict) and v.get("es"))
    ]
    if not missing:
        return
    if all_texts:
        for loc in missing:
            warn(loc, N_("no Spanish ('es') text"))
        return
    total = sum(1 for _ in texts(level))
    warn(
        missing[0],
        N_(
            "{n} of {total} texts have no Spanish ('es') version; this is the first "
            "(check --all-texts lists each one)"
        ),
        n=len(missing),
        total=total,
    )


# ---------------------------------------------------------------- the starting position


def _start_goals(level: Level, warn: Any) -> None:
    from game.sim.effects import holds
    from game.sim.engine import Simulation

    sim = Simulation(level, 1)
    metrics = sim.last.metrics(sim.state)
    for i, loss in enumerate(level.goals.lose):
        if holds(loss.when, metrics, sim.state):
            warn(
                ("goals", "lose", i, "when"),
                N_(
                    "loss condition '{id}' already holds before turn 1: unless the first turns change "
                    "it, the level is lost on turn {turn}"
                ),
                id=loss.id,
                turn=loss.for_turns,
            )
    if holds(level.goals.win, metrics, sim.state):
        warn(("goals", "win"), N_("the win condition already holds before turn 1"))


# ---------------------------------------------------------------- name lengths


def _lengths(level: Level, warn: Any) -> None:
    """Names longer than `NAME_LENGTHS` allows, in any language: they are cut on screen."""

    def check(loc: tuple[Any, ...], kind: str, text: Any) -> None:
        most, where = NAME_LENGTHS[kind]
        for lang, value in [("en", text)] if isinstance(text, str) else list(text.items()):
            if len(value) > most:
                warn(
                    loc,
                    N_(
                        "{n} characters ({lang}); {where} shows about {most} before it cuts the rest "
                        "with '…': keep it shorter"
                    ),
                    n=len(value),
                    lang=lang,
                    where=Nested((part(where),)),
                    most=most,
                )
                return

    check(("title",), "title", level.title)
    for i, a in enumerate(level.actions):
        check(("actions", i, "title"), "action", a.title)
    for i, ev in enumerate(level.events):
        check(("events", i, "title"), "event", ev.title)
        for k, c in enumerate(ev.choices):
            check(("events", i, "choices", k, "label"), "choice", c.label)
    for i, r in enumerate(level.resources):
        check(("resources", i, "name"), "resource", r.name)
    for i, g in enumerate(level.glossary):
        check(("glossary", i, "term"), "term", g.term)
