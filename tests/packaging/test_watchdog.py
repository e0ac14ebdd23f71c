"""The systemd watchdog: pings come from the GUI thread, so a frozen interface stops them."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.watchdog import Watchdog, notify_address, send_notify
from tests.conftest import KioskProcess

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def notify_socket(tmp_path: Path) -> Iterator[tuple[str, socket.socket]]:
    """A unix datagram socket standing in for systemd's NOTIFY_SOCKET."""
    path = tmp_path / "notify"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(path))
        yield str(path), sock


class Inbox:
    """Messages received so far; ``count`` reads what is waiting first."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.messages: list[str] = []

    def count(self, message: str) -> int:
        self.messages += drain(self.sock)
        return self.messages.count(message)


def drain(sock: socket.socket) -> list[str]:
    """Every message waiting on the socket, without blocking."""
    messages = []
    sock.setblocking(False)
    try:
        while True:
            messages.append(sock.recv(4096).decode())
    except BlockingIOError:
        return messages
    finally:
        sock.setblocking(True)


def test_pings_arrive_while_the_gui_thread_runs(
    qtbot: QtBot, notify_socket: tuple[str, socket.socket]
) -> None:
    path, sock = notify_socket
    watchdog = Watchdog(0.2, notify_socket=path)
    watchdog.start()
    inbox = Inbox(sock)
    qtbot.waitUntil(lambda: inbox.count("WATCHDOG=1") >= 3, timeout=5000)
    watchdog.stop()
    assert set(inbox.messages) == {"WATCHDOG=1"}


def test_a_frozen_gui_thread_sends_no_pings(
    qtbot: QtBot, notify_socket: tuple[str, socket.socket]
) -> None:
    path, sock = notify_socket
    watchdog = Watchdog(0.2, notify_socket=path)  # a ping every 100 ms while Qt runs
    watchdog.start()
    qtbot.waitUntil(lambda: "WATCHDOG=1" in drain(sock), timeout=5000)
    drain(sock)
    watchdog.freeze_for_test(1.0)  # the test runs on the GUI thread: this is the hang
    during_freeze = drain(sock)
    qtbot.waitUntil(lambda: Inbox(sock).count("WATCHDOG=1") > 0, timeout=5000)  # thawed
    watchdog.stop()
    assert during_freeze == []


def test_ready_and_stopping_reach_systemd(
    qapp: object, notify_socket: tuple[str, socket.socket]
) -> None:
    path, sock = notify_socket
    watchdog = Watchdog(5.0, notify_socket=path)
    watchdog.ready()
    watchdog.status("Showing the demo exhibition")
    watchdog.stopping()
    assert drain(sock) == ["READY=1", "STATUS=Showing the demo exhibition", "STOPPING=1"]


def test_abstract_socket_names_are_understood() -> None:
    name = f"kiosk-test-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(b"\0" + name.encode())
        assert send_notify(f"@{name}", "READY=1")
        assert sock.recv(100) == b"READY=1"
    assert notify_address("@x") == b"\0x"
    assert notify_address("/run/systemd/notify") == "/run/systemd/notify"


def test_without_notify_socket_nothing_is_sent_and_nothing_fails(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    watchdog = Watchdog(1.0)
    watchdog.start()
    watchdog.ready()
    watchdog.stopping()
    assert not watchdog.enabled
    assert watchdog.pings_sent == 0
    assert not send_notify("/nonexistent/notify", "WATCHDOG=1")


CHILD = textwrap.dedent(
    """
    import os, sys
    from PySide6.QtGui import QGuiApplication
    from kiosk.watchdog import Watchdog
    app = QGuiApplication(sys.argv)
    watchdog = Watchdog(0.2)
    watchdog.start()
    watchdog.ready()
    app.exec()
    """
)


def test_the_debug_hook_freezes_a_running_kiosk_and_its_pings_stop(
    notify_socket: tuple[str, socket.socket],
) -> None:
    """What systemd sees: pings, then silence from a process that is still alive."""
    path, sock = notify_socket
    env = dict(os.environ, NOTIFY_SOCKET=path, KIOSK_DEBUG_FREEZE_AFTER_S="0.5")
    env["QT_QPA_PLATFORM"] = "offscreen"
    child = subprocess.Popen([sys.executable, "-c", CHILD], env=env, cwd=REPO)
    try:
        sock.settimeout(20)
        messages = [sock.recv(100).decode()]
        sock.settimeout(2.0)  # 20 ping periods of silence
        silent = False
        while not silent and len(messages) < 200:  # 200 pings: 20 s of a kiosk that never froze
            try:
                messages.append(sock.recv(100).decode())
            except TimeoutError:
                silent = True
        assert silent, "the pings never stopped"
        assert child.poll() is None, "the kiosk died instead of freezing"
        assert "READY=1" in messages
        assert messages.count("WATCHDOG=1") >= 2
    finally:
        child.kill()
        child.wait(timeout=10)


def test_the_running_kiosk_reports_ready_then_a_frozen_interface_goes_silent(
    start_kiosk: Callable[..., KioskProcess],
    notify_socket: tuple[str, socket.socket],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The whole chain systemd relies on, with the real ``kiosk run`` on a real X display."""
    path, sock = notify_socket
    monkeypatch.setenv("NOTIFY_SOCKET", path)
    monkeypatch.setenv("KIOSK_WATCHDOG_INTERVAL_S", "0.5")  # a ping every 250 ms
    monkeypatch.setenv("KIOSK_DEBUG_FREEZE_AFTER_S", "3")
    kiosk = start_kiosk()
    sock.settimeout(60)
    messages = [sock.recv(100).decode()]
    sock.settimeout(3.0)  # 12 ping periods
    silent = False
    while not silent and len(messages) < 400:
        try:
            messages.append(sock.recv(100).decode())
        except TimeoutError:
            silent = True
    assert messages[0] == "READY=1"
    assert messages.count("WATCHDOG=1") >= 2
    assert silent, "the pings never stopped"
    assert kiosk.process.poll() is None, "the kiosk died instead of freezing"
