"""Order-independent attribution of a turn's change to its moves: Shapley values.

A move's Shapley value is its marginal effect averaged over every order in which the moves
could be added (Shapley, "A Value for n-Person Games", 1953, doi:10.1515/9781400881970-018).
The values of all moves add up exactly to v(all) − v(none), so the causes of a score still
sum to its change. With few moves every subset is evaluated (exact); with many, the average
runs over a fixed number of orders drawn from the turn's own random stream, each paired with
its reverse (the values still add up exactly, since every order's marginals do).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from itertools import combinations

import numpy as np

EXACT_MAX = 3  # moves up to which every subset is evaluated (2^3 = 8 replays)
SAMPLED_ORDERS = 1  # orders drawn when there are more moves (each also played reversed)

Value = Callable[[frozenset[int]], np.ndarray]


def exact(n: int, value: Value) -> np.ndarray:
    """Shapley values of players 0..n−1 (one row each) for a value function of subsets."""
    out = np.zeros((n, len(value(frozenset()))))
    for i in range(n):
        rest = [j for j in range(n) if j != i]
        for size in range(n):
            weight = math.factorial(size) * math.factorial(n - size - 1) / math.factorial(n)
            for subset in combinations(rest, size):
                s = frozenset(subset)
                out[i] += weight * (value(s | {i}) - value(s))
    return out


def sampled(n: int, value: Value, rng: np.random.Generator, orders: int = SAMPLED_ORDERS) -> np.ndarray:
    """Shapley values averaged over `orders` random orders and their reverses."""
    perms: list[list[int]] = []
    for _ in range(orders):
        p = [int(x) for x in rng.permutation(n)]
        perms += [p, p[::-1]]
    out = np.zeros((n, len(value(frozenset()))))
    for perm in perms:
        s: frozenset[int] = frozenset()
        prev = value(s)
        for i in perm:
            s = s | {i}
            cur = value(s)
            out[i] += cur - prev
            prev = cur
    return out / len(perms)


def shapley(n: int, value: Value, rng: np.random.Generator) -> np.ndarray:
    return exact(n, value) if n <= EXACT_MAX else sampled(n, value, rng)
