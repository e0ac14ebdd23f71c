"""A guard against PySide6 reference-count bugs that end in "bool_dealloc" or "none_dealloc".

With PySide6 6.12 on Python 3.11, every ``Signal.emit()`` (and every read of a Python
``Property(bool)`` from QML) gives back ``True`` without taking a reference to it, and every call
of a PySide6 method that returns nothing (``QPainter.drawImage``, ``QTimer.start``...) does the
same with ``None``. Each time the object's count drops by one; after a few thousand, at the latest
when the interpreter finalises, it reaches zero and Python aborts: the "bool_dealloc" crash seen
in a trial at shutdown. A kiosk emits a signal and paints for every video frame (25 a second), so
it would not last an hour.

Python 3.12 made ``True``, ``False`` and ``None`` immortal (their count is never changed), which
makes the bugs harmless. On older Pythons :func:`pin_bool_singletons` does by hand what 3.12 does:
it adds 2**60 to each count, which no amount of lost references can exhaust. Call it once at
start-up, before the first signal. Reproduced by ``tests/media/test_pyside_bool_refcount.py``.
"""

from __future__ import annotations

import ctypes
import sys

_PIN = 1 << 60
_SINGLETONS = (True, False, None)


def pin_bool_singletons() -> bool:
    """Make ``True``, ``False`` and ``None`` effectively immortal; True when counts changed.

    (The name predates ``None`` joining the list; callers need not change.)
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    changed = False
    for value in _SINGLETONS:
        # In CPython the reference count is the first field of every object, at its address.
        count = ctypes.c_ssize_t.from_address(id(value))
        if count.value < _PIN // 2:
            count.value += _PIN
            changed = True
    return changed


pin_refcount_singletons = pin_bool_singletons
