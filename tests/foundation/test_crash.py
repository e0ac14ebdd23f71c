"""Crashes: a visitor never sees a traceback, the technician finds it in the log."""

from __future__ import annotations

import logging
import subprocess
import textwrap
from pathlib import Path

import pytest

from kiosk.crash import EXIT_CRASH, NATIVE_CRASH_FILE, report_previous_native_crash
from tests.conftest import run_python


def run_dedented(code: str) -> subprocess.CompletedProcess[str]:
    return run_python(textwrap.dedent(code))


def test_native_crash_is_written_then_reported_at_the_next_start(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    crashed = run_dedented(
        f"""
        import faulthandler
        from pathlib import Path
        from kiosk.crash import install_crash_handlers
        install_crash_handlers(Path({str(tmp_path)!r}))
        faulthandler._sigsegv()
        """
    )
    assert crashed.returncode != 0
    assert "Segmentation fault" in (tmp_path / NATIVE_CRASH_FILE).read_text()

    with caplog.at_level(logging.ERROR):
        archive = report_previous_native_crash(tmp_path)
    assert archive is not None and "Segmentation fault" in archive.read_text()
    assert "previous run ended with a native crash" in caplog.text
    assert not (tmp_path / NATIVE_CRASH_FILE).exists()
    assert report_previous_native_crash(tmp_path) is None


def test_exception_in_a_qt_slot_is_logged_and_ends_with_the_crash_status(tmp_path: Path) -> None:
    result = run_dedented(
        f"""
        import asyncio, logging, sys
        from pathlib import Path
        from PySide6.QtCore import QTimer
        from PySide6.QtGui import QGuiApplication
        import qasync
        from kiosk.crash import install_crash_handlers
        logging.basicConfig(level=logging.INFO)
        app = QGuiApplication([])
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        stop = asyncio.Event()
        status = []
        def on_crash(code):
            status.append(code)
            stop.set()
        install_crash_handlers(Path({str(tmp_path)!r}), on_crash=on_crash)
        def broken_slot():
            raise RuntimeError("a bug in a slot")
        QTimer.singleShot(50, broken_slot)
        with loop:
            loop.run_until_complete(stop.wait())
        sys.exit(status[0])
        """
    )
    assert result.returncode == EXIT_CRASH
    assert "uncaught exception, the kiosk restarts" in result.stderr
    assert "RuntimeError: a bug in a slot" in result.stderr
