"""What a turn leaves to spend: the turn's starting resources after the event's answer is
paid, and after the chosen actions too; the header's figures and the cards' refusals both
count from here, so they always agree."""

from __future__ import annotations

from typing import Any


def reserved_state(sim: Any, choices: dict[str, str] | None) -> Any:
    """The turn's starting state with the event answer's cost already paid."""
    start = sim._turn_start_state()
    setup = sim.setup()
    if choices is not None and setup.event is not None:
        for res, cost in sim._choice(setup.event, choices).cost.items():
            start.resources[res] = start.resources.get(res, 0.0) - cost
    return start


def budget(sim: Any, chosen: list[str], choices: dict[str, str] | None) -> dict[str, float]:
    """The resources left this turn after the event's answer and the chosen actions."""
    left = dict(reserved_state(sim, choices).resources)
    for aid in chosen:
        act = sim.actions.get(aid)
        for res, cost in act.cost.items() if act else ():
            left[res] = left.get(res, 0.0) - cost
    return left
