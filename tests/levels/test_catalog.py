"""Mods: levels and glossaries found in levels/, the user's mods folder and --mods; a broken
mod is reported and skipped while the rest loads; no YAML tag builds an object; nothing
outside a mod's folder is read; and the example mod is complete and winnable."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from game.commands.check import check_paths
from game.errors import UserError
from game.levels import catalog as catalog_mod
from game.levels.catalog import load_catalog, resolve_level

ROOT = Path(__file__).resolve().parents[2]
SMOKE_FILE = ROOT / "tests" / "levels" / "good" / "smoke.yaml"
SMOKE = SMOKE_FILE.read_text(encoding="utf-8")
EXAMPLE = ROOT / "examples" / "mods" / "mondragon_valley"

GLOSSARY = """glossary:
  - term: Tool library
    text: {en: "A shared collection of tools.", es: "Una colección compartida de herramientas."}
    source: "a test"
"""


def _level(folder: Path, level_id: str, name: str | None = None, text: str = SMOKE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (name or f"{level_id}.yaml")
    path.write_text(text.replace("id: smoke", f"id: {level_id}", 1), encoding="utf-8")
    return path


@pytest.fixture()
def no_user_mods(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Point the user's mods folder at an empty temporary folder."""
    folder = tmp_path / "user_data" / "mods"
    monkeypatch.setattr(catalog_mod, "user_mods_dir", lambda: folder)
    return folder


def _ids(cat: catalog_mod.Catalog) -> dict[str, str | None]:
    return {lv.level.id: lv.mod for lv in cat.levels}


def _mod_ids(cat: catalog_mod.Catalog) -> dict[str, str | None]:
    return {k: v for k, v in _ids(cat).items() if v is not None}


def test_mods_folder_files_and_subfolders_are_mods(tmp_path: Path, no_user_mods: Path) -> None:
    mods = tmp_path / "mods"
    _level(mods, "loose_level")
    _level(mods / "alpha", "alpha_one")
    _level(mods / "alpha" / "more", "alpha_two")
    _level(mods / "beta", "beta_one", "level.yml")
    cat = load_catalog([mods])
    assert _mod_ids(cat) == {
        "loose_level": "mods",
        "alpha_one": "alpha",
        "alpha_two": "alpha",
        "beta_one": "beta",
    }
    assert cat.problems == []


def test_user_mods_folder_is_searched(no_user_mods: Path) -> None:
    _level(no_user_mods / "mine", "from_user_folder")
    assert _mod_ids(load_catalog()) == {"from_user_folder": "mine"}
    assert _mod_ids(load_catalog(include_user=False)) == {}


def test_a_broken_mod_is_reported_and_skipped(tmp_path: Path, no_user_mods: Path) -> None:
    mods = tmp_path / "mods"
    _level(mods / "good", "good_level")
    broken = _level(mods / "broken", "broken_level", text=SMOKE.replace("difficulty: 2", "difficulty: 9"))
    _level(mods / "broken", "sibling_level")  # the same mod's other level still loads
    (mods / "broken" / "binary.yaml").write_bytes(b"\x00\x01\x02")
    (mods / "broken" / "deep.yaml").write_text("a: " + "[" * 5000 + "]" * 5000)
    cat = load_catalog([mods])
    assert _mod_ids(cat) == {"good_level": "good", "sibling_level": "broken"}
    got = sorted((Path(p.file).name, p.line, p.field) for p in cat.problems)
    assert got == [("binary.yaml", 1, ""), ("broken_level.yaml", 7, "difficulty"), ("deep.yaml", 1, "")]
    assert any(str(p).startswith(f"{broken}:7:13: difficulty:") for p in cat.problems)


def test_a_mod_cannot_take_a_shipped_id(tmp_path: Path, no_user_mods: Path) -> None:
    shipped = load_catalog(include_user=False).levels
    if not shipped:
        pytest.skip("no shipped levels in this checkout")
    taken = shipped[0].level.id
    path = _level(tmp_path / "mods" / "copy", taken)
    cat = load_catalog([tmp_path / "mods"])
    assert cat.get(taken).mod is None  # the shipped one
    (p,) = cat.problems
    assert (p.file, p.line, p.col, p.field) == (str(path), 1, 5, "id")
    assert "already used by" in p.message and p.message.endswith("skipped")


def test_missing_mods_folder(tmp_path: Path, no_user_mods: Path) -> None:
    cat = load_catalog([tmp_path / "nowhere"])
    assert [(p.file, p.message) for p in cat.problems] == [
        (str(tmp_path / "nowhere"), "mods folder not found")
    ]


