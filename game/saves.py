"""Saved games: versioned JSON files in the user data folder, written atomically.

A save holds the level, its file hash, the seed and the decisions of every turn played: the
simulation is deterministic, so loading a game replays those decisions. A short summary (turn,
scores) lets the save list show each slot without replaying it.

Why this shape: a save that cannot be read (corrupt JSON, a newer game's save, missing
fields) is listed as unreadable with its reason, loading it raises `SaveError` with a clear
message, and nothing here ever writes over a file it could not read. Older versions pass
through `UPGRADERS` one version at a time.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final, Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError, field_validator

from game import __version__
from game.atomic import atomic_write_bytes, atomic_write_text
from game.errors import UserError, part, render
from game.i18n import N_
from game.os_words import os_reason

APP_NAME = "parecon-pathways"
ENV_DATA_DIR = "PARECON_DATA_DIR"
SAVE_VERSION: Final = 2
AUTOSAVE_SLOT = "autosave"
SAVES_FOLDER = "saves"
BACKUPS_FOLDER = "backups"
BACKUPS = 3  # previous saves kept per slot
MAX_SAVE_BYTES = 8 * 1024 * 1024
SLOT_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,47}$")


def resolve_data_dir(
    override: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None
) -> Path:
    """The folder for settings and saves: `--data-dir`, else $PARECON_DATA_DIR, else the
    platform's user data folder (e.g. ~/.local/share/parecon-pathways). Not created here."""
    env = os.environ if env is None else env
    if override:
        return Path(override).expanduser()
    if env.get(ENV_DATA_DIR):
        return Path(env[ENV_DATA_DIR]).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def level_hash(data: bytes) -> str:
    """The hash saved with a game, to notice a level file that changed since."""
    return hash_label(hashlib.sha256(data).hexdigest())


def hash_label(hex_digest: str) -> str:
    """A level's SHA-256 hex digest as saves write it."""
    return "sha256:" + hex_digest


class SaveError(UserError):
    """A save that cannot be loaded; the message says which file and why."""


class SaveSummary(BaseModel):
    """What the save list shows without replaying: where the game stands."""

    model_config = ConfigDict(extra="forbid")

    turn: StrictInt = Field(ge=0)
    turns_total: StrictInt | None = Field(None, ge=1)
    scores: dict[StrictStr, float] = Field(default_factory=dict)
    level_title: StrictStr | dict[StrictStr, StrictStr] | None = None


