"""Recovery: the kiosk killed outright, or crashed in native code, comes back to the attract loop.

systemd restarts the kiosk (``Restart=always``); what the restart finds is what these tests
leave: a process killed with SIGKILL mid-run (nothing cleaned up, the crash file left open), or
the report ``faulthandler`` writes when native code crashes. The next start must show the
exhibition, tell systemd it is ready, and put the crash report in the log for the technician.
The unit's own settings are read from ``packaging/linux/kiosk.service``.
"""

from __future__ import annotations

import configparser
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.crash import NATIVE_CRASH_FILE
from kiosk.settings import Settings
from tests.conftest import REPO, KioskProcess, XServer
from tests.reliability.test_faults import assert_exhibition_still_shown, stop_cleanly

UNIT = REPO / "packaging" / "linux" / "kiosk.service"
StartKiosk = Callable[..., KioskProcess]


@pytest.fixture
def notify_socket(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[socket.socket]:
    """Where systemd would listen for READY=1 (``Type=notify``)."""
    path = tmp_path / "notify.sock"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    listener.bind(str(path))
    listener.settimeout(0.2)
    monkeypatch.setenv("NOTIFY_SOCKET", str(path))
    yield listener
    listener.close()


def wait_for_ready(listener: socket.socket, timeout_s: float = 30) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if b"READY=1" in listener.recv(4096):
                return
        except TimeoutError:
            continue
    pytest.fail("the restarted kiosk never told systemd it was ready")


def drain(listener: socket.socket) -> None:
    try:
        while listener.recv(4096):
            pass
    except TimeoutError:
        return


def wait_for_count(kiosk: KioskProcess, needle: str, count: int, timeout_s: float = 30) -> None:
    deadline = time.monotonic() + timeout_s
    while kiosk.log_text().count(needle) < count:
        assert kiosk.process.poll() is None, kiosk.log_text()
        assert time.monotonic() < deadline, f"{needle!r} not logged {count} times"
        time.sleep(0.1)


@pytest.mark.display
def test_a_killed_kiosk_starts_again_on_the_attract_loop(
    xvfb: XServer,
    start_kiosk: StartKiosk,
    isolated_kiosk_dirs: Path,
    tmp_path: Path,
    notify_socket: socket.socket,
) -> None:
    first = start_kiosk("--kiosk")
    first.wait_for_log("first frame shown")
    first.process.send_signal(signal.SIGKILL)
    assert first.process.wait(timeout=10) == -signal.SIGKILL
    log_dir = isolated_kiosk_dirs / "log"
    assert (log_dir / NATIVE_CRASH_FILE).exists(), "SIGKILL leaves the crash file behind"

    drain(notify_socket)  # the first run's READY=1
    second = start_kiosk("--kiosk")
    wait_for_ready(notify_socket)
    wait_for_count(second, "first frame shown", 2)  # the log file is the same as the first's
    assert_exhibition_still_shown(xvfb, second, tmp_path)
    log = stop_cleanly(second)
    # A kill is not a native crash: nothing was written, so nothing is reported.
    assert "native crash" not in log
    assert not list(log_dir.glob("native-crash-*.log"))


@pytest.mark.display
def test_after_a_native_crash_the_next_start_logs_the_report(
    xvfb: XServer, start_kiosk: StartKiosk, isolated_kiosk_dirs: Path, tmp_path: Path
) -> None:
    log_dir = isolated_kiosk_dirs / "log"
    # A real segmentation fault under the kiosk's crash handler (the app has no debug hook to
    # crash itself natively): faulthandler writes the report where the kiosk keeps it.
    crashed = subprocess.run(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import faulthandler
                from pathlib import Path
                from kiosk.crash import install_crash_handlers
                install_crash_handlers(Path({str(log_dir)!r}))
                faulthandler._sigsegv()
                """
            ),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert crashed.returncode == -signal.SIGSEGV
    report = (log_dir / NATIVE_CRASH_FILE).read_text("utf-8")
    assert "Segmentation fault" in report

    kiosk = start_kiosk("--kiosk")
    assert_exhibition_still_shown(xvfb, kiosk, tmp_path)
    log = stop_cleanly(kiosk)
    assert "the previous run ended with a native crash" in log
    assert "Segmentation fault" in log
    archived = list(log_dir.glob("native-crash-*.log"))
    assert len(archived) == 1 and "Segmentation fault" in archived[0].read_text("utf-8")


def read_unit(path: Path) -> configparser.ConfigParser:
    # systemd allows repeated keys (Environment=); only single-valued ones are checked here.
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read_string(path.read_text("utf-8"))
    return unit


def seconds(value: str) -> float:
    """systemd time spans as the unit writes them: '30', '30s', '10min'."""
    units = {"min": 60.0, "ms": 0.001, "s": 1.0, "h": 3600.0}
    for suffix, factor in units.items():
        if value.endswith(suffix):
            return float(value[: -len(suffix)]) * factor
    return float(value)


def test_the_service_unit_brings_the_kiosk_back_and_stops_a_crash_loop() -> None:
    unit = read_unit(UNIT)
    service, section = unit["Service"], unit["Unit"]
    assert service["Restart"] == "always"  # SIGKILL, a crash, a watchdog kill, a clean exit
    assert seconds(service["RestartSec"]) <= 5, "visitors wait RestartSec plus the start-up"
    assert service["Type"] == "notify"
    ping_s = Settings().watchdog_interval_s / 2  # kiosk.watchdog pings twice per period
    assert seconds(service["WatchdogSec"]) >= 2 * ping_s
    assert seconds(service["WatchdogSec"]) <= 60, "a frozen screen must not last minutes"
    # Start limits belong to [Unit] (systemd ignores them in [Service] since v230).
    interval = seconds(section["StartLimitIntervalSec"])
    burst = int(section["StartLimitBurst"])
    assert 3 <= burst <= 10
    # A kiosk crashing at once on every start reaches the limit within the interval, so the
    # out-of-order screen replaces a flickering loop.
    assert burst * seconds(service["RestartSec"]) < interval
    assert section["OnFailure"] == "kiosk-out-of-order.service"
    assert "StartLimitBurst" not in service and "StartLimitIntervalSec" not in service
