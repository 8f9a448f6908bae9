"""Finding levels: the shipped `levels/` folder, the user's mods folder and `--mods DIR`.

A mod is a folder of level files. A broken file is reported and skipped; the others load.
Only regular files inside a mod's own folder are read: a link that leads outside is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from game.errors import ContentError, Problem, UserError
from game.levels.loader import LoadedLevel, load_level

APP = "parecon-pathways"


def shipped_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "levels"


def user_mods_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False)) / "mods"


@dataclass
class Catalog:
    levels: list[LoadedLevel] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def get(self, level_id: str) -> LoadedLevel:
        for lv in self.levels:
            if lv.level.id == level_id:
                return lv
        known = ", ".join(sorted(lv.level.id for lv in self.levels)) or "none"
        raise UserError(f"unknown level '{level_id}'; known levels: {known}")


def level_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The level files of a folder (recursively), refusing links that leave it."""
    files: list[Path] = []
    problems: list[Problem] = []
    root = folder.resolve()
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() not in (".yaml", ".yml") or path.name.startswith("."):
            continue
        try:
            real = path.resolve()
        except OSError:
            continue
        if root not in real.parents and real != root:
            problems.append(Problem(str(path), 1, 1, "", "refused: the file lies outside its mod "
                                    "folder (a link)"))
            continue
        if real.is_file():
            files.append(path)
    return files, problems


def load_catalog(mod_dirs: list[Path] | None = None, include_user: bool = True) -> Catalog:
    """Every level that loads; every problem of those that do not."""
    cat = Catalog()
    folders: list[tuple[Path, str | None]] = [(shipped_dir(), None)]
    if include_user and user_mods_dir().is_dir():
        folders += [(d, d.name) for d in sorted(user_mods_dir().iterdir()) if d.is_dir()]
    for d in mod_dirs or []:
        if not d.is_dir():
            cat.problems.append(Problem(str(d), 1, 1, "", "mods folder not found"))
            continue
        folders += [(d, d.name)]
    seen: dict[str, Path] = {}
    for folder, mod in folders:
        if not folder.is_dir():
            continue
        files, probs = level_files(folder)
        cat.problems.extend(probs)
        for f in files:
            if f.name == "glossary.yaml":
                continue
            try:
                lv = load_level(f, mod)
            except ContentError as exc:
                cat.problems.extend(exc.problems)
                continue
            if lv.level.id in seen:
                cat.problems.append(Problem(str(f), 1, 1, "id", f"level id '{lv.level.id}' is "
                                            f"already used by {seen[lv.level.id]}; skipped"))
                continue
            seen[lv.level.id] = f
            cat.levels.append(lv)
    return cat


def resolve_level(name: str, mod_dirs: list[Path] | None = None) -> LoadedLevel:
    """A level by path (a file) or by id (searched in the catalog)."""
    p = Path(name)
    if p.suffix.lower() in (".yaml", ".yml") or p.exists():
        if not p.is_file():
            raise UserError(f"{name}: no such level file")
        return load_level(p)
    return load_catalog(mod_dirs).get(name)
