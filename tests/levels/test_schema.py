"""The level format: the closed vocabulary in every place it is used, the effect and
condition rules, the JSON Schema for editors, and docs/modding.md kept true to both (its
generated reference current, its tutorial level valid and its example output real)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from game.commands.check import check_paths
from game.levels import docs
from game.levels.schema import Condition, Economy, Effect, Level, text_of
from game.sim.vocabulary import EFFECT_OPS, METRICS, PARAMS, SEGMENTS, TACTICS

ROOT = Path(__file__).resolve().parents[2]
SMOKE = ROOT / "tests" / "levels" / "good" / "smoke.yaml"
MODDING = ROOT / "docs" / "modding.md"


def _smoke() -> dict:
    return yaml.load(SMOKE.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


# ---------------------------------------------------------------- the vocabulary


def test_every_parameter_metric_tactic_and_segment_is_accepted() -> None:
    for p, spec in PARAMS.items():
        Effect.model_validate({"op": "set", "param": p, "value": spec.lo, "because": "x"})
        Condition.model_validate({"param": p, "op": ">", "value": 0})
        Economy.model_validate({"population": 1000, "firm_share": 0.5, "params": {p: spec.default}})
    for m in METRICS:
        Condition.model_validate({"metric": m, "op": "<=", "value": 1})
    for t in TACTICS:
        Effect.model_validate({"op": "counter", "tactic": t, "value": 0.5, "because": "x"})
    for a in SEGMENTS:
        b = "coop" if a != "coop" else "firm"
        Effect.model_validate({"op": "convert", "from": a, "to": b, "share": 0.1, "because": "x"})
    level = _smoke()
    level["elite"]["tactics"] = list(TACTICS)
    Level.model_validate(level)


@pytest.mark.parametrize("op", sorted(EFFECT_OPS))
def test_each_effect_op_needs_exactly_its_keys(op: str) -> None:
    need = docs.effect_requirements()[op]
    assert need, f"op {op} needs nothing?"
    full = {
        "op": op,
        "because": "x",
        "param": "education",
        "value": 0.01,
        "from": "firm",
        "to": "coop",
        "share": 0.1,
        "count": 2,
        "resource": "money",
        "tactic": "credit_strike",
    }
    keep = {"op": op, "because": "x", **{k: full[k] for k in need}}
    Effect.model_validate(keep)
    for k in need:
        with pytest.raises(ValidationError, match=f"op '{op}' needs: {k}"):
            Effect.model_validate({kk: v for kk, v in keep.items() if kk != k})


def test_set_stays_in_range_and_params_start_in_range() -> None:
    with pytest.raises(ValidationError, match="outside marcora's range"):
        Effect.model_validate({"op": "set", "param": "marcora", "value": 2, "because": "x"})
    Effect.model_validate({"op": "add", "param": "marcora", "value": 2, "because": "x"})
    with pytest.raises(ValidationError, match="education = 0.9 is outside its range"):
        Economy.model_validate({"population": 1000, "firm_share": 0.5, "params": {"education": 0.9}})


def test_condition_forms() -> None:
    ok = [
        {"metric": "equity", "op": ">", "value": 1},
        {"played": "x"},
        {"all": [{"played": "x"}, {"any": [{"not": {"metric": "turn", "op": "==", "value": 3}}]}]},
    ]
    for c in ok:
        Condition.model_validate(c)
    for c, words in [
        ({"metric": "equity", "value": 1}, "needs 'op' and 'value'"),
        ({"metric": "equity", "param": "education", "op": ">", "value": 1}, "exactly one of"),
        ({"played": "x", "all": []}, "exactly one of"),
        ({}, "exactly one of"),
    ]:
        with pytest.raises(ValidationError, match=words):
            Condition.model_validate(c)


def test_economy_shares() -> None:
    with pytest.raises(ValidationError, match="sum to 1.1 > 1"):
        Economy.model_validate({"population": 1000, "firm_share": 0.9, "coop_share": 0.2, "coop_count": 1})
    with pytest.raises(ValidationError, match="coop_share > 0 needs coop_count >= 1"):
        Economy.model_validate({"population": 1000, "firm_share": 0.5, "coop_share": 0.2})


def test_texts() -> None:
    assert text_of("plain", "es") == "plain"
    assert text_of({"en": "a", "es": "b"}, "es") == "b"
    assert text_of({"en": "a"}, "es") == "a"
    level = _smoke()
    level["title"] = {"es": "solo"}
    with pytest.raises(ValidationError, match="needs an 'en' entry"):
        Level.model_validate(level)


# ---------------------------------------------------------------- the JSON Schema


def test_json_schema_offers_the_vocabulary_for_completion() -> None:
    schema = docs.level_json_schema()
    defs = schema["$defs"]
    enum_of = lambda prop: prop["anyOf"][0]["enum"]  # noqa: E731
    assert enum_of(defs["Effect"]["properties"]["param"]) == sorted(PARAMS)
    assert enum_of(defs["Condition"]["properties"]["metric"]) == sorted(METRICS)
    assert enum_of(defs["Effect"]["properties"]["from"]) == list(SEGMENTS)
    assert defs["Elite"]["properties"]["tactics"]["items"]["enum"] == sorted(TACTICS)
    assert defs["Economy"]["properties"]["params"]["propertyNames"]["enum"] == sorted(PARAMS)
    assert defs["Action"]["additionalProperties"] is False


def test_json_schema_accepts_every_valid_level_and_refuses_typos() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(docs.level_json_schema())
    files = [
        *sorted((ROOT / "levels").glob("*.yaml")),
        SMOKE,
        ROOT / "examples" / "mods" / "mondragon_valley" / "mondragon_valley.yaml",
    ]
    for f in files:
        data = yaml.load(f.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        errors = [e.message for e in validator.iter_errors(data)]
        assert not errors, (f, errors[:3])
    for bad in ("unknown_key", "unknown_param", "out_of_range", "unknown_tactic_block"):
        text = (ROOT / "tests" / "levels" / "bad" / f"{bad}.yaml").read_text(encoding="utf-8")
        data = yaml.load(text, Loader=yaml.CSafeLoader)
        assert list(validator.iter_errors(data)), bad


# ---------------------------------------------------------------- docs/modding.md


def test_modding_reference_is_current() -> None:
    current = MODDING.read_text(encoding="utf-8")
    assert current == docs.render(current), (
        "docs/modding.md is out of date: run python -m game.levels.docs --write docs/modding.md"
    )
    assert docs.main(["--check", str(MODDING)]) == 0


def test_reference_names_the_whole_vocabulary() -> None:
    ref = docs.reference_markdown()
    for names in (PARAMS, METRICS, TACTICS, EFFECT_OPS, SEGMENTS):
        for n in names:
            assert f"`{n}`" in ref, n
    for model in (
        "Economy",
        "Elite",
        "Resource",
        "Action",
        "Effect",
        "Condition",
        "Event",
        "Choice",
        "Goals",
        "Loss",
        "Source",
        "GlossaryEntry",
    ):
        for key in docs.level_json_schema()["$defs"][model]["properties"]:
            assert f"| `{key}` |" in ref, (model, key)


def test_render_replaces_only_between_the_markers(tmp_path: Path) -> None:
    doc = f"intro\n{docs.BEGIN}\nold stuff\n{docs.END}\noutro\n"
    out = docs.render(doc)
    assert out.startswith("intro\n" + docs.BEGIN) and out.endswith(docs.END + "\noutro\n")
    assert "old stuff" not in out and "### Parameters" in out
    stale = tmp_path / "m.md"
    stale.write_text(doc)
    assert docs.main(["--check", str(stale)]) == 1
    assert docs.main(["--write", str(stale)]) == 0 and docs.main(["--check", str(stale)]) == 0
    with pytest.raises(ValueError):
        docs.render("no markers here")


def _blocks(text: str) -> list[str]:
    return re.findall(r"```(?:yaml)?\n(.*?)```", text, re.S)


@pytest.fixture(scope="module")
def tutorial(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tutorial's level and plan, written out as a reader would."""
    text = MODDING.read_text(encoding="utf-8")
    step2 = text.split("### Step 2")[1]
    level = next(b for b in _blocks(step2) if b.startswith("id: tool_library"))
    step4 = text.split("### Step 4")[1]
    plan = next(b for b in _blocks(step4) if b.startswith("turns:"))
    mod = tmp_path_factory.mktemp("tut") / "my_mod"
    (mod / "plans").mkdir(parents=True)
    (mod / "tool_library.yaml").write_text(level, encoding="utf-8")
    (mod / "plans" / "tool_library.yaml").write_text(plan, encoding="utf-8")
    return mod