def test_python_tags_are_refused_and_never_run(tmp_path: Path, no_user_mods: Path) -> None:
    marker = tmp_path / "owned"
    evil = _level(
        tmp_path / "mods" / "evil",
        "evil_level",
        text=SMOKE.replace("title: Smoke test", f'title: !!python/object/apply:os.system ["touch {marker}"]'),
    )
    _level(tmp_path / "mods" / "evil", "innocent")
    cat = load_catalog([tmp_path / "mods"])
    assert not marker.exists()
    assert _mod_ids(cat) == {"innocent": "evil"}
    (p,) = cat.problems
    assert (p.file, p.line, p.col) == (str(evil), 2, 8)
    assert "python/object/apply:os.system" in p.message
    assert "tags that build objects are not allowed" in p.message


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_links_out_of_a_mod_are_refused(tmp_path: Path, no_user_mods: Path) -> None:
    secret = _level(tmp_path / "elsewhere", "secret_level")
    (tmp_path / "elsewhere" / "sub").mkdir()
    _level(tmp_path / "elsewhere" / "sub", "secret_two")
    mod = tmp_path / "mods" / "linker"
    _level(mod, "own_level")
    (mod / "stolen.yaml").symlink_to(secret)
    (mod / "stolen_dir").symlink_to(tmp_path / "elsewhere" / "sub", target_is_directory=True)
    (mod / "alias.yaml").symlink_to(mod / "own_level.yaml")  # inside the mod: fine...
    cat = load_catalog([tmp_path / "mods"])
    ids = _mod_ids(cat)
    assert "secret_level" not in ids and "secret_two" not in ids
    assert ids == {"own_level": "linker"}
    refused = {Path(p.file).name: p.message for p in cat.problems}
    assert refused["stolen.yaml"] == "refused: the file lies outside its mod folder (a link)"
    # ...but it is the same level id twice, so the second one read is skipped
    assert "already used by" in refused["own_level.yaml"]
    assert not any("secret" in p.file for p in cat.problems)


def test_hidden_folders_and_decision_files_are_not_levels(tmp_path: Path, no_user_mods: Path) -> None:
    mod = tmp_path / "mods" / "tidy"
    _level(mod, "tidy_level")
    _level(mod / ".git", "hidden_level")
    (mod / "plans").mkdir()
    (mod / "plans" / "tidy_level.yaml").write_text("turns:\n  1: [study_circles]\n")
    (mod / "README.md").write_text("# not a level")
    cat = load_catalog([tmp_path / "mods"])
    assert _mod_ids(cat) == {"tidy_level": "tidy"} and cat.problems == []


