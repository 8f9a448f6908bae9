"""Player settings (language, UI scale, display, sound, font, motion) kept as JSON in the
user data folder.

Why pydantic: a hand-edited or older settings file is checked field by field; a bad value
falls back to its default with a warning instead of stopping the game.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.atomic import atomic_write_text

SETTINGS_FILE = "settings.json"
SETTINGS_VERSION = 1
Language = Literal["en", "es"]
LANGUAGES: tuple[Language, ...] = ("en", "es")
FONTS = ("standard", "hyperlegible", "dyslexic")
SCALE_STEPS = tuple(range(100, 201, 10))
MAX_SETTINGS_BYTES = 64 * 1024


class Settings(BaseModel):
    """Everything the player can change in the settings screen."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True, frozen=False, strict=True)

    version: int = SETTINGS_VERSION
    language: Literal["en", "es"] = Field(default="en", description="interface language")
    ui_scale: int = Field(default=100, ge=100, le=200, description="size of text and controls, percent")
    fullscreen: bool = False
    volume: int = Field(default=70, ge=0, le=100, description="sound effect volume, percent")
    mute: bool = False
    font: Literal["standard", "hyperlegible", "dyslexic"] = Field(
        default="standard",
        description="standard: Noto Sans; hyperlegible: Atkinson Hyperlegible; "
        "dyslexic: OpenDyslexic (the dyslexia-friendly option)",
    )
    reduced_motion: bool = Field(default=False, description="no animated transitions or auto-play")
    theme: Literal["default", "high_contrast"] = Field(
        default="default",
        description="default: the colour-blind-safe dark theme; high_contrast: black, white and "
        "bright colours, text at 7:1 contrast or more (assets/theme_high_contrast.json)",
    )

    @property
    def dyslexia_font(self) -> bool:
        return self.font == "dyslexic"

    @property
    def effective_volume(self) -> float:
        """Volume as 0..1 after mute."""
        return 0.0 if self.mute else self.volume / 100.0


def language_from_env(env: Mapping[str, str] | None = None) -> Language:
    """The first supported language named by LANGUAGE, LC_ALL, LC_MESSAGES or LANG, else English."""
    env = os.environ if env is None else env
    for key in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for part in env.get(key, "").split(":"):
            code = part.split("_")[0].split(".")[0].lower()
            for lang in LANGUAGES:
                if code == lang:
                    return lang
    return "en"


def settings_path(data_dir: Path) -> Path:
    return Path(data_dir) / SETTINGS_FILE


def load_settings(data_dir: Path, env: Mapping[str, str] | None = None) -> tuple[Settings, list[str]]:
    """Read the settings file; return the settings and warnings about anything ignored.

    A missing file gives the defaults (language from the environment); a broken file or a bad
    field gives the default for what was broken and a warning, never an exception.
    """
    path = settings_path(data_dir)
    if not path.exists():
        return Settings(language=language_from_env(env)), []
    try:
        if not path.is_file():
            raise ValueError("not a regular file")
        if path.stat().st_size > MAX_SETTINGS_BYTES:
            raise ValueError("file is too large")
        with path.open("rb") as handle:
            data = handle.read(MAX_SETTINGS_BYTES + 1)
        # utf-8-sig: Windows Notepad starts a file it saves as UTF-8 with a byte-order mark
        raw = json.loads(data.decode("utf-8-sig"))
    except RecursionError:
        return Settings(), [f"{path}: settings could not be read (nested too deeply); using defaults"]
    except (OSError, ValueError) as exc:
        return Settings(), [f"{path}: settings could not be read ({exc}); using defaults"]
    if not isinstance(raw, dict):
        return Settings(), [f"{path}: settings must be a JSON object; using defaults"]
    warnings: list[str] = []
    good: dict[str, object] = {}
    defaults = Settings().model_dump()
    for key, value in raw.items():
        if key not in defaults or key == "version":
            continue
        try:
            Settings.model_validate({**defaults, key: value})
        except ValidationError as exc:
            msg = exc.errors()[0]["msg"]
            shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
            warnings.append(f"{path}: {key}: {msg} (got {shown}); using {defaults[key]!r}")
            continue
        except (RecursionError, ValueError, TypeError) as exc:
            warnings.append(f"{path}: {key}: cannot be read ({type(exc).__name__}); using {defaults[key]!r}")
            continue
        good[key] = value
    return Settings.model_validate({**defaults, **good}), warnings


def save_settings(data_dir: Path, settings: Settings) -> Path:
    """Write the settings atomically; returns the file written."""
    path = settings_path(data_dir)
    atomic_write_text(path, json.dumps(settings.model_dump(), indent=2, sort_keys=True) + "\n")
    return path
