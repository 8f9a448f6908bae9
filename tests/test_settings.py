"""Settings: round trip, bad files and values fall back with warnings."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from game.settings import Settings, language_from_env, load_settings, save_settings


def test_round_trip(tmp_path):
    s = Settings(
        language="es",
        ui_scale=150,
        fullscreen=True,
        volume=30,
        mute=True,
        font="dyslexic",
        reduced_motion=True,
        theme="high_contrast",
    )
    save_settings(tmp_path, s)
    loaded, warnings = load_settings(tmp_path)
    assert loaded == s and warnings == []
    assert loaded.dyslexia_font and loaded.effective_volume == 0.0


def test_missing_file_uses_environment_language(tmp_path):
    s, warnings = load_settings(tmp_path, env={"LANG": "es_ES.UTF-8"})
    assert s.language == "es" and warnings == []
    assert language_from_env({"LANG": "fr_FR.UTF-8"}) == "en"
    assert language_from_env({"LANGUAGE": "de:es"}) == "es"


def test_bad_values_fall_back_field_by_field(tmp_path):
    (tmp_path / "settings.json").write_text(
        json.dumps(
            {"language": "klingon", "ui_scale": 500, "volume": 20, "future_option": 1, "theme": "neon"}
        )
    )
    s, warnings = load_settings(tmp_path)
    assert s.language == "en" and s.ui_scale == 100 and s.volume == 20 and s.theme == "default"
    assert len(warnings) == 3 and any("ui_scale" in w for w in warnings)
    assert any("theme" in w and "'neon'" in w for w in warnings)


@pytest.mark.parametrize("content", ["{not json", "[1,2]", "\x00\x01"])
def test_broken_file_gives_defaults(tmp_path, content):
    (tmp_path / "settings.json").write_text(content)
    s, warnings = load_settings(tmp_path)
    assert s == Settings() and len(warnings) == 1


def test_validation_on_assignment():
    s = Settings()
    with pytest.raises(ValidationError):
        s.ui_scale = 250
