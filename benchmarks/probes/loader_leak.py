"""Reproduces the page-change leak: a Loader filled from inside a Python signal emission.

``python -m benchmarks.probes.loader_leak`` (under Xvfb or offscreen) prints the memory kept per
page change in three bare windows, 300 changes each:

- ``direct``: a Python ``Signal.emit()`` whose QML handler calls ``Loader.setSource`` at once
  (what ``Main.qml``'s ``onPageChanged`` does). Measured here with PySide6 6.12.0: about 137 KB
  kept per change, whatever the renderer.
- ``deferred``: the same handler with ``Qt.callLater``: the page is built from the event loop,
  after the Python call has returned. About 2 KB per change.
- ``qml_only``: a QML timer changes the page, no Python on the way. About 2 KB per change.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

PAGE = """import QtQuick
Item {
    property var kiosk
    Column { Repeater { model: 20; Text { text: "Page %s " + index; font.pixelSize: 32 } } }
    Rectangle { x: 600; width: 300; height: 300; color: "%s"; TapHandler {} }
}
"""
MAIN = """import QtQuick
import QtQuick.Window
Window {
    id: root
    required property QtObject kiosk
    width: 1920; height: 1080; visible: true
    property bool flip: false
    property int remaining: 0
    Loader { id: loader; anchors.fill: parent }
    function show() {
        flip = !flip
        loader.setSource(Qt.resolvedUrl(flip ? "PageA.qml" : "PageB.qml"), { kiosk: root.kiosk })
    }
    Connections { target: root.kiosk; function onPageChanged() { HANDLER } }
    Timer { interval: 30; repeat: true; running: root.remaining > 0
            onTriggered: { root.show(); root.remaining-- } }
}
"""
HANDLERS = {"direct": "root.show()", "deferred": "Qt.callLater(root.show)", "qml_only": ""}
CHANGES = 300


def child(variant: str, folder: Path) -> None:
    from PySide6.QtCore import Property, QObject, QUrl, Signal
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQml import QQmlApplicationEngine

    from benchmarks.probes.frames import pump, pump_until
    from benchmarks.procs import rss_mb
    from kiosk.ui.pyside_fixes import pin_bool_singletons  # as kiosk.app.run does

    pin_bool_singletons()

    class State(QObject):
        pageChanged = Signal()

        def _page(self) -> str:
            return "page"

        page = Property(str, _page, notify=pageChanged)

    app = QGuiApplication(sys.argv[:1])
    state = State()
    engine = QQmlApplicationEngine()
    engine.setInitialProperties({"kiosk": state})
    engine.load(QUrl.fromLocalFile(str(folder / f"{variant}.qml")))
    window = engine.rootObjects()[0]
    pump(1.0)

    def change(count: int) -> None:
        if variant == "qml_only":
            window.setProperty("remaining", count)
            pump_until(lambda: True if window.property("remaining") == 0 else None, 120.0)
            return
        for _ in range(count):
            state.pageChanged.emit()
            pump(0.03)

    change(20)
    before = rss_mb()
    change(CHANGES)
    pump(1.0)
    print(f"{variant}: {(rss_mb() - before) / CHANGES * 1000:.0f} KB kept per page change")
    del app
    os._exit(0)


def main() -> int:
    if len(sys.argv) == 3:
        child(sys.argv[1], Path(sys.argv[2]))
    with tempfile.TemporaryDirectory(prefix="loader-leak-") as name:
        folder = Path(name)
        (folder / "PageA.qml").write_text(PAGE % ("A", "orange"), "utf-8")
        (folder / "PageB.qml").write_text(PAGE % ("B", "teal"), "utf-8")
        for variant, handler in HANDLERS.items():
            (folder / f"{variant}.qml").write_text(MAIN.replace("HANDLER", handler), "utf-8")
            command = [sys.executable, "-m", "benchmarks.probes.loader_leak", variant, str(folder)]
            subprocess.run(command, check=False, cwd=Path(__file__).resolve().parents[2])
    return 0


if __name__ == "__main__":
    sys.exit(main())
