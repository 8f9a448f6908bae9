"""Colours are data: the palette is built from the `palette` block of assets/theme.json, so
another theme (high contrast, another colour-blind set) is a data file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from game.resources import assets_dir
from game.theme_data import load_palette, named_colour, score_colours
from game.ui import palette

ROOT = Path(__file__).resolve().parents[2]


def test_the_palette_is_the_theme_files() -> None:
    data = load_palette()
    assert palette.BG == named_colour(data, "bg")
    assert palette.ACCENT == named_colour(data, data["roles"]["accent"])
    assert palette.SCORE_COLOURS == score_colours(data)
    assert len(palette.SERIES) == len(data["series"])
    assert palette.EXCESS_BANDS[-1][0] == float("inf")


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
    assert bg == [0, 0, 0] and good == [0, 114, 178]


def test_the_pygame_gui_theme_does_not_see_the_palette_block() -> None:
    from game.ui.theme import build_theme

    assert "palette" in json.loads((assets_dir() / "theme.json").read_text(encoding="utf-8"))
    assert "palette" not in build_theme(1.0)