def test_glossaries_load_with_their_mod(tmp_path: Path, no_user_mods: Path) -> None:
    mods = tmp_path / "mods"
    _level(mods / "one", "level_one")
    (mods / "one" / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    _level(mods / "two", "level_two")
    dup = mods / "two" / "glossary.yaml"
    dup.write_text(
        GLOSSARY.replace("Tool library", "tool LIBRARY")
        + "  - term: Repair café\n    text: Fixing things together.\n",
        encoding="utf-8",
    )
    cat = load_catalog([mods])
    terms = [g.en_term for g in cat.glossary]
    assert "Tool library" in terms and "Repair café" in terms and "tool LIBRARY" not in terms
    assert cat.term_sources["tool library"] == (mods / "one" / "glossary.yaml", "one")
    assert cat.term_sources["repair café"][1] == "two"
    (p,) = cat.problems
    assert p.file == str(dup) and "already defined in" in p.message
    # a level's own terms come first, then the catalog's that it does not redefine
    level = cat.get("level_one").level
    merged = [g.en_term for g in cat.glossary_for(level)]
    assert merged[0] == "Worker co-op" and "Tool library" in merged
    assert merged.count("Worker co-op") == 1


def test_a_broken_glossary_is_located_and_skipped(tmp_path: Path, no_user_mods: Path) -> None:
    mod = tmp_path / "mods" / "glossy"
    _level(mod, "glossy_level")
    bad = mod / "glossary.yaml"
    bad.write_text("glossary:\n  - term: Council\n    txt: A body.\n", encoding="utf-8")
    cat = load_catalog([tmp_path / "mods"])
    assert _mod_ids(cat) == {"glossy_level": "glossy"}
    got = sorted((p.line, p.col, p.field, p.message) for p in cat.problems)
    assert got == [
        (2, 5, "glossary[0].text", "Field required"),
        (3, 5, "glossary[0].txt", "unknown key; did you mean 'text'?"),
    ]
    assert all(p.file == str(bad) for p in cat.problems)


def test_hostile_files_do_not_hang_the_catalog(tmp_path: Path, no_user_mods: Path) -> None:
    mod = tmp_path / "mods" / "hostile"
    _level(mod, "survivor")
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    (mod / "bomb.yaml").write_text("\n".join(lines) + "\n")
    (mod / "loop.yaml").write_text("a: &x [1, *x]\n")
    (mod / "huge.yaml").write_text("#" * 1_000_001)
    start = time.perf_counter()
    cat = load_catalog([tmp_path / "mods"])
    assert time.perf_counter() - start < 10
    assert _mod_ids(cat) == {"survivor": "hostile"}
    assert sorted(Path(p.file).name for p in cat.problems) == ["bomb.yaml", "huge.yaml", "loop.yaml"]


def test_an_unexpected_failure_is_reported_not_raised(
    tmp_path: Path, no_user_mods: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _level(tmp_path / "mods" / "m", "fine")

    def boom(*_: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(catalog_mod, "validate_level", boom)
    cat = load_catalog([tmp_path / "mods"], include_shipped=False)
    assert cat.levels == []
    assert [p.message for p in cat.problems] == ["could not be loaded (RuntimeError: disk on fire)"]


def test_resolve_level_by_path_or_id(tmp_path: Path, no_user_mods: Path) -> None:
    path = _level(tmp_path / "mods" / "m", "by_id_level")
    assert resolve_level(str(path)).level.id == "by_id_level"
    assert resolve_level("by_id_level", [tmp_path / "mods"]).mod == "m"
    with pytest.raises(UserError, match="unknown level 'nope'; known levels: .*by_id_level"):
        resolve_level("nope", [tmp_path / "mods"])
    with pytest.raises(UserError, match="no such level file"):
        resolve_level(str(tmp_path / "missing.yaml"))


def test_the_game_starts_with_a_broken_user_mod(tmp_path: Path, no_user_mods: Path) -> None:
    """What the game window does at start: load the catalog. It must not raise."""
    (no_user_mods / "junk").mkdir(parents=True)
    (no_user_mods / "junk" / "a.yaml").write_bytes(b"\xff\xfe\xfd")
    (no_user_mods / "junk" / "b.yaml").write_text("id: [unclosed\n")
    cat = load_catalog()
    assert len(cat.problems) == 2
    assert all(lv.mod is None for lv in cat.levels)


# ---------------------------------------------------------------- the example mod


def test_example_mod_is_clean_and_loads_with_its_glossary(no_user_mods: Path) -> None:
    found = check_paths([EXAMPLE])
    assert found.errors == [] and found.warnings == []
    assert sorted(Path(f).name for f in found.files) == [
        "glossary.yaml",
        "mondragon_valley.yaml",
        "mondragon_valley.yaml",
    ]
    cat = load_catalog([EXAMPLE.parent])
    assert cat.get("mondragon_valley").mod == "mondragon_valley"
    assert {"Intercooperation", "Pay ratio"} <= {g.en_term for g in cat.glossary}
    level = cat.get("mondragon_valley").level
    assert level.questions and level.notes and level.events and level.glossary


def test_example_mod_plan_wins_over_all_its_turns_and_idling_loses() -> None:
    from game.commands.simulate import run_level
    from game.levels.decisions import Decisions
    from game.levels.loader import load_level

    level = load_level(EXAMPLE / "mondragon_valley.yaml").level
    plan = Decisions(EXAMPLE / "plans" / "mondragon_valley.yaml")
    wins = losses = 0
    for seed in range(1, 11):  # the balance rule of the shipped levels: 9 of 10 seeds
        run = run_level(level, seed, None, plan)
        assert [t["turn"] for t in run["turns"]] == list(range(1, level.turns + 1))
        wins += run["outcome"] == "won"
        losses += run_level(level, seed, None)["outcome"] == "lost"
    assert wins >= 9 and losses >= 9, (wins, losses)


def test_example_mod_works_when_copied_into_the_user_folder(no_user_mods: Path) -> None:
    shutil.copytree(EXAMPLE, no_user_mods / "mondragon_valley")
    cat = load_catalog()
    assert cat.get("mondragon_valley").mod == "mondragon_valley"
    assert not [p for p in cat.problems if "mondragon" in p.file]
