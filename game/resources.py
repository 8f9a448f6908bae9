"""Where the shipped levels and assets are, installed or not.

A wheel (or `pip install .`) carries them inside the package as `game/_data/levels` and
`game/_data/assets`, copied there at build time from the top-level `levels/` and `assets/`
(setup.py); a source checkout or an editable install reads the top-level folders directly.
Both are found through `importlib.resources`, so the game runs from any folder.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

PACKAGED = "_data"


@cache
def data_root() -> Path:
    """The folder holding `levels/` and `assets/`."""
    package = Path(str(files("game")))
    packaged = package / PACKAGED
    if (packaged / "levels").is_dir() and (packaged / "assets").is_dir():
        return packaged
    return package.parent


def levels_dir() -> Path:
    return data_root() / "levels"


def assets_dir() -> Path:
    return data_root() / "assets"


def locale_dir() -> Path:
    return assets_dir() / "locale"
