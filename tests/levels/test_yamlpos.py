"""YAML with positions: file checks, duplicate keys, the structure limits that keep a mod from
crashing or hanging the game, and errors mapped to the right line, column and field."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr

from game.errors import ContentError
from game.levels import validation, yamlpos


def _problems(fn, *args) -> list[tuple[int, int, str, str]]:  # noqa: ANN001
    with pytest.raises(ContentError) as info:
        fn(*args)
    return [(p.line, p.col, p.field, p.message) for p in info.value.problems]


# ---------------------------------------------------------------- reading files


def test_read_text_refuses_what_is_not_utf8_yaml(tmp_path: Path) -> None:
    cases = {
        "nul.yaml": (b"a: 1\x00\n", (1, 1, "", "binary file (contains NUL bytes), not YAML")),
        "latin.yaml": (b"a: 1\nb: se\xf1al\n", (2, 6, "", "file is not valid UTF-8 text")),
        "utf16.yaml": ("a: 1\n".encode("utf-16"), (1, 1, "", "file is UTF-16 text; save it as UTF-8")),
        "empty.yaml": (b"", (1, 1, "", "file is empty")),
        "space.yaml": (b" \n\t\n", (1, 1, "", "file is empty")),
    }
    for name, (raw, want) in cases.items():
        (tmp_path / name).write_bytes(raw)
        assert _problems(yamlpos.read_text, tmp_path / name) == [want], name


def test_read_text_accepts_a_bom_and_limits_size(tmp_path: Path) -> None:
    (tmp_path / "bom.yaml").write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert yamlpos.read_text(tmp_path / "bom.yaml") == "a: 1\n"
    (tmp_path / "big.yaml").write_bytes(b"#" * 101)
    ((line, col, _, msg),) = _problems(yamlpos.read_text, tmp_path / "big.yaml", 100)
    assert msg == "file is 101 bytes; the limit is 100"


def test_read_text_of_a_folder_or_missing_file(tmp_path: Path) -> None:
    assert _problems(yamlpos.read_text, tmp_path) == [(1, 1, "", "is a folder, not a file")]
    ((_, _, _, msg),) = _problems(yamlpos.read_text, tmp_path / "gone.yaml")
    assert msg.startswith("cannot read file:")


# ---------------------------------------------------------------- parsing


def test_duplicate_keys_are_errors_at_every_depth() -> None:
    text = "a: 1\nb:\n  c: 2\n  c: 3\na: 4\nl:\n  - {x: 1, x: 2}\n"
    assert _problems(yamlpos.parse, text, "f") == [
        (4, 3, "b.c", "duplicate key 'c' (first at line 3)"),
        (5, 1, "a", "duplicate key 'a' (first at line 1)"),
        (7, 12, "l[0].x", "duplicate key 'x' (first at line 7)"),
    ]
    data, _, dups = yamlpos.parse_lenient(text, "f")
    assert len(dups) == 3 and data["a"] == 4  # lenient: the last one wins, as in YAML


@pytest.mark.parametrize(
    "text,line,col,words",
    [
        ("a: !!python/object:os.system {}\n", 1, 4, "python/object:os.system"),
        ("a: !!python/object/apply:os.system ['ls']\n", 1, 4, "python/object/apply"),
        ("a: !!python/name:os.system\n", 1, 4, "python/name:os.system"),
        ("a: !custom 1\n", 1, 4, "'!custom'"),
    ],
)
def test_tags_that_build_objects_are_refused(text: str, line: int, col: int, words: str) -> None:
    ((ln, c, field, msg),) = _problems(yamlpos.parse, text, "f")
    assert (ln, c, field) == (line, col, "")
    assert words in msg and "tags that build objects are not allowed" in msg


def test_safe_tags_and_aliases_are_fine() -> None:
    text = "base: &b {x: 1, y: 2}\nuse: *b\nmerged: {<<: *b, y: 3}\nn: !!int '5'\n"
    data, _ = yamlpos.parse(text, "f")
    assert data["use"] == {"x": 1, "y": 2} and data["merged"] == {"x": 1, "y": 3}
    assert data["n"] == 5


def test_syntax_errors_are_located() -> None:
    assert _problems(yamlpos.parse, "a: [1, 2\nb: 3\n", "f")[0][:2] == (2, 2)
    ((line, col, _, msg),) = _problems(yamlpos.parse, "a: 1\n\tb: 2\n", "f")
    assert (line, col) == (2, 1) and "tab" in msg
    ((line, _, _, msg),) = _problems(yamlpos.parse, "a: 1\n---\nb: 2\n", "f")
    assert line == 2 and "another document" in msg
    assert _problems(yamlpos.parse, "# only a comment\n", "f") == [(1, 1, "", "file holds no YAML document")]


def test_self_referencing_alias_is_refused() -> None:
    for text in ("a: &x [1, *x]\n", "a: &x {b: *x}\n", "a: &x [[[*x]]]\n"):
        ((line, _, _, msg),) = _problems(yamlpos.parse, text, "f")
        assert line == 1 and msg == "an alias refers to a collection that contains it"


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    start = time.perf_counter()
    ((line, col, _, msg),) = _problems(yamlpos.parse, "\n".join(lines) + "\n", "f")
    assert time.perf_counter() - start < 2.0
    assert (line, col) == (6, 5) and msg == "more than 500,000 values once aliases are expanded"


def test_aliases_that_nest_too_deep_once_expanded() -> None:
    lines = ["a0: &a0 [" + "[" * 30 + "]" * 30 + "]"]
    lines += [f"a{i}: &a{i} [[[[[[[[[[[[[[[[[[[[*a{i - 1}]]]]]]]]]]]]]]]]]]]]" for i in range(1, 4)]
    ((_, _, _, msg),) = _problems(yamlpos.parse, "\n".join(lines) + "\n", "f")
    assert msg == "nesting is deeper than 64 levels once aliases are expanded"


def test_deep_nesting_is_refused_before_libyaml_can_crash(tmp_path: Path) -> None:
    # 300,000 nested brackets segfault libyaml's recursive composer; run it in a child so a
    # regression fails this test instead of killing the test run
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 300_000 + "]" * 300_000 + "\n")
    code = (
        "import sys; from pathlib import Path; from game.levels import yamlpos\n"
        "from game.errors import ContentError\n"
        "try:\n    yamlpos.parse(yamlpos.read_text(Path(sys.argv[1])), 'f')\n"
        "except ContentError as e:\n    print(e)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    # our depth check (PyYAML 6.0.3) or libyaml's own limit (newer wheels) refuses it first
    assert re.fullmatch(
        r"f:1:\d+: (nesting is deeper than 64 levels|"
        r"YAML syntax: exceeded maximum nesting depth)",
        done.stdout.strip(),
    )


# ---------------------------------------------------------------- locating errors


class Inner(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: StrictStr
    size: StrictInt = Field(ge=0)


class Outer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: StrictStr | dict[StrictStr, StrictStr]
    value: float | int = 0
    items: list[Inner] = Field(default_factory=list)
    by_turn: dict[int, list[StrictStr]] = Field(default_factory=dict)


def _validate(text: str) -> list[tuple[int, int, str, str]]:
    data, node = yamlpos.parse(text, "f")
    return _problems(validation.validate, data, node, "f", Outer)


def test_errors_point_at_the_value_key_or_parent() -> None:
    text = "title: ok\nitems:\n  - {name: a, size: -1}\n  - name: b\n    sise: 3\nby_turn:\n  x: [a]\n"
    assert _validate(text) == [
        (3, 21, "items[0].size", "Input should be greater than or equal to 0 (got -1)"),
        (4, 5, "items[1].size", "Field required"),
        (5, 5, "items[1].sise", "unknown key; did you mean 'size'?"),
        (
            7,
            3,
            "by_turn.x",
            "Input should be a valid integer, unable to parse string as an integer (got 'x')",
        ),
    ]


def test_union_errors_are_merged_into_one() -> None:
    assert _validate("title: 5\nvalue: lots\n") == [
        (
            1,
            8,
            "title",
            "Input should be a valid text: a string, or a map from language code (en, es) to text (got 5)",
        ),
        (2, 8, "value", "Input should be a valid number (got 'lots')"),
    ]
    # a map is the right kind for a text: only the map's own complaint remains
    assert _validate("title: {en: 5}\n") == [(1, 13, "title.en", "Input should be a valid string (got 5)")]


def test_unknown_keys_suggest_from_the_model_that_holds_them() -> None:
    # 'titel' is close to Outer's 'title'; inside an item, 'nam' is close to Inner's 'name'
    assert _validate("titel: x\ntitle: y\nitems: [{nam: a, size: 1}]\n") == [
        (1, 1, "titel", "unknown key; did you mean 'title'?"),
        (3, 9, "items[0].name", "Field required"),
        (3, 10, "items[0].nam", "unknown key; did you mean 'name'?"),
    ]


def test_load_model_reports_duplicates_and_schema_errors_together(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("title: a\ntitle: b\nvalue: lots\n")
    got = _problems(validation.load_model, path, Outer)
    assert [(line, field) for line, _, field, _ in got] == [(2, "title"), (3, "value")]


def test_field_path_shows_numeric_keys_as_keys() -> None:
    _, node = yamlpos.parse("turns:\n  3: [a, b]\n", "f")
    assert yamlpos.field_path(("turns", 3, 1), node) == "turns.3[1]"
    assert yamlpos.field_path(("turns", 3, 1)) == "turns[3][1]"


def test_find_scalar_points_at_the_named_item() -> None:
    text = "cond:\n  all:\n    - {metric: a}\n    - not:\n        played: zed\n"
    _, node = yamlpos.parse(text, "f")
    assert yamlpos.find_scalar(node, ("cond",), "zed") == (("cond", "all", 1, "not", "played"), 5, 17)
    assert yamlpos.find_scalar(node, ("cond",), "nothing") is None


def test_locate_skips_what_is_not_a_node() -> None:
    _, node = yamlpos.parse("a:\n  b: [1, 2]\n", "f")
    assert yamlpos.locate(node, ("a", "b", 1)) == (2, 10)
    assert yamlpos.locate(node, ("a", "str", "b")) == (2, 6)
    assert yamlpos.locate(node, ("a", "missing")) == (2, 3)
    assert yamlpos.locate(node, ("a", "b"), key_of_last=True) == (2, 3)


def test_parse_uses_libyaml() -> None:
    assert yamlpos._loader_class() is yaml.CSafeLoader


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no named pipes here")
def test_pipes_and_devices_are_not_read(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)  # opening it would block until a writer came
    assert _problems(yamlpos.read_text, fifo) == [(1, 1, "", "not a regular file")]
    if Path("/dev/zero").exists():  # reading it would never end
        assert _problems(yamlpos.read_text, Path("/dev/zero")) == [(1, 1, "", "not a regular file")]
