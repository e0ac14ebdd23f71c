"""Settings: layered values, and errors a technician can act on (file, line, key)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.settings import Settings, SettingsError, load_settings


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "config.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, "utf-8")
    return path


def test_defaults_without_any_file_start_in_french_preview() -> None:
    settings = load_settings(None, environ={})
    assert settings.mode == "preview"
    assert settings.default_language == "fr"
    assert settings.idle_timeout_s == 90


def test_bad_value_names_file_line_and_key(tmp_path: Path) -> None:
    path = write(tmp_path, 'mode = "kiosk"\n\n# idle\nidle_timeout_s = "soon"\n')
    with pytest.raises(SettingsError) as caught:
        load_settings(path, environ={})
    error = caught.value
    assert (error.source, error.line, error.key) == (str(path), 4, "idle_timeout_s")
    assert str(error).startswith(f"{path}:4: key 'idle_timeout_s':")
    assert "whole number" in error.reason


def test_unknown_key_is_refused_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, 'mode = "kiosk"\ncolour = "blue"\n')
    with pytest.raises(SettingsError) as caught:
        load_settings(path, environ={})
    assert (caught.value.line, caught.value.key) == (2, "colour")
    assert "unknown setting" in caught.value.reason


def test_value_in_a_section_is_reported_at_its_own_line(tmp_path: Path) -> None:
    path = write(tmp_path, 'mode = "kiosk"\n\n[idle]\ntimeout_s = 3\n')
    with pytest.raises(SettingsError) as caught:
        load_settings(path, environ={})
    assert (caught.value.line, caught.value.key) == (4, "idle_timeout_s")


def test_invalid_toml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, 'mode = "kiosk"\nlanguages = ["fr",\n')
    with pytest.raises(SettingsError) as caught:
        load_settings(path, environ={})
    assert caught.value.line is not None
    assert "not valid TOML" in caught.value.reason


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, b'mode = "kiosk"\ntimezone = "Europe/Par\xe9s"\n')
    with pytest.raises(SettingsError) as caught:
        load_settings(path, environ={})
    assert caught.value.line == 2
    assert "UTF-8" in caught.value.reason


def test_missing_explicit_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="does not exist"):
        load_settings(tmp_path / "absent.toml", environ={})


def test_environment_overrides_file_and_flags_override_environment(tmp_path: Path) -> None:
    path = write(tmp_path, "idle_timeout_s = 120\nvolume_max = 80\n")
    settings = load_settings(path, environ={"KIOSK_IDLE_TIMEOUT_S": "200"})
    assert (settings.idle_timeout_s, settings.volume_max) == (200, 80)
    flagged = load_settings(path, flags={"mode": "kiosk"}, environ={"KIOSK_MODE": "preview"})
    assert flagged.kiosk_mode


def test_bad_environment_value_names_the_variable() -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(None, environ={"KIOSK_VOLUME_MAX": "loud"})
    assert caught.value.source == "environment variable KIOSK_VOLUME_MAX"


def test_default_language_must_be_offered(tmp_path: Path) -> None:
    path = write(tmp_path, 'languages = ["fr", "en"]\ndefault_language = "de"\n')
    with pytest.raises(SettingsError) as caught:
        load_settings(path, environ={})
    assert caught.value.key == "default_language"


def test_pin_in_clear_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, 'staff_pin_hash = "1234"\n')
    with pytest.raises(SettingsError, match="set-pin"):
        load_settings(path, environ={})


def test_settings_are_frozen() -> None:
    settings = Settings()
    with pytest.raises(AttributeError):
        settings.mode = "kiosk"  # type: ignore[misc]
