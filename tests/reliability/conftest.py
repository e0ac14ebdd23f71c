"""Shared by the reliability suites: the kiosk-mode window, and figures for the terminal summary.

``kiosk_window`` builds the window ``kiosk run --kiosk`` shows (``build_shell``, the lockdown
filter on the application, full screen) with a fake clock and the fake media backend, and hands
back a :class:`~tests.reliability.monkey_driver.Driver` that plays gestures on it.

A test calls the ``reliability_report`` fixture with one line (seed, event count, memory growth,
soak slope...). The lines appear in a "reliability figures" section at the end of every run,
``-q`` and without ``-s`` included, whether the test passed or failed, so a failing seed can be
replayed from the output alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from kiosk.media.fake_backend import FakeClock
from kiosk.paths import AppPaths
from kiosk.settings import Settings
from kiosk.ui.lockdown import LockdownFilter
from kiosk.ui.shell import Shell, build_shell
from tests.conftest import DEMO, wait_until_pages_ready
from tests.reliability.monkey_driver import Driver
from tests.reliability.refcount import pin_none
from tests.ui.conftest import ManualClock, fake_player_factory

IDLE_TIMEOUT_S = 90
IDLE_WARNING_S = 30
# Short, so that a child who opened the staff PIN pad by chance does not hold the suite up.
STAFF_TIMEOUT_S = 2
REPORT_KEY = pytest.StashKey[list[str]]()


def _lines(config: pytest.Config) -> list[str]:
    return config.stash.setdefault(REPORT_KEY, [])


@pytest.fixture
def reliability_report(request: pytest.FixtureRequest) -> Callable[[str], None]:
    """Record one line for the terminal summary, prefixed with the test's name."""
    lines = _lines(request.config)
    name = request.node.name

    def report(line: str) -> None:
        lines.append(f"{name}: {line}")

    return report


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    lines = _lines(config)
    if not lines:
        return
    terminalreporter.section("reliability figures")
    for line in lines:
        terminalreporter.write_line(line)


@pytest.fixture
def kiosk_window(
    qtbot: QtBot, qapp: QGuiApplication, tmp_path: Path
) -> Iterator[Callable[[], Driver]]:
    """Makes kiosk-mode windows on the demo exhibition; all closed at the end."""
    pin_none()  # the driver's own calls would wear None out: see refcount.py
    lockdown = LockdownFilter(qapp)
    shells: list[Shell] = []

    def make() -> Driver:
        settings = Settings(
            mode="kiosk",
            content_dir=DEMO,
            data_dir=tmp_path / "data",
            log_dir=tmp_path / "log",
            cache_dir=tmp_path / "cache",
            idle_timeout_s=IDLE_TIMEOUT_S,
            idle_warning_s=IDLE_WARNING_S,
            staff_timeout_s=STAFF_TIMEOUT_S,
        )
        paths = AppPaths.resolve(settings.data_dir, settings.log_dir, settings.cache_dir)
        paths.ensure()
        clock, media_clock = ManualClock(), FakeClock()
        shell = build_shell(
            qapp,
            settings,
            paths,
            player_factory=fake_player_factory(media_clock),  # type: ignore[arg-type]
            clock=clock,
        )
        shells.append(shell)
        # As kiosk/app.py does in kiosk mode.
        shell.window.setFlag(Qt.WindowType.FramelessWindowHint, True)
        shell.window.showFullScreen()
        qtbot.waitExposed(shell.window)
        wait_until_pages_ready(qtbot, shell)
        return Driver(
            shell, qtbot, clock, media_clock, IDLE_TIMEOUT_S + IDLE_WARNING_S, STAFF_TIMEOUT_S
        )

    qapp.installEventFilter(lockdown)
    try:
        yield make
    finally:
        qapp.removeEventFilter(lockdown)
        for shell in shells:
            shell.close()
