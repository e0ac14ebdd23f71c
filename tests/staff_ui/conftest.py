"""Fixtures for the staff panel tests: settings with a PIN, a USB stick folder, the screen."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication

from kiosk.paths import AppPaths
from kiosk.settings import Settings, load_settings
from kiosk.staff.pin import hash_pin
from tests.staff_ui.harness import DEMO, StaffScreen, build_screen, qasync_running

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
        # English: the assertions read the English message ids, whatever French catalogue
        # the translators add later.
        'default_language = "en"\n'
        "\n[idle]\ntimeout_s = 90  # seconds\n",
        "utf-8",
    )
    return load_settings()


def copy_demo(target: Path, title: str) -> Path:
    """The demo exhibition copied to ``target``, titled ``title`` in every language."""
    shutil.copytree(DEMO, target)
    toml = target / "exhibition.toml"
    lines = toml.read_text("utf-8").splitlines()
    section = ""
    for index, line in enumerate(lines):
        if line.startswith("["):
            section = line.strip()
        elif section == "[exhibition.title]" and "=" in line:
            language = line.split("=", 1)[0].strip()
            lines[index] = f'{language} = "{title}"'
    toml.write_text("\n".join(lines) + "\n", "utf-8")
    return target


@pytest.fixture
def usb(tmp_path: Path) -> Iterator[Path]:
    """An empty folder standing for a mounted USB stick."""
    stick = tmp_path / "media" / "CLE-USB"
    stick.mkdir(parents=True)
    yield stick


@pytest.fixture
def make_screen(
    qapp: QGuiApplication, settings: Settings, paths: AppPaths, usb: Path
) -> Iterator[Callable[..., StaffScreen]]:
    """Builds the staff screen (on a running qasync loop); closes what it built."""
    built: list[StaffScreen] = []
    with qasync_running(qapp):

        def make(**options: Any) -> StaffScreen:
            options.setdefault("settings", settings)
            screen = build_screen(paths=paths, usb_roots=[usb], **options)
            built.append(screen)
            return screen

        yield make
        for screen in built:
            screen.close()


@pytest.fixture
def screen(make_screen: Callable[..., StaffScreen]) -> StaffScreen:
    return make_screen()