class SaveGame(BaseModel):
    """A saved game, version 2."""

    model_config = ConfigDict(extra="forbid")

    version: Literal[2] = SAVE_VERSION
    game_version: StrictStr = __version__
    level_id: StrictStr
    level_hash: StrictStr | None = Field(
        description="sha256 of the level file; None for saves upgraded from version 1"
    )
    seed: StrictInt = Field(ge=0, le=10**19, description="0 or more, as the simulation takes")
    decisions: list[dict[StrictStr, Any]] = Field(
        default_factory=list, description="one JSON object per turn played, oldest first"
    )
    summary: SaveSummary
    saved_at: StrictStr = Field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    @field_validator("decisions")
    @classmethod
    def _decisions(cls, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """A turn's `actions` must be a list of ids and its `choices` a map of event ids to
        choice ids: the replay reads them as such."""
        for i, d in enumerate(value):
            actions = d.get("actions", [])
            if not isinstance(actions, list) or not all(isinstance(a, str) for a in actions):
                raise ValueError(f"turn {i + 1}: 'actions' must be a list of action ids")
            choices = d.get("choices", {})
            if not isinstance(choices, dict) or not all(isinstance(c, str) for c in choices.values()):
                raise ValueError(f"turn {i + 1}: 'choices' must map event ids to choice ids")
        return value


def _upgrade_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 named the level `level`, kept `turn_decisions`, put turn and scores at the top
    level and had no level hash (so the level cannot be verified: `level_hash` is None)."""
    out = {k: v for k, v in data.items() if k not in ("level", "turn_decisions", "turn", "scores")}
    out["version"] = 2
    out["level_id"] = data.get("level")
    out["level_hash"] = None
    out["decisions"] = data.get("turn_decisions", [])
    if not isinstance(out["decisions"], list):
        raise TypeError(f"turn_decisions must be a list, not {type(out['decisions']).__name__}")
    out["summary"] = {
        "turn": data.get("turn", len(out["decisions"])),
        "scores": data.get("scores", {}),
    }
    return out


# from-version -> function returning the next version's dict
UPGRADERS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _upgrade_1_to_2}

ProblemKind = Literal[
    "io", "too_large", "encoding", "json", "not_object", "newer", "unknown_version", "invalid"
]


@dataclass(frozen=True)
class SaveProblem:
    """Why a save cannot be read: `kind` for the interface to translate, `detail` in English
    (for logs and the command line), and `template` with `args`: the detail as a message the
    interface translates (`words`)."""

    kind: ProblemKind
    detail: str
    template: str = ""
    args: tuple[tuple[str, Any], ...] = ()

    def __str__(self) -> str:
        return self.detail

    def words(self, gettext: Callable[[str], str]) -> str:
        """The detail in the interface's language."""
        if not self.template:
            return self.detail
        return render(((self.template, self.args),), gettext)


def _problem(kind: ProblemKind, detail: str, template: str, **args: Any) -> _Unreadable:
    return _Unreadable(SaveProblem(kind, detail, template, tuple(args.items())))


class _Unreadable(Exception):
    def __init__(self, problem: SaveProblem) -> None:
        super().__init__(problem.detail)
        self.problem = problem


def upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """Bring a save dict up to SAVE_VERSION through the upgrader chain."""
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _problem(
            "unknown_version",
            f"no valid 'version' field (got {version!r})",
            N_("the file has no valid 'version' field"),
        )
    if version > SAVE_VERSION:
        raise _problem(
            "newer",
            f"made by a newer version of the game (save version {version}; "
            f"this game reads up to {SAVE_VERSION})",
            N_("save version {version}; this game reads up to version {most}"),
            version=version,
            most=SAVE_VERSION,
        )
    while version < SAVE_VERSION:
        step = UPGRADERS.get(version)
        if step is None:
            raise _problem(
                "unknown_version",
                f"save version {version} is not known",
                N_("save version {version} is not known"),
                version=version,
            )
        data = step(data)
        version = data["version"]
    return data


def parse_save(raw: bytes) -> SaveGame:
    """Decode, upgrade and validate a save file's bytes; raises _Unreadable with the reason."""
    if len(raw) > MAX_SAVE_BYTES:
        mib = MAX_SAVE_BYTES // 1024**2
        raise _problem(
            "too_large", f"file is larger than {mib} MiB", N_("file is larger than {mib} MiB"), mib=mib
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _problem(
            "encoding", f"not UTF-8 text (byte {exc.start})", N_("not UTF-8 text (byte {n})"), n=exc.start
        ) from None
    if not text.strip():
        raise _problem("json", "the file is empty", N_("the file is empty"))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _problem(
            "json",
            f"not valid JSON ({exc.msg}; line {exc.lineno}, column {exc.colno})",
            N_("not valid JSON (line {line}, column {col})"),
            line=exc.lineno,
            col=exc.colno,
        ) from None
    except RecursionError:
        raise _problem(
            "json", "not a save: JSON nested too deeply", N_("not a save: JSON nested too deeply")
        ) from None
    except ValueError as exc:  # a number of thousands of digits
        raise _problem("json", f"not valid JSON ({exc})", N_("not valid JSON")) from None
    if not isinstance(data, dict):
        raise _problem("not_object", "the file holds no JSON object", N_("the file holds no JSON object"))
    try:
        data = upgrade(data)
        return SaveGame.model_validate(data)
    except _Unreadable:
        raise
    except (TypeError, ValueError, AttributeError, KeyError, RecursionError) as exc:
        if isinstance(exc, ValidationError):
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "(top level)"
            template = (
                N_("missing field '{field}'")
                if first["type"] == "missing"
                else N_("wrong value in '{field}'")
            )
            raise _problem("invalid", _validation_message(exc), template, field=where) from None
        # an old save whose fields have the wrong shape for the upgrader
        raise _problem(
            "invalid", f"fields of the wrong kind ({exc})", N_("fields of the wrong kind")
        ) from None


def _validation_message(exc: ValidationError) -> str:
    """The first problem of a save that does not validate, in one line."""
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "(top level)"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    if first["type"] == "missing":
        return f"missing field '{where}'{more}"
    return f"{where}: {first['msg']}{more}"


@dataclass(frozen=True)
class SlotInfo:
    """One entry of the save list: a readable save's summary, or the reason it is unreadable."""

    slot: str
    path: Path
    modified: float
    save: SaveGame | None = None
    problem: SaveProblem | None = None

    @property
    def readable(self) -> bool:
        return self.problem is None

    @property
    def summary(self) -> SaveSummary | None:
        return self.save.summary if self.save else None

    def describe(self) -> str:
        """English one-liner, for logs and the command line."""
        if self.save is None:
            return f"{self.slot}: unreadable: {self.problem}"
        s = self.save.summary
        scores = ", ".join(f"{k} {v:.0f}" for k, v in s.scores.items())
        return f"{self.slot}: {self.save.level_id}, turn {s.turn}" + (f" ({scores})" if scores else "")


class SaveStore:
    """The saves folder of one data directory."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = Path(data_dir) / SAVES_FOLDER

    def path(self, slot: str) -> Path:
        if not SLOT_RE.match(slot):
            raise SaveError(f"bad save slot name {slot!r}: use letters, digits, '-' and '_' (at most 48)")
        return self.folder / f"{slot}.json"

    def write(self, slot: str, save: SaveGame) -> Path:
        """Write a save atomically: a failure leaves any previous file in this slot as it was.
        The previous save, if it is readable, first becomes the slot's newest backup."""
        path = self.path(slot)
        text = json.dumps(save.model_dump(mode="json"), indent=1, sort_keys=True, ensure_ascii=False)
        self._back_up(slot, path)
        atomic_write_text(path, text + "\n")
        return path

    def backup_path(self, slot: str, n: int) -> Path:
        """The slot's n-th newest backup (1 to BACKUPS), in `saves/backups/`."""
        self.path(slot)  # checks the name
        return self.folder / BACKUPS_FOLDER / f"{slot}.{n}.json"

    def backups(self, slot: str) -> list[Path]:
        """The slot's backups that exist, newest first."""
        return [p for n in range(1, BACKUPS + 1) if (p := self.backup_path(slot, n)).is_file()]

    def load_backup(self, slot: str, n: int = 1) -> SaveGame:
        """Read the slot's n-th newest backup that exists (a power cut during the rotation
        can leave a gap in the numbers), after a save was damaged by hand or by a disk."""
        found = self.backups(slot)
        if not 1 <= n <= len(found):
            raise SaveError(f"{self.backup_path(slot, n)}: no such backup ({len(found)} kept)")
        return self._read(found[n - 1])

    def _back_up(self, slot: str, path: Path) -> None:
        """Keep the last BACKUPS readable saves of the slot: 2 -> 3, 1 -> 2, current -> 1.
        A damaged current file is not kept, so it never pushes a good backup out."""
        try:
            if not path.is_file() or path.stat().st_size > MAX_SAVE_BYTES:
                return
            raw = path.read_bytes()
            parse_save(raw)
        except (OSError, _Unreadable):
            return
        folder = self.folder / BACKUPS_FOLDER
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for n in range(BACKUPS - 1, 0, -1):
                older = self.backup_path(slot, n)
                if older.is_file():
                    os.replace(older, self.backup_path(slot, n + 1))
            atomic_write_bytes(self.backup_path(slot, 1), raw)
        except OSError:
            return  # a backup that cannot be written must not stop the save itself

    def autosave(self, save: SaveGame) -> Path:
        return self.write(AUTOSAVE_SLOT, save)

    def load(self, slot: str) -> SaveGame:
        """Read one save; raises SaveError naming the file and the reason. Never writes."""
        return self._read(self.path(slot))

    def _read(self, path: Path) -> SaveGame:
        try:
            if path.is_file() and path.stat().st_size > MAX_SAVE_BYTES:
                raise SaveError.of(
                    part(
                        N_("{path}: cannot be loaded: file is larger than {mib} MiB"),
                        path=path,
                        mib=MAX_SAVE_BYTES // 1024**2,
                    )
                )
            raw = path.read_bytes()
        except FileNotFoundError:
            raise SaveError.of(part(N_("{path}: no such save"), path=path)) from None
        except OSError as exc:
            raise SaveError.of(
                part(N_("{path}: cannot be read: {why}"), path=path, why=os_reason(exc))
            ) from None
        try:
            return parse_save(raw)
        except _Unreadable as exc:
            bad = exc.problem
            said = (part(N_("{path}: cannot be loaded: "), path=path), (bad.template, bad.args))
            raise SaveError(
                f"{path}: cannot be loaded: {bad.detail}", 2, said if bad.template else ()
            ) from None

    def delete(self, slot: str) -> None:
        path = self.path(slot)
        try:
            path.unlink()
        except FileNotFoundError:
            pass

    def list(self) -> list[SlotInfo]:
        """Every `*.json` slot in the folder, autosave first, then newest first. Never raises."""
        try:
            files = [p for p in self.folder.iterdir() if p.suffix == ".json" and p.is_file()]
        except OSError:
            return []
        out: list[SlotInfo] = []
        for path in files:
            slot = path.stem
            try:
                modified = path.stat().st_mtime
                raw = (
                    path.read_bytes()
                    if path.stat().st_size <= MAX_SAVE_BYTES
                    else b"\0" * (MAX_SAVE_BYTES + 1)
                )
            except OSError as exc:
                why = os_reason(exc)
                problem = SaveProblem("io", str(why), "{why}", (("why", why),))
                out.append(SlotInfo(slot, path, 0.0, problem=problem))
                continue
            try:
                out.append(SlotInfo(slot, path, modified, save=parse_save(raw)))
            except _Unreadable as exc:
                out.append(SlotInfo(slot, path, modified, problem=exc.problem))
            except Exception as exc:  # noqa: BLE001 - a listing must never fail on one bad file
                out.append(SlotInfo(slot, path, modified, problem=SaveProblem("invalid", repr(exc))))
        out.sort(key=lambda s: (s.slot != AUTOSAVE_SLOT, -s.modified, s.slot))
        return out

    def next_free_slot(self, prefix: str = "save") -> str:
        existing = {p.stem for p in self.folder.glob("*.json")} if self.folder.exists() else set()
        n = 1
        while f"{prefix}-{n}" in existing:
            n += 1
        return f"{prefix}-{n}"
