"""The debrief's pace-of-pay and threshold sentences say what happened in the game: how far
pay moved and when, the skill shortage, and when each participation threshold was crossed."""

from __future__ import annotations

from pathlib import Path

from game.levels.loader import load_level
from game.milestones import WORDS, milestones, pace_sentences, pay_can_move, threshold_sentences

LEVELS = Path(__file__).resolve().parents[1] / "levels"


def _turns(**series: list[float]) -> list[tuple[int, dict[str, float]]]:
    n = len(next(iter(series.values())))
    return [(i + 1, {k: v[i] for k, v in series.items()}) for i in range(n)]


def test_pay_that_never_moved_is_said_to_have_stayed() -> None:
    turns = _turns(pay_transition=[0.0, 0.0], pay_gap=[0.3, 0.31], skill_shortage=[0.0, 0.0])
    (text,) = pace_sentences({"pay_transition": 0.0}, turns, "year", "en")
    assert text.startswith("Pay never left the inherited ladder") and "31%" in text


def test_pay_that_moved_says_how_far_when_and_what_it_cost() -> None:
    turns = _turns(
        pay_transition=[0.0, 1.0, 1.0, 1.0],
        pay_gap=[0.3, 0.2, 0.1, 0.1],
        skill_shortage=[0.0, 0.2, 0.1, 0.0],
    )
    moved, short = pace_sentences({"pay_transition": 0.0, "pay_gap": 0.3}, turns, "year", "en")
    assert "100% of the way" in moved and "(year 2)" in moved and "30% to 10%" in moved
    assert "(year 2) 20% of their effort" in short and "14% of the councils' output" in short
    _, kept = pace_sentences(
        {"pay_transition": 0.0}, _turns(pay_transition=[0.1], skill_shortage=[0.0]), "y", "en"
    )
    assert kept == WORDS["en"]["kept_up"]


def test_thresholds_say_when_they_were_crossed_both_ways() -> None:
    """The committed minority is the lower of support and participation: here participation
    (30, 40, 50) is above support, so support's crossings are the minority's."""
    turns = _turns(
        peak_participation=[0.01, 0.04, 0.05],
        support=[24.0, 30.0, 22.0],
        participation=[30.0, 40.0, 50.0],
    )
    start = {"support": 20.0, "participation": 30.0, "peak_participation": 0.01}
    active, what, up, down, caveat = threshold_sentences(start, turns, "year", "en")
    assert "passed 3.5 in year 2" in active and "peak 5.0" in active
    # the score is an index, not a head count; the blunting follows the peak smoothly
    assert "not a head count" in active and "of people taking part" not in active
    assert "30% at 3.5, 40% at the peak" in active and "from then on" not in active
    assert "Bahrain in 2011" in active and "since 2010" in active
    assert "supporters who also take part" in what and "design choice" in what
    assert "committed minority passed 25 in year 2" in up
    assert "fell below 25 in year 3" in down
    assert "online game of naming faces" in caveat and "untested" in caveat
    assert "doi:10.1126/science.aas8827" in caveat and "360(6393)" in caveat
    es = threshold_sentences(start, turns, "año", "es")
    assert "máximo 5,0" in es[0] and "año 2" in es[2] and "no se ha comprobado" in es[4]


def test_support_without_taking_part_is_not_a_committed_minority() -> None:
    """Support 30 with participation 0.3 (elected_government's start): the minority is 0.3,
    far below the line, until participation passes 25 in year 3."""
    turns = _turns(support=[32.0, 35.0, 40.0], participation=[1.0, 10.0, 26.0], peak_participation=[0.01] * 3)
    out = threshold_sentences({"support": 30.0, "participation": 0.3}, turns, "year", "en")
    assert "committed minority passed 25 in year 3" in out[2]
    never = threshold_sentences({"support": 30.0, "participation": 0.3}, turns[:2], "year", "en")
    assert "never reached 25 (highest 10)" in never[2]


def test_thresholds_never_reached_or_held_from_the_start() -> None:
    low = _turns(peak_participation=[0.01, 0.02], support=[10.0, 12.0], participation=[20.0, 20.0])
    active, _, committed, _ = threshold_sentences({"support": 8.0, "participation": 20.0}, low, "year", "en")
    assert "never passed 3.5" in active and "never reached 25 (highest 12)" in committed
    held = threshold_sentences(
        {"support": 30.0, "participation": 30.0, "peak_participation": 0.05},
        _turns(support=[31.0], participation=[30.0]),
        "y",
        "en",
    )
    assert "from the start" in held[0] and held[2] == WORDS["en"]["committed_held"]


def test_both_languages_have_every_sentence() -> None:
    assert WORDS["en"].keys() == WORDS["es"].keys()


def test_the_pace_section_only_where_pay_can_move() -> None:
    elected = load_level(LEVELS / "elected_government.yaml").level
    union = load_level(LEVELS / "union_register.yaml").level
    assert pay_can_move(elected) and not pay_can_move(union)
    turns = _turns(pay_transition=[0.0], support=[30.0], peak_participation=[0.0])
    assert milestones({}, turns, "year", "en", pay_can_move(union)).pace is None
    assert milestones({}, turns, "year", "en", True).pace is not None
