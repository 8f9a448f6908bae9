"""Spanish is complete where a player or a class meets it outside the window too: `simulate
--lang es` (its turns, its warnings and its errors) and the glossary's list of terms. A test
fails on any English word a Spanish reader would see."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.cli import main
from game.i18n import load_translator
from game.levels.catalog import load_catalog
from game.ui import glossary as gloss

ROOT = Path(__file__).resolve().parent.parent
# English words the game's own messages use; a Spanish text has none of them
ENGLISH = re.compile(
    r"\b(unknown|known|did you mean|no such|not a|played|event|warning|support|rose|fell|"
    r"outcome|seed|season|year|start|left|the|and|of|in level|must|folder|file)\b",
    re.IGNORECASE,
)
# names that are the same in both languages (acronyms, foreign terms, proper names)
SAME_IN_BOTH = {"SAC", "Nomenklatura", "Caja Laboral Popular"}


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["simulate", *args, "--lang", "es"])
    out = capsys.readouterr()
    return code, out.out + out.err


def _english(text: str, allowed: tuple[str, ...] = ()) -> list[str]:
    for name in allowed:  # level ids, action ids, paths: the reader's own input
        text = text.replace(name, "")
    text = re.sub(r"'[^']*'", "", text)  # quoted ids and file keys are the same in every language
    return sorted({m.group(0) for m in ENGLISH.finditer(text)})


def test_a_whole_run_reads_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    plan = str(ROOT / "levels" / "plans" / "coop_network.yaml")
    code, out = _run(capsys, "coop_network", "--seed", "42", "--actions", plan)
    assert code == 0 and "Estación 3" in out
    assert not _english(out, (plan,)), _english(out, (plan,))


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("no_such_level",), "nivel desconocido"),
        (("coop_network", "--actions", "/no/such/plan.yaml"), "no existe ese archivo"),
        (("coop_network", "--turns", "0"), "al menos 1"),
        (("coop_network", "--mods", "/no/such/folder"), "no existe esa carpeta"),
    ],
)
def test_errors_read_in_spanish(capsys: pytest.CaptureFixture[str], args: tuple[str, ...], says: str) -> None:
    code, out = _run(capsys, *args)
    assert code == 2 and says in out
    assert not _english(out, args), out


def test_a_wrong_decision_file_reads_in_spanish(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "events:\n  plant_closes: fight\nturns:\n  1: [stdy_circles]\n  99: []\n", encoding="utf-8"
    )
    code, out = _run(capsys, "coop_network", "--actions", str(plan))
    assert code == 2
    assert "¿querías decir 'study_circles'?" in out and "evento desconocido" in out
    assert not _english(out, (str(plan), "plant_closes", "stdy_circles", "study_circles")), out


def test_the_glossary_list_is_spanish() -> None:
    cat = load_catalog([ROOT / "examples" / "mods"], include_user=False)
    levels = [lv.level for lv in cat.levels]
    en = {e.key: e.term for e in gloss.entries(load_translator("en"), levels, *gloss.mod_terms(cat))}
    es = gloss.entries(load_translator("es"), levels, *gloss.mod_terms(cat))
    assert len(es) == len(en) > 40
    same = [e.term for e in es if e.term == en[e.key] and e.term not in SAME_IN_BOTH]
    assert not same, same


@pytest.mark.parametrize(
    ("content", "says"),
    [(None, "no existe ese archivo"), ("", "el archivo está vacío"), ("[1]", "se esperaba un objeto JSON")],
)
def test_report_errors_read_in_spanish(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str | None, says: str | None
) -> None:
    run = tmp_path / "run.json"
    if content is not None:
        run.write_text(content, encoding="utf-8")
    code = main(["report", str(run), "--out", str(tmp_path / "out"), "--lang", "es"])
    err = capsys.readouterr().err
    assert code == 2
    if says is not None:
        assert says in err and not _english(err, (str(run),)), err
