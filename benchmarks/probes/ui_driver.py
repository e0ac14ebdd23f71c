"""Drives the real kiosk window in this process and times what a visitor feels.

``python -m benchmarks.probes.ui_driver TASK --content DIR --out RESULT.json [--count N]``
builds the kiosk exactly as ``kiosk run --kiosk`` does (the same shell, view-models, player and
QML), shows it full screen, waits for its first frame, then runs one task:

- ``taps``: N touch taps on random visible targets, page after page; each is timed from the
  finger lifting to the first frame synchronised after it being swapped.
- ``memory``: visits every page once (resident memory "steady"), then random navigations and
  story plays; memory growth after the warm-up.
- ``media``: taps on a video story's entry and times it to the first video frame on screen.
- ``import``: imports a package through the async importer (qasync and its executor, as the
  staff panel does) while the window renders continuously; the gaps between frames.

Writes a JSON object of samples and remarks to ``--out``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtGui import QGuiApplication

from benchmarks.probes.frames import FrameClock, pump, pump_until
from benchmarks.probes.tasks import TASKS, Driver


def build(content: Path) -> tuple[QGuiApplication, Driver]:
    from kiosk.app import prepare_paths, select_renderer
    from kiosk.logging_setup import configure_logging, install_qt_message_handler
    from kiosk.memory_tuning import tune_allocator
    from kiosk.settings import load_settings
    from kiosk.ui.gui_thread_gc import GuiThreadCollector
    from kiosk.ui.pyside_fixes import pin_bool_singletons  # as kiosk.app.run does
    from kiosk.ui.shell import build_shell

    pin_bool_singletons()
    tune_allocator()  # as kiosk.app.run does
    settings = load_settings(None, {"content_dir": content, "mode": "kiosk"})
    paths = prepare_paths(settings)
    configure_logging(paths.log_dir, "WARNING")
    select_renderer(settings)
    app = QGuiApplication(sys.argv[:1])
    GuiThreadCollector(app)  # as kiosk.app.run does
    install_qt_message_handler()
    shell = build_shell(app, settings, paths)
    shell.window.showFullScreen()
    clock = FrameClock(shell.window)
    return app, Driver(app=app, shell=shell, clock=clock, paths=paths, settings=settings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ui_driver")
    parser.add_argument("task", choices=sorted(TASKS))
    parser.add_argument("--content", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--plays", type=int, default=0)
    parser.add_argument("--package", type=Path, help="package to import (task 'import')")
    parser.add_argument("--seed", type=int, default=93)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    _app, driver = build(args.content)
    first = pump_until(lambda: driver.clock.swaps[0] if driver.clock.swaps else None, 30.0)
    result: dict[str, Any]
    if first is None:
        result = {"error": "the kiosk window showed no frame within 30 s"}
    else:
        pump(1.0)  # let the attract page's images arrive
        # A visitor arrives after the attract loop has played a while: pages are compiled.
        pump_until(lambda: True if driver.shell.pages_ready else None, 30.0)
        try:
            result = TASKS[args.task](driver, args)
        except Exception as error:  # reported to the harness as the figure's reason
            result = {"error": f"{type(error).__name__}: {error}"}
    result["first_frame_in_process_s"] = None if first is None else first - started
    result["pid"] = os.getpid()
    args.out.write_text(json.dumps(result), "utf-8")
    # The figures are written: end here. Neither the kiosk's shutdown (which can wait on the
    # import's event loop, closed by now) nor the interpreter's finalisation is measured.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
