"""A guard against a PySide6 reference-count bug that ends in "Fatal Python error: bool_dealloc".

With PySide6 6.12 on Python 3.11, every ``Signal.emit()`` (and every read of a Python
``Property(bool)`` from QML) gives back ``True`` without taking a reference to it, so the count of
the ``True`` object drops by one each time. After a few thousand emissions, at the latest when the
interpreter finalises, the count reaches zero and Python aborts: the "bool_dealloc" crash seen in a
trial at shutdown. A kiosk emits signals for every video frame, so it would not last an hour.

Python 3.12 made ``True`` and ``False`` immortal (their count is never changed), which makes the
bug harmless. On older Pythons :func:`pin_bool_singletons` does by hand what 3.12 does: it adds
2**60 to both counts, which no amount of lost references can exhaust. Call it once at start-up,
before the first signal is emitted. Reproduce: ``tests/media/test_pyside_bool_refcount.py``.
"""

from __future__ import annotations

import ctypes
import sys

_PIN = 1 << 60


def pin_bool_singletons() -> bool:
    """Make ``True``/``False`` effectively immortal; returns True when counts were changed."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    changed = False
    for value in (True, False):
        # In CPython the reference count is the first field of every object, at its address.
        count = ctypes.c_ssize_t.from_address(id(value))
        if count.value < _PIN // 2:
            count.value += _PIN
            changed = True
    return changed
