"""Slow work in a thread hands its result to the GUI thread (kiosk/ui/background.py)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from kiosk.ui.background import run_in_thread


def test_the_result_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    owner = QObject()
    received: list[tuple[int, threading.Thread]] = []
    worker = run_in_thread(
        lambda: sum(range(1000)),
        lambda result: received.append((result, threading.current_thread())),
        owner,
        "test-sum",
    )
    qtbot.waitUntil(lambda: bool(received), timeout=5000)
    assert received == [(499500, threading.main_thread())]
    assert worker.name == "test-sum"


def test_nothing_arrives_once_the_owner_is_gone(qtbot: QtBot) -> None:
    owner = QObject()
    release = threading.Event()
    received: list[object] = []
    worker = run_in_thread(release.wait, received.append, owner, "test-late")
    owner.deleteLater()
    qtbot.wait(50)
    release.set()
    worker.join(5)
    qtbot.wait(100)
    assert not worker.is_alive()
    assert received == []
