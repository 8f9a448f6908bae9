"""`report RUN.json --out DIR` end to end: a run made by `simulate --json` on a test level
becomes a self-contained HTML debrief and two CSV files that agree with the run; broken runs
get one clear message and exit code 2."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.reports.debrief import turning_points
from game.reports.labels import LABELS
from game.reports.run import load_run
from game.reports.scenario import parse_scenario_code, scenario_code

ROOT = Path(__file__).resolve().parents[2]
SMOKE = ROOT / "tests" / "levels" / "good" / "smoke.yaml"
MOD = ROOT / "examples" / "mods" / "mondragon_valley"
SCORES = ("equity", "participation", "resilience", "support")


def _simulate(*args: str) -> str:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(["simulate", *args, "--json"]) == 0
    return buf.getvalue()


@pytest.fixture(scope="module")
def run_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("run") / "run.json"
    path.write_text(_simulate(str(SMOKE), "--seed", "7"), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def report_dir(run_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    assert main(["report", str(run_file), "--out", str(out), "--level", str(SMOKE)]) == 0
    return out


def _report(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main(["report", *map(str, args)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_writes_the_four_files(report_dir: Path) -> None:
    assert sorted(p.name for p in report_dir.iterdir()) == [
        "causes.csv",
        "decisions.yaml",
        "report.html",
        "turns.csv",
    ]


def test_html_is_self_contained_and_printable(report_dir: Path) -> None:
    html = (report_dir / "report.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//|file:)""", html, re.I)
    assert "@import" not in html and "url(" not in html
    assert "@media print" in html and "@page" in html
    assert html.count("<svg") == 1 and 'role="img"' in html


def test_html_tells_the_run(report_dir: Path, run_file: Path) -> None:
    run = json.loads(run_file.read_text())
    html = (report_dir / "report.html").read_text(encoding="utf-8")
    assert "<h1><small>Debrief</small>Smoke test</h1>" in html
    assert '<span class="code">smoke-7</span>' in html
    outcome = {"won": "Won", "lost": "Lost", "unfinished": "Unfinished"}[run["outcome"]]
    assert f"Outcome: {outcome}.</strong> " in html
    from html import escape

    assert escape(run["reason"]) in html
    # the chart: one line per score through the start and every turn
    polylines = re.findall(r'<polyline points="([^"]+)"', html)
    assert len(polylines) == 4
    assert all(len(p.split()) == len(run["turns"]) + 1 for p in polylines)
    # the table: the start and one row per turn, each with its four scores
    last = run["turns"][-1]
    row = re.search(rf"<tr><td>{last['turn']}</td>(.*?)</tr>", html).group(1)
    for s in SCORES:
        assert f"{last['scores'][s]:.1f} (" in row
    # the event and its choice, the elite's moves, the level's question and glossary
    assert "A plant closes: Let it go" in html
    first_move = next(m for t in run["turns"] for m in t["elite"]["moves"])
    assert escape(first_move["text"]) in html
    assert "<li>Why did the co-ops grow, or not?</li>" in html
    assert "<dt>Worker co-op</dt>" in html and "ICA Statement" in html


def test_turning_points_are_the_largest_causes(report_dir: Path, run_file: Path) -> None:
    run = load_run(run_file)
    points = turning_points(run)
    assert 3 <= len(points) <= 8
    biggest = max((c for t in run.turns for c in t.causes), key=lambda c: abs(c.delta))
    assert any(p.text == biggest.text and p.delta == biggest.delta for p in points)
    assert [p.turn for p in points] == sorted(p.turn for p in points)
    html = (report_dir / "report.html").read_text(encoding="utf-8")
    section = html.split("<h2>Turning points</h2>")[1].split("<h2>")[0]
    assert section.count("<li>") == len(points)


