"""The hidden way in for staff: several quick taps in one corner of the screen.

The corner area is invisible and has no accessible name on purpose (a visitor's screen reader
must not announce it). The rule itself (N taps within a window) is :class:`kiosk.session.TapBurst`;
this adapter only receives the corner's taps from QML and opens the staff page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.session import TapBurst

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlUncreatable("StaffGesture is created by the application")
class StaffGesture(QObject):  # type: ignore[operator]
    """Counts corner taps; calls ``on_trigger`` when the burst is complete."""

    triggered = Signal()

    def __init__(
        self, burst: TapBurst, on_trigger: Callable[[], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._burst = burst
        self._on_trigger = on_trigger

    @Slot()
    def cornerTapped(self) -> None:
        if self._burst.tap():
            self._on_trigger()
            self.triggered.emit()
