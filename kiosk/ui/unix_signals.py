"""SIGTERM and SIGINT end the Qt event loop cleanly.

Python runs signal handlers only between bytecodes, and a Qt event loop may sleep in C for a
long time; ``signal.set_wakeup_fd`` plus a ``QSocketNotifier`` wakes it up at once, so systemd's
stop is honoured within its timeout.
"""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

log = logging.getLogger(__name__)


class SignalWakeup(QObject):
    """Calls ``on_signal(signum)`` on the Qt thread when SIGTERM or SIGINT arrives."""

    def __init__(self, on_signal: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_signal = on_signal
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._pending: list[int] = []
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self._remember)

    def _remember(self, signum: int, frame: object) -> None:
        self._pending.append(signum)

    def _drain(self) -> None:
        try:
            data = self._reader.recv(64)
        except BlockingIOError:
            data = b""
        signums = self._pending or list(data)
        self._pending = []
        for signum in signums:
            log.info("received signal %s, stopping", signal.Signals(signum).name)
            self._on_signal(signum)

    def close(self) -> None:
        signal.set_wakeup_fd(self._previous_fd)
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, signal.SIG_DFL)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()
