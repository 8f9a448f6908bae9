"""Every scene laid out right at every scale, size, language and font: drawn once per case
onto a recording surface (game.ui.layout_check), the text boxes must not overlap, leave their
widget or the window, be cut by a clip, hide under a button, cut a word in two, be crossed
by a line, use a character the font lacks, or end in "…" with no tooltip giving the whole
text; no chart may lose its plot and no paragraph its words; every tooltip (mouse and
keyboard) must fit the window and leave the forecast in view. Screens with tabs are checked
tab by tab, and what a screen shows at 100% must be reachable (on screen or behind a tab) at
200%.

The product is sampled to stay fast: every scene at 100%, 150% and 200% in both languages at
1280x720 for three levels, 1920x1080 at 200% (one level), and the two other fonts at 200% in
Spanish (one level). `python tools/layout_matrix.py` runs the whole product (every scene x
100/150/200% x English and Spanish x three levels x 1280x720 and 1920x1080).
"""

from __future__ import annotations

import pygame
import pytest

from game.commands.screenshot import SCENES
from game.settings import Settings
from game.ui import demo
from game.ui.layout_check import problems
from game.ui.layout_run import each_view, show
from game.ui.layout_tips import tooltip_problems

LEVELS = ("coop_network", "sandbox_pluralist", "union_register")
LEVEL_SCENES = [s for s in SCENES if s in demo.LEVEL_SCENES]
OTHER_SCENES = [s for s in SCENES if s not in demo.LEVEL_SCENES]


def cases():
    out = []
    for scale in (100, 150, 200):
        for lang in ("en", "es"):
            out += [(s, None, scale, lang, (1280, 720), "standard") for s in OTHER_SCENES]
            out += [(s, lv, scale, lang, (1280, 720), "standard") for s in LEVEL_SCENES for lv in LEVELS]
    for lang in ("en", "es"):
        out += [(s, None, 200, lang, (1920, 1080), "standard") for s in OTHER_SCENES]
        out += [(s, "union_register", 200, lang, (1920, 1080), "standard") for s in LEVEL_SCENES]
    for font in ("hyperlegible", "dyslexic"):
        out += [(s, None, 200, "es", (1280, 720), font) for s in OTHER_SCENES]
        out += [(s, "union_register", 200, "es", (1280, 720), font) for s in LEVEL_SCENES]
    return out


def case_id(case) -> str:
    scene, level, scale, lang, size, font = case
    return f"{scene}-{level or 'any'}-{scale}-{lang}-{size[0]}-{font}"


def open_scene(make_app, tmp_path, scene, level, scale, lang, size, font):
    app = make_app(Settings(ui_scale=scale, language=lang, font=font), size=size, data_dir=tmp_path)
    show(app, tmp_path, scene, level)
    return app


@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_scene_layout(make_app, tmp_path, case):
    app = open_scene(make_app, tmp_path, *case)
    found = []
    for label, _scene in each_view(app):
        found += [f"{label}: {p}" for p in problems(app) + tooltip_problems(app)]
    assert not found, "\n".join(found)


def reachable_keys(app) -> set[str]:
    keys: set[str] = set()
    for _label, scene in each_view(app):
        keys |= {w.key for w in scene.widgets if w.key and not w.key.startswith("tab:")}
    return keys


@pytest.mark.parametrize("scene", ["pathways", "briefing", "planning", "debrief", "glossary", "saves"])
def test_nothing_vanishes_at_200_percent(make_app, tmp_path, scene):
    """Every part of the screen at 100% is on screen or behind a tab at 200% (1280x720)."""
    level = "union_register" if scene in demo.LEVEL_SCENES else None
    size = (1280, 720)
    small = reachable_keys(open_scene(make_app, tmp_path / "a", scene, level, 100, "en", size, "standard"))
    large = reachable_keys(open_scene(make_app, tmp_path / "b", scene, level, 200, "en", size, "standard"))
    # the debrief's chart toggle becomes its tabs
    missing = small - large - {"chart-mode"}
    assert not missing, f"{scene} at 200% lost {sorted(missing)}"


def test_keyboard_tooltips_leave_the_forecast_in_view(make_app, tmp_path):
    """A card's tooltip (focused with the keyboard) never covers the forecast panel."""
    app = open_scene(make_app, tmp_path, "turn", "coop_network", 100, "en", (1280, 720), "standard")
    scene = app.top
    forecast = scene.layout.panels["forecast"]
    cards = [w for w in scene.widgets if w.key == "hand"]
    assert cards, "the turn screen shows its hand"
    scene.focus.focus(cards[0])
    scene.focus.visible = scene.focus.keyboard = True
    shown = 0
    right = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RIGHT, mod=0, unicode="", scancode=0)
    for _ in range(6):  # the cards of the hand, one after another
        app.step([right], 1 / 60)
        if scene.tooltip() is not None:
            shown += 1
            assert app.tooltip_rect is not None
            assert not app.tooltip_rect.colliderect(forecast), (app.tooltip_rect, forecast)
    assert shown