def _doc_lines(section: str) -> list[str]:
    """The `my_mod/...` lines of the first output block of a tutorial step."""
    text = MODDING.read_text(encoding="utf-8").split(section)[1]
    block = next(b for b in _blocks(text) if b.startswith("$ python main.py check"))
    return [x for x in block.splitlines() if x.startswith("my_mod/")]


def test_tutorial_level_is_valid_and_its_output_is_real(tutorial: Path) -> None:
    found = check_paths([tutorial])
    assert found.errors == []
    from game.commands.check import report

    shown = [x.replace(str(tutorial), "my_mod") for x in report(found)]
    assert shown == _doc_lines("### Step 2")


def test_tutorial_mistakes_are_reported_as_shown(tutorial: Path, tmp_path: Path) -> None:
    text = (tutorial / "tool_library.yaml").read_text(encoding="utf-8")
    bad = text.replace("category: education", "category: teaching").replace(
        "requires: [workshop]", "requires: [worksop]"
    )
    mod = tmp_path / "my_mod"
    mod.mkdir()
    (mod / "tool_library.yaml").write_text(bad, encoding="utf-8")
    found = check_paths([mod], warnings=False)
    shown = [str(p).replace(str(mod), "my_mod") for p in found.errors]
    assert shown == _doc_lines("### Step 3")


