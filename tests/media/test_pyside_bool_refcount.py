"""PySide6 loses a reference to ``True`` on every signal emission; the kiosk must survive it.

A child process emits many signals with and without the guard of ``kiosk.ui.pyside_fixes``:
without it, Python aborts with "bool_dealloc" (on Python 3.11 with PySide6 6.12); with it, the
process ends cleanly. If a later PySide6 fixes the bug, the first test says so and can go.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

SCRIPT = """
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


def run(pin: bool) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SCRIPT.format(pin=pin)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True is immortal from Python 3.12")
def test_without_the_guard_many_signal_emissions_abort_python() -> None:
    result = run(pin=False)
    assert result.returncode != 0
    assert "bool_dealloc" in result.stderr


def test_with_the_guard_the_same_emissions_end_cleanly() -> None:
    result = run(pin=True)
    assert result.returncode == 0, result.stderr
    assert "survived" in result.stdout
