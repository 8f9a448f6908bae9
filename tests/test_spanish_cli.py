"""The command line is Spanish end to end under --lang es: every command's --help (texts,
metavars, descriptions), a wrong value given to any option, the commands' own errors, YAML
syntax and duplicate ids in levels, `check`'s warnings, and the operating system's reasons
(by errno). A test fails on any English a Spanish reader would meet on those paths."""

from __future__ import annotations

import argparse
import errno
import re
from pathlib import Path

import pytest

from game.argparse_words import argparse_language
from game.cli import build_parser, main
from game.errors import render
from game.i18n import load_translator
from game.os_words import REASONS, os_reason

ROOT = Path(__file__).resolve().parent.parent
SMOKE = (ROOT / "tests" / "levels" / "good" / "smoke.yaml").read_text(encoding="utf-8")
# common English words of help texts and messages (none is a Spanish word)
ENGLISH = re.compile(
    r"\b(the|and|of|to|an|or|for|with|from|this|that|is|are|be|file|folder|files|folders|default|"
    r"seed|seeds|run|print|write|show|language|turns?|rounds?|every|each|when|not|only|after|"
    r"before|per|one|your|which|its|their|on|at|by|into|must|cannot|found|expected|invalid|"
    r"unknown|error|warning|level|levels|scene|number|whole|port|folder|such|no such|duplicate|"
    r"key|line|first|never|always|already|used|skipped|refused|read|denied|disk|full|exists)\b",
    re.IGNORECASE,
)
# Spanish words spelled like an English one in the list above
SPANISH_TOO = {"error", "no", "a"}
# values typed as they are in every language: choices, policies, scenes, proper names
VALUES = (
    "Parecon Pathways|Hahnel|Atkinson|OpenDyslexic|high_contrast|default|standard|hyperlegible|"
    "dyslexic|gentle|hard|book|program|level|glossary|decisions|plan|nothing|random|"
    "first-affordable|greedy-forecast|ignore-the-elite|adaptive|title|pathways|briefing|turn|"
    "planning|event|debrief|settings|saves|credits|classconsole|classplay|classturn|"
    "worker_councils|consumer_councils|goods|DISPLAY"
)


def english_in(text: str, *own: str) -> list[str]:
    """The English words left in `text` once the reader's own input (`own`: paths, ids) and
    what is the same in both languages (flags, {choices}, quoted ids, file names, values,
    capitalised metavars) are taken out."""
    text = re.sub(r"-\n\s+", "-", text)  # a value argparse broke at its hyphen
    for word in own:
        text = text.replace(word, " ")
    text = re.sub(r"\{[^}]*\}", " ", text)  # {en,es}: the choices
    text = re.sub(r"'[^']*'|`[^`]*`", " ", text)  # quoted ids and commands
    text = re.sub(r"(?<![\w-])--?[\w-]+|\$\w+|\S+\.(yaml|json|png|html|csv|py)\b|\S*/\S*", " ", text)
    text = re.sub(rf"\b({VALUES})\b", " ", text)
    text = re.sub(r"\b[A-Z][A-Z_.,]+\b", " ", text)  # metavars (translated: checked apart)
    words = {m.group(0).lower() for m in ENGLISH.finditer(text)}
    return sorted(words - SPANISH_TOO)


COMMANDS = ("play", "simulate", "plan", "check", "screenshot", "report", "classroom", "balance")


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as stop:
        main([*argv, "--help", "--lang", "es"])
    assert stop.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", ("", *COMMANDS))
def test_every_help_reads_in_spanish(capsys: pytest.CaptureFixture[str], command: str) -> None:
    text = _help(capsys, *([command] if command else []))
    assert text.startswith("uso: main.py")
    assert not english_in(text), (english_in(text), text)


def _texts(parser: argparse.ArgumentParser, where: str = "main.py") -> dict[str, str]:
    """Every text of a parser tree a reader sees in --help, by a stable key."""
    out = {f"{where}: description": parser.description or ""}
    for action in parser._actions:
        key = f"{where} {'/'.join(action.option_strings) or action.dest}"
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                out[f"{where} {choice.dest}: help"] = choice.help or ""
            for name, sub in action.choices.items():
                out.update(_texts(sub, f"{where} {name}"))
            continue
        out[f"{key}: help"] = action.help or ""
        if action.nargs != 0 and action.choices is None:
            shown = action.metavar or (action.dest.upper() if action.option_strings else action.dest)
            out[f"{key}: metavar"] = str(shown)
    return out


# texts that are the same in both languages: one-letter and acronym metavars, proper names
SAME = {"N", "X", "P", "ID", "MODS", "Parecon Pathways"}


