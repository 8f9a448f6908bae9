"""`simulate` from the command line: the JSON of issue 2 §7, exit codes, located errors in
level and decision files, and never a traceback."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.cli import main

ROOT = Path(__file__).resolve().parents[2]
SMOKE = ROOT / "tests" / "levels" / "good" / "smoke.yaml"
MOD = ROOT / "examples" / "mods" / "mondragon_valley"
SCORES = {"equity", "participation", "resilience", "support"}


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["simulate", *map(str, args)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture(scope="module")
def smoke_run() -> dict:
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(["simulate", str(SMOKE), "--seed", "7", "--json"]) == 0
    return json.loads(buf.getvalue())


def test_json_has_the_keys_of_the_issue(smoke_run: dict) -> None:
    run = smoke_run
    assert {"level", "seed", "turns", "outcome", "reason"} <= set(run)
    assert run["level"] == "smoke" and run["seed"] == 7
    assert run["outcome"] in ("won", "lost", "unfinished")
    assert isinstance(run["reason"], str) and run["reason"]
    assert 1 <= len(run["turns"]) <= 12
    for i, t in enumerate(run["turns"], start=1):
        assert t["turn"] == i
        assert set(t["scores"]) == SCORES
        assert all(0.0 <= v <= 100.0 for v in t["scores"].values())
        assert isinstance(t["causes"], list) and t["causes"]
        assert {"score", "delta", "kind", "id", "text"} <= set(t["causes"][0])
        assert {"moves", "warning"} <= set(t["elite"])
        assert isinstance(t["events"], list)
        for e in t["events"]:
            assert {"id", "title", "choice", "label"} <= set(e)


def test_causes_add_up_to_each_change(smoke_run: dict) -> None:
    prev = smoke_run["start"]
    for t in smoke_run["turns"]:
        for s in SCORES:
            total = sum(c["delta"] for c in t["causes"] if c["score"] == s)
            assert total == pytest.approx(t["scores"][s] - prev[s], abs=1e-3)
            assert t["deltas"][s] == pytest.approx(t["scores"][s] - prev[s], abs=1e-3)
        prev = t["scores"]


def test_the_event_fires_and_the_elite_acts(smoke_run: dict) -> None:
    events = [e for t in smoke_run["turns"] for e in t["events"]]
    assert [e["id"] for e in events] == ["plant_closes"]
    assert events[0]["choice"] == "let_go"  # the default is the first choice
    assert any(t["elite"]["moves"] for t in smoke_run["turns"])


def test_same_seed_same_bytes(capsys: pytest.CaptureFixture[str]) -> None:
    _, a, _ = _run(capsys, SMOKE, "--seed", "3", "--turns", "4", "--json")
    _, b, _ = _run(capsys, SMOKE, "--seed", "3", "--turns", "4", "--json")
    _, c, _ = _run(capsys, SMOKE, "--seed", "4", "--turns", "4", "--json")
    assert a == b and a != c


def test_turns_option_stops_early(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, SMOKE, "--turns", "3", "--json")
    run = json.loads(out)
    assert code == 0 and len(run["turns"]) == 3 and run["outcome"] == "unfinished"


def test_text_output_ends_with_the_outcome(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, SMOKE, "--seed", "1")
    lines = out.strip().splitlines()
    assert code == 0 and lines[0] == "Smoke test (seed 1)"
    assert lines[-1].startswith("outcome: ")


def test_zero_turns_is_a_user_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, SMOKE, "--turns", "0")
    assert code == 2 and err.strip() == "--turns must be at least 1"


@pytest.mark.parametrize(
    "args,words", [(["--seed", "x"], "not a whole number"), (["--lang", "fr"], "invalid choice")]
)
def test_argparse_errors_exit_2(capsys: pytest.CaptureFixture[str], args: list[str], words: str) -> None:
    with pytest.raises(SystemExit) as info:
        main(["simulate", str(SMOKE), *args])
    assert info.value.code == 2
    assert words in capsys.readouterr().err


def test_negative_seed_is_a_user_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["simulate", str(SMOKE), "--seed", "-1"])
    assert info.value.code == 2
    assert "a seed must be 0 or more, not -1" in capsys.readouterr().err


def test_unknown_level_id_lists_the_known(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "no_such_level")
    assert code == 2 and "unknown level 'no_such_level'; known levels:" in err


def test_missing_level_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = _run(capsys, tmp_path / "gone.yaml")
    assert code == 2 and err.strip() == f"{tmp_path / 'gone.yaml'}: no such level file"


def test_broken_level_file_is_located(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        SMOKE.read_text()
        .replace("difficulty: 2", "difficulty: 9")
        .replace("param: education", "param: educaton")
    )
    code, _, err = _run(capsys, bad)
    assert code == 2
    assert err.splitlines() == [
        f"{bad}:7:13: difficulty: Input should be less than or equal to 5 (got 9)",
        f"{bad}:29:26: actions[0].effects[0].param: unknown parameter 'educaton'; did you mean 'education'?",
    ]


def _plan(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(text)
    return path


def test_decision_file_unknown_action_is_located(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = _plan(tmp_path, "turns:\n  1: [study_circles]\n  2: [study_circle]\n")
    code, _, err = _run(capsys, SMOKE, "--actions", plan)
    assert code == 2
    assert err.strip() == (
        f"{plan}:3:7: turns.2[0]: unknown action 'study_circle' in level 'smoke'; "
        "did you mean 'study_circles'?"
    )


def test_decision_file_unaffordable_is_located(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = _plan(tmp_path, "turns:\n  1: {actions: [marcora_law, mutual_aid, buyout]}\n")
    code, _, err = _run(capsys, SMOKE, "--actions", plan)
    assert code == 2
    assert err.strip() == f"{plan}:2:6: turns.1: 'buyout' costs 50 money; only 0 left"


def test_decision_file_schema_errors_are_located(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = _plan(tmp_path, "turns:\n  1: {acts: [study_circles]}\n  two: [buyout]\n")
    code, _, err = _run(capsys, SMOKE, "--actions", plan)
    assert code == 2
    assert err.splitlines() == [
        f"{plan}:2:7: turns.1.acts: unknown key; did you mean 'actions'?",
        f"{plan}:3:3: turns.two: Input should be a valid integer, unable to parse string as "
        "an integer (got 'two')",
    ]


def test_decision_file_yaml_error_and_missing_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = _plan(tmp_path, "turns:\n  1: [study_circles\n")
    code, _, err = _run(capsys, SMOKE, "--actions", plan)
    assert code == 2 and err.startswith(f"{plan}:3:1: YAML syntax:")
    code, _, err = _run(capsys, SMOKE, "--actions", tmp_path / "none.yaml")
    assert code == 2 and "none.yaml: no such file" in err


def test_a_choice_the_event_does_not_have(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    turns = "\n".join(f"  {t}: {{choices: {{plant_closes: sell}}}}" for t in range(1, 13))
    plan = _plan(tmp_path, "turns:\n" + turns + "\n")
    code, out, err = _run(capsys, SMOKE, "--seed", "7", "--actions", plan)
    assert code == 2 and out == ""  # refused before anything is played
    assert err.startswith(
        f"{plan}:2:31: turns.1.choices.plant_closes: unknown choice 'sell' for event 'plant_closes'"
    )
    assert len(err.strip().splitlines()) == 12


def test_an_event_the_level_does_not_have(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = _plan(tmp_path, "events:\n  plant_moves: buyout\nturns:\n  1: [study_circles]\n")
    code, out, err = _run(capsys, SMOKE, "--actions", plan)
    assert code == 2 and out == ""
    assert err.strip() == (
        f"{plan}:2:3: events.plant_moves: unknown event 'plant_moves' in level 'smoke'; "
        "did you mean 'plant_closes'?"
    )


def _fired(run: dict) -> dict[int, str]:
    return {t["turn"]: e["choice"] for t in run["turns"] for e in t["events"] if e["id"] == "plant_closes"}


@pytest.mark.parametrize("seed", [1, 7, 11])
def test_events_are_answered_whenever_they_fire(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed: int
) -> None:
    code, out, _ = _run(capsys, SMOKE, "--seed", seed, "--json")
    default = _fired(json.loads(out))
    plan = _plan(tmp_path, "events:\n  plant_closes: buyout\n")
    code, out, _ = _run(capsys, SMOKE, "--seed", seed, "--actions", plan, "--json")
    fired = _fired(json.loads(out))
    assert code == 0 and fired.keys() == default.keys()
    assert set(default.values()) <= {"let_go"} and set(fired.values()) <= {"buyout"}


def test_a_turns_own_choice_overrides_events(tmp_path: Path) -> None:
    from game.levels.decisions import Decisions

    plan = _plan(
        tmp_path, "events:\n  plant_closes: buyout\nturns:\n  3: {choices: {plant_closes: let_go}}\n"
    )
    d = Decisions(plan).model
    assert d.for_turn(2).choices == {"plant_closes": "buyout"}
    assert d.for_turn(3).choices == {"plant_closes": "let_go"}


def test_text_names_every_cause_and_they_add_up(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, SMOKE, "--seed", "7", "--turns", "4")
    blocks = [ln for ln in out.splitlines() if ln.startswith("  ") and ln.rstrip().endswith("=")]
    assert code == 0 and blocks
    lines = out.splitlines()
    for i, line in enumerate(lines):
        if line in blocks:
            total = float(line.split()[-2])
            parts = []
            for nxt in lines[i + 1 :]:
                if not nxt.startswith("    "):
                    break
                parts.append(float(nxt.split()[0]))
            assert abs(sum(parts) - total) < 1e-9, line
    assert "study_circles" not in out and "_" not in out.split("\n", 1)[1].replace("__", "")


def test_spanish_text_output_has_no_english_words(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "coop_network", "--seed", "42", "--turns", "3", "--lang", "es")
    assert code == 0
    for word in (
        "played:",
        "event:",
        "warning:",
        "start:",
        "Support",
        "rose",
        "fell",
        "outcome:",
        "seed",
        "turn ",
    ):
        assert word not in out, word


def test_rounded_parts_keep_the_sum() -> None:
    from game.commands.simulate import rounded_parts

    values = [0.004, 0.004, 0.004, -1.236]
    parts = rounded_parts(values, 2)
    assert abs(sum(parts) - round(sum(values), 2)) < 1e-9
    assert all(abs(p - v) < 0.01 for p, v in zip(parts, values, strict=True))


def test_example_mod_plan_wins_by_id_with_mods(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys,
        "mondragon_valley",
        "--mods",
        MOD.parent,
        "--seed",
        "1",
        "--actions",
        MOD / "plans" / "mondragon_valley.yaml",
        "--json",
        "--lang",
        "es",
    )
    run = json.loads(out)
    assert code == 0 and run["outcome"] == "won" and len(run["turns"]) == 10
    assert run["title"] == "El valle de Mondragón"


def test_a_level_found_through_a_copied_mod(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    mods = tmp_path / "mods"
    (mods / "mine").mkdir(parents=True)
    shutil.copy(SMOKE, mods / "mine" / "smoke.yaml")
    code, out, _ = _run(capsys, "smoke", "--mods", mods, "--turns", "1", "--json")
    assert code == 0 and json.loads(out)["level"] == "smoke"


def test_a_closed_choice_is_refused_at_its_answer(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """land_commons, seed 1: the estate sale fires on turn 7 with no first-purchase law,
    so the pre-emption is closed: refused where the file answers it (under `events:`, which
    names no turn, the message names the turn), in both languages, exit 2, nothing played."""
    plan = _plan(tmp_path, "events:\n  land_auction: pre_empt\n")
    code, out, err = _run(capsys, "land_commons", "--seed", "1", "--actions", plan)
    assert code == 2 and out == ""
    assert err.strip() == (
        f"{plan}:2:17: events.land_auction: turn 7: choice 'pre_empt' is not open this turn: "
        "it needs pre_emption > 0"
    )
    code, _, err = _run(capsys, "land_commons", "--seed", "1", "--actions", plan, "--lang", "es")
    assert code == 2 and "turno 7" in err and "tanteo sobre las ventas de tierra" in err
    turn = _plan(tmp_path, "turns:\n  7: {choices: {land_auction: pre_empt}}\n")
    code, _, err = _run(capsys, "land_commons", "--seed", "1", "--actions", turn)
    assert code == 2 and err.startswith(
        f"{turn}:2:31: turns.7.choices.land_auction: choice 'pre_empt' is not"
    )


def test_a_plan_that_answers_the_auction_still_plays(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The same answer under `events:`, with the trust on turn 2 and the law on turn 3: the
    estate sale fires on turn 7, under the law, and the trust pre-empts it."""
    plan = _plan(
        tmp_path, "events:\n  land_auction: pre_empt\nturns:\n  2: [land_trust]\n  3: [first_purchase_law]\n"
    )
    code, out, _ = _run(capsys, "land_commons", "--seed", "1", "--actions", plan, "--json")
    run = json.loads(out)
    assert code == 0 and run["outcome"] in ("won", "lost")
    answers = [
        (t["turn"], e["choice"]) for t in run["turns"] for e in t["events"] if e["id"] == "land_auction"
    ]
    assert answers == [(7, "pre_empt")]
