"""Build step that puts the shipped levels and assets inside the package.

The project's metadata is in pyproject.toml. The top-level `levels/` and `assets/` folders stay
where modders and translators find them; a build copies them to `game/_data/` in the wheel, where
`game.resources` finds them through importlib.resources. Nothing is downloaded.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = ("levels", "assets")


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the top-level folders in place
        target = Path(self.build_lib) / "game" / "_data"
        for name in SHIPPED:
            dest = target / name
            if dest.exists():
                shutil.rmtree(dest)
            shutil.copytree(ROOT / name, dest, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithData})
