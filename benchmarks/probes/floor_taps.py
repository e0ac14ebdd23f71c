"""Tap-to-frame on the floor window: what Qt Quick itself allows on this machine.

``python -m benchmarks.probes.floor_taps --out R.json --count N``: the bare window of
:mod:`benchmarks.probes.floor_window` (one button whose colour follows the press), full screen,
tapped N times at its button the way the UI driver taps the kiosk; the same clock. It is the
baseline of ``tap_to_frame_ms``: the kiosk's figures minus these are the kiosk's own work.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

from PySide6.QtCore import QByteArray, QPoint, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from benchmarks.probes.floor_window import QML
from benchmarks.probes.frames import FrameClock, pump, pump_until
from benchmarks.probes.touch import Finger


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="floor_taps")
    parser.add_argument("--out", required=True)
    parser.add_argument("--count", type=int, default=50)
    args = parser.parse_args(argv)
    from kiosk.ui.pyside_fixes import pin_bool_singletons  # as kiosk.app.run does

    pin_bool_singletons()
    app = QGuiApplication(sys.argv[:1])
    engine = QQmlApplicationEngine()
    engine.loadData(QByteArray(QML), QUrl("floor.qml"))
    window = engine.rootObjects()[0]
    assert isinstance(window, QQuickWindow)
    window.showFullScreen()
    clock = FrameClock(window)
    pump_until(lambda: clock.swaps[0] if clock.swaps else None, 30.0)
    pump(0.5)
    finger = Finger(window)
    centre = QPoint(window.width() // 2, window.height() // 2)
    samples: list[float] = []
    for _ in range(args.count):
        finger.press(centre)
        pump(0.06)
        lifted = finger.release(centre)
        shown = clock.wait_shown_after(lifted, 1.0)
        clock.trim()
        if shown is not None:
            samples.append((shown - lifted) * 1000)
        pump(0.2)
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump({"samples_ms": samples, "at": time.time()}, out)
    del app
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
