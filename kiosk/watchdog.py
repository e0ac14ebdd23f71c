"""systemd's watchdog and readiness notifications, sent from the GUI thread.

The kiosk's unit has ``Type=notify`` and ``WatchdogSec=``: systemd restarts the kiosk when the
``WATCHDOG=1`` pings stop. They come from a QTimer on the GUI thread, so a frozen interface
(a QML binding loop, a blocking call, a deadlock) stops them exactly like a crash would, and
the visitor gets a working kiosk back within ``WatchdogSec``.

The sd_notify protocol is one datagram per message on the unix socket named by
``NOTIFY_SOCKET`` (a path, or an abstract socket when it starts with '@'); no libsystemd.
Without ``NOTIFY_SOCKET`` (development, tests, Windows) every call is a no-op.

For tests, ``freeze_for_test(seconds)`` (or ``KIOSK_DEBUG_FREEZE_AFTER_S`` in the environment)
blocks the GUI thread, as a hung interface would.
"""

from __future__ import annotations

import os
import socket
import time

from PySide6.QtCore import QObject, QTimer

FREEZE_ENV = "KIOSK_DEBUG_FREEZE_AFTER_S"
FREEZE_LENGTH_S = 3600.0


def notify_address(notify_socket: str) -> str | bytes:
    """The address to send to: abstract sockets ('@name') become b'\\0name'."""
    if notify_socket.startswith("@"):
        return b"\0" + notify_socket[1:].encode()
    return notify_socket


def send_notify(notify_socket: str | None, message: str) -> bool:
    """Send one sd_notify message; False when there is no socket or systemd is gone."""
    if not notify_socket or not hasattr(socket, "AF_UNIX"):
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.sendto(message.encode(), notify_address(notify_socket))
    except OSError:
        # systemd restarting or a stale variable: the kiosk must keep running regardless.
        return False
    return True


def ping_interval_ms(interval_s: float) -> int:
    """Ping at least twice per watchdog period, as sd_watchdog_enabled(3) advises."""
    return max(100, int(interval_s * 1000 / 2))


class Watchdog(QObject):
    """Pings systemd's watchdog from a timer on the thread that owns it (the GUI thread).

    Attributes:
        interval_s: the watchdog period (``WatchdogSec``); pings go out twice per period.
        notify_socket: where systemd listens; None disables every notification.
        pings_sent: how many WATCHDOG=1 messages were sent (for the staff health page).
    """

    def __init__(
        self,
        interval_s: float,
        notify_socket: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.interval_s = interval_s
        # Read when the watchdog is made, not at import: tests and systemd set it per process.
        self.notify_socket = notify_socket or os.environ.get("NOTIFY_SOCKET") or None
        self.pings_sent = 0
        self._timer = QTimer(self)
        self._timer.setInterval(ping_interval_ms(interval_s))
        self._timer.timeout.connect(self._ping)
        self._freeze_timer: QTimer | None = None

    @property
    def enabled(self) -> bool:
        return self.notify_socket is not None

    def start(self) -> None:
        """Ping now and regularly; arms the freeze hook when KIOSK_DEBUG_FREEZE_AFTER_S is set."""
        if not self.enabled:
            return
        self._ping()
        self._timer.start()
        freeze_after = os.environ.get(FREEZE_ENV)
        if freeze_after:
            self._arm_freeze(float(freeze_after))

    def stop(self) -> None:
        self._timer.stop()

    def ready(self) -> None:
        """Tell systemd the kiosk is up (the first page is on screen)."""
        send_notify(self.notify_socket, "READY=1")

    def stopping(self) -> None:
        """Tell systemd the kiosk is shutting down on purpose."""
        self._timer.stop()
        send_notify(self.notify_socket, "STOPPING=1")

    def status(self, text: str) -> None:
        """A one-line status shown by ``systemctl status kiosk``."""
        send_notify(self.notify_socket, f"STATUS={text}")

    def freeze_for_test(self, seconds: float) -> None:
        """Block the calling (GUI) thread, as a hung interface would. Tests only."""
        time.sleep(seconds)

    def _arm_freeze(self, after_s: float) -> None:
        self._freeze_timer = QTimer(self)
        self._freeze_timer.setSingleShot(True)
        self._freeze_timer.timeout.connect(lambda: self.freeze_for_test(FREEZE_LENGTH_S))
        self._freeze_timer.start(int(after_s * 1000))

    def _ping(self) -> None:
        if send_notify(self.notify_socket, "WATCHDOG=1"):
            self.pings_sent += 1
