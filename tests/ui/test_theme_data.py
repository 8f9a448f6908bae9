"""The look is data: colours, font sizes and spacing are built from assets/theme.json (or
another theme file), so another theme (high contrast, another colour-blind set) is a data
file, and a broken one is refused with its file and field named."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.resources import assets_dir
from game.theme_data import ThemeError, load_palette, load_theme, named_colour, score_colours
from game.ui.context import UIContext
from game.ui.widgets.panel import draw_panel

COLOURS = load_theme().colours  # the default theme's

ROOT = Path(__file__).resolve().parents[2]


def test_the_palette_is_the_theme_files() -> None:
    data = load_palette()
    assert COLOURS.bg == named_colour(data, "bg")
    assert COLOURS.accent == named_colour(data, data["roles"]["accent"])
    assert COLOURS.scores == score_colours(data)
    assert len(COLOURS.series) == len(data["series"])
    assert COLOURS.excess_bands[-1][0] == float("inf")


def test_a_theme_file_changes_every_colour_it_names(tmp_path: Path) -> None:
    theme = json.loads((assets_dir() / "theme.json").read_text(encoding="utf-8"))
    theme["palette"]["base"]["orange"] = "#112233"
    theme["palette"]["inks"]["bg"] = "#000000"
    theme["palette"]["roles"]["good"] = "blue"
    path = tmp_path / "theme.json"
    path.write_text(json.dumps(theme), encoding="utf-8")
    code = (
        "import json, game.theme_data as t, game.resources as r; from pathlib import Path; "
        f"d = t.load_palette(Path({str(path)!r})); "
        "print(json.dumps([t.named_colour(d, d['roles']['accent']), t.named_colour(d, 'bg'), "
        "t.named_colour(d, d['roles']['good']), t.score_colours(d)['equity']]))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    accent, bg, good, equity = json.loads(out.stdout)
    assert accent == equity == [0x11, 0x22, 0x33]
    assert bg == [0, 0, 0] and good == [15, 122, 183]  # "blue"


def test_the_pygame_gui_theme_does_not_see_the_palette_block() -> None:
    from game.ui.theme import build_theme

    assert "palette" in json.loads((assets_dir() / "theme.json").read_text(encoding="utf-8"))
    assert "palette" not in build_theme(1.0)


def _theme_file(tmp_path: Path, change) -> Path:
    data = json.loads((assets_dir() / "theme.json").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_sizes_and_spacing_are_the_theme_files(tmp_path: Path) -> None:
    def bigger(data: dict) -> None:
        data["sizes"]["body"] = 26
        data["spacing"]["pad"] = 20
        data["spacing"]["radius_panel"] = 0

    theme = load_theme("mine", _theme_file(tmp_path, bigger))
    assert theme.sizes.body == 26 and theme.space.pad == 20 and theme.space.radius_panel == 0
    ctx = UIContext.create(scale=1.5, theme=theme)
    assert ctx.space.pad == 30 and ctx.fonts.pixel_size("body") == 39
    assert ctx.space.radius == ctx.px(load_theme().space.radius)  # the rest is unchanged


def test_a_panel_is_drawn_in_the_themes_colours() -> None:
    for name in ("default", "high_contrast"):
        ctx = UIContext.create(theme=load_theme(name))
        surf = pygame.Surface((200, 120))
        surf.fill((1, 2, 3))
        draw_panel(surf, ctx, pygame.Rect(10, 10, 180, 100))
        assert surf.get_at((100, 60))[:3] == ctx.colours.panel
        assert surf.get_at((100, 10))[:3] == ctx.colours.panel_edge


@pytest.mark.parametrize(
    "change, field",
    [
        (lambda d: d["spacing"].update(pad="wide"), "spacing.pad"),
        (lambda d: d["sizes"].pop("body"), "sizes.body"),
        (lambda d: d["palette"]["roles"].update(good="teal"), "palette: 'teal'"),
        (lambda d: d.update(extends="mine.json"), "extends"),
        (
            lambda d: d["spacing"]["card"].update(band_pda=9),
            "spacing.card.band_pda: theme.json has no such size",
        ),
        (lambda d: d["spacing"]["card"].pop("strip_inset"), "spacing.card.strip_inset: missing"),
        (lambda d: d["spacing"]["chart"].update(sample=-3), "spacing.chart.sample"),
        (lambda d: d["spacing"].update(roomy=True), "spacing.roomy"),
    ],
)
def test_a_broken_theme_file_is_refused_naming_file_and_field(tmp_path: Path, change, field: str) -> None:
    path = _theme_file(tmp_path, change)
    with pytest.raises(ThemeError) as err:
        load_theme("mine", path)
    assert str(path) in str(err.value) and field in str(err.value)


def test_an_unknown_theme_name_lists_the_themes() -> None:
    with pytest.raises(ThemeError, match="high_contrast"):
        load_theme("neon")


def test_a_theme_file_changes_the_layouts_sizes(tmp_path: Path) -> None:
    """The turn screen's column widths and a card's band come from the theme file, at the UI
    scale, each rounded on its own as the screens did before they were data."""
    from game.ui.scenes.turn import layout

    def roomy(data: dict) -> None:
        data["spacing"]["turn"]["left_w"] = 360
        data["spacing"]["card"]["band_extra_h"] = 15

    mine = UIContext.create(scale=1.5, theme=load_theme("mine", _theme_file(tmp_path, roomy)))
    default = UIContext.create(scale=1.5)
    assert mine.space.turn.left_w == 540 and default.space.turn.left_w == 450
    assert mine.space.card.band_extra_h == 22 and default.space.card.band_extra_h == 15
    assert mine.space.chart == default.space.chart  # what it does not change stays
    size = (2400, 1300)
    wide = layout.wide_layout(size, mine.space.turn, 100), layout.wide_layout(size, default.space.turn, 100)
    assert [g.width for g in wide[0].gauges] == [540] * 4 and [g.width for g in wide[1].gauges] == [450] * 4
    with pytest.raises(AttributeError, match="spacing.card has no size 'band_pda'"):
        _ = default.space.card.band_pda


def test_the_architecture_docs_theme_example_changes_one_size(tmp_path: Path) -> None:
    """docs/architecture.md's example of a theme that extends theme.json and changes one size."""
    import re

    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    example = re.search(r"`(\{\"extends\": \"theme.json\", \"spacing\".*?\})`", doc)
    assert example is not None
    (tmp_path / "theme.json").write_text((assets_dir() / "theme.json").read_text(encoding="utf-8"))
    (tmp_path / "wide_left.json").write_text(example.group(1), encoding="utf-8")
    theme, default = load_theme("wide_left", tmp_path / "wide_left.json"), load_theme()
    assert theme.space.turn.left_w == 340 != default.space.turn.left_w
    assert theme.space.turn.right_w == default.space.turn.right_w and theme.colours == default.colours
