"""Applying level effects and evaluating level conditions: the closed vocabulary of
`game.sim.vocabulary`, interpreted here and nowhere else (no eval)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from game.sim.land import MERGER_SAVING, land_market, members_left, settled, trust_bought, trust_room, weight
from game.sim.pace import lose_skills
from game.sim.state import State

OPS: dict[str, Callable[[Any, Any], Any]] = {
    "<": np.less,
    "<=": np.less_equal,
    ">": np.greater,
    ">=": np.greater_equal,
    "==": np.isclose,
}


def apply_effect(
    state: State, effect: Any, law_record: list[tuple[str, str, float, float, float]] | None = None
) -> None:
    """Apply one effect (a `game.levels.schema.Effect`) to `state` in place.

    `law_record`, if given, collects each parameter change (name, op, value, before, after)
    so that a court can strike the law down later and undo exactly what it changed.
    """
    op = effect.op
    if op in ("add", "mul", "set"):
        name = effect.param
        old = state.params[name]
        value = float(effect.value)
        new = old + value if op == "add" else old * value if op == "mul" else value
        state.set_param(name, new)
        if law_record is not None:
            law_record.append((name, op, value, old, state.params[name]))
    elif op == "convert":
        move_workers(state, effect.from_, effect.to, float(effect.share), effect.capital or "lost")
    elif op == "merge":
        merge_estate(state, float(effect.share))
    elif op == "found_coops":
        source = effect.from_ or "unemployed"
        share = float(effect.share)
        on_trust = effect.land == "trust" and land_market(state.params)
        if on_trust:  # settlers only on the trust's idle land (land.py)
            share = min(share, trust_room(state))
        taken = take_workers(state, source, share)
        before = weight(state) if on_trust else 0.0
        new_coops(state, int(effect.count), taken, quality=0.95)
        if on_trust:  # the farms share their output with the settlers (land.py)
            settled(state, before, taken)
    elif op == "resource":
        state.resources[effect.resource] = state.resources.get(effect.resource, 0.0) + float(effect.value)
    elif op == "counter":
        state.counters[effect.tactic] = min(1.0, state.counters.get(effect.tactic, 0.0) + float(effect.value))
    elif op == "elite_wealth":
        state.elite_wealth = max(0.0, state.elite_wealth * float(effect.value))
    elif op == "awareness":
        state.awareness = float(np.clip(state.awareness + float(effect.value), 0.0, 1.0))
        state.support = min(state.support, state.awareness)
    elif op == "support":
        state.support = float(np.clip(state.support + float(effect.value), 0.0, state.awareness))
    elif op == "power":
        state.power_concentration = float(np.clip(state.power_concentration + float(effect.value), 0.0, 1.0))
    elif op == "skill_loss":
        lose_skills(state, float(effect.value))
    else:  # the schema admits no other op
        raise ValueError(f"unknown effect op {op!r}")


def undo_law(state: State, changes: list[tuple[str, str, float, float, float]]) -> int:
    """Undo a struck-down law's own parameter changes, newest first, leaving what other
    decisions changed since: an addition is taken back, a factor divided out, a value that
    was set is restored if nothing has changed it since. Returns how many were undone."""
    undone = 0
    for param, op, _value, before, after in reversed(changes):
        current = state.params[param]
        if op == "add":
            state.set_param(param, current - (after - before))
        elif op == "mul":
            if before == 0 or after == 0:
                continue
            state.set_param(param, current * before / after)
        elif abs(current - after) < 1e-12:
            state.set_param(param, before)
        else:
            continue
        undone += 1
    return undone


def take_workers(state: State, segment: str, share: float, capital: str = "lost") -> float:
    """Remove up to `share` of the workforce from `segment`; return how much was removed.

    Workplaces leave the firms with their share of firm capital. `capital` says whose it
    becomes: "lost" (scrapped, or taken without payment: the owners lose it), "sold" (a buyer
    pays its value and the owners place the price elsewhere) or "moved" (the owners move it
    abroad). Sold or moved, the owners keep its value as capital earning the world rate, as
    capital flight keeps it (`owners_outside_capital`), so a purchase changes who works the
    workplaces, not the owners' wealth."""
    share = max(0.0, share)
    if segment == "firm":
        taken = min(share, state.firm_share)
        if state.firm_share > 0:
            before = state.firm_capital
            state.firm_capital *= 1.0 - taken / state.firm_share
            if capital in ("sold", "moved"):
                state.owners_outside_capital += before - state.firm_capital
        state.firm_share -= taken
    elif segment == "coop":
        before = state.coop_share
        taken = state.coops.remove_share(share)
        members_left(state, before)
    elif segment == "council":
        taken = min(share, state.council_share)
        state.council_share -= taken
    else:
        taken = min(share, state.unemployment)
    return taken