def test_tutorial_plan_wins_and_doing_nothing_loses(tutorial: Path) -> None:
    from game.commands.simulate import run_level
    from game.levels.decisions import Decisions
    from game.levels.loader import load_level

    level = load_level(tutorial / "tool_library.yaml").level
    plan = Decisions(tutorial / "plans" / "tool_library.yaml")
    assert check_paths([tutorial]).errors == []
    for seed in (1, 2, 3):
        assert run_level(level, seed, None, plan)["outcome"] == "won"
        assert run_level(level, seed, None)["outcome"] == "lost"


def test_modding_guide_links_resolve() -> None:
    text = MODDING.read_text(encoding="utf-8")
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', text))
    for target in re.findall(r"\]\(#([^)]+)\)", text):
        assert target in anchors, target
    for target in re.findall(r"\]\((\.\./[^)#]+|[a-z]+\.md)\)", text):
        assert (MODDING.parent / target).exists(), target


def test_json_schemas_in_docs_are_json() -> None:
    for kind in ("level", "glossary", "decisions"):
        json.loads((ROOT / "docs" / f"{kind}.schema.json").read_text(encoding="utf-8"))


def test_tutorial_broken_plan_is_reported_as_shown(
    tutorial: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from game.cli import main

    text = MODDING.read_text(encoding="utf-8").split("### Step 4")[1].split("### Step 5")[0]
    shown = next(x for x in text.splitlines() if x.startswith("my_mod/plans/"))
    plan = (tutorial / "plans" / "tool_library.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "my_mod" / "plans" / "tool_library.yaml"
    broken.parent.mkdir(parents=True)
    broken.write_text(plan.replace("7: [repair_coop]", "7: [workshop, repair_coop]"))
    code = main(["simulate", str(tutorial / "tool_library.yaml"), "--seed", "1", "--actions", str(broken)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip().replace(str(tmp_path / "my_mod"), "my_mod") == shown


def test_tutorial_simulate_output_is_real(tutorial: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from game.cli import main

    text = MODDING.read_text(encoding="utf-8").split("### Step 4")[1]
    block = next(b for b in _blocks(text) if b.startswith("$ python main.py simulate"))
    shown = [x for x in block.splitlines()[1:] if x.strip() and x.strip() != "..."]
    assert main(["simulate", str(tutorial / "tool_library.yaml"), "--seed", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()

    def shape(line: str) -> str:  # the numbers may move when the model is recalibrated
        return re.sub(r"\d+(\.\d+)?", "N", line)

    shapes = [shape(x) for x in lines]
    for line in shown:
        assert shape(line) in shapes, line
    assert lines[0] == shown[0] and shape(lines[-1]) == shape(shown[-1])
