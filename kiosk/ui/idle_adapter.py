"""Feeds the Qt world into :class:`kiosk.session.IdleSession` and shows its verdict to QML.

Every press on the window (touch, mouse, key) is presence. A timer asks the session for its phase;
the warning overlay binds to ``warning`` and ``remainingSeconds``; when the session expires,
``expired`` is emitted and the root view-model resets everything a visitor changed.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Property, QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.session import IdlePhase, IdleSession

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

PRESENCE_EVENTS = frozenset(
    {
        QEvent.Type.TouchBegin,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)
TICK_MS = 250


@QmlElement
@QmlUncreatable("IdleMonitor is created by the application")
class IdleMonitor(QObject):  # type: ignore[operator]
    """The idle countdown for QML.

    Attributes:
        session: the Qt-free rules this object polls.
    """

    changed = Signal()
    expired = Signal()

    def __init__(self, session: IdleSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._phase = session.phase()
        self._remaining = math.ceil(session.warning_s)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in PRESENCE_EVENTS:
            self.session.touch()
            if self._phase is IdlePhase.WARNING:
                # After this event is delivered: the warning must still be there to catch the
                # touch that dismisses it, or the control underneath would be pressed.
                QTimer.singleShot(0, self.tick)
        return False

    @Slot()
    def tick(self) -> None:
        """Ask the rules where the session stands; called by the timer (and by tests)."""
        phase = self.session.phase()
        remaining = math.ceil(self.session.remaining_s())
        if (phase, remaining) != (self._phase, self._remaining):
            self._phase, self._remaining = phase, remaining
            self.changed.emit()
        if phase is IdlePhase.EXPIRED:
            self.session.end()
            self._phase = IdlePhase.DORMANT
            self.changed.emit()
            self.expired.emit()

    def visitor_arrived(self) -> None:
        self.session.start()
        self.tick()

    def visitor_left(self) -> None:
        self.session.end()
        self.tick()

    def set_media_playing(self, playing: bool) -> None:
        self.session.set_media_playing(playing)
        self.tick()

    @Slot()
    def continueSession(self) -> None:
        """The warning's one large button: the visitor is still there."""
        self.session.touch()
        self.tick()

    def _warning(self) -> bool:
        return self._phase is IdlePhase.WARNING

    warning = Property(bool, _warning, notify=changed)  # type: ignore[arg-type]

    def _remaining_seconds(self) -> int:
        return self._remaining

    remainingSeconds = Property(int, _remaining_seconds, notify=changed)  # type: ignore[arg-type]

    def _phase_name(self) -> str:
        return str(self._phase)

    phase = Property(str, _phase_name, notify=changed)  # type: ignore[arg-type]

    def stop(self) -> None:
        self._timer.stop()
