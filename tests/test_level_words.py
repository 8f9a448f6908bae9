"""A level's own words reach the texts a player reads (turn screen labels, the elite's moves,
goals, the planning view's goods and councils, the classroom), with the game's defaults
elsewhere; and a bad `words:` entry is refused with a clear message."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from game import level_words
from game.explain import describe, elite_move_text, tactic_text
from game.i18n import load_translator
from game.levels.catalog import load_catalog
from game.levels.words import MAX_WORD, Words
from game.sim.report import EliteMove


@pytest.fixture(scope="module")
def cat():
    return load_catalog(include_user=False)


@pytest.fixture(scope="module")
def en():
    return load_translator("en")


@pytest.fixture(scope="module")
def es():
    return load_translator("es")


def test_defaults_where_a_level_names_nothing(cat, en, es) -> None:
    coop = cat.get("coop_network").level
    assert level_words.segment(coop, "firm", en) == "Capitalist firms"
    assert level_words.segment(coop, "coop", es) == "Cooperativas"
    assert level_words.good(coop, "food", es) == "Alimentos"
    assert level_words.word(coop, "media", en) == "Owned media"
    assert level_words.turn_unit(coop, es) == "Estación"
    assert level_words.turn_unit(cat.get("elected_government").level, en) == "Year"


def test_the_valley_speaks_of_guilds_families_and_villages(cat, en, es) -> None:
    valley = cat.get("sandbox_pluralist").level
    assert level_words.segment(valley, "council", en) == "Guilds"
    assert level_words.segment(valley, "coop", es) == "Talleres familiares"
    assert level_words.word(valley, "worker_councils", en) == "guilds"
    assert "village" in level_words.word(valley, "consumer_councils", en)
    assert level_words.good(valley, "parks", es) == "Bienes comunales"
    assert level_words.share_name(valley, "firm_share", en) == "Merchant workshops"
    assert level_words.share_name(valley, "gini", en) is None


@pytest.mark.parametrize(
    ("outcome", "tactic"),
    [("media", "media_campaign"), ("flight", "capital_flight"), ("undercut", "price_undercutting")],
)
def test_the_elites_moves_in_the_levels_words(cat, en, es, outcome: str, tactic: str) -> None:
    valley = cat.get("sandbox_pluralist").level
    coop = cat.get("coop_network").level
    move = EliteMove(tactic, 0.5, outcome, 0.0, 0.5, 1000.0, "")
    for level, tr in ((valley, en), (valley, es), (coop, en)):
        texts = (elite_move_text(move, level, tr), tactic_text(tactic, tr, level))
        for text in texts:
            assert "{" not in text
            assert "Capitalist firms" not in text or level is coop
    text = elite_move_text(move, valley, en)
    assert "Owners" not in text and "Owned media" not in text and "co-op" not in text
    if outcome == "media":
        assert text.startswith("The merchants' criers ran")
        assert elite_move_text(move, coop, en).startswith("Owned media ran")
        assert elite_move_text(move, valley, es).startswith("Los pregoneros de los mercaderes")
    if outcome == "undercut":
        assert text.startswith("Merchant workshops undercut the prices of family workshops")


def test_goals_name_the_levels_segments(cat, en) -> None:
    valley = cat.get("sandbox_pluralist").level
    cond = type(valley.goals.win).model_validate({"metric": "council_share", "op": ">=", "value": 0.3})
    assert describe(cond, en, valley) == "share in guilds at least 30%"
    assert describe(cond, en, cat.get("coop_network").level) == "council share at least 30%"


def test_the_classroom_names_the_levels_goods(cat) -> None:
    from game.classroom.launch import make_classroom
    from game.classroom.session import ClassSetup
    from game.classroom.texts import page_texts

    room = make_classroom(
        cat.get("sandbox_pluralist").level, ClassSetup("sandbox_pluralist", 1), "es", max_groups=2
    )
    assert room.goods["food"] == "Grano y rebaños"
    assert page_texts(room.tr, room.goods)["goods"]["nature"] == "Pastos y agua"


def test_a_long_or_unknown_word_is_refused_with_its_field() -> None:
    with pytest.raises(ValidationError, match=f"at most {MAX_WORD} characters"):
        Words.model_validate({"elite": "x" * (MAX_WORD + 1)})
    with pytest.raises(ValidationError, match="grain"):
        Words.model_validate({"goods": {"grain": "Grain"}})
    with pytest.raises(ValidationError, match="'en' entry"):
        Words.model_validate({"segments": {"firm": {"es": "Empresas"}}})


def test_a_levels_own_word_for_a_turn(cat, en, es) -> None:
    from game.ui.scenes.turn import text as T

    coop = cat.get("coop_network").level
    own = coop.model_copy(
        update={"words": Words.model_validate({"turn": {"en": "Harvest", "es": "Cosecha"}})}
    )
    assert T.unit_n(own, en).format(n=3) == "Harvest 3"
    assert T.unit_name(own, es) == "Cosecha"
    assert T.end_label(own, es) == "Terminar el turno"
    assert T.end_label(coop, en) == "End the season"


def test_a_shipped_level_counts_its_turns_in_its_own_word(capsys, cat, en, es) -> None:
    """state_economy_reform counts plan years: a year, as its turn_length and texts say."""
    from game.cli import main

    level = cat.get("state_economy_reform").level
    assert level.turn_length == "year" and level.words.turn is not None
    assert "year" in en.pick(level.words.turn).lower() and "año" in es.pick(level.words.turn).lower()
    assert main(["simulate", "state_economy_reform", "--turns", "2"]) == 0
    out = capsys.readouterr().out
    assert "\nPlan year 1: " in out and "\nPlan year 2: " in out and "\nYear " not in out
    assert main(["simulate", "state_economy_reform", "--turns", "2", "--lang", "es"]) == 0
    assert "\nAño del plan 2: " in capsys.readouterr().out


def test_the_example_mod_has_its_own_words_in_both_languages(capsys, en, es) -> None:
    from pathlib import Path

    from game.cli import main
    from game.levels.loader import load_level

    path = Path(__file__).parent.parent / "examples" / "mods" / "mondragon_valley" / "mondragon_valley.yaml"
    words = load_level(path).level.words
    assert words is not None
    names = [words.elite, words.media, *vars(words.segments).values()]
    given = [n for n in names if n is not None]
    assert len(given) >= 5 and all(isinstance(n, dict) and n.get("en") and n.get("es") for n in given), given
    for tr, says in ((en, "The owners' newspapers ran a"), (es, "Los periódicos de los dueños lanzaron")):
        assert main(["simulate", str(path), "--turns", "3", "--lang", tr.lang]) == 0
        out = capsys.readouterr().out
        assert says in out, out