def test_every_help_text_and_metavar_is_translated() -> None:
    """Built in English and in Spanish, the two parser trees differ in every text a reader
    sees, except the few that are the same word in both languages."""
    english = _texts(build_parser())
    with argparse_language("es"):
        spanish = _texts(build_parser("es"))
    assert english.keys() == spanish.keys()
    assert len(english) > 100
    same = [k for k, v in english.items() if v and spanish[k] == v and v not in SAME]
    assert not same, same
    assert not [k for k, v in english.items() if not v and k.endswith(": help")]  # every option explained


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["simulate", "coop_network", "--seed", "abc"], "argumento --seed: no es un número entero: 'abc'"),
        (["simulate", "coop_network", "--seed", "-3"], "una semilla debe ser 0 o más, no -3"),
        (["simulate", "coop_network", "--turns", "x"], "'x' no es un número entero válido"),
        (["classroom", "coop_network", "--port", "abc"], "no es un número de puerto: 'abc'"),
        (["classroom", "coop_network", "--port", "80"], "un puerto es un número de 1024 a 65535, no 80"),
        (["classroom", "coop_network", "--round-seconds", "3"], "una ronda dura de 10 a 600 segundos, no 3"),
        (["classroom", "coop_network", "--minutes", "30"], "opción no válida: 30"),
        (["screenshot", "turn", "--scale", "x"], "'x' no es un número entero válido"),
        (["simulate"], "faltan estos argumentos obligatorios: nivel"),
    ],
)
def test_a_bad_value_for_an_option_reads_in_spanish(
    capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    with pytest.raises(SystemExit) as stop:
        main([*argv, "--lang", "es"])
    err = capsys.readouterr().err
    assert stop.value.code == 2 and says in err, err
    last = err.strip().splitlines()[-1].replace(": error: ", ": ")
    assert not english_in(last, *argv), (english_in(last, *argv), last)


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["classroom", "coop_network", "--groups", "900"], "--groups 900: una clase tiene de 1 a 80 grupos"),
        (["screenshot", "turn", "--scale", "300"], "--scale 300: debe estar entre 100 y 200"),
        (["screenshot", "turn", "--size", "12"], "se esperaba ANCHOxALTO, por ejemplo 1280x720"),
        (["screenshot", "nope"], "escena desconocida 'nope'; elige una de: title"),
        (["screenshot", "turn", "--out", "x.jpg"], "el nombre del archivo debe terminar en .png"),
        (["check", "--out", "x.json"], "--out solo se usa con --schema"),
        (
            ["play", "--scenario", "zzz"],
            "un código de escenario es el id de un nivel, un guion y una semilla",
        ),
        (["play", "--scenario", "zz-1"], "--scenario: nivel desconocido 'zz'; niveles conocidos: "),
    ],
)
def test_a_commands_own_error_reads_in_spanish(
    capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    code = main([*argv, "--lang", "es"])
    err = capsys.readouterr().err
    assert code == 2 and says in err, err
    assert not english_in(err, *argv, "coop_network-42"), (english_in(err, *argv), err)


def test_an_os_error_reads_in_spanish(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    for out, says in ((folder, "es una carpeta"), (tmp_path / "none" / "x.json", "no existe ese archivo")):
        assert main(["check", "--schema", "level", "--out", str(out), "--lang", "es"]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"{out}: no se puede escribir: {says}"), err
        assert not english_in(err, str(out)), err


@pytest.mark.parametrize("code", sorted(REASONS))
def test_every_common_os_reason_has_a_spanish_sentence(code: int) -> None:
    reason = os_reason(OSError(code, "English text from the OS"))
    spanish = render(reason.parts, load_translator("es").gettext)
    assert "English" not in spanish and spanish != render(reason.parts)
    assert render(reason.parts) == str(reason)


def test_an_uncommon_os_reason_quotes_the_english_text_and_names_its_code() -> None:
    reason = os_reason(OSError(errno.ENOEXEC, "Exec format error"))
    spanish = render(reason.parts, load_translator("es").gettext)
    assert spanish == "el sistema dice, en inglés: «Exec format error» (ENOEXEC)"
    assert render(reason.parts) == "the system says, in English: “Exec format error” (ENOEXEC)"


@pytest.mark.parametrize(
    ("code", "spanish"),
    [
        (errno.ENOSPC, "el disco está lleno"),
        (errno.EACCES, "permiso denegado"),
        (errno.EROFS, "el disco es de solo lectura"),
        (errno.ENOENT, "no existe ese archivo o carpeta"),
        (errno.ENAMETOOLONG, "el nombre es demasiado largo"),
        (errno.EMFILE, "hay demasiados archivos abiertos; cierra algunos programas y vuelve a intentarlo"),
        (errno.ENODEV, "el disco o dispositivo no está (¿se quitó una memoria USB?)"),
    ],
)
def test_the_reasons_a_player_meets_read_as_spanish(code: int, spanish: str) -> None:
    assert render(os_reason(OSError(code, "x")).parts, load_translator("es").gettext) == spanish


def test_a_real_failed_write_is_explained_in_spanish(tmp_path: Path) -> None:
    """A path under a file (not a folder) fails as the OS says, and reads as Spanish."""
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OSError) as raised:
        (blocker / "save.json").write_text("{}", encoding="utf-8")
    spanish = render(os_reason(raised.value).parts, load_translator("es").gettext)
    assert spanish == "una parte de la ruta no es una carpeta"


# ------------------------------------------------------------ levels: YAML, ids, warnings

BROKEN_YAML = {
    "mapping.yaml": ("id: x\ntitle: a: b\n", "sintaxis YAML: aquí no se permite un valor de mapa"),
    "tab.yaml": ("id: x\n\tturns: 3\n", "sintaxis YAML: hay un tabulador que rompe la sangría"),
    "quote.yaml": ("id: x\ntitle: 'open\n", "sintaxis YAML: el archivo termina antes de tiempo"),
    "list.yaml": ("id: x\nactions:\n  - a\n  b: 1\n", "sintaxis YAML: no se encontró el guion '-'"),
    "flow.yaml": ("id: x\ntags: {a: 1\n", "sintaxis YAML: no se encontró la ',' o la '}' esperadas"),
    "alias.yaml": ("id: *nope\n", "sintaxis YAML: hay un alias (*nombre) sin definir"),
    "two.yaml": ("id: x\n---\nid: y\n", "sintaxis YAML: hay un segundo documento YAML"),
    "tag.yaml": ("id: !!python/object:os.system x\n", "no se sabe construir la etiqueta"),
    "dupkey.yaml": ("id: x\nid: y\n", "id: clave repetida 'id' (la primera en la línea 1)"),
}


def test_yaml_syntax_errors_read_in_spanish_with_their_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for name, (text, _) in BROKEN_YAML.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert main(["check", str(tmp_path), "--lang", "es", "--no-warnings"]) == 1
    lines = capsys.readouterr().out.splitlines()
    for name, (_, says) in BROKEN_YAML.items():
        mine = [line for line in lines if line.startswith(f"{tmp_path / name}:")]
        assert mine and re.match(rf"{re.escape(str(tmp_path / name))}:\d+:\d+: ", mine[0]), (name, mine)
        assert any(says in line for line in mine), (name, mine)
        for line in mine:
            said = re.sub(r"^\S+:\d+:\d+: ([\w.\[\]]+: )?", "", line)  # place and field stay
            assert not english_in(said, "tag:yaml.org,2002:python/object:os.system"), (name, said)


def test_duplicate_ids_read_in_spanish(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    money = "  - {id: money, name: Money, start: 100, income: 20}\n"
    twice = SMOKE.replace(money, money * 2)
    (tmp_path / "one.yaml").write_text(twice, encoding="utf-8")
    (tmp_path / "two.yaml").write_text(SMOKE, encoding="utf-8")
    (tmp_path / "three.yaml").write_text(SMOKE, encoding="utf-8")
    assert main(["check", str(tmp_path), "--lang", "es", "--no-warnings"]) == 1
    out = capsys.readouterr().out
    assert "resources[1].id: id de recurso repetido 'money'" in out, out
    assert "id: el id de nivel 'smoke' también lo usa" in out and "el juego carga solo uno" in out, out
    for line in out.splitlines():
        assert not english_in(line.split(": ", 1)[1], str(tmp_path)), line


def test_check_warnings_read_in_spanish(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = (
        SMOKE.replace(
            "  - {id: money, name: Money, start: 100, income: 20}\n",
            "  - {id: money, name: Money, start: 100, income: 20}\n"
            "  - {id: time, name: Time, start: 5, income: 1}\n",
        )
        .replace("cost: {money: 60}", "cost: {money: 321}")
        .replace("  strength: 1.0\n", "  strength: 1.0\n  first_turn: 13\n")
        .replace(
            'when: {metric: support, op: "<", value: 2}',
            'when: {param: capital_controls, op: ">=", value: 0}',
        )
    )
    level = tmp_path / "level.yaml"
    level.write_text(text, encoding="utf-8")
    assert main(["check", str(level), "--lang", "es"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) >= 6 and all(": aviso: " in line for line in lines), lines
    said = "\n".join(lines)
    for words in (
        "cuesta 321 money, pero quien nunca gasta",
        "ninguna acción ni opción gasta nunca el recurso 'time'",
        "nunca actúa",
        "que nada en este nivel cambia",
        "es siempre verdadera",
        "ya se cumple antes del turno 1",
        "textos no tienen versión en español",
    ):
        assert words in said, (words, said)
    for line in lines:
        message = line.split(": aviso: ", 1)[1].split(": ", 1)[1]  # after the field
        assert not english_in(message, "capital_controls", "money", "time"), (english_in(message), line)


def test_a_save_that_cannot_be_read_says_why_in_spanish(tmp_path: Path) -> None:
    from game.saves import SaveError, SaveProblem, SaveStore

    es = load_translator("es").gettext
    store = SaveStore(tmp_path)
    with pytest.raises(SaveError) as missing:
        store.load("nope")
    assert missing.value.words(es) == f"{store.path('nope')}: no existe esa partida guardada"
    store.path("a-folder").mkdir(parents=True)  # read as a file: the OS says it is a folder
    with pytest.raises(SaveError) as folder:
        store.load("a-folder")
    assert folder.value.words(es) == f"{store.path('a-folder')}: no se puede leer: es una carpeta"
    assert str(folder.value) == f"{store.path('a-folder')}: cannot be read: it is a folder"
    why = os_reason(OSError(errno.EACCES, "Permission denied"))
    assert SaveProblem("io", str(why), "{why}", (("why", why),)).words(es) == "permiso denegado"