def test_turns_csv_matches_the_run(report_dir: Path, run_file: Path) -> None:
    run = json.loads(run_file.read_text())
    with open(report_dir / "turns.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(run["turns"])
    for row, t in zip(rows, run["turns"], strict=True):
        assert int(row["turn"]) == t["turn"]
        for s in SCORES:
            assert float(row[s]) == pytest.approx(t["scores"][s], abs=1e-4)
            assert float(row[f"change_{s}"]) == pytest.approx(t["deltas"][s], abs=1e-4)
        assert float(row["coop_share"]) == pytest.approx(t["metrics"]["coop_share"], abs=1e-4)
        assert float(row["resource_money"]) == pytest.approx(t["resources"]["money"], abs=1e-4)
        assert row["event"] == " ".join(e["id"] for e in t["events"])
        assert row["elite_moves"] == " ".join(m["tactic"] for m in t["elite"]["moves"])


def test_causes_csv_has_every_cause(report_dir: Path, run_file: Path) -> None:
    run = json.loads(run_file.read_text())
    with open(report_dir / "causes.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    causes = [(t["turn"], c) for t in run["turns"] for c in t["causes"]]
    assert len(rows) == len(causes)
    for row, (turn, c) in zip(rows, causes, strict=True):
        assert (int(row["turn"]), row["score"], row["kind"], row["id"], row["text"]) == (
            turn,
            c["score"],
            c["kind"],
            c["id"],
            c["text"],
        )
        assert float(row["change"]) == pytest.approx(c["delta"], abs=1e-4)


def test_decisions_file_replays_the_run_exactly(tmp_path: Path) -> None:
    plan = MOD / "plans" / "mondragon_valley.yaml"
    level = MOD / "mondragon_valley.yaml"
    original = _simulate(str(level), "--seed", "2", "--actions", str(plan))
    run = tmp_path / "run.json"
    run.write_text(original, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["report", str(run), "--out", str(out), "--mods", str(MOD.parent)]) == 0
    again = _simulate(str(level), "--seed", "2", "--actions", str(out / "decisions.yaml"))
    assert again == original


def test_level_found_by_id_in_mods_with_the_mod_glossary(tmp_path: Path) -> None:
    run = tmp_path / "run.json"
    run.write_text(
        _simulate(str(MOD / "mondragon_valley.yaml"), "--seed", "1", "--turns", "2"), encoding="utf-8"
    )
    out = tmp_path / "out"
    assert main(["report", str(run), "--out", str(out), "--mods", str(MOD.parent), "--lang", "es"]) == 0
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<h1><small>Informe final</small>El valle de Mondragón</h1>" in html
    assert "Preguntas para el debate" in html
    assert "<dt>Caja Laboral Popular</dt>" in html  # the level's own glossary
    assert "<dt>Intercooperación</dt>" in html  # the mod's glossary.yaml, in Spanish
    assert "Sin terminar" in html


def test_missing_level_degrades_gracefully(
    capsys: pytest.CaptureFixture[str], run_file: Path, tmp_path: Path
) -> None:
    code, out, err = _report(capsys, run_file, "--out", tmp_path / "r")
    assert code == 0
    assert "level 'smoke' not found" in err
    html = (tmp_path / "r" / "report.html").read_text(encoding="utf-8")
    assert "The level &#x27;smoke&#x27; is not installed here" in html
    assert "Discussion questions" not in html and "<h2>Scores</h2>" in html
    assert out.splitlines()[0] == str(tmp_path / "r" / "report.html")


def test_level_file_of_another_level_is_refused(
    capsys: pytest.CaptureFixture[str], run_file: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(SMOKE.read_text().replace("id: smoke", "id: other"))
    code, _, err = _report(capsys, run_file, "--out", tmp_path / "r", "--level", other)
    assert code == 2 and "this is level 'other', but" in err


def test_out_must_be_a_folder(capsys: pytest.CaptureFixture[str], run_file: Path, tmp_path: Path) -> None:
    f = tmp_path / "file"
    f.write_text("x")
    code, _, err = _report(capsys, run_file, "--out", f)
    assert code == 2 and "exists and is not a folder" in err


def _good(run_file: Path) -> dict:
    return json.loads(run_file.read_text())


BROKEN = {
    "not_json": (b"this is not json", "1:1: not valid JSON: Expecting value"),
    "truncated": (None, "not valid JSON: "),
    "empty": (b"", "not a run: the file is empty"),
    "binary": (b"\xff\xfe\x00\x01garbage", "not a run: the file is not UTF-8 text"),
    "a_list": (b"[1, 2, 3]", "not a run: expected a JSON object"),
    "no_turns": ("drop:turns", "turns: Field required"),
    "no_outcome": ("drop:outcome", "outcome: Field required"),
    "bad_score": ("score:high", "turns[2].scores.equity: Input should be a valid number"),
    "nan_score": ("score:NaN", "is not a number a run can hold"),
    "bad_outcome": ("outcome:draw", "outcome: Input should be 'won', 'lost', 'unfinished' or 'stopped'"),
    "renumbered": ("renumber", "turns are not numbered 1, 2, 3...: entry 2 is turn 5"),
    "no_causes": ("drop_causes", "turns[0].causes: Field required"),
}


def _broken(kind: str, good: dict, run_file: Path) -> bytes:
    raw, _ = BROKEN[kind]
    if isinstance(raw, bytes):
        return raw
    if raw is None:
        return run_file.read_bytes()[:200]
    d = json.loads(json.dumps(good))
    if raw.startswith("drop:"):
        del d[raw[5:]]
    elif raw == "score:high":
        d["turns"][2]["scores"]["equity"] = "high"
    elif raw == "score:NaN":
        return json.dumps(d).replace(str(d["turns"][0]["scores"]["equity"]), "NaN", 1).encode()
    elif raw == "outcome:draw":
        d["outcome"] = "draw"
    elif raw == "renumber":
        d["turns"][1]["turn"] = 5
    elif raw == "drop_causes":
        del d["turns"][0]["causes"]
    return json.dumps(d).encode()


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_broken_runs_exit_2_naming_the_file(
    capsys: pytest.CaptureFixture[str], run_file: Path, tmp_path: Path, kind: str
) -> None:
    bad = tmp_path / f"{kind}.json"
    bad.write_bytes(_broken(kind, _good(run_file), run_file))
    code, _, err = _report(capsys, bad, "--out", tmp_path / "r")
    assert code == 2
    assert err.startswith(str(bad))
    assert BROKEN[kind][1] in err
    assert not (tmp_path / "r").exists()


def test_missing_run_and_folder_run(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = _report(capsys, tmp_path / "none.json", "--out", tmp_path / "r")
    assert code == 2 and err.strip() == f"{tmp_path / 'none.json'}: no such file"
    code, _, err = _report(capsys, tmp_path, "--out", tmp_path / "r")
    assert code == 2 and "is a folder" in err


def test_out_is_required(capsys: pytest.CaptureFixture[str], run_file: Path) -> None:
    with pytest.raises(SystemExit) as info:
        main(["report", str(run_file)])
    assert info.value.code == 2 and "--out" in capsys.readouterr().err


def test_every_label_has_spanish() -> None:
    assert set(LABELS["es"]) == set(LABELS["en"])
    assert all(v.strip() for v in LABELS["es"].values())


def test_scenario_codes() -> None:
    assert scenario_code("coop_network", 42) == "coop_network-42"
    assert parse_scenario_code("coop_network-42") == ("coop_network", 42)
    assert parse_scenario_code(" Coop_Network-7 ") == ("coop_network", 7)
    for bad in ("coop_network", "coop-network-x", "-3", "42"):
        assert parse_scenario_code(bad) is None


def test_a_report_of_a_copied_level_in_a_mods_folder(tmp_path: Path, run_file: Path) -> None:
    mods = tmp_path / "mods" / "mine"
    mods.mkdir(parents=True)
    shutil.copy(SMOKE, mods / "smoke.yaml")
    out = tmp_path / "out"
    assert main(["report", str(run_file), "--out", str(out), "--mods", str(tmp_path / "mods")]) == 0
    assert "Why did the co-ops grow" in (out / "report.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------- saved games


def _save(
    tmp_path: Path,
    decisions: list[dict],
    level_id: str = "mondragon_valley",
    seed: int = 5,
    level_hash: str | None = None,
) -> Path:
    from game.saves import SaveGame, SaveStore, SaveSummary
    from game.saves import level_hash as hash_of

    level = MOD / "mondragon_valley.yaml"
    save = SaveGame(
        level_id=level_id,
        seed=seed,
        decisions=decisions,
        level_hash=level_hash or hash_of(level.read_bytes()),
        summary=SaveSummary(turn=len(decisions)),
    )
    return SaveStore(tmp_path / "data").write("class-1", save)


DECISIONS = [
    {"actions": ["night_school", "found_coop"]},
    {"actions": ["found_coop", "pay_solidarity"], "choices": {}},
    {"actions": []},
]


def test_a_saved_game_is_replayed_into_a_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    save = _save(tmp_path, DECISIONS)
    out = tmp_path / "out"
    code, stdout, err = _report(capsys, save, "--out", out, "--mods", MOD.parent)
    assert code == 0 and err == ""
    assert stdout.splitlines()[-1] == str(out / "run.json")
    plan = tmp_path / "plan.yaml"
    plan.write_text("turns:\n  1: [night_school, found_coop]\n  2: [found_coop, pay_solidarity]\n")
    expected = _simulate(
        str(MOD / "mondragon_valley.yaml"), "--seed", "5", "--turns", "3", "--actions", str(plan)
    )
    assert (out / "run.json").read_text(encoding="utf-8") == expected
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "mondragon_valley-5" in html and "3 of 10 years" in html
    assert "<dt>Intercooperation</dt>" in html


def test_saved_game_problems_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = _report(capsys, _save(tmp_path, DECISIONS), "--out", tmp_path / "o")
    assert code == 2 and "a saved game of level 'mondragon_valley', which is not " in err
    code, _, err = _report(capsys, _save(tmp_path, []), "--out", tmp_path / "o", "--mods", MOD.parent)
    assert code == 2 and "no turn has been played" in err
    bad = _save(tmp_path, [{"actions": ["found_coop"]}, {"actions": ["bank_robbery"]}])
    code, _, err = _report(capsys, bad, "--out", tmp_path / "o", "--mods", MOD.parent)
    assert code == 2 and err.strip() == (f"{bad}:1:1: decisions[1]: unknown action 'bank_robbery'")
    broken = tmp_path / "broken.json"
    broken.write_text('{"version": 2, "level_id": "mondragon_valley", "seed": "x"}')
    code, _, err = _report(capsys, broken, "--out", tmp_path / "o")
    assert code == 2 and err.startswith(f"{broken}: cannot be loaded: ")
    assert not (tmp_path / "o").exists()


def test_a_changed_level_is_noted(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    save = _save(tmp_path, DECISIONS, level_hash="sha256:" + "0" * 64)
    code, _, err = _report(capsys, save, "--out", tmp_path / "o", "--mods", MOD.parent)
    assert code == 0 and "has changed since this game was saved" in err


# ---------------------------------------------------------------- docs/teachers.md

TEACHERS = ROOT / "docs" / "teachers.md"


def test_teachers_level_table_is_current() -> None:
    from game.levels import docs

    text = TEACHERS.read_text(encoding="utf-8")
    assert text == docs.render(text), (
        "docs/teachers.md is out of date: python -m game.levels.docs --write docs/teachers.md"
    )


def test_the_class_save_of_the_guide_loads(tmp_path: Path) -> None:
    from game.saves import SaveStore, parse_save

    block = re.search(r"```json\n(.*?)```", TEACHERS.read_text(encoding="utf-8"), re.S)[1]
    save = parse_save(block.encode())
    assert (save.level_id, save.seed, save.decisions) == ("coop_network", 42, [])
    store = SaveStore(tmp_path)
    store.folder.mkdir(parents=True)
    (store.folder / "class.json").write_text(block, encoding="utf-8")
    assert store.load("class").seed == 42


def test_the_guides_debrief_commands_work(tmp_path: Path) -> None:
    level = ROOT / "levels" / "coop_network.yaml"
    plan = ROOT / "levels" / "plans" / "coop_network.yaml"
    if not (level.is_file() and plan.is_file()):
        pytest.skip("coop_network is not shipped in this checkout")
    run = tmp_path / "run.json"
    run.write_text(_simulate("coop_network", "--seed", "42", "--actions", str(plan)), encoding="utf-8")
    assert main(["report", str(run), "--out", str(tmp_path / "debrief")]) == 0
    html = (tmp_path / "debrief" / "report.html").read_text(encoding="utf-8")
    assert "coop_network-42" in html and "Discussion questions" in html


def test_teachers_guide_links_resolve() -> None:
    text = TEACHERS.read_text(encoding="utf-8")
    modding = (ROOT / "docs" / "modding.md").read_text(encoding="utf-8")
    for target, anchor in re.findall(r"\]\(([a-z]+\.md)(?:#([^)]+))?\)", text):
        assert (TEACHERS.parent / target).exists()
        if anchor:
            assert f'<a id="{anchor}"></a>' in modding


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_not_a_run(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "run.json"
    os.mkfifo(fifo)
    code, _, err = _report(capsys, fifo, "--out", tmp_path / "o")
    assert code == 2 and err.strip() == f"{fifo}: not a regular file"
