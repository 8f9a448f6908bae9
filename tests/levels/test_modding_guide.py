"""The modders' guide says what the game does: its tables of resource icons, name lengths and
shipped map positions match the code and the levels, and `check` warns about long names."""

from __future__ import annotations

import re
from pathlib import Path

from game.levels.catalog import load_catalog
from game.levels.fields import NAME_LENGTHS, RESOURCE_ICONS
from game.levels.lint import lint_level
from game.levels.loader import load_level

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "docs" / "modding.md").read_text(encoding="utf-8")


def _table_after(heading: str) -> list[list[str]]:
    start = GUIDE.index(heading)
    rows = []
    for line in GUIDE[start:].splitlines()[1:]:
        line = line.strip()
        if line.startswith("|") and not line.startswith("|---"):
            rows.append([c.strip() for c in line.strip("|").split("|")])
        elif rows and not line.startswith("|"):
            break
    return rows[1:]  # without the header row


def test_every_resource_icon_is_listed_and_exists() -> None:
    rows = _table_after("**Resource icons.**")
    assert {r[0].strip("`"): r[1] for r in rows} == RESOURCE_ICONS
    for name in RESOURCE_ICONS:
        assert (ROOT / "assets" / "icons" / "128" / f"{name}.png").is_file(), name


def test_name_lengths_are_the_checks() -> None:
    rows = _table_after("**Name lengths.**")
    assert [int(r[1]) for r in rows] == [most for most, _where in NAME_LENGTHS.values()]
    assert [r[2] for r in rows] == [where for _most, where in NAME_LENGTHS.values()]


def test_shipped_map_positions_are_the_levels() -> None:
    rows = _table_after("**The pathway map.**")
    documented = {r[0]: [float(x) for x in re.findall(r"[\d.]+", r[1])] for r in rows}
    shipped = {lv.level.id: list(lv.level.map_position) for lv in load_catalog(include_user=False).levels}
    assert documented == shipped


def test_check_warns_about_a_long_action_title(tmp_path: Path) -> None:
    src = (ROOT / "levels" / "coop_network.yaml").read_text(encoding="utf-8")
    long = "A " + "very " * 14 + "long title"
    text = re.sub(r"(?m)^(  - id: \w+\n    title: ).*$", lambda m: m.group(1) + f'"{long}"', src, count=1)
    path = tmp_path / "long.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_level(path)
    from game.levels import yamlpos

    node = yamlpos.parse_lenient(text, str(path))[1]
    warnings = lint_level(loaded.level, node, str(path), simulate_start=False)
    hits = [w for w in warnings if "title" in w.field and "cuts" in w.message]
    assert hits and f"{len(long)} characters" in hits[0].message
