"""The causes' wording (game.explain) is true to the numbers: a cause says what it did, apart
from where the score went over the whole turn; an elite campaign's size is given as what it
did to the scores, in the points the player sees, never as a raw intensity."""

from __future__ import annotations

import re

import pytest

from game.explain import cause_text, elite_move_text
from game.i18n import load_translator
from game.levels.catalog import load_catalog, shipped_dir
from game.sim.engine import Simulation
from game.sim.report import TurnReport

LEVEL_ID, SEED, TURNS = "elected_government", 3, 4  # year 2: a media campaign outweighs rising trends


@pytest.fixture(scope="module")
def run() -> tuple[object, list[TurnReport]]:
    level = next(lv.level for lv in load_catalog(include_user=False).levels if lv.level.id == LEVEL_ID)
    sim = Simulation(level, SEED)
    for _ in range(TURNS):
        sim.play_turn([])
    return level, list(sim.history)


def test_a_trend_says_its_own_part_apart_from_the_whole_turn(run) -> None:
    level, reports = run
    tr = load_translator("en")
    seen_opposite = False
    for prev, rep in zip([None, *reports], reports, strict=False):
        for c in rep.causes:
            if c.kind != "trend":
                continue
            text = cause_text(c, rep, level, tr)
            verb = "raised" if c.delta > 1e-9 else "lowered" if c.delta < -1e-9 else "left"
            assert text.startswith(f"the ongoing trends {verb} {c.score}"), text
            lead, whole = text.split(". Over the whole turn, every cause together: ")
            assert re.search(r"\d", lead) is None, lead  # no figure in the trends' own part
            if prev is not None:  # the whole-turn figures are the scores the player saw
                span = f"{c.score} {prev.scores[c.score]:.1f} to {rep.scores[c.score]:.1f}"
                assert whole.startswith(span), (span, whole)
            if c.delta * rep.deltas[c.score] < 0 and abs(rep.deltas[c.score]) > 1:
                seen_opposite = True
    assert seen_opposite  # the case that read wrong: trends up while the score fell


def test_a_media_campaign_is_sized_by_what_it_did(run) -> None:
    level, reports = run
    en, es = load_translator("en"), load_translator("es")
    rep = next(r for r in reports if any(m.outcome == "media" for m in r.elite.moves))
    move = next(m for m in rep.elite.moves if m.outcome == "media")
    hit = next(c for c in rep.causes if c.kind == "elite" and c.score == "support")
    text = elite_move_text(move, level, en, rep)
    assert "strength" not in text and "1 is" not in text
    assert re.search(r"ran a (mild|strong|severe) campaign", text), text
    assert f"support {hit.delta:+.1f}" in text  # the points the support line shows for it
    numbers = re.findall(r"[-+]?\d+\.\d+", text)
    shown = {f"{c.delta:+.1f}" for c in rep.causes if c.kind == "elite"}
    assert numbers and set(numbers) <= shown, (numbers, shown)
    spanish = elite_move_text(move, level, es, rep)
    assert "campaña" in spanish and f"apoyo {hit.delta:+.1f}".replace(".", ",") in spanish, spanish
    # a cause line carries its own number beside it: the sentence adds none
    assert re.search(r"\d", cause_text(hit, rep, level, en)) is None


def test_a_campaign_weakened_by_defences_says_so() -> None:
    """The warning's word is for the announced threat; the campaign's, after the player's
    media defences: when they differ, the sentence says why."""
    from game.levels.decisions import Decisions

    cat = load_catalog(include_user=False)
    level = next(lv.level for lv in cat.levels if lv.level.id == "state_economy_reform")
    plan = Decisions(shipped_dir() / "plans" / "state_economy_reform.yaml")
    sim = Simulation(level, 2)
    for turn in range(1, 4):
        d = plan.model.for_turn(turn)
        sim.play_turn(list(d.actions) if d else [], dict(d.choices) if d else {})
    en = load_translator("en")
    weakened = [
        (m, r)
        for r in sim.history
        for m in r.elite.moves
        if m.outcome == "media" and m.amount < m.intensity - 1e-9
    ]
    assert weakened
    move, rep = weakened[0]
    text = elite_move_text(move, level, en, rep)
    assert "(weakened by your media defences); its effect this turn: " in text, text
