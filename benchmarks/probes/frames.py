"""When the window's frames were synchronised and shown, as seen from the render thread.

Both signals are connected directly, so the time stamps (``time.perf_counter()``) are taken on
the render thread at the moment Qt emits them, not when the GUI thread gets round to it.
``afterSynchronizing`` happens while the GUI thread is blocked and the scene is copied to the
renderer: a frame synchronised after a change shows that change. ``frameSwapped`` is the frame
reaching the screen.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtQuick import QQuickWindow

T = TypeVar("T")


class FrameClock:
    """Records the sync and swap times of every frame of ``window``."""

    def __init__(self, window: QQuickWindow) -> None:
        self.window = window
        self._lock = threading.Lock()
        self.syncs: list[float] = []
        self.swaps: list[float] = []
        direct = Qt.ConnectionType.DirectConnection
        window.afterSynchronizing.connect(self._on_sync, direct)
        window.frameSwapped.connect(self._on_swap, direct)

    def _on_sync(self) -> None:
        now = time.perf_counter()
        with self._lock:
            self.syncs.append(now)

    def _on_swap(self) -> None:
        now = time.perf_counter()
        with self._lock:
            self.swaps.append(now)

    def trim(self) -> None:
        """Forget old frames (long runs would otherwise keep every stamp)."""
        with self._lock:
            del self.syncs[:-4]
            del self.swaps[:-4]

    def shown_after(self, moment: float) -> float | None:
        """When the first frame synchronised after ``moment`` was swapped, if it was yet."""
        frame = self.frame_after(moment)
        return None if frame is None else frame[1]

    def frame_after(self, moment: float) -> tuple[float, float] | None:
        """(sync, swap) of the first frame synchronised after ``moment``, once swapped."""
        with self._lock:
            sync = next((t for t in self.syncs if t > moment), None)
            if sync is None:
                return None
            swap = next((t for t in self.swaps if t > sync), None)
            return None if swap is None else (sync, swap)

    def wait_shown_after(
        self, moment: float, timeout: float, request_update: bool = False
    ) -> float | None:
        """Run the event loop until a frame synchronised after ``moment`` is shown."""
        if request_update:
            self.window.update()
        return pump_until(lambda: self.shown_after(moment), timeout)


def pump(seconds: float) -> None:
    """Run the event loop for ``seconds``."""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.001)


def pump_until(probe: Callable[[], T | None], timeout: float) -> T | None:
    """Run the event loop until ``probe()`` returns something other than None."""
    deadline = time.perf_counter() + timeout
    while True:
        found = probe()
        if found is not None or time.perf_counter() >= deadline:
            return found
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.0005)
