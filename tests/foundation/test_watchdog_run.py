"""The running kiosk talks to systemd: READY=1 once the first frame is up, then WATCHDOG=1
pings from the GUI thread, which stop when that thread freezes (so systemd restarts it)."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import KioskProcess

pytestmark = pytest.mark.display


@pytest.fixture
def notify_socket(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[socket.socket]:
    path = tmp_path / "notify.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(str(path))
    server.settimeout(0.2)
    monkeypatch.setenv("NOTIFY_SOCKET", str(path))
    yield server
    server.close()


def messages_during(server: socket.socket, seconds: float) -> list[str]:
    received: list[str] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            received.extend(server.recv(4096).decode().splitlines())
        except TimeoutError:
            continue
    return received


def test_kiosk_reports_ready_then_pings_until_its_gui_thread_freezes(
    notify_socket: socket.socket,
    start_kiosk: Callable[..., KioskProcess],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KIOSK_WATCHDOG_INTERVAL_S", "1")
    monkeypatch.setenv("KIOSK_DEBUG_FREEZE_AFTER_S", "6")
    kiosk = start_kiosk()
    kiosk.wait_for_log("first frame shown")
    started = messages_during(notify_socket, 3.0)
    assert started[0] == "READY=1", started
    assert started.count("WATCHDOG=1") >= 3, started

    messages_during(notify_socket, 4.0)  # the freeze begins about 6 s after the first frame
    frozen = messages_during(notify_socket, 3.0)
    assert "WATCHDOG=1" not in frozen, frozen
    kiosk.process.kill()
