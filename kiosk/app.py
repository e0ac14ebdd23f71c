"""Start-up of the kiosk, in one fixed order.

settings -> paths and logging -> crash handlers -> QGuiApplication -> qasync event loop ->
QML engine and window -> first frame. Shutdown runs the same steps backwards: media released
first, then the window, then Qt, so nothing crashes while the interpreter goes away.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from kiosk import __version__
from kiosk.crash import close_crash_file, install_crash_handlers
from kiosk.logging_setup import configure_logging, install_qt_message_handler
from kiosk.memory_tuning import tune_allocator
from kiosk.paths import AppPaths
from kiosk.settings import Settings
from kiosk.ui.pyside_fixes import pin_bool_singletons

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAULT = 1
NO_DISPLAY_MESSAGE = (
    "kiosk: no display found (DISPLAY and WAYLAND_DISPLAY are unset); start it from a "
    "graphical session, or render the screens to files with: "
    "kiosk screenshot --page home out.png"
)


@dataclass
class ExitStatus:
    """The status the process ends with; a crash or a signal may set it before the loop ends."""

    code: int = EXIT_OK
    cleanups: list[Callable[[], None]] = field(default_factory=list)


def has_display(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether a window can be opened (always true off Linux, or with a headless platform)."""
    if not sys.platform.startswith("linux"):
        return True
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal", "vnc", "eglfs", "linuxfb")):
        return True
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def prepare_paths(settings: Settings) -> AppPaths:
    paths = AppPaths.resolve(settings.data_dir, settings.log_dir, settings.cache_dir)
    paths.ensure()
    return paths


def select_renderer(settings: Settings) -> None:
    """Software rendering when asked, or where no GPU path exists (offscreen screenshots)."""
    from PySide6.QtQuick import QQuickWindow, QSGRendererInterface

    offscreen = os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen")
    software = QSGRendererInterface.GraphicsApi.Software
    wanted = settings.renderer == "software" or (settings.renderer == "auto" and offscreen)
    # Asking again once a scene graph exists only earns a Qt warning (tests render many times).
    already = (
        QQuickWindow.sceneGraphBackend() == "software" or QQuickWindow.graphicsApi() == software
    )
    if wanted and not already:
        QQuickWindow.setGraphicsApi(software)


def report_startup_problems(settings: Settings, paths: AppPaths) -> None:
    """Log what limits this run; the exhibition still starts, staff see it in the health view."""
    from kiosk.doctor import check_writable

    for problem in settings.problems:
        log.error("configuration ignored, running on defaults: %s", problem)
    data = check_writable("data folder", paths.data_dir)
    if not data.ok:
        log.error(
            "%s: statistics and content updates are paused until it can be written", data.detail
        )


def run_command(args: argparse.Namespace, settings: Settings) -> int:
    """``kiosk run``."""
    return run(settings)


def run(settings: Settings) -> int:
    """Run the kiosk until it is told to stop; returns the process exit status."""
    try:
        paths = prepare_paths(settings)
    except OSError as error:
        print(f"kiosk: cannot create {error.filename}: {error.strerror}", file=sys.stderr)
        return EXIT_FAULT
    configure_logging(paths.log_dir, settings.log_level)
    log.info("kiosk %s starting in %s mode", __version__, settings.mode)
    report_startup_problems(settings, paths)
    if not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return EXIT_FAULT

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QCursor, QGuiApplication

    status = ExitStatus()
    stop = asyncio.Event()

    def quit_with(code: int) -> None:
        # Not QGuiApplication.quit(): in Qt 6 it asks the windows first, and the kiosk's window
        # refuses to close. Ending the awaited event leaves the loop whatever the windows say.
        status.code = code
        stop.set()

    install_crash_handlers(paths.log_dir, on_crash=quit_with)
    pin_bool_singletons()  # before the first signal: see kiosk/ui/pyside_fixes.py
    tune_allocator()  # before Qt and libvlc start threads: see kiosk/memory_tuning.py
    select_renderer(settings)
    app = QGuiApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    app.setApplicationVersion(__version__)
    install_qt_message_handler()

    import qasync

    from kiosk.ui.gui_thread_gc import GuiThreadCollector
    from kiosk.ui.lockdown import LockdownFilter
    from kiosk.ui.shell import ShellError, build_shell
    from kiosk.ui.unix_signals import SignalWakeup
    from kiosk.watchdog import Watchdog

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    collector = GuiThreadCollector(app)  # cycles freed on this thread: see its module
    wakeup = SignalWakeup(lambda _signum: quit_with(EXIT_OK))
    try:
        shell = build_shell(app, settings, paths)
    except ShellError as error:
        log.critical("%s", error)
        return EXIT_FAULT
    lockdown = LockdownFilter(app)
    if settings.kiosk_mode:
        app.installEventFilter(lockdown)
        app.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
        shell.window.setFlag(Qt.WindowType.FramelessWindowHint, True)
        shell.window.showFullScreen()
    else:
        shell.window.show()
    watchdog = Watchdog(settings.watchdog_interval_s, parent=app)

    def on_first_frame() -> None:
        log.info("first frame shown")
        watchdog.ready()
        watchdog.start()

    shell.window.frameSwapped.connect(on_first_frame, Qt.ConnectionType.SingleShotConnection)

    app.aboutToQuit.connect(stop.set)
    with loop:
        loop.run_until_complete(stop.wait())

    log.info("stopping")
    watchdog.stopping()
    for cleanup in reversed(status.cleanups):
        cleanup()
    wakeup.close()
    shell.close()
    del shell
    collector.stop()
    close_crash_file()
    log.info("stopped with status %d", status.code)
    return status.code
