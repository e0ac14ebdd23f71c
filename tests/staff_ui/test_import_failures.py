"""An import that cannot finish (full disk, cancel) says so calmly and changes nothing."""

from __future__ import annotations

import errno
import time
from pathlib import Path
from typing import IO

import pytest
from pytestqt.qtbot import QtBot

from kiosk.content import copier
from tests.staff_ui.conftest import PIN, copy_demo
from tests.staff_ui.harness import StaffScreen


def test_full_disk_ends_the_import_with_a_clear_message(
    screen: StaffScreen, usb: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_demo(usb / "expo", "Exposition trop grande")

    def disk_full(handle: IO[bytes], data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(copier, "write_chunk", disk_full)
    screen.enter_pin(PIN)
    screen.tap("refreshSources")
    screen.tap("importPackage_0")
    importer = screen.panel.property("importer")
    qtbot.waitUntil(lambda: importer.property("resultKind") != "", timeout=20000)
    assert importer.property("resultKind") == "error"
    assert "disk is full" in screen.text("messageText", "importResult")
    assert "nothing has changed" in screen.text("messageText", "importResult")
    # It says where to free space: the list's title and the button's label as shown.
    assert "'Delete' button" in screen.text("messageText", "importResult")
    assert "'Exhibition versions'" in screen.text("messageText", "importResult")
    assert screen.store.versions() == []
    assert screen.item("dismissImport").isVisible()


def test_cancel_button_stops_the_copy_and_stores_nothing(
    screen: StaffScreen, usb: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_demo(usb / "expo", "Exposition annulée")
    real_write = copier.write_chunk

    def slow_write(handle: IO[bytes], data: bytes) -> None:  # a slow stick
        time.sleep(0.05)
        real_write(handle, data)

    monkeypatch.setattr(copier, "write_chunk", slow_write)
    screen.enter_pin(PIN)
    screen.tap("refreshSources")
    screen.tap("importPackage_0")
    importer = screen.panel.property("importer")
    qtbot.waitUntil(lambda: importer.property("phase") == "copying", timeout=10000)
    screen.tap("cancelImport")
    qtbot.waitUntil(lambda: importer.property("resultKind") != "", timeout=20000)
    assert importer.property("resultKind") == "cancelled"
    assert "cancelled" in screen.text("messageText", "importResult")
    assert screen.store.versions() == []
    assert not screen.item("importProgress").isVisible()
