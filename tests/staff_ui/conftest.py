"""Fixtures for the staff panel tests: settings with a PIN, a USB stick folder, the screen."""

from __future__ import annotations

import os
import shutil
import subprocess
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


# An interview recorded across the room: ffmpeg's sine (amplitude 1/8) at 0.4, about -29 LUFS,
# so the even-loudness gain raises it by about 11 dB (the demo's own recordings need under 5).
QUIET_STORY = "artists/artiste-exemple-1/stories/entretien.m4a"
QUIET_STORY_ID = "artiste-exemple-1-entretien"


def record_quietly(package: Path) -> Path:
    """Replace :data:`QUIET_STORY` in ``package`` by a quiet recording; returns its path."""
    if shutil.which("ffmpeg") is None:
        pytest.skip("ffmpeg is needed to record the quiet story (make test installs it)")
    target = package / QUIET_STORY
    subprocess.run(
        [
            *("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"),
            *("-f", "lavfi", "-i", "sine=frequency=440:duration=3"),
            *("-af", "volume=0.4", "-c:a", "aac", str(target)),
        ],
        check=True,
    )
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
