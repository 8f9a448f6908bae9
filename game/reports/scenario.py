"""Scenario codes: a level id and a seed in one short string (`coop_network-42`) that a
teacher writes on the board, so every student's run is the same."""

from __future__ import annotations

import re

_CODE = re.compile(r"^([a-z][a-z0-9_]*)-(\d{1,19})$")


def scenario_code(level_id: str, seed: int) -> str:
    """`coop_network-42`: the level id, a dash and the seed."""
    return f"{level_id}-{seed}"


def parse_scenario_code(code: str) -> tuple[str, int] | None:
    """(level id, seed) from a scenario code, or None if it is not one."""
    m = _CODE.match(code.strip().lower())
    return (m.group(1), int(m.group(2))) if m else None
