"""The economy file: the examples load, conversion to arrays is faithful, and every kind of
mistake is reported at its own line and field."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from game.errors import ContentError
from game.levels.economy import (
    EconomyFile,
    load_economy,
    parse_economy,
    start_price_vector,
    to_plan_economy,
)
from game.sim.planning import FINAL, INTERMEDIATE, PRIMARY, PUBLIC, check_economy, run_plan

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples" / "economies").glob("*.yaml"))

GOOD = """\
goods:
  - {id: F1, kind: final}
  - {id: I1, kind: intermediate}
  - {id: N, kind: primary, endowment: 1000}
  - {id: L, kind: primary, endowment: 1000}
worker_councils:
  - {output: F1, A: 5.0, c: 0.08, s: 1.0, k: 3.5, inputs: {I1: 0.25, N: 0.25, L: 0.30}, count: 2}
  - {output: I1, A: 5, c: 0.07, k: 3.2, inputs: {N: 0.3, L: 0.45}}
consumer_councils:
  - {income: 5000, weights: {F1: 0.5}, count: 3}
start_prices: 50
threshold: 0.05
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "economy.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_economy(_write(tmp_path, text))
    return [str(p) for p in info.value.problems]


def _one(tmp_path: Path, text: str) -> tuple[int, str, str]:
    with pytest.raises(ContentError) as info:
        load_economy(_write(tmp_path, text))
    assert len(info.value.problems) == 1, [str(p) for p in info.value.problems]
    p = info.value.problems[0]
    assert p.file.endswith("economy.yaml")
    return p.line, p.field, p.message


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_load_and_converge(path: Path) -> None:
    spec = load_economy(path)
    eco = to_plan_economy(spec)
    check_economy(eco)
    res = run_plan(eco, start_price_vector(spec), threshold=spec.threshold)
    assert res.converged and res.rounds <= 30


def test_there_is_an_example_with_a_public_good() -> None:
    kinds = {g.kind for p in EXAMPLES for g in load_economy(p).goods}
    assert "public" in kinds and len(EXAMPLES) >= 2


def test_conversion_keeps_every_number(tmp_path: Path) -> None:
    spec = load_economy(_write(tmp_path, GOOD))
    assert isinstance(spec, EconomyFile)
    eco = to_plan_economy(spec)
    assert eco.good_ids == ("F1", "I1", "N", "L")
    assert eco.kinds.tolist() == [FINAL, INTERMEDIATE, PRIMARY, PRIMARY]
    assert eco.endowment.tolist() == [0.0, 0.0, 1000.0, 1000.0]
    assert eco.wc_output.tolist() == [0, 1]
    assert eco.wc_count.tolist() == [2.0, 1.0] and eco.cc_count.tolist() == [3.0]
    assert eco.wc_s.tolist() == [1.0, 1.0]  # s defaults to 1
    assert eco.wc_indptr.tolist() == [0, 3, 5]
    assert eco.wc_input.tolist() == [1, 2, 3, 2, 3]
    assert eco.wc_b.tolist() == [0.25, 0.25, 0.30, 0.3, 0.45]
    assert eco.cc_weight.tolist() == [1.0]  # normalised
    assert start_price_vector(spec).tolist() == [50.0] * 4
    assert spec.threshold == 0.05


def test_defaults_and_price_maps(tmp_path: Path) -> None:
    text = GOOD.replace(
        "start_prices: 50\nthreshold: 0.05\n", "start_prices: {F1: 10, I1: 20, N: 30, L: 40.5}\n"
    )
    spec = load_economy(_write(tmp_path, text))
    assert start_price_vector(spec).tolist() == [10.0, 20.0, 30.0, 40.5]
    assert spec.threshold == 0.05
    bare = GOOD.replace("start_prices: 50\nthreshold: 0.05\n", "")
    assert start_price_vector(load_economy(_write(tmp_path, bare))).tolist() == [700.0] * 4


def test_public_goods_convert(tmp_path: Path) -> None:
    text = GOOD.replace(
        "  - {id: I1, kind: intermediate}\n", "  - {id: I1, kind: intermediate}\n  - {id: P, kind: public}\n"
    )
    text = text.replace(
        "consumer_councils:\n", "  - {output: P, A: 4, c: 0.09, k: 3, inputs: {L: 0.5}}\nconsumer_councils:\n"
    )
    text = text.replace("weights: {F1: 0.5}", "weights: {F1: 0.6, P: 0.2}")
    eco = to_plan_economy(load_economy(_write(tmp_path, text)))
    assert eco.kinds[eco.index("P")] == PUBLIC
    np.testing.assert_allclose(eco.cc_weight, [0.75, 0.25])


