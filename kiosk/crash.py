"""Crash handling: a visitor never sees a traceback, a technician always finds one.

An uncaught Python exception is logged and ends the process with a non-zero status so the
supervisor (systemd) restarts the kiosk. Native crashes are written by ``faulthandler`` to a file
that the next start reports in the log, then archives.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

EXIT_CRASH = 70
NATIVE_CRASH_FILE = "native-crash.log"

log = logging.getLogger(__name__)
_crash_stream: IO[str] | None = None


def report_previous_native_crash(log_dir: Path) -> Path | None:
    """Log the native crash left by the last run, if any, and archive it. Returns the archive."""
    crash_file = log_dir / NATIVE_CRASH_FILE
    try:
        text = crash_file.read_text("utf-8", errors="replace").strip()
    except OSError:
        return None
    if not text:
        return None
    archive = log_dir / f"native-crash-{time.strftime('%Y%m%d-%H%M%S')}.log"
    log.error("the previous run ended with a native crash:\n%s", text)
    try:
        os.replace(crash_file, archive)
    except OSError as error:
        log.warning("cannot archive %s: %s", crash_file, error)
        return None
    return archive


def install_crash_handlers(log_dir: Path, on_crash: Callable[[int], None] | None = None) -> None:
    """Enable faulthandler into the log folder and route uncaught exceptions to the log.

    ``on_crash(status)`` lets the running application leave its event loop cleanly; without it
    the process exits at once.
    """
    global _crash_stream
    report_previous_native_crash(log_dir)
    try:
        _crash_stream = open(log_dir / NATIVE_CRASH_FILE, "w", encoding="utf-8")  # noqa: SIM115
        faulthandler.enable(file=_crash_stream, all_threads=True)
    except OSError as error:
        log.warning("native crash reports go to stderr only: %s", error)
        faulthandler.enable(all_threads=True)

    def excepthook(
        kind: type[BaseException], value: BaseException, trace: TracebackType | None
    ) -> None:
        log.critical("uncaught exception, the kiosk restarts", exc_info=(kind, value, trace))
        if on_crash is not None:
            on_crash(EXIT_CRASH)
        else:
            os._exit(EXIT_CRASH)

    sys.excepthook = excepthook


def close_crash_file() -> None:
    """Disable faulthandler and remove an empty crash file on a clean exit."""
    global _crash_stream
    if _crash_stream is None:
        return
    faulthandler.disable()
    path = Path(_crash_stream.name)
    _crash_stream.close()
    _crash_stream = None
    try:
        if path.stat().st_size == 0:
            path.unlink()
    except OSError:
        pass
