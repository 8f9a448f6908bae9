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


# ------------------------------------------------------------ files skipped, level errors

BROKEN_LEVEL = "id: bad_one\ntitle: Bad\nturns: -3\ncolour: red\nsummary: 7\n"


def _broken_mod(tmp_path: Path) -> tuple[Path, Path]:
    mods = tmp_path / "mods"
    (mods / "mine").mkdir(parents=True)
    level = mods / "mine" / "bad.yaml"
    level.write_text(BROKEN_LEVEL, encoding="utf-8")
    return mods, level


def test_a_skipped_mod_file_is_told_in_spanish(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    mods, level = _broken_mod(tmp_path)
    code, out = _run(capsys, "coop_network", "--turns", "1", "--mods", str(mods))
    skipped = [line for line in out.splitlines() if str(level) in line]
    assert code == 0 and len(skipped) == 1 and skipped[0].startswith(f"omitido {level}: {level}:1:1:")
    assert "más; ver: main.py check" in skipped[0]
    assert not _english(skipped[0], (str(level), "main.py check")), skipped[0]


def test_check_tells_every_level_error_and_why_a_file_is_skipped_in_spanish(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _, level = _broken_mod(tmp_path)
    assert main(["check", str(level), "--lang", "es"]) == 1
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert f"{level}:3:8: turns: debe ser mayor o igual que 1 (valor: -3)" in lines
    assert f"{level}:4:1: colour: clave desconocida" in lines
    assert (
        f"{level}:5:10: summary: debe ser un texto válido: una cadena, o un mapa de código de "
        "idioma (en, es) a texto (valor: 7)"
    ) in lines
    assert f"{level}:1:1: actions: campo obligatorio" in lines
    # file, line, column and field stay; every message is Spanish
    assert all(line.startswith(f"{level}:") for line in lines)
    for line in lines:
        assert not _english(line.split(": ", 2)[-1], ()), line
    err = out.err.splitlines()
    assert (
        err[0] == f"el juego omite {level}: 12 errores (primero: línea 1, campo actions: campo obligatorio)"
    )
    assert err[1] == "1 archivo revisado, 12 errores, 0 avisos"


def test_check_in_english_says_why_a_file_is_skipped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _, level = _broken_mod(tmp_path)
    assert main(["check", str(level)]) == 1
    out = capsys.readouterr()
    assert f"{level}:3:8: turns: Input should be greater than or equal to 1 (got -3)" in out.out.splitlines()
    assert out.err.splitlines() == [
        f"the game skips {level}: 12 errors (first: line 1, field actions: Field required)",
        "1 file checked, 12 errors, 0 warnings",
    ]


# ------------------------------------------------------------ argparse's own words

ARGPARSE_ENGLISH = re.compile(
    r"usage|error:|argument|required|invalid|choice|unrecognized|expected|options|show this help",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["simulate", "--lang", "es"], "faltan estos argumentos obligatorios: nivel"),
        (["simulate", "coop_network", "--lang", "es", "--bogus"], "argumentos no reconocidos: --bogus"),
        (["simulate", "coop_network", "--lang", "es", "--seed"], "argumento --seed: se esperaba un valor"),
        (
            ["check", "--lang=es", "--schema", "nope"],
            "argumento --schema: opción no válida: 'nope' (elige entre",
        ),
    ],
)
def test_usage_errors_read_in_spanish(capsys: pytest.CaptureFixture[str], argv: list[str], says: str) -> None:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    err = capsys.readouterr().err
    assert stop.value.code == 2 and err.startswith("uso: main.py ") and says in err
    last = err.strip().splitlines()[-1]
    assert ": error: " in last  # "error" is also the Spanish word
    assert not ARGPARSE_ENGLISH.search(last.replace(": error: ", ": ").replace("argumento", "")), last


def test_usage_errors_stay_english_without_lang(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["simulate"])
    err = capsys.readouterr().err
    assert err.startswith("usage: ") and "error: the following arguments are required: level" in err
    with pytest.raises(SystemExit):  # and a Spanish run before leaves argparse in English
        main(["simulate", "--lang", "es"])
    with pytest.raises(SystemExit):
        main(["simulate"])
    assert capsys.readouterr().err.splitlines()[-1].endswith("the following arguments are required: level")


def test_help_headings_read_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["simulate", "--lang", "es", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("uso: ") and "argumentos posicionales:" in out and "opciones:" in out
    assert "muestra esta ayuda y termina" in out and "show this help" not in out


# ------------------------------------------------------------ report: JSON, reading, saves


@pytest.mark.parametrize(
    ("content", "says"),
    [('{"level": }', ":1:11: JSON no válido: se esperaba un valor"), ('{"a": 1,}', "JSON no válido: ")],
)
def test_report_json_errors_read_in_spanish(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, says: str
) -> None:
    run = tmp_path / "run.json"
    run.write_text(content, encoding="utf-8")
    assert main(["report", str(run), "--out", str(tmp_path / "out"), "--lang", "es"]) == 2
    err = capsys.readouterr().err
    assert says in err and not _english(err, (str(run),)), err
    assert not re.search(r"Expecting|Illegal|valid JSON", err), err


def test_a_save_with_refused_decisions_reads_in_spanish(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from game.saves import SaveGame, SaveStore, SaveSummary, level_hash

    level = ROOT / "examples" / "mods" / "mondragon_valley" / "mondragon_valley.yaml"
    save = SaveStore(tmp_path / "data").write(
        "class-1",
        SaveGame(
            level_id="mondragon_valley",
            seed=5,
            decisions=[{"actions": ["night_school", "night_school"]}],
            level_hash=level_hash(level.read_bytes()),
            summary=SaveSummary(turn=1),
        ),
    )
    args = ["report", str(save), "--out", str(tmp_path / "out"), "--mods", str(level.parent.parent)]
    assert main([*args, "--lang", "es"]) == 2
    err = capsys.readouterr().err
    assert f"{save}:1:1: decisions[0]: 'night_school': Ya elegida este turno" in err
    assert not _english(err, (str(save), "night_school")), err
    assert main(args) == 2
    assert "'night_school' is played twice in one turn" in capsys.readouterr().err


def test_check_of_the_broken_examples_reads_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    """The test levels with every kind of mistake, YAML syntax and duplicates included."""
    bad = ROOT / "tests" / "levels" / "bad"
    assert main(["check", str(bad), "--lang", "es", "--no-warnings"]) == 1
    lines = capsys.readouterr().out.splitlines()
    said = [re.sub(r"^.*?:\d+:\d+: ", "", line) for line in lines]  # without file, line, column
    assert "el archivo está vacío" in said
    assert any(
        s.endswith("actions[1].cost.mony: recurso desconocido 'mony'; ¿querías decir 'money'?") for s in said
    )
    assert any("turn_length: debe ser 'season' o 'year' (valor: 'month')" in s for s in said)
    assert any(s.startswith("sintaxis YAML: ") for s in said)
    still_english = [s for s in said if _english(s.split(": ", 1)[-1], ("played",))]  # a key's name
    assert not still_english, still_english
