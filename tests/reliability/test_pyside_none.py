"""A kiosk runs for days: PySide6 must not wear ``None`` out.

With PySide6 6.12 on Python 3.11 every call of a PySide6 method that returns nothing
(``QTimer.start``, ``setInterval``, ``processEvents``...) loses one reference to ``None``; after a
few thousand calls Python aborts with "Fatal Python error: none_dealloc". The random-touch suite
found it (the kiosk aborted after about 30,000 touch events). The kiosk's start-up guard,
``kiosk.ui.pyside_fixes.pin_bool_singletons``, pins ``None`` along with ``True`` and ``False``.
"""

from __future__ import annotations

import sys

import pytest

from tests.conftest import run_python

SCRIPT = """
import sys
from PySide6.QtCore import QCoreApplication, QTimer
from kiosk.ui.pyside_fixes import pin_bool_singletons
calls = sys.getrefcount(None) + 1000  # more than an unguarded count can lose; counted before
pin_bool_singletons()                 # pinning, which makes the count astronomically large
app = QCoreApplication([])
timer = QTimer()
for _ in range(calls):
    timer.setInterval(250)
print("survived")
"""


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_the_start_up_guard_keeps_none_alive_through_many_void_calls() -> None:
    result = run_python(SCRIPT)
    assert result.returncode == 0 and "survived" in result.stdout, result.stderr[-500:]
