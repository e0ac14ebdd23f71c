"""The real ``kiosk run`` process on an X server: its window, its lockdown, its clean exit."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import KioskProcess, XServer, ocr_text

pytestmark = pytest.mark.display

StartKiosk = Callable[..., KioskProcess]


def window_ids(xvfb: XServer, name: str) -> list[str]:
    result = xvfb.run("xdotool", "search", "--onlyvisible", "--name", name)
    return result.stdout.split()


def wait_for_window(xvfb: XServer, name: str, timeout_s: float = 30) -> str:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        ids = window_ids(xvfb, name)
        if ids:
            return ids[0]
        time.sleep(0.2)
    pytest.fail(f"no window named {name!r} appeared")


def assert_attract_screen(capture: Path) -> None:
    with Image.open(capture) as image:
        colours = image.convert("RGB").resize((192, 108)).getcolors(192 * 108)
    assert colours is not None and len(colours) > 20, "the window looks blank"
    words = ocr_text(capture)
    assert "musiciens africains racontent leur 93" in words, words


def test_kiosk_run_shows_the_attract_screen_and_quits_cleanly(
    xvfb: XServer, start_kiosk: StartKiosk, tmp_path: Path
) -> None:
    kiosk = start_kiosk()
    kiosk.wait_for_log("first frame shown")
    wait_for_window(xvfb, "musiciens africains")
    time.sleep(1.0)  # let the invitation's first text settle before reading it
    assert_attract_screen(xvfb.capture(tmp_path / "screen.png"))
    assert kiosk.terminate() == 0
    log = kiosk.log_text()
    assert "stopped with status 0" in log
    assert "Traceback" not in log


def test_kiosk_mode_ignores_closing_shortcuts_and_stops_on_sigterm(
    xvfb: XServer, start_kiosk: StartKiosk, tmp_path: Path
) -> None:
    kiosk = start_kiosk("--kiosk")
    kiosk.wait_for_log("first frame shown")
    window = wait_for_window(xvfb, "musiciens africains")
    for keys in ("alt+F4", "ctrl+q", "Escape", "ctrl+w"):
        xvfb.run("xdotool", "windowactivate", "--sync", window)
        xvfb.run("xdotool", "key", "--window", window, keys)
        time.sleep(0.3)
        assert kiosk.process.poll() is None, f"{keys} closed the kiosk"
        assert window_ids(xvfb, "musiciens africains") == [window], f"{keys} closed the window"
    geometry = xvfb.run("xdotool", "getwindowgeometry", window).stdout
    assert "1920x1080" in geometry, geometry
    assert_attract_screen(xvfb.capture(tmp_path / "locked.png"))
    started = time.monotonic()
    assert kiosk.terminate(timeout_s=5) == 0
    assert time.monotonic() - started < 5
    log = kiosk.log_text()
    assert "received signal SIGTERM" in log
    assert "Traceback" not in log