# each case: (old text, new text, expected line, field, words in the message)
CASES = [
    (
        "  - {id: N, kind: primary, endowment: 1000}",
        "  - {id: N, kind: primary}",
        4,
        "goods[2]",
        "needs an endowment",
    ),
    (
        "  - {id: I1, kind: intermediate}",
        "  - {id: I1, kind: intermediate, endowment: 3}",
        3,
        "goods[1].endowment",
        "only primary goods",
    ),
    (
        "  - {id: L, kind: primary, endowment: 1000}",
        "  - {id: L, kind: primary, endowment: 1000}\n  - {id: F1, kind: final}",
        6,
        "goods[4].id",
        "duplicate good id",
    ),
    (
        "  - {id: L, kind: primary, endowment: 1000}",
        "  - {id: L, kind: primary, endowment: 1000}\n  - {id: F2, kind: final}",
        6,
        "goods[4].kind",
        "no worker council produces",
    ),
    (
        "  - {id: L, kind: primary, endowment: 1000}",
        "  - {id: L, kind: primary, endowment: 1000}\n  - {id: W, kind: primary, endowment: 9}",
        6,
        "goods[4].kind",
        "no council wants",
    ),
    ("{id: F1, kind: final}", "{id: F1, kind: luxury}", 2, "goods[0].kind", "'final'"),
    (
        "{id: N, kind: primary, endowment: 1000}",
        "{id: N, kind: primary, endowment: -1}",
        4,
        "goods[2].endowment",
        "greater than 0",
    ),
    (
        "inputs: {I1: 0.25, N: 0.25, L: 0.30}",
        "inputs: {I1: 0.25, NN: 0.25, L: 0.30}",
        7,
        "worker_councils[0].inputs.NN",
        "did you mean 'N'",
    ),
    (
        "{output: I1, A: 5,",
        "{output: N, A: 5,",
        8,
        "worker_councils[1].output",
        "primary goods are endowments",
    ),
    ("{output: I1, A: 5,", "{output: I2, A: 5,", 8, "worker_councils[1].output", "did you mean 'I1'"),
    ("start_prices: 50", "start_prices: cheap", 11, "start_prices", "valid number"),
    (
        "inputs: {N: 0.3, L: 0.45}}",
        "inputs: {N: 0.3, L: 0.45, I1: 0.1}}",
        8,
        "worker_councils[1].inputs",
        "its own output",
    ),
    ("inputs: {N: 0.3, L: 0.45}}", "inputs: {N: 0.6, L: 0.45}}", 8, "worker_councils[1].inputs", "below 1"),
    ("{output: I1, A: 5, c: 0.07", "{output: I1, A: 0, c: 0.07", 8, "worker_councils[1].A", "greater than 0"),
    (
        "{output: I1, A: 5, c: 0.07",
        "{output: I1, A: true, c: 0.07",
        8,
        "worker_councils[1].A",
        "valid number",
    ),
    ("{output: I1, A: 5, c: 0.07", "{output: I1, A: '5', c: 0.07", 8, "worker_councils[1].A", "valid number"),
    ("k: 3.2, inputs", "k: 3.2, kk: 1, inputs", 8, "worker_councils[1].kk", "unknown key"),
    ("L: 0.30}, count: 2}", "L: 0.30}, count: 1.5}", 7, "worker_councils[0].count", "valid integer"),
    (
        "weights: {F1: 0.5}",
        "weights: {F1: 0.5, I1: 0.5}",
        10,
        "consumer_councils[0].weights.I1",
        "final and public",
    ),
    ("weights: {F1: 0.5}", "weights: {}", 10, "consumer_councils[0].weights", "at least 1"),
    ("income: 5000", "income: .nan", 10, "consumer_councils[0].income", "finite"),
    ("start_prices: 50", "start_prices: {F1: 5, I1: 5, N: 5}", 11, "start_prices", "missing: L"),
    (
        "start_prices: 50",
        "start_prices: {F1: 5, I1: 5, N: 5, L: 5, Q: 1}",
        11,
        "start_prices.Q",
        "not a good",
    ),
    ("threshold: 0.05", "threshold: 0", 12, "threshold", "greater than 0"),
    ("threshold: 0.05", "treshold: 0.05", 12, "treshold", "did you mean 'threshold'"),
]


