"""The unit and precision a metric or parameter is shown in, so that every figure a player
reads is in the unit of the goal it is compared with ("was 15.4%, the limit is 15%").

Shares (0 to 1) are shown as percentages, scores as points out of 100, counts as whole
numbers, ratios and the Gini coefficient as decimals. A value is given enough digits that
it never looks equal to the goal it misses.
"""

from __future__ import annotations

from collections.abc import Callable

from game.sim.vocabulary import PARAMS

# writes a number by a format spec in the reader's language (game.i18n.Translator.num; the
# simulation imports nothing outside itself, so the caller hands it in): English by default
Number = Callable[[float, str], str]

PERCENT_METRICS = frozenset(
    {
        "firm_share",
        "coop_share",
        "council_share",
        "unemployment",
        "self_managed_share",
        "awareness",
        "needs_met",
        "power_concentration",
        "elite_power",
    }
)
COUNT_METRICS = frozenset({"coop_count", "plan_rounds", "turn"})
SCORE_METRICS = frozenset({"equity", "participation", "resilience", "support"})
PERCENT_UNITS = frozenset({"share", "share of wage", "share of a year", "share/year"})


def unit_of(key: str) -> str:
    """'percent', 'count', 'points' or 'decimal'."""
    if key in PERCENT_METRICS:
        return "percent"
    if key in COUNT_METRICS:
        return "count"
    if key in SCORE_METRICS:
        return "points"
    spec = PARAMS.get(key)
    if spec is not None and spec.unit in PERCENT_UNITS:
        return "percent"
    return "decimal"


def _digits(x: float, most: int = 3) -> int:
    """The decimals `x` needs (0.15 -> 2, 6.5 -> 1, 15 -> 0), at most `most`."""
    for d in range(most + 1):
        if abs(round(x, d) - x) < 1e-9:
            return d
    return most


def _plain(x: float, unit: str, digits: int, num: Number = format) -> str:
    if unit == "percent":
        return num(x, f".{digits}%")  # the spec's sign: `game.i18n.number` writes it per language
    return num(x, f".{digits}f")


def fmt_goal(key: str, value: float, num: Number = format) -> str:
    """A goal's threshold in its unit, with exactly the digits it was written with."""
    unit = unit_of(key)
    scaled = value * 100 if unit == "percent" else value
    return _plain(value, unit, _digits(scaled), num)


def fmt_value(key: str, value: float, goal: float | None = None, num: Number = format) -> str:
    """A measured value in the unit of `key`; next to a goal, with the goal's digits, or more
    when those would make it look equal to the goal (0.1538 against 0.15: 15.4%)."""
    unit = unit_of(key)
    if unit == "count":
        return num(value, ".0f")
    scale = 100 if unit == "percent" else 1
    base = {"percent": 0, "points": 1, "decimal": 2}[unit]
    digits = base if goal is None else _digits(goal * scale)
    text = _plain(value, unit, digits, num)
    if goal is not None:
        while text == _plain(goal, unit, digits, num) and abs(value - goal) > 1e-12 and digits < 6:
            digits += 1
            text = _plain(value, unit, digits, num)
    return text
