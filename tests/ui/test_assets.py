"""Assets made in the repository match their scripts; fonts, theme and palette hold together."""

from __future__ import annotations

import importlib.util
import itertools
import re
import warnings
import wave
from pathlib import Path

import numpy as np
import pygame
import pygame_gui
import pytest

from game.theme_data import load_theme
from game.ui import palette
from game.ui.assets import ASSETS, FONT_FAMILIES
from game.ui.theme import build_theme, theme_colours

COLOURS = load_theme().colours  # the default theme's

ROOT = ASSETS.parent


def load_tool(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def icons_tool():
    return load_tool("make_icons")


REQUIRED_ICONS = {
    "equity",
    "participation",
    "resilience",
    "support",
    "firm",
    "coop",
    "council",
    "capital_flight",
    "credit_strike",
    "media_campaign",
    "legal_challenge",
    "price_undercutting",
    "counter_revolution",
    "money",
    "organisers",
    "political_capital",
    "education",
    "law",
    "finance",
    "organising",
    "mutual_aid",
    "defence",
}


def test_every_required_icon_exists_in_every_size(icons_tool):
    assert REQUIRED_ICONS <= set(icons_tool.ICONS)
    for size in (32, 64, 128):
        for name in icons_tool.ICONS:
            img = pygame.image.load(str(ASSETS / "icons" / str(size) / f"{name}.png"))
            assert img.get_size() == (size, size)


def test_committed_icons_match_the_script(icons_tool):
    for name in icons_tool.ICONS:
        drawn = pygame.surfarray.array_alpha(icons_tool.render_icon(name, 64)).astype(int)
        stored = pygame.surfarray.array_alpha(pygame.image.load(str(ASSETS / "icons" / "64" / f"{name}.png")))
        assert np.abs(drawn - stored.astype(int)).max() <= 8, f"{name}: run tools/make_icons.py"


def test_icons_differ_in_shape_at_32px(icons_tool):
    """Every pair of icons differs in silhouette, not only in tint: readable at 32 px."""
    masks = {n: pygame.surfarray.array_alpha(icons_tool.render_icon(n, 32)) > 127 for n in icons_tool.ICONS}
    for (a, ma), (b, mb) in itertools.combinations(masks.items(), 2):
        diff = float((ma != mb).mean())
        assert diff > 0.08, f"{a} and {b} look alike at 32 px ({diff:.2%} differ)"
    for n, m in masks.items():
        assert 0.08 < m.mean() < 0.75, f"{n} is too thin or too solid at 32 px"


def test_sounds_short_quiet_and_match_the_script():
    tool = load_tool("make_sounds")
    for name, make in tool.SOUNDS.items():
        with wave.open(str(ASSETS / "sounds" / f"{name}.wav")) as w:
            assert w.getnchannels() == 1 and w.getsampwidth() == 2
            frames = np.frombuffer(w.readframes(w.getnframes()), "<i2")
            assert w.getnframes() / w.getframerate() < 1.0
        assert np.abs(frames).max() < 0.4 * 32767
        assert abs(int(frames[0])) < 200 and abs(int(frames[-1])) < 200  # no clicks at the ends
        fresh = np.frombuffer(tool.to_pcm16(make()), "<i2")
        assert fresh.shape == frames.shape and np.abs(fresh.astype(int) - frames).max() <= 2, name


def test_fonts_and_licences_shipped():
    for regular, bold, _factor in FONT_FAMILIES.values():
        assert (ASSETS / "fonts" / regular).exists() and (ASSETS / "fonts" / bold).exists()
    assert "SIL Open Font License" in (ASSETS / "fonts" / "NotoSans-OFL.txt").read_text()
    assert "SIL Open Font License" in (ASSETS / "fonts" / "AtkinsonHyperlegible-OFL.txt").read_text()
    assert "CC-BY-3.0" in (ASSETS / "fonts" / "OpenDyslexic-LICENSE.txt").read_text()


@pytest.mark.parametrize("name", ["LICENSES.md", "LICENSES.es.md"])
def test_licenses_md_names_every_asset(name):
    text = (ASSETS / name).read_text(encoding="utf-8")
    for path in (ASSETS / "fonts").iterdir():
        assert path.name in text, path.name
    for folder in ("icons/32", "icons/64", "icons/128", "sounds/", "theme.json", "locale/es"):
        assert folder in text


# the licences' own names, kept as their authors wrote them in every language
LICENCE_NAMES = re.compile(
    r"SIL Open Font License 1\.1|GPL-3\.0-or-later|LGPL-2\.1|Creative Commons Attribution 3\.0|"
    r"BSD-3-Clause|\bMIT\b|Bitstream Vera"
)


def test_the_spanish_licence_list_says_the_same_in_spanish():
    """Headings and descriptions translated; every licence named, and named as it is; the
    same sections and items as the English list (no entry dropped in translation)."""
    en = (ASSETS / "LICENSES.md").read_text(encoding="utf-8")
    es = (ASSETS / "LICENSES.es.md").read_text(encoding="utf-8")
    assert sorted(LICENCE_NAMES.findall(en)) == sorted(LICENCE_NAMES.findall(es))
    for mark in ("## ", "- "):
        assert [ln for ln in en.splitlines() if ln.startswith(mark)].__len__() == len(
            [ln for ln in es.splitlines() if ln.startswith(mark)]
        ), mark
    headings = [ln for ln in es.splitlines() if ln.startswith("#")]
    assert headings[0] == "# Créditos y licencias" and "## Tipos de letra" in headings
    # what is left once names, files, quoted titles and code are taken out is Spanish
    rest = LICENCE_NAMES.sub("", es)
    rest = re.sub(r'"[^"]*"|`[^`]*`|\([^)]*\)|\S*[./_-]\S*|Braille Institute of America', "", rest)
    english = re.findall(
        r"\b(the|and|of|from|under|by|with|in this|made|font|fonts|icons|sounds|licence)\b", rest
    )
    assert not english, english


# the default theme's pygame_gui colours that are shades between palette colours (hover, press)
DERIVED = {
    "#F2B632",
    "#C98B00",
    "#5A4A24",
    "#A89C80",
    "#E8782A",
    "#0072B2",  # Okabe-Ito blue, behind light text on a pressed or selected button (4.6:1)
}


@pytest.mark.parametrize("name", ["default", "high_contrast"])
def test_theme_colours_come_from_the_palette(name):
    """pygame_gui's colours are the palette's (plus the default theme's few named shades), so
    the buttons pygame_gui draws and the panels we draw change together."""
    theme = load_theme(name)
    c = theme.colours
    allowed = {palette.rgb_to_hex(v) for v in c.base.values()}
    allowed |= {
        palette.rgb_to_hex(getattr(c, n)) for n in ("bg", "bg_deep", "panel", "panel_hi", "panel_edge")
    }
    allowed |= {
        palette.rgb_to_hex(getattr(c, n)) for n in ("text", "text_dim", "text_dark", "disabled", "grid")
    }
    if name == "default":
        allowed |= DERIVED
    for where, value in theme_colours(theme.gui).items():
        base = value[:7].upper()
        assert re.fullmatch(r"#[0-9A-F]{6}", base), where
        assert base in allowed, f"{where} = {value} is not a palette colour of {theme.path.name}"


@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
@pytest.mark.parametrize("family", list(FONT_FAMILIES))
def test_theme_builds_a_manager_without_warnings(scale, family):
    theme = build_theme(scale, family)
    assert int(theme["defaults"]["font"]["size"]) >= round(18 * scale * FONT_FAMILIES[family][2])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        manager = pygame_gui.UIManager((1280, 720), theme)
        pygame_gui.elements.UIButton(pygame.Rect(0, 0, 200, 50), "Play", manager)
        manager.update(0.016)
        manager.draw_ui(pygame.Surface((1280, 720)))


def test_palette_contrast():
    assert palette.contrast(COLOURS.text, COLOURS.bg) >= 12
    assert palette.contrast(COLOURS.text_dim, COLOURS.panel) >= 4.5
    assert palette.contrast(COLOURS.focus, COLOURS.bg) >= 7
    assert palette.text_on(COLOURS, COLOURS.base["yellow"]) == COLOURS.text_dark


def test_no_asset_is_huge():
    total = sum(p.stat().st_size for p in Path(ASSETS).rglob("*") if p.is_file())
    assert total < 5 * 1024 * 1024