@pytest.mark.parametrize("old,new,line,field,words", CASES, ids=[c[3] + ":" + c[4][:12] for c in CASES])
def test_each_mistake_is_located(
    tmp_path: Path, old: str, new: str, line: int, field: str, words: str
) -> None:
    assert old in GOOD
    with pytest.raises(ContentError) as info:
        load_economy(_write(tmp_path, GOOD.replace(old, new, 1)))
    found = [p for p in info.value.problems if p.field == field]
    assert len(found) == 1, [str(p) for p in info.value.problems]
    assert found[0].line == line and words in found[0].message, str(found[0])
    assert found[0].file.endswith("economy.yaml")
    # a mistake may have consequences (a good nobody produces any more), never more
    assert len(info.value.problems) <= 2


def test_a_mistake_alone_is_reported_alone(tmp_path: Path) -> None:
    assert _one(tmp_path, GOOD.replace("A: 5.0", "A: -5.0")) == (
        7,
        "worker_councils[0].A",
        "Input should be greater than 0 (got -5.0)",
    )


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = GOOD.replace("A: 5.0", "A: -5").replace("threshold: 0.05", "threshold: 3")
    problems = _problems(tmp_path, text)
    assert len(problems) == 2
    assert problems[0].startswith(str(tmp_path / "economy.yaml") + ":7:")
    assert ":12:" in problems[1]


def test_missing_sections_and_yaml_errors(tmp_path: Path) -> None:
    probs = _problems(tmp_path, "goods:\n  - {id: F1, kind: final}\n")
    assert any(":1:1: worker_councils: Field required" in p for p in probs)
    assert any(":1:1: consumer_councils: Field required" in p for p in probs)
    line, field, message = _one(tmp_path, GOOD.replace("count: 3}", "count: 3"))
    assert "YAML syntax" in message
    line, field, message = _one(tmp_path, GOOD + "threshold: 0.1\n")
    assert "duplicate key" in message and line == 13


def test_parse_economy_validates_plain_data() -> None:
    data = {
        "goods": [{"id": "F", "kind": "final"}, {"id": "L", "kind": "primary", "endowment": 10}],
        "worker_councils": [{"output": "F", "A": 5, "c": 0.08, "k": 3.5, "inputs": {"L": 0.8}}],
        "consumer_councils": [{"income": 100, "weights": {"F": 1}}],
    }
    eco = to_plan_economy(parse_economy(data))
    assert run_plan(eco, 1.0).converged


def test_public_goods_cannot_be_inputs(tmp_path: Path) -> None:
    text = GOOD.replace(
        "  - {id: I1, kind: intermediate}\n", "  - {id: I1, kind: intermediate}\n  - {id: P, kind: public}\n"
    )
    text = text.replace(
        "inputs: {N: 0.3, L: 0.45}}",
        "inputs: {N: 0.3, L: 0.45, P: 0.1}}\n  - {output: P, A: 4, c: 0.09, k: 3, inputs: {L: 0.5}}",
    )
    with pytest.raises(ContentError) as info:
        load_economy(_write(tmp_path, text))
    found = [p for p in info.value.problems if p.field == "worker_councils[1].inputs.P"]
    assert len(found) == 1 and found[0].line == 9
    assert "public good cannot be a production input" in found[0].message


def test_an_economy_can_be_embedded_in_another_file(tmp_path: Path) -> None:
    from pydantic import BaseModel, ConfigDict

    from game.levels.validation import load_model

    class Level(BaseModel):
        model_config = ConfigDict(extra="forbid")
        name: str
        economy: EconomyFile

    body = "".join("  " + line + "\n" for line in GOOD.splitlines())
    path = tmp_path / "level.yaml"
    path.write_text("name: test\neconomy:\n" + body, encoding="utf-8")
    level = load_model(path, Level)
    assert to_plan_economy(level.economy).n_goods == 4
    path.write_text("name: test\neconomy:\n" + body.replace("N: 0.25", "NN: 0.25"), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_model(path, Level)
    assert [(p.line, p.field.replace(".[key]", "")) for p in info.value.problems] == [
        (9, "economy.worker_councils[0].inputs.NN")
    ]


def test_a_lone_good_spec_skips_cross_checks() -> None:
    from pydantic import ValidationError

    from game.levels.economy import GoodSpec

    with pytest.raises(ValidationError):
        parse_economy({"goods": [{"id": "X", "kind": "final"}]})
    assert GoodSpec.model_validate({"id": "X", "kind": "final"}).id == "X"
