"""``kiosk screenshot``: render one page offscreen to a PNG, exactly as a visitor sees it.

Runs on Qt's offscreen platform with the software renderer, so it needs no display and no GPU;
it waits until the page has been drawn and its images have loaded before grabbing.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from kiosk.navigation import Route, UnknownPageError
from kiosk.settings import Settings

log = logging.getLogger(__name__)

SETTLE_S = 1.2
TIMEOUT_S = 20.0


def screenshot_command(args: argparse.Namespace, settings: Settings) -> int:
    try:
        route = Route.parse(args.page)
    except UnknownPageError as error:
        print(f"kiosk screenshot: {error}", file=sys.stderr)
        return 2
    return take_screenshot(settings, route, tuple(args.size), Path(args.output))


def take_screenshot(settings: Settings, route: Route, size: tuple[int, int], output: Path) -> int:
    """Render ``route`` at ``size`` into ``output``; 0 on success, 1 with a message otherwise."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtGui import QGuiApplication

    from kiosk.app import prepare_paths, select_renderer
    from kiosk.logging_setup import configure_logging, install_qt_message_handler
    from kiosk.ui.pyside_fixes import pin_bool_singletons
    from kiosk.ui.shell import ShellError, build_shell

    paths = prepare_paths(settings)
    configure_logging(paths.log_dir, settings.log_level)
    select_renderer(settings)
    pin_bool_singletons()
    existing = QGuiApplication.instance()
    app = existing if isinstance(existing, QGuiApplication) else QGuiApplication(sys.argv[:1])
    install_qt_message_handler()
    try:
        shell = build_shell(app, settings, paths, route=route, size=size, record_visits=False)
    except ShellError as error:
        print(f"kiosk screenshot: {error}", file=sys.stderr)
        return 1
    shell.window.show()
    frames = 0

    def count_frame() -> None:
        nonlocal frames
        frames += 1

    shell.window.frameSwapped.connect(count_frame)
    started = time.monotonic()
    settled_at: float | None = None
    while time.monotonic() - started < TIMEOUT_S:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if frames and settled_at is None:
            settled_at = time.monotonic()
        if settled_at is not None and time.monotonic() - settled_at >= SETTLE_S:
            break
        time.sleep(0.01)
    image = shell.window.grabWindow()
    shell.close()
    if image.isNull() or not frames:
        print("kiosk screenshot: the page could not be rendered", file=sys.stderr)
        return 1
    output.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(output), "PNG"):  # type: ignore[call-overload]
        print(f"kiosk screenshot: cannot write {output}", file=sys.stderr)
        return 1
    log.info("wrote %s (%dx%d)", output, image.width(), image.height())
    return 0
