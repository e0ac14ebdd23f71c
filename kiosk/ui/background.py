"""Work done in a thread, its result handed back to the GUI thread.

For the few slow, Qt-free steps the kiosk takes while a screen is showing (reading a large
package after the attract loop's first frame): the loop keeps animating and answering touches
while the thread works.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)


class _Courier(QObject):
    """Lives in the GUI thread; the worker's signal is queued to its slot there."""

    delivered = Signal(object)

    def __init__(self, on_done: Callable[[Any], None], parent: QObject) -> None:
        super().__init__(parent)
        self.on_done = on_done
        self.delivered.connect(self.deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def deliver(self, result: Any) -> None:
        self.on_done(result)


def run_in_thread(
    work: Callable[[], Any], on_done: Callable[[Any], None], parent: QObject, name: str
) -> threading.Thread:
    """Run ``work()`` in a daemon thread, then ``on_done(result)`` in ``parent``'s thread.

    Nothing is delivered when ``parent`` is gone by then (the window was closed meanwhile).
    """
    courier = _Courier(on_done, parent)

    def body() -> None:
        result = work()
        try:
            courier.delivered.emit(result)
        except RuntimeError:  # the courier went with its parent: nobody is waiting any more
            log.debug("%s finished after its window closed", name)

    thread = threading.Thread(target=body, name=name, daemon=True)
    thread.start()
    return thread
