"""The floor of the start-up comparison: a bare QML window with one button, nothing else.

Run as a script (``python benchmarks/probes/floor_window.py``) so that it loads only what it
needs. Same window size and Qt Quick stack as the kiosk (plain QtQuick, no Controls); it prints
"first frame shown" when the window's first frame has been swapped to the screen, like
``kiosk run`` logs, and then waits for SIGTERM.
"""

from __future__ import annotations

import signal
import sys

from PySide6.QtCore import QByteArray, Qt, QTimer, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

QML = b"""
import QtQuick
import QtQuick.Window

Window {
    width: 1920
    height: 1080
    visible: true
    color: "#1b1b1f"
    title: "floor"
    Rectangle {
        anchors.centerIn: parent
        width: 480
        height: 120
        radius: 24
        color: tap.pressed ? "#555555" : "#e8a33d"
        Text {
            anchors.centerIn: parent
            text: "Touch"
            font.pixelSize: 48
            color: "#111111"
        }
        TapHandler { id: tap }
    }
}
"""


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    # Python only sees the signal when the interpreter runs: wake it regularly.
    heartbeat = QTimer()
    heartbeat.start(200)
    heartbeat.timeout.connect(lambda: None)
    engine = QQmlApplicationEngine()
    engine.loadData(QByteArray(QML), QUrl("floor.qml"))
    roots = engine.rootObjects()
    if not roots or not isinstance(roots[0], QQuickWindow):
        print("floor window could not be created", flush=True)
        return 1
    window = roots[0]
    window.frameSwapped.connect(
        lambda: print("first frame shown", flush=True), Qt.ConnectionType.SingleShotConnection
    )
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
