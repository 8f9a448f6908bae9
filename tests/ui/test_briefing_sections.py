"""The briefing in sections: what a teacher needs first (the aim, each condition to win, each
way to lose, who will oppose the class) opens the screen, at 200% as at 100%; the story, the
history and (without the facts panel) the resources follow behind tabs, and no word of the
level's briefing, goals or notes is lost. Page Down reads every page of every section in order;
the tabs and the keys 1 to 4 jump between sections."""

from __future__ import annotations

import re
from pathlib import Path

import pygame
import pytest

from game.levels.loader import load_level
from game.ui.text import LINK_RE
from tests.ui.conftest import key, run_frames
from tests.ui.test_layout import open_scene

ROOT = Path(__file__).resolve().parents[2]
LEVELS = sorted(p.stem for p in (ROOT / "levels").glob("*.yaml"))


def plain(text: str) -> str:
    return LINK_RE.sub(lambda m: m.group(2) or m.group(1), text)


def read_all(app) -> list[tuple[str, str]]:
    """Every (section, page text) from the first page, by Page Down to the last."""
    scene = app.top
    seen = [(scene.tab, plain(scene.pages[scene.page]))]
    for _ in range(400):
        before = (scene.tab, scene.page)
        run_frames(app, [key(pygame.K_PAGEDOWN)])
        if (scene.tab, scene.page) == before:
            return seen
        seen.append((scene.tab, plain(scene.pages[scene.page])))
    raise AssertionError("Page Down never reached the end")


def words(text: str) -> list[str]:
    return re.findall(r"\w+", plain(text))


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_word_of_the_briefing_is_on_a_page_at_100(make_app, tmp_path, level, lang) -> None:
    app = open_scene(make_app, tmp_path, "briefing", level, 100, lang, (1280, 720), "standard")
    scene, tr = app.top, app.ctx.tr
    pages = read_all(app)
    assert pages[0][0] == "overview"
    shown = " ".join(text for _tab, text in pages)
    L = scene.level
    for part in [*(tr.pick(p) for p in L.briefing), scene.goals_text(), scene.notes_text()]:
        missing = [w for w in words(part) if w not in shown]
        assert not missing, (level, missing[:5])
    sections = [tab for tab, _text in pages]
    assert sections == sorted(sections, key=list(dict.fromkeys(sections)).index)  # in order, once


@pytest.mark.parametrize("level", ["land_commons", "sandbox_pluralist", "union_register"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_at_200_the_overview_comes_first_with_how_to_win_and_lose(make_app, tmp_path, level, lang) -> None:
    app = open_scene(make_app, tmp_path, "briefing", level, 200, lang, (1280, 720), "standard")
    scene, tr = app.top, app.ctx.tr
    L = load_level(ROOT / "levels" / f"{level}.yaml").level
    assert scene.tab == "overview" and scene.page == 0
    assert plain(scene.pages[0]).startswith(tr.pick(L.summary)[:30])
    overview = "\n".join(text for tab, text in read_all(app) if tab == "overview")
    wins = L.goals.win.all or [L.goals.win]
    bullets = [line for line in overview.split("\n") if line.startswith("• ")]
    # every condition to win, every way to lose and every move of the elite, one item each
    assert len(bullets) == len(wins) + len(L.goals.lose) + len(L.elite.tactics), overview
    assert app.top.focus.current.key == "begin"  # Enter still begins


def test_sections_by_tab_and_by_number_key(make_app, tmp_path) -> None:
    app = open_scene(make_app, tmp_path, "briefing", "land_commons", 200, "es", (1280, 720), "standard")
    scene = app.top
    tabs = [w.key for w in scene.widgets if w.key and w.key.startswith("tab:")]
    assert tabs == ["tab:overview", "tab:story", "tab:history", "tab:start"]  # no room for the panel
    run_frames(app, [key(pygame.K_3)])
    assert (scene.tab, scene.page) == ("history", 0)
    run_frames(app, [key(pygame.K_PAGEUP)])
    assert scene.tab == "story" and scene.page == len(scene.pages) - 1  # back onto the story's end
    tab = next(w for w in scene.widgets if w.key == "tab:start")
    tab.activate()
    run_frames(app)
    assert scene.tab == "start" and "land_commons-" in "".join(scene.pages)  # the scenario code
    run_frames(app, [key(pygame.K_1)])
    assert (scene.tab, scene.page) == ("overview", 0)
    # a keyboard user reaches the tabs with Tab
    for _ in range(20):
        if scene.focus.current.key == "tab:story":
            break
        run_frames(app, [key(pygame.K_TAB)])
    run_frames(app, [key(pygame.K_RETURN)])
    assert scene.tab == "story"


def test_a_sources_english_title_is_cited_as_published_but_prose_is_checked(make_app, tmp_path) -> None:
    """The layout checker leaves the numbers of a note's source (an English title such as
    Chenoweth's "... the 3.5% Rule") and still reports one in the level's own words."""
    from game.ui.layout_check import problems

    app = open_scene(make_app, tmp_path, "briefing", "union_register", 100, "es", (1920, 1080), "standard")
    scene = app.top
    run_frames(app, [key(pygame.K_3)])
    assert scene.tab == "history" and any("3.5% Rule" in q for q in scene.quoted_texts())
    assert not [p for p in problems(app) if "number written" in p]
    scene.quoted_texts = lambda: []  # type: ignore[method-assign]
    assert [p for p in problems(app) if "number written" in p]
