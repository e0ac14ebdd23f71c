"""A guard for the in-process drivers (monkey, soak): PySide6 6.12 drops a reference to ``None``.

On Python 3.11 every call of a PySide6 method that returns nothing (``processEvents``,
``QTimer.start``, a touch sequence's ``commit``...) takes one reference from ``None`` and never
gives it back; when the count reaches zero Python aborts with "none_dealloc". The drivers make
tens of thousands of such calls themselves, so they pin ``None`` the way
:func:`kiosk.ui.pyside_fixes.pin_bool_singletons` pins ``True`` and ``False``; the kiosk's own
exposure is tested in ``test_pyside_none.py`` and measured by the soak (references lost per hour).
"""

from __future__ import annotations

import ctypes
import sys

PIN = 1 << 60


def none_refcount() -> int:
    return sys.getrefcount(None)


def pin_none() -> None:
    """Make ``None`` effectively immortal (nothing to do from Python 3.12 on)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value < PIN // 2:
        count.value += PIN
