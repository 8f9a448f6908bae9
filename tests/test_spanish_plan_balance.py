"""`plan` and `balance` speak Spanish end to end under --lang es, like every other command:
their tables, headings, warnings, loss reasons, progress and errors; `--json` keeps the
same English keys (and `plan`'s JSON, which holds only numbers and ids, does not change)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from game.cli import main
from tests.test_spanish_cli import english_in

ROOT = Path(__file__).resolve().parent.parent
VILLAGE = ROOT / "examples" / "economies" / "village.yaml"
GOODS = ("bread", "bicycles", "steel", "land", "labour")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--lang", "es"])
    out, err = capsys.readouterr()
    return code, out, err


def test_plan_tables_read_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "plan", str(VILLAGE))
    assert code == 0
    assert out.startswith(f"Economía: {VILLAGE}\n")
    for words in (
        "5 bienes, 8 consejos de trabajadores, 15 consejos de consumidores; regla book, umbral 5,00\u00a0%",
        "Convergió en 9 rondas: todos los mercados dentro del 5,00\u00a0%.",
        "Ronda   mayor exceso  franja",
        "rojo",
        "verde",
        "Bien      tipo",
        "intermedio",
        "primario",
    ):
        assert words in out, (words, out)
    assert not english_in(out, str(VILLAGE), *GOODS), (english_in(out, str(VILLAGE), *GOODS), out)


def test_plan_not_converged_and_generated_read_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "plan", str(VILLAGE), "--max-rounds", "2")
    assert code == 3 and "NO convergió tras 2 rondas: el mayor exceso sigue siendo" in out, out
    assert not english_in(out, str(VILLAGE), *GOODS)
    code, out, _ = _run(capsys, "plan", "--generate", "60,60,10", "--seed", "2", "--paced")
    assert code in (0, 3)
    assert out.startswith("Economía: economía generada 60,60,10 (semilla 2)\n"), out
    assert "a ritmo humano" in out and "público" in out
    assert not english_in(out), (english_in(out), out)


def test_plan_json_is_the_same_in_every_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", str(VILLAGE), "--json"]) == 0
    english = json.loads(capsys.readouterr().out)
    code, out, _ = _run(capsys, "plan", str(VILLAGE), "--json")
    assert code == 0 and json.loads(out) == english


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["plan", "missing.yaml"], "missing.yaml: no existe ese archivo"),
        (["plan"], "plan: da un archivo de economía o bien --generate"),
        (["plan", "--generate", "10,10"], "--generate espera WCS,CCS,GOODS como tres enteros positivos"),
        (["plan", "--generate", "10,10,3"], "--generate: al menos 5 bienes"),
        (["plan", "--generate", "2,5,10"], "--generate: 2 consejos de trabajadores no pueden producir 6"),
        (["plan", "--generate", "2000000,5,10"], "--generate: como mucho 1.000.000 consejos de cada tipo"),
        (["plan", "--generate", "900000,900000,500"], "no caben en memoria"),
        (["plan", str(VILLAGE), "--threshold", "-0.1"], "--threshold debe ser un número entre 0 y 2"),
        (["plan", str(VILLAGE), "--start-prices", "0"], "--start-prices debe ser un número positivo, no 0,0"),
        (["plan", str(VILLAGE), "--max-rounds", "0"], "--max-rounds debe ser al menos 1, no 0"),
        (["plan", "--generate", "10,10,10", "--seed", "-1"], "--seed debe ser cero o positivo, no -1"),
    ],
)
def test_plan_errors_read_in_spanish(capsys: pytest.CaptureFixture[str], argv: list[str], says: str) -> None:
    code, _, err = _run(capsys, *argv)
    assert code == 2 and says in err, err
    assert not english_in(err, *argv), (english_in(err, *argv), err)


def test_economy_file_problems_read_in_spanish(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = VILLAGE.read_text(encoding="utf-8").replace("A: 4.5", "A: zero")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("output: bread", "output: breed"), encoding="utf-8")
    code, _, err = _run(capsys, "plan", str(bad))
    assert code == 2
    assert "worker_councils[1].A: debe ser un número (valor: 'zero')" in err, err
    assert "no es un bien de la lista goods; ¿quisiste decir 'bread'?" in err, err
    assert "ningún consejo de trabajadores produce este bien final" in err, err
    for line in err.splitlines():
        said = re.sub(r"^\S+:\d+:\d+: ([\w.\[\]]+: )?", "", line)
        assert not english_in(said, "goods", "final", "public"), (english_in(said), line)


def test_balance_table_reads_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["balance", "coop_network", "--seeds", "2", "--jobs", "1"]
    code, out, err = _run(capsys, *argv, "--policies", "plan", "nothing", "first-affordable")
    assert code == 0
    for words in (
        "Una red de cooperativas (coop_network)",
        "estrategia        victorias",
        "equidad  participación  resiliencia",
        "motivos habituales de derrota:",
        "plan: nunca perdió",
        "tácticas de la élite (parte de sus jugadas):",
        "6 partidas en",
    ):
        assert words in out, (words, out)
    assert "se acabó el tiempo; faltó: " in out or "condición de derrota" in out, out
    assert "balance coop_network: 6/6 partidas," in err, err
    ids = ("coop_network", "split_network", "first-affordable")
    assert not english_in(out, *ids), (english_in(out, *ids), out)
    assert not english_in(err, *ids), err


def test_balance_warnings_and_json_read_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["balance", "coop_network", "--seeds", "1", "--jobs", "1", "--policies", "nothing"]
    # held to the plan's target ("wins >= 90%"), doing nothing breaks it: warned in Spanish
    from game.balance import measure

    saved = measure.TARGETS["nothing"]
    measure.TARGETS["nothing"] = measure.TARGETS["plan"]
    try:
        code, out, _ = _run(capsys, *argv)
        assert main([*argv, "--json"]) == 0
        english = json.loads(capsys.readouterr().out)
        code_json, said, _ = _run(capsys, *argv, "--json")
    finally:
        measure.TARGETS["nothing"] = saved
    assert code == 0 and code_json == 0
    warned = "nothing gana el 0%: el plan documentado no gana con seguridad (objetivo >= 90%)"
    assert f"aviso: {warned}" in out, out
    assert "INCUMPLIDO" in out
    spanish = json.loads(said)
    assert spanish.keys() == english.keys()
    assert spanish["policies"]["nothing"].keys() == english["policies"]["nothing"].keys()
    assert spanish["policies"]["nothing"]["wins"] == english["policies"]["nothing"]["wins"]
    assert spanish["warnings"] == [warned]
    reasons = [x["reason"] for x in spanish["policies"]["nothing"]["losses"]]
    assert reasons and not [r for r in reasons if english_in(r, "split_network")], reasons


def test_balance_errors_read_in_spanish(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = _run(capsys, "balance", "coop_network", "--mods", str(tmp_path / "none"))
    assert code == 2 and f"--mods {tmp_path / 'none'}: no existe esa carpeta" in err, err
    level = tmp_path / "coop_network.yaml"
    shutil.copy(ROOT / "levels" / "coop_network.yaml", level)
    code, _, err = _run(capsys, "balance", str(level), "--policies", "plan")
    plan = tmp_path / "plans" / "coop_network.yaml"
    assert code == 2 and f"{plan}: no existe ese archivo de plan" in err, err
    assert not english_in(err, str(plan)), err
    # a plan the rules refuse: the refusal in Spanish, at the plan's turn
    plan.parent.mkdir()
    plan.write_text("turns:\n  1:\n    actions: [" + "coop_fund, " * 1 + "coop_fund]\n", encoding="utf-8")
    code, _, err = _run(capsys, "balance", str(level), "--policies", "plan", "--seeds", "1", "--jobs", "1")
    assert code == 2 and err.startswith(f"{plan}:3:5: turns.1: "), err
    said = err.strip().split("turns.1: ", 1)[1]
    assert not english_in(said, "coop_fund"), (english_in(said), err)
