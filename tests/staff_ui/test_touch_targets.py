"""Every control of the staff panel is a named button of at least 64x64 px (9 mm at 1080p)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtQuick import QQuickItem

from kiosk.analytics.events import VisitorStats
from kiosk.paths import AppPaths
from tests.staff_ui.conftest import PIN, copy_demo
from tests.staff_ui.harness import StaffScreen


def visible_buttons(root: QQuickItem) -> list[tuple[str, float, float]]:
    """(accessible name, width, height) of every button shown under ``root``."""
    found = []
    stack = [root]
    while stack:
        item = stack.pop()
        if not item.isVisible() or item.opacity() == 0:
            continue
        interface = QAccessible.queryAccessibleInterface(item)
        if interface is not None and interface.role() == QAccessible.Role.Button:
            found.append((interface.text(QAccessible.Text.Name), item.width(), item.height()))
        stack.extend(item.childItems())
    return found


@pytest.mark.parametrize("tab", ["content", "stats", "settings", "health"])
def test_every_control_is_large_and_named(
    make_screen: Callable[..., StaffScreen], usb: Path, paths: AppPaths, tab: str
) -> None:
    QAccessible.setActive(True)
    copy_demo(usb / "expo", "Exposition")
    stats = VisitorStats.for_data_dir(paths.data_dir)
    stats.start_session("fr")
    stats.idle_reset()
    screen = make_screen(stats=stats)
    pad_buttons = visible_buttons(screen.window.contentItem())
    assert len(pad_buttons) >= 13  # ten digits, erase, OK, back
    screen.enter_pin(PIN)
    screen.tap(f"staffTab_{tab}")
    buttons = visible_buttons(screen.window.contentItem())
    assert len(buttons) >= 5
    for name, width, height in pad_buttons + buttons:
        assert name.strip(), "a button without an accessible name"
        assert width >= 64 and height >= 64, f"{name!r} is {width}x{height} px"
