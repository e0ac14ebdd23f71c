"""The settings in force now, changed by the staff panel without a restart.

:class:`kiosk.settings.Settings` is frozen; the staff panel builds a checked copy with
``kiosk.settings.replace`` and hands it to :meth:`LiveSettings.update`. Parts that follow the
settings (idle timeout, volume limits, languages, attract loop, demo badge, time zone) connect
to :attr:`LiveSettings.changed` and read :attr:`LiveSettings.current`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Property, QObject, Signal
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.settings import Settings

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)


@QmlElement
@QmlUncreatable("LiveSettings is created by the application")
class LiveSettings(QObject):  # type: ignore[operator]
    """Holds the current :class:`Settings`; emits ``changed`` when staff change them.

    Attributes:
        current: the settings in force.
    """

    changed = Signal()

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._current = settings

    @property
    def current(self) -> Settings:
        return self._current

    def update(self, settings: Settings) -> bool:
        """Put ``settings`` in force; returns False (and stays quiet) when nothing changed."""
        if settings == self._current:
            return False
        changed_keys = sorted(
            name
            for name in Settings.__dataclass_fields__
            if getattr(settings, name) != getattr(self._current, name)
        )
        self._current = settings
        # Key names only: values such as the PIN hash have no place in the log.
        log.info("settings changed by staff: %s", ", ".join(changed_keys))
        self.changed.emit()
        return True

    def _idle_timeout(self) -> int:
        return self._current.idle_timeout_s

    idleTimeoutS = Property(int, _idle_timeout, notify=changed)  # type: ignore[arg-type]

    def _demo_badge(self) -> bool:
        return self._current.demo_badge

    demoBadge = Property(bool, _demo_badge, notify=changed)  # type: ignore[arg-type]

    def _attract_interval(self) -> int:
        return self._current.attract_interval_s

    attractIntervalS = Property(int, _attract_interval, notify=changed)  # type: ignore[arg-type]

    def _reduce_motion(self) -> bool:
        return self._current.reduce_motion

    reduceMotion = Property(bool, _reduce_motion, notify=changed)  # type: ignore[arg-type]

    def _volume_max(self) -> int:
        return self._current.volume_max

    volumeMax = Property(int, _volume_max, notify=changed)  # type: ignore[arg-type]
