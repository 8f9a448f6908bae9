"""Checks of the paths given on the command line, shared by every command, so that a wrong
path is one line and exit code 2 before any work starts (never a traceback halfway)."""

from __future__ import annotations

import os
from pathlib import Path

from game.errors import UserError, part
from game.i18n import N_


def existing_folder(path: str | os.PathLike[str], flag: str) -> Path:
    """A folder that must exist (`--mods DIR`)."""
    p = Path(path).expanduser()
    if not p.exists():
        raise UserError.of(part(N_("{flag} {path}: no such folder"), flag=flag, path=p))
    if not p.is_dir():
        raise UserError.of(part(N_("{flag} {path}: not a folder"), flag=flag, path=p))
    return p


def data_folder(path: str | os.PathLike[str], flag: str = "--data-dir") -> Path:
    """A folder the game may create (`--data-dir DIR`): it must not be a file, and the
    nearest existing folder above it must be writable."""
    p = Path(path).expanduser()
    if p.exists() and not p.is_dir():
        raise UserError.of(part(N_("{flag} {path}: not a folder"), flag=flag, path=p))
    if not p.exists():
        parent = _existing_parent(p)
        if not parent.is_dir():
            raise UserError.of(
                part(N_("{flag} {path}: {parent} is not a folder"), flag=flag, path=p, parent=parent)
            )
    return p


def existing_file(path: str | os.PathLike[str], flag: str) -> Path:
    """A file that must exist and be a regular file (`--actions FILE`, `--level FILE`)."""
    p = Path(path).expanduser()
    if not p.exists():
        raise UserError.of(part(N_("{flag} {path}: no such file"), flag=flag, path=p))
    if not p.is_file():
        raise UserError.of(part(N_("{flag} {path}: not a regular file"), flag=flag, path=p))
    return p


def _check_writable_parent(p: Path, parent: Path, flag: str) -> None:
    """The nearest existing folder above an output path must be a folder we may write in."""
    if not parent.is_dir():
        raise UserError.of(
            part(N_("{flag} {path}: {parent} is not a folder"), flag=flag, path=p, parent=parent)
        )
    if not os.access(parent, os.W_OK | os.X_OK):
        raise UserError.of(
            part(
                N_("{flag} {path}: cannot write in {parent} (permission denied)"),
                flag=flag,
                path=p,
                parent=parent,
            )
        )


def output_file(path: str | os.PathLike[str], flag: str) -> Path:
    """A file to write (`--out FILE.png`): not a folder, in a folder that can be written."""
    p = Path(path).expanduser()
    if p.is_dir():
        raise UserError.of(part(N_("{flag} {path}: is a folder; give a file name"), flag=flag, path=p))
    parent = _existing_parent(p.parent if str(p.parent) else Path("."))
    _check_writable_parent(p, parent, flag)
    if p.exists() and not os.access(p, os.W_OK):
        raise UserError.of(
            part(N_("{flag} {path}: the file cannot be written (permission denied)"), flag=flag, path=p)
        )
    return p


def output_folder(path: str | os.PathLike[str], flag: str) -> Path:
    """A folder to write into (`report --out DIR`): not a file, creatable, writable."""
    p = Path(path).expanduser()
    if p.exists() and not p.is_dir():
        raise UserError.of(part(N_("{flag} {path}: not a folder"), flag=flag, path=p))
    parent = _existing_parent(p)
    _check_writable_parent(p, parent, flag)
    return p


def _existing_parent(p: Path) -> Path:
    current = p
    while not current.exists() and current != current.parent:
        current = current.parent
    return current
