"""Fixtures for the staff panel tests: settings with a PIN, a USB stick folder, the screen."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.paths import AppPaths
from kiosk.settings import Settings, load_settings
from kiosk.staff.pin import hash_pin
from tests.staff_ui.harness import DEMO

PIN = "2468"


@pytest.fixture
def paths() -> AppPaths:
    return AppPaths.resolve(
        Path(os.environ["KIOSK_DATA_DIR"]),
        Path(os.environ["KIOSK_LOG_DIR"]),
        Path(os.environ["KIOSK_CACHE_DIR"]),
    )


@pytest.fixture
def settings(isolated_kiosk_dirs: Path) -> Settings:
    """The settings a kiosk would load, with a staff PIN set (as `kiosk staff set-pin` does)."""
    config = isolated_kiosk_dirs / "config.toml"
    config.write_text(
        "# Written by the technician\n"
        f'staff_pin_hash = "{hash_pin(PIN)}"\n'
        "\n[idle]\ntimeout_s = 90  # seconds\n",
        "utf-8",
    )
    return load_settings()


def copy_demo(target: Path, title: str) -> Path:
    """The demo exhibition copied to ``target`` with its French title changed to ``title``."""
    shutil.copytree(DEMO, target)
    toml = target / "exhibition.toml"
    text = toml.read_text("utf-8")
    start = text.index("[exhibition.title]")
    line_start = text.index("fr = ", start)
    line_end = text.index("\n", line_start)
    toml.write_text(text[:line_start] + f'fr = "{title}"' + text[line_end:], "utf-8")
    return target


@pytest.fixture
def usb(tmp_path: Path) -> Iterator[Path]:
    """An empty folder standing for a mounted USB stick."""
    stick = tmp_path / "media" / "CLE-USB"
    stick.mkdir(parents=True)
    yield stick
