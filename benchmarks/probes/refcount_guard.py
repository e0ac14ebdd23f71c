"""Keeps the UI driver's own Qt calls from wearing out ``None`` (PySide6 6.12.0 on Python 3.11).

Measured here: with PySide6 6.12.0 on CPython 3.11 every call of a ``void`` C++ function
(``processEvents``, ``QWindow.update``, ``QTouchEventSequence.commit``...) returns ``None``
without taking a reference, so ``None``'s count drops by one per call, and after a few thousand
calls the interpreter aborts with "none_dealloc: deallocating None" (likewise ``Signal.emit``
and ``True``: "bool_dealloc"). PySide6 6.11.3 does not do this, and from Python 3.12 ``None``
is immortal. The driver makes tens of thousands of such calls that the kiosk itself never makes;
this module gives back, after each of them, exactly the references the call took, as measured
once at start-up, so the driver does not crash for its own sake. The kiosk's own calls are left
alone: if they wear ``None`` out, the figures say so.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


def _measure_void_leak(calls: int = 64) -> int:
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setObjectName("probe")
    lost = before - sys.getrefcount(None)
    return max(0, round(lost / calls))


LEAK_PER_VOID_CALL = _measure_void_leak()


def after_void_calls(count: int = 1) -> None:
    """Give back what ``count`` void Qt calls just took from ``None`` (nothing if unaffected)."""
    for _ in range(count * LEAK_PER_VOID_CALL):
        _incref(None)
