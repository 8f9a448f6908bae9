"""Every glossary definition that states a formula states the code's formula: the formula
is read from the English text and evaluated against the function that computes it."""

from __future__ import annotations

import re

import numpy as np

from game.sim.planning import excess
from game.ui.glossary import CORE

# key -> (the function the formula describes, its arguments by the letters the text uses)
FORMULAS = {"excess_demand": (lambda S, D: excess(S, D), ("S", "D"))}
FORMULA = re.compile(r"\b([a-zA-Z]) = ([^,;]+)")


def _python(formula: str) -> str:
    out = formula.replace("−", "-").replace("·", "*").replace("×", "*")
    out = re.sub(r"(\d)\(", r"\1*(", out)  # 2(S − D): implicit product
    return re.sub(r"\|([^|]+)\|", r"abs(\1)", out)


def test_every_stated_formula_matches_the_code() -> None:
    stated = {key: FORMULA.search(text) for key, (_term, text) in CORE.items()}
    stated = {k: m for k, m in stated.items() if m}
    assert set(stated) == set(FORMULAS), "register each glossary formula in FORMULAS"
    rng = np.random.default_rng(3)
    for key, match in stated.items():
        fn, names = FORMULAS[key]
        expr = _python(match.group(2).strip())
        for _ in range(50):
            args = dict(zip(names, rng.uniform(0.01, 10.0, len(names)), strict=True))
            stated_value = eval(expr, {"abs": abs}, dict(args))  # the glossary's own formula
            assert np.isclose(float(fn(**args)), stated_value, rtol=1e-12), (key, expr)


def test_the_formula_reader_reads_the_excess_demand_formula() -> None:
    m = FORMULA.search(CORE["excess_demand"][1])
    assert m is not None
    assert _python(m.group(2).strip()) == "abs(2*(S - D))/(S + D)"
