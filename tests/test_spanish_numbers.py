"""Numbers as the reader's language writes them: "0,5" and "1.989" in Spanish, "0.5" and
"1,989" in English, through one formatter (`game.i18n.number`) in the window, `simulate`'s
text, the printable report and the command line's messages. A test fails on an English-written
number in Spanish output (`game.i18n.foreign_numbers`); the CSV files stay machine-readable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.cli import main
from game.errors import part, render
from game.explain import elite_move_text
from game.i18n import foreign_numbers, format_text, load_translator, number
from game.levels.loader import load_level
from game.sim.report import EliteMove
from game.sim.units import fmt_goal, fmt_value
from game.ui.formats import format_delta

ROOT = Path(__file__).resolve().parent.parent
LEVELS = sorted(p.stem for p in (ROOT / "levels").glob("*.yaml"))
ES = load_translator("es")


@pytest.mark.parametrize(
    ("value", "spec", "en", "es"),
    [
        (0.5, "", "0.5", "0,5"),
        (1989, ",.0f", "1,989", "1.989"),
        (1989, ".0f", "1989", "1.989"),  # Spanish groups a quantity whether or not asked
        (1183330.4, ",.1f", "1,183,330.4", "1.183.330,4"),
        (-3.25, "+.2f", "-3.25", "-3,25"),
        (0.1538, ".1%", "15.4%", "15,4\u00a0%"),
        (0.15, ".0%", "15%", "15\u00a0%"),
        (-0.025, "+.1%", "-2.5%", "-2,5\u00a0%"),
        (123, ",", "123", "123"),
        (float("nan"), ".1f", "nan", "nan"),
    ],
)
def test_number_is_written_as_each_language_writes_it(value: float, spec: str, en: str, es: str) -> None:
    assert number(value, spec, "en") == en
    assert number(value, spec, "es") == es


def test_templates_write_fractions_and_specs_in_spanish_but_leave_bare_whole_numbers() -> None:
    """A seed, a port or a year passed bare is something the reader types back: not grouped."""
    said = format_text("{x} {y:.1f}% {n:,} seed {seed}", "es", x=0.5, y=12.25, n=12345, seed=123456)
    assert said == "0,5 12,2\u00a0% 12.345 seed 123456"
    assert format_text("{x} {n:,}", "en", x=0.5, n=12345) == "0.5 12,345"


def test_foreign_numbers_finds_english_forms_and_leaves_versions_and_addresses() -> None:
    text = (
        "apoyo 0.5; 1,183,330 empleos; regla del 3.5%; Gini 0.373; 1.183.330 empleos; 0,5; "
        "GPL-3.0-or-later, SIL Open Font License 1.1, pygame_gui 0.6.14, versión 0.1.0, "
        "doi:10.1126/science.aas8827, https://example.org/a/1.5"
    )
    assert foreign_numbers(text, "es") == ["0.5", "1,183,330", "3.5", "0.373", "3.5%"]
    assert foreign_numbers(text, "en") == []


def test_the_elite_sentence_writes_jobs_and_shares_in_spanish() -> None:
    level = load_level(ROOT / "levels" / "elected_government.yaml").level
    move = EliteMove("capital_flight", 0.5, "flight", countered=0.125, amount=0.0625, jobs=1989.0)
    en = elite_move_text(move, level, load_translator("en"))
    es = elite_move_text(move, level, ES)
    assert "1,989 jobs" in en and "(countered by 12%)" in en
    assert "1.989 empleos" in es and "1,989" not in es
    big = elite_move_text(EliteMove("capital_flight", 0.5, "flight", amount=0.06, jobs=1183330.0), level, ES)
    assert "1.183.330 empleos" in big


def test_goal_figures_and_changes_in_spanish() -> None:
    assert fmt_value("unemployment", 0.1538, 0.15, ES.num) == "15,4\u00a0%"
    assert fmt_goal("unemployment", 0.035, ES.num) == "3,5\u00a0%"
    assert fmt_value("unemployment", 0.1538, 0.15) == "15.4%"
    assert fmt_value("gini", 0.4921, None, ES.num) == "0,49"
    assert format_delta(2.54, 1, "es") == "+2,5" and format_delta(-2.54, 1, "en") == "\u22122.5"
    assert ES.pct(0.154, 1) == "15,4\u00a0%" and ES.say("{odds:.0%} with {card}", odds=0.35, card="x")


def _simulate(capsys: pytest.CaptureFixture[str], level: str, lang: str, *extra: str) -> str:
    plan = str(ROOT / "levels" / "plans" / f"{level}.yaml")
    assert main(["simulate", level, "--lang", lang, "--actions", plan, *extra]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("level", LEVELS)
def test_simulate_in_spanish_writes_no_english_number(capsys: pytest.CaptureFixture[str], level: str) -> None:
    """Every level played to its end by its plan: the turn reports, causes, elite sentences,
    warnings and the ending; the same run in English has decimals the scan would catch."""
    spanish = _simulate(capsys, level, "es")
    assert re.search(r"\d,\d", spanish), "no decimal at all: the scan saw nothing"
    assert foreign_numbers(spanish, "es") == []
    assert foreign_numbers(_simulate(capsys, level, "en"), "es")  # the scan can fail


def _visible_text(html: str) -> str:
    """The report's text as a reader sees it: no style, no chart drawing, no tags; and no
    source citations, which quote titles in their own language ("... the 3.5% Rule")."""
    html = re.sub(r"<style.*?</style>|<svg.*?</svg>", " ", html, flags=re.S)
    html = re.sub(r'<span class="src">.*?</span>', " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.parametrize("level", ["elected_government", "land_commons", "sandbox_pluralist"])
def test_the_report_in_spanish_writes_no_english_number(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, level: str
) -> None:
    run = tmp_path / "run.json"
    run.write_text(_simulate(capsys, level, "es", "--json"), encoding="utf-8")
    out = tmp_path / "report"
    assert main(["report", str(run), "--out", str(out), "--lang", "es"]) == 0
    text = _visible_text((out / "report.html").read_text(encoding="utf-8"))
    assert re.search(r"\d,\d", text) and foreign_numbers(text, "es") == []
    # the CSV files are for spreadsheets and scripts: numbers as Python writes them
    assert re.search(r"\d\.\d", (out / "turns.csv").read_text(encoding="utf-8-sig"))


def test_plan_tables_in_spanish_write_no_english_number(capsys: pytest.CaptureFixture[str]) -> None:
    economy = str(ROOT / "examples" / "economies" / "village.yaml")
    assert main(["plan", economy, "--lang", "es"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"\d,\d", out) and foreign_numbers(out, "es") == []


def test_a_command_error_writes_its_numbers_in_spanish() -> None:
    said = (
        part(
            "--generate: at most {councils:,} councils of each kind and {goods:,} goods",
            councils=100000,
            goods=5000,
        ),
    )
    assert render(said, ES.gettext) == "--generate: como mucho 100.000 consejos de cada tipo y 5.000 bienes"
    assert render(said) == "--generate: at most 100,000 councils of each kind and 5,000 goods"


def test_a_class_error_writes_its_numbers_as_the_students_page_does() -> None:
    from game.classroom.texts import error_text

    said = error_text(ES.gettext, "out_of_bounds", {"good": "bread", "value": 1234.5, "lo": 0.5, "hi": 2.0})
    assert "1.234,50" in said and "0,50" in said and "2,00" in said


# --- percentages: "15 %" with a no-break space in Spanish (game.i18n.PERCENT_SIGN) ----------
NBSP = "\u00a0"


def test_a_spanish_percentage_has_a_no_break_space_and_english_none() -> None:
    en = load_translator("en")
    assert ES.pct(0.15) == "15" + NBSP + "%" and en.pct(0.15) == "15%"
    assert ES.percent(150) == "150" + NBSP + "%" and en.percent(150) == "150%"
    assert ES.percent(-2.54, "+.1f") == "-2,5" + NBSP + "%"
    # a template's "{field}%" and a spec's own sign alike; the spec's sign is not a field's
    assert ES.say("{odds:.0%} with {card}", odds=0.35, card="x") == "35" + NBSP + "% con x"
    assert format_text("within {t:g}%: agreed", "es", t=5) == "within 5" + NBSP + "%: agreed"
    assert format_text("within {t:g}%: agreed", "en", t=5) == "within 5%: agreed"
    assert ES.say("Largest excess: {v}%", v="12,5") == "Mayor exceso: 12,5" + NBSP + "%"


def test_level_prose_in_spanish_gets_the_space_and_addresses_stay() -> None:
    from game.i18n import percent_prose, pick

    text = {"en": "from 8.6% to 14.6%", "es": "del 8,6% al 14,6 % (25–30%)"}
    assert pick(text, "es") == f"del 8,6{NBSP}% al 14,6{NBSP}% (25–30{NBSP}%)"
    assert pick(text, "en") == "from 8.6% to 14.6%"
    assert pick({"en": "3%"}, "es") == "3%"  # English shown for want of Spanish stays English
    url = "https://fr.wikipedia.org/wiki/Coop%C3%A9rative_d%27utilisation"
    assert percent_prose(f"el 2% ({url})", "es") == f"el 2{NBSP}% ({url})"


def test_the_scan_finds_a_spanish_percentage_without_its_space() -> None:
    assert foreign_numbers("el 15% y el 3,5 % y el 2\u00a0%", "es") == ["15%", "3,5 %"]
    assert foreign_numbers("the 15% and 3.5%", "en") == []


@pytest.mark.parametrize("level", LEVELS)
def test_every_spanish_level_text_writes_its_percentages_with_the_space(level: str) -> None:
    """Every text of every level as the game shows it in Spanish (through `pick`)."""
    from game.i18n import pick

    raw = (ROOT / "levels" / f"{level}.yaml").read_text(encoding="utf-8")
    assert re.search(r"es: .*\d%", raw) or "%" not in raw  # the levels write "15%": the scan has work
    loaded = load_level(ROOT / "levels" / f"{level}.yaml").level

    def texts(node: object):
        if isinstance(node, dict):
            if "es" in node and isinstance(node["es"], str):
                yield pick(node, "es")
            else:
                for v in node.values():
                    yield from texts(v)
        elif isinstance(node, list | tuple):
            for v in node:
                yield from texts(v)

    shown = list(texts(loaded.model_dump()))
    assert shown
    for text in shown:
        assert [t for t in foreign_numbers(text, "es") if t.endswith("%")] == [], text


@pytest.mark.parametrize("bold", [False, True])
@pytest.mark.parametrize("family", ["standard", "hyperlegible", "dyslexic"])
def test_every_shipped_font_draws_the_no_break_space(family: str, bold: bool) -> None:
    """The layout checker's glyph test looks at the no-break space too (an empty box would
    stand between number and sign); and a wrapped line never ends between them."""
    from game.ui.assets import font_file
    from game.ui.layout_check import missing_glyphs

    assert font_file(family, bold).exists()
    assert missing_glyphs(family, bold, ES.pct(0.15)) == []
    assert missing_glyphs(family, bold, "\u202f") == []  # white space the checker leaves alone


def test_a_line_never_breaks_between_a_number_and_its_percent_sign() -> None:
    import pygame

    from game.ui.context import UIContext

    pygame.font.init()
    ctx = UIContext.create(scale=1.0)
    text = " ".join(f"el {n}{NBSP}%" for n in range(10, 60))
    width = ctx.text.size("el 10" + NBSP + "%", "body")[0] + 5
    lines = ctx.text.wrap(text, "body", width)
    assert len(lines) > 10 and all(line.endswith(NBSP + "%") for line in lines), lines[:4]
    assert ctx.text.words_fit(text, "body", width)
    cut = ctx.text.fit(text, "body", width * 3)
    # shortened at a space between words, never at the one inside a percentage ("el 12…")
    assert cut.endswith("…") and cut[:-1].rstrip().endswith(("%", "el")), cut


def test_the_class_pages_write_percentages_as_the_game_does() -> None:
    """The students' page and the board format in the browser (common.js, with the browser's
    CLDR data); run its number helpers in Node where it is installed."""
    import json
    import shutil
    import subprocess

    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed")
    js = (ROOT / "game" / "classroom" / "static" / "common.js").read_text(encoding="utf-8")
    helpers = js.split("function el(")[0].replace('"use strict";', "")
    script = (
        "const vm = require('vm'); global.document = {documentElement: {lang: process.argv[1]}};"
        f"vm.runInThisContext({json.dumps(helpers)});"
        "console.log(JSON.stringify([pct(0.154), pct(-0.02), share(0.5, 0)]));"
    )
    said = {
        lang: json.loads(subprocess.run([node, "-e", script, lang], capture_output=True, text=True).stdout)
        for lang in ("es", "en")
    }
    assert said["es"] == ["+" + ES.pct(0.154, 1), "-" + ES.pct(0.02, 1), ES.pct(0.5)]
    assert said["en"] == ["+15.4%", "-2.0%", "50%"]
