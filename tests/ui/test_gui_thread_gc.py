"""Reference cycles are freed on the GUI thread, even when another thread made and dropped them
(libvlc's threads run Python for every video frame)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from kiosk.ui.gui_thread_gc import GuiThreadCollector


class Node:
    def __init__(self, freed_on: list[str]) -> None:
        self.me = self  # a cycle: only the collector frees it
        self.freed_on = freed_on

    def __del__(self) -> None:
        self.freed_on.append(threading.current_thread().name)


@pytest.fixture
def collector(qtbot: QtBot) -> Iterator[GuiThreadCollector]:
    gc.collect()
    collector = GuiThreadCollector(interval_ms=20)
    yield collector
    collector.stop()


def test_cycles_dropped_by_a_worker_thread_are_freed_on_the_gui_thread(
    collector: GuiThreadCollector, qtbot: QtBot
) -> None:
    freed_on: list[str] = []

    count = gc.get_threshold()[0] * 2  # past the threshold: automatic collection would have
    # run on the worker, in the middle of the loop

    def worker() -> None:
        for _ in range(count):
            Node(freed_on)

    thread = threading.Thread(target=worker, name="libvlc-like")
    thread.start()
    thread.join()
    assert freed_on == []  # nothing collected on the worker
    qtbot.waitUntil(lambda: len(freed_on) == count, timeout=3000)
    assert set(freed_on) == {threading.main_thread().name}


def test_stopping_gives_collection_back_to_python() -> None:
    collector = GuiThreadCollector()
    assert not gc.isenabled()
    collector.stop()
    assert gc.isenabled()
