"""Python's cycle collector, run on the GUI thread only.

Left automatic, the collector runs on whichever thread happens to allocate past its threshold:
in the kiosk that is often a libvlc thread, which copies every video frame in Python. Qt objects
caught in a reference cycle would then be destroyed on that thread; a QObject destroyed off its
own thread cannot stop its timers, which later fire on freed memory (a crash, seen in the test
suite when test objects were collected that way). So automatic collection is off and a timer on
the GUI thread does the same work: each generation is collected when its count passes Python's
own threshold, checked a few times a second.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 250


class GuiThreadCollector(QObject):
    """Switches automatic collection off and collects from the GUI thread's event loop."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        """Collect the oldest generation whose count is past its threshold; objects freed."""
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        due = [generation for generation in range(3) if counts[generation] > thresholds[generation]]
        return gc.collect(due[-1]) if due else 0

    def stop(self) -> None:
        """Back to automatic collection (the application is closing)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
