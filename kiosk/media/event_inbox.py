"""The player's inbox: backend events posted from libvlc's threads, applied on the owner thread.

libvlc must never be called from its own callbacks, so a callback only enqueues its event and
rings the owner's wake-up (a queued Qt signal in the kiosk); the owner drains the queue.
"""

from __future__ import annotations

import queue
import time
from collections.abc import Callable

from kiosk.media.backend import BackendEvent


class EventInbox:
    """A thread-safe queue of backend events with an optional wake-up for the owner thread."""

    def __init__(self) -> None:
        self._events: queue.SimpleQueue[BackendEvent] = queue.SimpleQueue()
        self.wakeup: Callable[[], None] | None = None

    def post(self, event: BackendEvent) -> None:
        """Any thread: enqueue only, never call back into the backend."""
        self._events.put(event)
        wakeup = self.wakeup
        if wakeup is not None:
            wakeup()

    def drain(self, apply: Callable[[BackendEvent], None], timeout_s: float = 0.0) -> int:
        """Owner thread: ``apply`` each queued event; wait up to ``timeout_s`` for the first.
        Returns how many were applied."""
        count = 0
        try:
            event = (
                self._events.get(timeout=timeout_s) if timeout_s > 0 else self._events.get_nowait()
            )
            while True:
                apply(event)
                count += 1
                event = self._events.get_nowait()
        except queue.Empty:
            return count

    def wait_until(
        self, condition: Callable[[], bool], apply: Callable[[BackendEvent], None], timeout_s: float
    ) -> bool:
        """Drain events until ``condition()`` holds or ``timeout_s`` passes (Qt-free callers)."""
        deadline = time.monotonic() + timeout_s
        while not condition():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            self.drain(apply, min(remaining, 0.05))
        return True