def merge_firms(state: State, cut: float) -> float:
    """A labour-saving merger that cuts the share `cut` of firm jobs: the merged firms work
    the same capital with a crew (1 − cut) times the old one, so the labour need falls by as
    much (firms.py: the output stays, the wages saved are the owners' profit), and no capital
    leaves. Returns the share of the workforce laid off."""
    jobs = state.firm_share * cut if state.firm_capital > 0 else 0.0
    state.firm_share -= jobs
    state.set_param("firm_labour_need", state.params["firm_labour_need"] * (1 - cut))
    return jobs


def merge_estate(state: State, share: float) -> float:
    """Firms buy and merge an estate on which `share` of the workforce works (at most the
    firms' own share): MERGER_SAVING of its jobs are cut, its capital and output stay, as in
    the elite's consolidation. Returns the share of the workforce laid off."""
    if state.firm_share <= 0:
        return 0.0
    return merge_firms(state, MERGER_SAVING * min(max(0.0, share), state.firm_share) / state.firm_share)


def give_workers(state: State, segment: str, share: float) -> None:
    if segment == "firm":
        state.firm_share += share
    elif segment == "coop":
        new_coops(state, 1, share, quality=0.95)
    elif segment == "council":
        state.council_share += share
    # to "unemployed": nothing to do, unemployment is what is left


def move_workers(state: State, source: str, target: str, share: float, capital: str = "lost") -> float:
    taken = take_workers(state, source, share, capital)
    if taken > 0:
        give_workers(state, target, taken)
        if source == "firm" and target == "coop" and capital == "sold":
            trust_bought(state, taken)  # bought for the federation: its land, room for settlers
    return taken


def new_coops(state: State, count: int, share: float, quality: float) -> None:
    """Found `count` co-ops sharing `share` of the workforce; productivity spread evenly
    around `quality`, capital at 40% of what a co-op needs (they start short of capital)."""
    if share <= 1e-9 or count < 1:
        return
    spread = state.params.get("_coop_spread", 0.3)
    prod = quality + spread * np.linspace(-0.5, 0.5, count) if count > 1 else np.array([quality])
    members = np.full(count, share / count)
    state.coops.add(members, np.maximum(prod, 0.2), np.full(count, 0.4))


def metric_value(name: str, metrics: dict[str, float]) -> float:
    return float(metrics[name])


def holds(cond: Any, metrics: dict[str, float], state: State) -> bool:
    """Evaluate a condition (a `game.levels.schema.Condition`) against metrics and state."""
    if cond is None:
        return True
    if cond.all is not None:
        return all(holds(c, metrics, state) for c in cond.all)
    if cond.any is not None:
        return any(holds(c, metrics, state) for c in cond.any)
    if cond.not_ is not None:
        return not holds(cond.not_, metrics, state)
    if cond.played is not None:
        return state.played.get(cond.played, 0) > 0
    value = metrics[cond.metric] if cond.metric else state.params[cond.param]
    return bool(OPS[cond.op](value, float(cond.value)))


def comparisons(cond: Any) -> list[Any]:
    """The comparisons a condition is built from through all/any (what a goal asks for);
    negated parts are left out, since 'short of' has no plain meaning for them."""
    if cond is None or cond.not_ is not None:
        return []
    if cond.all is not None:
        return [x for c in cond.all for x in comparisons(c)]
    if cond.any is not None:
        return [x for c in cond.any for x in comparisons(c)]
    return [cond]
