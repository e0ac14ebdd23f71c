"""Lockdown battery: in kiosk mode, nothing a visitor or a prankster does escapes the kiosk.

Runs the real ``kiosk run --kiosk`` under Xvfb and attacks it with xdotool: closing and
switching shortcuts, right clicks, long presses, attempts to open a second window. After every
attack the kiosk must still be the only visible window, full screen, with the cursor hidden.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from tests.conftest import KioskProcess, XServer
from tests.reliability.x11 import visible_cursor_pixels

pytestmark = pytest.mark.display

SHORTCUTS = (
    "alt+F4",
    "alt+Tab",
    "Escape",
    "ctrl+q",
    "ctrl+w",
    "F11",
    "super",
    "ctrl+alt+BackSpace",
    "ctrl+n",
    "ctrl+shift+n",
    "ctrl+o",
    "ctrl+p",
    "F1",
    "alt+space",
    "ctrl+plus",
    "Menu",
)


def visible_windows(xvfb: XServer) -> list[str]:
    root = xvfb.run("xdotool", "search", "--maxdepth", "0", "--name", ".*").stdout.split()
    ids = xvfb.run("xdotool", "search", "--onlyvisible", "--name", ".*").stdout.split()
    return [window for window in ids if window not in root]


def wait_for_kiosk_window(xvfb: XServer, timeout_s: float = 30) -> str:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        windows = visible_windows(xvfb)
        if windows:
            return windows[0]
        time.sleep(0.2)
    pytest.fail("the kiosk window never appeared")


def assert_still_locked(xvfb: XServer, kiosk: KioskProcess, window: str, attack: str) -> None:
    assert kiosk.process.poll() is None, f"{attack}: the kiosk stopped"
    assert visible_windows(xvfb) == [window], f"{attack}: another window appeared or ours went"
    geometry = xvfb.run("xdotool", "getwindowgeometry", window).stdout
    assert "Position: 0,0" in geometry and "1920x1080" in geometry, f"{attack}: {geometry}"
    xvfb.run("xdotool", "mousemove", "960", "700")
    assert visible_cursor_pixels(xvfb.display) == 0, f"{attack}: the cursor is visible"


def test_kiosk_survives_the_lockdown_battery(
    xvfb: XServer, start_kiosk: Callable[..., KioskProcess]
) -> None:
    kiosk = start_kiosk("--kiosk")
    kiosk.wait_for_log("first frame shown")
    window = wait_for_kiosk_window(xvfb)
    assert_still_locked(xvfb, kiosk, window, "start")

    for keys in SHORTCUTS:
        xvfb.run("xdotool", "key", "--window", window, keys)
        xvfb.run("xdotool", "key", keys)  # also to whatever has the focus
        time.sleep(0.15)
        assert_still_locked(xvfb, kiosk, window, keys)

    for x, y in ((10, 10), (960, 540), (1910, 1070)):
        xvfb.run("xdotool", "mousemove", str(x), str(y), "click", "3")
        time.sleep(0.15)
        assert_still_locked(xvfb, kiosk, window, f"right click at {x},{y}")

    for x, y in ((960, 540), (200, 900)):
        xvfb.run("xdotool", "mousemove", str(x), str(y), "mousedown", "1")
        time.sleep(1.5)
        xvfb.run("xdotool", "mouseup", "1")
        assert_still_locked(xvfb, kiosk, window, f"long press at {x},{y}")

    assert kiosk.terminate() == 0
    assert "Traceback" not in kiosk.log_text()
