"""The on-screen PIN pad's state: digits typed (shown as dots), the verdict, the countdown.

The rules (scrypt check, delays after 3 wrong PINs, lockout after 10) live in
:class:`kiosk.staff.pin.PinGate`; this adapter only collects digits from the pad, asks the gate,
and turns its answer into one calm sentence in the staff member's language. The digits are held
only until the entry is checked and never leave this object: QML sees their count, not them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.i18n.catalog import gettext_for
from kiosk.staff.pin import MAX_DIGITS, Attempt, Outcome, PinGate

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

COUNTDOWN_TICK_MS = 250


@QmlElement
@QmlUncreatable("StaffPinPad is created by the staff panel")
class StaffPinPad(QObject):  # type: ignore[operator]
    """Digits, verdict and countdown of the PIN pad.

    Attributes:
        gate: the PIN policy.
        language: returns the staff member's language (the kiosk's default language).
    """

    changed = Signal()
    accepted = Signal()

    def __init__(
        self, gate: PinGate, language: Callable[[], str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.gate = gate
        self.language = language
        self._digits: list[str] = []
        self._message = ""
        self._countdown = QTimer(self)
        self._countdown.setInterval(COUNTDOWN_TICK_MS)
        self._countdown.timeout.connect(self._tick)

    def __repr__(self) -> str:  # never the digits, even in a debugger or a traceback
        return f"<StaffPinPad digits={len(self._digits)}>"

    def _(self, text: str) -> str:
        return gettext_for(self.language()).gettext(text)

    # Read by QML ------------------------------------------------------------------------

    def _digit_count(self) -> int:
        return len(self._digits)

    digitCount = Property(int, _digit_count, notify=changed)  # type: ignore[arg-type]

    def _max_digits(self) -> int:
        return MAX_DIGITS

    maxDigits = Property(int, _max_digits, constant=True)  # type: ignore[arg-type]

    def _get_message(self) -> str:
        return self._message

    message = Property(str, _get_message, notify=changed)  # type: ignore[arg-type]

    def _wait_seconds(self) -> int:
        wait = self.gate.seconds_to_wait()
        return int(wait) + (1 if wait % 1 else 0)

    waitSeconds = Property(int, _wait_seconds, notify=changed)  # type: ignore[arg-type]

    def _waiting(self) -> bool:
        return self.gate.seconds_to_wait() > 0

    waiting = Property(bool, _waiting, notify=changed)  # type: ignore[arg-type]

    def _pin_set(self) -> bool:
        return bool(self.gate.stored_hash)

    pinSet = Property(bool, _pin_set, notify=changed)  # type: ignore[arg-type]

    # Pad keys ---------------------------------------------------------------------------

    @Slot(int)
    def pressDigit(self, digit: int) -> None:
        if 0 <= digit <= 9 and len(self._digits) < MAX_DIGITS and not self._waiting():
            self._digits.append(str(digit))
            self.changed.emit()

    @Slot()
    def erase(self) -> None:
        if self._digits:
            self._digits.pop()
            self.changed.emit()

    @Slot()
    def clear(self) -> None:
        self._digits.clear()
        self._message = ""
        self.changed.emit()

    @Slot()
    def submit(self) -> None:
        """Check the digits typed; they are forgotten whatever the verdict."""
        pin = "".join(self._digits)
        self._digits.clear()
        if not pin:
            self.changed.emit()
            return
        attempt = self.gate.check(pin)
        del pin
        self._message = self._describe(attempt)
        if attempt.wait_s > 0 or attempt.outcome in (Outcome.WAIT, Outcome.LOCKED):
            self._countdown.start()
        self.changed.emit()
        if attempt.ok:
            self.accepted.emit()

    def _describe(self, attempt: Attempt) -> str:
        _ = self._
        if attempt.outcome is Outcome.ACCEPTED:
            return ""
        if attempt.outcome is Outcome.NOT_SET:
            return _(
                "No staff PIN is set on this kiosk. A technician sets one with the command "
                "“kiosk staff set-pin”."
            )
        if attempt.outcome is Outcome.LOCKED:
            minutes = max(1, round(attempt.wait_s / 60))
            return _(
                "Too many wrong PINs: the pad is locked for {minutes} minutes. "
                "Ask the person in charge of the kiosk."
            ).format(minutes=minutes)
        if attempt.outcome is Outcome.WAIT:
            return _("Please wait before trying again.")
        if attempt.wait_s > 0:
            return _("Wrong PIN. Wait a moment before trying again.")
        return _("Wrong PIN. Try again.")

    def _tick(self) -> None:
        if not self._waiting():
            self._countdown.stop()
            if self.gate.failures and not self.gate.locked:
                self._message = self._("You can try again.")
        self.changed.emit()
