"""Argument types shared by the commands: a number read from the command line and kept in a
range, with argparse's one-line message when it is not.

The messages are raised while argparse parses, so they are translated the way argparse's own
are: through `argparse._`, which game.argparse_words points at the --lang catalog meanwhile
(mark them with N_ where they are written)."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from typing import TypeVar

N = TypeVar("N", int, float)


def number_in(
    parse: Callable[[str], N], not_a: str, out_of_range: str, low: float = -math.inf, high: float = math.inf
) -> Callable[[str], N]:
    """An argparse type: `parse` the text, refuse it with `not_a` when it is no number and with
    `out_of_range` (formatted with `value`) when it lies outside [low, high] (NaN included)."""

    def convert(text: str) -> N:
        try:
            value = parse(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{argparse._(not_a)}: {text!r}") from None  # type: ignore[attr-defined]
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(argparse._(out_of_range).format(value=value))  # type: ignore[attr-defined]
        return value

    return convert
