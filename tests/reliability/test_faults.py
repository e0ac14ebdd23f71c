"""Faults around the kiosk: each leaves the exhibition on screen and says what is wrong.

Every test starts the real kiosk under Xvfb with one fault in place, checks that the attract
screen is there (read with tesseract) and that the log names the problem, then stops the kiosk
cleanly: nothing is lost and no traceback appears.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import KioskProcess, XServer, ocr_text

pytestmark = pytest.mark.display

StartKiosk = Callable[..., KioskProcess]


@contextlib.contextmanager
def tmpfs(folder: Path, options: str) -> Iterator[Path]:
    """A small tmpfs mounted on ``folder`` (the suite runs as root, as CI does here)."""
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {result.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def assert_exhibition_still_shown(xvfb: XServer, kiosk: KioskProcess, tmp_path: Path) -> None:
    kiosk.wait_for_log("first frame shown")
    time.sleep(1.0)
    words = ocr_text(xvfb.capture(tmp_path / "screen.png"))
    assert "musiciens africains racontent leur 93" in words, words
    assert kiosk.process.poll() is None


def stop_cleanly(kiosk: KioskProcess) -> str:
    assert kiosk.terminate() == 0
    log = kiosk.log_text()
    assert "Traceback" not in log
    return log


def test_read_only_data_folder(
    xvfb: XServer, start_kiosk: StartKiosk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with tmpfs(tmp_path / "data", "ro,size=1m") as data:
        monkeypatch.setenv("KIOSK_DATA_DIR", str(data))
        kiosk = start_kiosk()
        assert_exhibition_still_shown(xvfb, kiosk, tmp_path)
        log = stop_cleanly(kiosk)
    assert "Read-only file system" in log
    assert "statistics and content updates are paused" in log


def test_full_disk(
    xvfb: XServer, start_kiosk: StartKiosk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with tmpfs(tmp_path / "data", "size=64k") as data:
        with contextlib.suppress(OSError), open(data / "filler", "wb") as filler:
            filler.write(b"\0" * 1024 * 1024)
        monkeypatch.setenv("KIOSK_DATA_DIR", str(data))
        kiosk = start_kiosk()
        assert_exhibition_still_shown(xvfb, kiosk, tmp_path)
        log = stop_cleanly(kiosk)
    assert "No space left on device" in log


def test_missing_libvlc_plugins(
    xvfb: XServer, start_kiosk: StartKiosk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "no-plugins"
    empty.mkdir()
    monkeypatch.setenv("VLC_PLUGIN_PATH", str(empty))
    kiosk = start_kiosk()
    assert_exhibition_still_shown(xvfb, kiosk, tmp_path)
    stop_cleanly(kiosk)


def test_libvlc_absent(
    xvfb: XServer, start_kiosk: StartKiosk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_VLC_LIB_PATH", str(tmp_path / "libvlc.so.5"))
    kiosk = start_kiosk()
    assert_exhibition_still_shown(xvfb, kiosk, tmp_path)
    stop_cleanly(kiosk)


def test_corrupt_configuration_file(
    xvfb: XServer, start_kiosk: StartKiosk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = Path(os.environ["KIOSK_CONFIG"])
    config.write_bytes(b'mode = "preview"\nidle_timeout_s = \x00\xff\n[[[')
    kiosk = start_kiosk()
    assert_exhibition_still_shown(xvfb, kiosk, tmp_path)
    log = stop_cleanly(kiosk)
    assert f"configuration ignored, running on defaults: {config}:2" in log
    assert config.read_bytes().endswith(b"[[["), "the broken file must be left for the technician"
