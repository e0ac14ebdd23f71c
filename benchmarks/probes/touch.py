"""Finding what a visitor can touch on the current page, and touching it like a finger does.

Targets are found by walking the window's item tree: items that are visible, inside the window,
and carry a ``TapHandler``, are a ``MouseArea`` or a button. A tap is a touch press and release
at the target's centre, injected with ``QTest.touchEvent`` through a touch-screen device, so it
goes through Qt's real pointer delivery (the same path as a finger on the kiosk's screen).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, QPoint, QPointF
from PySide6.QtGui import QPointingDevice
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

TAPPABLE_ITEMS = ("QQuickMouseArea", "QQuickAbstractButton", "QQuickButton")
HANDLERS = ("QQuickTapHandler",)
# Items a random visitor walk must not touch: the hidden staff corner would only count taps, the
# scrub bar and volume would make every tap a seek.
SKIPPED_NAMES = ("staff", "scrub")


@dataclass(frozen=True)
class Target:
    item: QQuickItem
    point: QPoint
    label: str


def _class_names(obj: QObject) -> list[str]:
    names: list[str] = []
    meta = obj.metaObject()
    while meta is not None:
        names.append(meta.className())
        meta = meta.superClass()
    return names


def read_property(obj: QObject, name: str) -> object:
    """``obj.property(name)``, or None when it has no such property.

    Asking PySide6 6.12 for a missing property hands back ``None`` without a reference (see
    ``kiosk/ui/pyside_fixes.py``); not asking at all is cleaner.
    """
    if obj.metaObject().indexOfProperty(name) < 0:
        return None
    return obj.property(name)


def _has_tap_handler(item: QQuickItem) -> bool:
    for child in item.children():
        if child.metaObject().className() in HANDLERS and read_property(child, "enabled"):
            return True
    return False


def _label(item: QQuickItem) -> str:
    name = item.objectName()
    if name:
        return name
    text = read_property(item, "title") or read_property(item, "text")
    return f"{item.metaObject().className()}:{text}" if text else item.metaObject().className()


def _skipped(item: QQuickItem) -> bool:
    current: QQuickItem | None = item
    while current is not None:
        if any(word in current.objectName().lower() for word in SKIPPED_NAMES):
            return True
        current = current.parentItem()
    return False


def find_targets(window: QQuickWindow) -> list[Target]:
    """Every touchable item now on screen, in tree order."""
    width, height = window.width(), window.height()
    found: list[Target] = []
    stack: list[QQuickItem] = [window.contentItem()]
    while stack:
        item = stack.pop()
        if not item.isVisible() or item.opacity() <= 0.01 or not item.isEnabled():
            continue
        stack.extend(reversed(item.childItems()))
        if item.width() < 8 or item.height() < 8:
            continue
        touchable = _has_tap_handler(item) or any(
            name in TAPPABLE_ITEMS for name in _class_names(item)
        )
        if not touchable or _skipped(item):
            continue
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
        if not (0 <= centre.x() < width and 0 <= centre.y() < height):
            continue
        found.append(Target(item, centre.toPoint(), _label(item)))
    return found


class Finger:
    """Taps on a window through a touch-screen device."""

    def __init__(self, window: QQuickWindow) -> None:
        self.window = window
        self.device: QPointingDevice = QTest.createTouchDevice()

    def press(self, point: QPoint) -> None:
        sequence = QTest.touchEvent(self.window, self.device, autoCommit=False)
        sequence.press(0, point, self.window)
        self._commit(sequence)

    def release(self, point: QPoint) -> float:
        """Lift the finger; returns ``time.perf_counter()`` just before the release is sent."""
        sequence = QTest.touchEvent(self.window, self.device, autoCommit=False)
        sequence.release(0, point, self.window)
        moment = time.perf_counter()
        self._commit(sequence)
        return moment

    @staticmethod
    def _commit(sequence: QTest.QTouchEventSequence) -> None:
        # Deliver without QtTest's own processEvents(): that call would hold the GIL while the
        # GUI thread waits for the render thread, whose frame clock needs the GIL (deadlock).
        # The caller's event pump (which releases the GIL) takes over.
        sequence.commit(False)
