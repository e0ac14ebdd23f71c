"""The visitor's accessibility settings for QML, reset to the defaults after every session.

The values live in a frozen :class:`kiosk.session.VisitorPreferences`; this adapter only exposes
them as properties (bound by ``Main.qml`` to the ``Theme`` singleton) and slots for the
accessibility page.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.session import TEXT_SCALES, VisitorPreferences

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlUncreatable("AccessibilitySettings is created by the application")
class AccessibilitySettings(QObject):  # type: ignore[operator]
    """Text size, contrast, captions, motion and reach for the current visitor.

    Attributes:
        defaults: what every new visitor starts with (``reduce_motion`` can default to on).
    """

    changed = Signal()

    def __init__(self, defaults: VisitorPreferences, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.defaults = defaults
        self._prefs = defaults

    @property
    def preferences(self) -> VisitorPreferences:
        return self._prefs

    def _update(self, **changes: Any) -> None:
        updated = replace(self._prefs, **changes)
        if updated != self._prefs:
            self._prefs = updated
            self.changed.emit()

    @Slot()
    def reset(self) -> None:
        """Back to the defaults (idle reset, or the page's "reset" button)."""
        if self._prefs != self.defaults:
            self._prefs = self.defaults
            self.changed.emit()

    def _text_step(self) -> int:
        return self._prefs.text_step

    @Slot(int)
    def setTextStep(self, step: int) -> None:
        self._update(text_step=max(0, min(int(step), len(TEXT_SCALES) - 1)))

    textStep = Property(int, _text_step, setTextStep, notify=changed)  # type: ignore[arg-type]

    def _text_scale(self) -> float:
        return self._prefs.text_scale

    textScale = Property(float, _text_scale, notify=changed)  # type: ignore[arg-type]

    def _text_percents(self) -> list[int]:
        return [round(scale * 100) for scale in TEXT_SCALES]

    textPercents = Property(list, _text_percents, constant=True)  # type: ignore[arg-type]

    def _high_contrast(self) -> bool:
        return self._prefs.high_contrast

    @Slot(bool)
    def setHighContrast(self, on: bool) -> None:
        self._update(high_contrast=bool(on))

    highContrast = Property(bool, _high_contrast, setHighContrast, notify=changed)  # type: ignore[arg-type]

    def _captions(self) -> bool:
        return self._prefs.captions

    @Slot(bool)
    def setCaptions(self, on: bool) -> None:
        self._update(captions=bool(on))

    captions = Property(bool, _captions, setCaptions, notify=changed)  # type: ignore[arg-type]

    def _reduce_motion(self) -> bool:
        return self._prefs.reduce_motion

    @Slot(bool)
    def setReduceMotion(self, on: bool) -> None:
        self._update(reduce_motion=bool(on))

    reduceMotion = Property(bool, _reduce_motion, setReduceMotion, notify=changed)  # type: ignore[arg-type]

    def _low_reach(self) -> bool:
        return self._prefs.low_reach

    @Slot(bool)
    def setLowReach(self, on: bool) -> None:
        self._update(low_reach=bool(on))

    lowReach = Property(bool, _low_reach, setLowReach, notify=changed)  # type: ignore[arg-type]

    def _is_default(self) -> bool:
        return self._prefs == self.defaults

    isDefault = Property(bool, _is_default, notify=changed)  # type: ignore[arg-type]
