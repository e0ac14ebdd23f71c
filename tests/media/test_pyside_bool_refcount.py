"""PySide6 loses a reference to ``True`` on every signal emission and to ``None`` on every void
call (every painted video frame makes several); the kiosk must survive it.

A child process emits many signals and paints many frames with and without the guard of
``kiosk.ui.pyside_fixes``: without it, Python aborts with "bool_dealloc" or "none_dealloc" (on
Python 3.11 with PySide6 6.12); with it, the process ends cleanly. If a later PySide6 fixes the
bugs, the first tests say so and can go.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import run_python

SIGNALS = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal
emissions = sys.getrefcount(True) + 1000  # more than enough to exhaust an unguarded count
if {pin}:
    from kiosk.ui.pyside_fixes import pin_bool_singletons
    pin_bool_singletons()
app = QCoreApplication([])
class Emitter(QObject):
    changed = Signal()
emitter = Emitter()
for _ in range(emissions):
    emitter.changed.emit()
print("survived")
"""

# What the video item does for every frame: draw an image into the item (a void call).
PAINTS = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QRectF
from PySide6.QtGui import QGuiApplication, QImage, QPainter
frames = sys.getrefcount(None) + 1000
if {pin}:
    from kiosk.ui.pyside_fixes import pin_bool_singletons
    pin_bool_singletons()
app = QGuiApplication([])
target = QImage(64, 64, QImage.Format.Format_RGB32)
frame = QImage(32, 32, QImage.Format.Format_RGB32)
painter = QPainter(target)
for _ in range(frames):
    painter.drawImage(QRectF(0, 0, 64, 64), frame)
painter.end()
print("survived")
"""


def run(pin: bool, script: str = SIGNALS) -> subprocess.CompletedProcess[str]:
    return run_python(script.format(pin=pin))


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True is immortal from Python 3.12")
def test_without_the_guard_many_signal_emissions_abort_python() -> None:
    result = run(pin=False)
    assert result.returncode != 0
    assert "bool_dealloc" in result.stderr


def test_with_the_guard_the_same_emissions_end_cleanly() -> None:
    result = run(pin=True)
    assert result.returncode == 0, result.stderr
    assert "survived" in result.stdout


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_without_the_guard_painting_many_frames_aborts_python() -> None:
    result = run(pin=False, script=PAINTS)
    assert result.returncode != 0
    assert "none_dealloc" in result.stderr


def test_with_the_guard_painting_as_many_frames_ends_cleanly() -> None:
    result = run(pin=True, script=PAINTS)
    assert result.returncode == 0, result.stderr
    assert "survived" in result.stdout
