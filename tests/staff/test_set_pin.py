"""`kiosk staff set-pin`: asks twice, writes only the hash, keeps the rest of the config."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.settings import load_settings
from kiosk.staff.commands import set_config_value
from kiosk.staff.pin import PinGate

PIN = "73915408"
CONFIG = """\
# Kiosk of the Maison de Quartier
idle_timeout_s = 120  # visitors read slowly
staff_pin_hash = ""

[staff]
timeout_s = 300
"""


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(CONFIG, "utf-8")
    monkeypatch.setenv("KIOSK_CONFIG", str(path))
    monkeypatch.setenv("KIOSK_DEFAULT_LANGUAGE", "en")
    for name in ("DATA", "LOG", "CACHE"):
        monkeypatch.setenv(f"KIOSK_{name}_DIR", str(tmp_path / name.lower()))
    return path


def _type(monkeypatch: pytest.MonkeyPatch, *lines: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{line}\n" for line in lines)))


def test_set_pin_stores_a_hash_that_opens_the_gate_and_keeps_the_file(
    config: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    _type(monkeypatch, PIN, PIN)

    assert main(["staff", "set-pin"]) == 0

    text = config.read_text("utf-8")
    assert PIN not in text
    assert "# Kiosk of the Maison de Quartier" in text
    assert "idle_timeout_s = 120  # visitors read slowly" in text
    assert text.count("staff_pin_hash") == 1
    settings = load_settings(config)
    assert settings.staff_pin_hash.startswith("scrypt$")
    assert settings.idle_timeout_s == 120 and settings.staff_timeout_s == 300
    assert PinGate(settings.staff_pin_hash).check(PIN).ok
    captured = capsys.readouterr()
    assert PIN not in captured.out + captured.err + caplog.text


def test_two_different_pins_change_nothing(
    config: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _type(monkeypatch, PIN, "73915409")
    assert main(["staff", "set-pin"]) == 1
    assert config.read_text("utf-8") == CONFIG
    assert "differ" in capsys.readouterr().err


def test_a_too_short_pin_is_refused(
    config: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _type(monkeypatch, "12", "12")
    assert main(["staff", "set-pin"]) == 1
    assert config.read_text("utf-8") == CONFIG


def test_key_is_added_before_the_first_table_when_absent(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[staff]\ntimeout_s = 300\n", "utf-8")

    set_config_value(path, "staff_pin_hash", "scrypt$16384$8$1$00$11")

    assert path.read_text("utf-8").splitlines()[0] == 'staff_pin_hash = "scrypt$16384$8$1$00$11"'
    assert load_settings(path).staff_timeout_s == 300


def test_key_inside_its_section_is_replaced_there(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[staff]\npin_hash = "scrypt$1$1$1$00$00"\ntimeout_s = 300\n', "utf-8")

    set_config_value(path, "staff_pin_hash", "scrypt$16384$8$1$00$11")

    assert path.read_text("utf-8") == (
        '[staff]\npin_hash = "scrypt$16384$8$1$00$11"\ntimeout_s = 300\n'
    )
