"""Telling QML that something changed from Qt's event loop, not from inside a Python call.

PySide6 6.12 leaks what QML builds while a signal that Python emitted is being delivered: when a
Repeater rebuilds its delegates from a list a Python slot returned, or a Loader swaps pages, in
the handler of such a signal, the items' memory is never given back (60 to 600 KB per language
switch on the programme and about pages, measured with the visitor's pages in
``benchmarks/probes``). The same reaction to the same signal emitted by the event loop gives it
all back. :func:`notify_later` queues the emission: QML updates a moment later, before the next
frame is drawn, so a visitor sees no difference.

Python code that must react at once (the player opening a story at the tap) connects to signals
that are still emitted directly.
"""

from __future__ import annotations

from PySide6.QtCore import QMetaObject, QObject, Qt


def notify_later(source: QObject, signal: str) -> None:
    """Emit ``source``'s signal named ``signal`` (no arguments) from the event loop."""
    QMetaObject.invokeMethod(source, signal, Qt.ConnectionType.QueuedConnection)
