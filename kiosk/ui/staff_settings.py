"""The settings staff may change on the kiosk, edited as a draft, then saved and applied.

Only what the issue lists is offered: idle timeout, default and offered languages, default and
maximum volume, attract loop options, demo badge, time zone. The controls cannot produce an
invalid draft (steppers clamp, the default language stays offered, the default volume stays
under the maximum); ``save()`` still checks it with :func:`kiosk.settings.replace`, writes it
into the config file keeping the rest of the file, and puts it in force through
:class:`~kiosk.ui.live_settings.LiveSettings` without a restart.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.i18n.catalog import gettext_for
from kiosk.i18n.languages import LANGUAGES
from kiosk.settings import (
    KNOWN_LANGUAGES,
    Settings,
    SettingsError,
    config_path_for_writing,
    replace,
)
from kiosk.ui.live_settings import LiveSettings
from kiosk.ui.staff_config_file import save_settings

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Step:
    low: int
    high: int
    step: int


STEPS = {
    "idle_timeout_s": Step(30, 600, 10),
    "attract_interval_s": Step(3, 60, 1),
    "volume_default": Step(0, 100, 5),
    "volume_max": Step(10, 100, 5),
}
FLAGS = ("demo_badge", "reduce_motion")
EDITABLE = (*STEPS, *FLAGS, "default_language", "languages", "timezone")
# Time zones a venue of the association might need; the current one is always offered too.
TIMEZONES = (
    "Europe/Paris",
    "Europe/Brussels",
    "Europe/London",
    "Africa/Abidjan",
    "Africa/Bamako",
    "Africa/Dakar",
    "Africa/Douala",
    "Africa/Kinshasa",
    "Africa/Algiers",
    "Africa/Casablanca",
    "America/Martinique",
    "Indian/Reunion",
    "UTC",
)


def draft_of(settings: Settings) -> dict[str, Any]:
    draft = {key: getattr(settings, key) for key in EDITABLE}
    draft["languages"] = list(settings.languages)
    return draft


@QmlElement
@QmlUncreatable("StaffSettings is created by the staff panel")
class StaffSettings(QObject):  # type: ignore[operator]
    """A draft of the editable settings, and saving it.

    Attributes:
        live: the settings in force.
        config_file: returns the file saved into
            (:func:`kiosk.settings.config_path_for_writing`).
    """

    changed = Signal()

    def __init__(
        self,
        live: LiveSettings,
        language: Callable[[], str],
        config_file: Callable[[], Path] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.live = live
        self.language = language
        # The file the kiosk read, else where `kiosk staff set-pin` writes (KIOSK_CONFIG, the
        # site file as root, the user's): never a second file the kiosk does not read.
        self.config_file = config_file or (lambda: config_path_for_writing(live.current))
        self._draft = draft_of(live.current)
        self._message = ""
        self._message_kind = ""

    def _(self, text: str) -> str:
        return gettext_for(self.language()).gettext(text)

    def _get_values(self) -> dict[str, Any]:
        return dict(self._draft)

    values = Property("QVariantMap", _get_values, notify=changed)  # type: ignore[arg-type]

    def _dirty(self) -> bool:
        return self._draft != draft_of(self.live.current)

    dirty = Property(bool, _dirty, notify=changed)  # type: ignore[arg-type]

    def _offered(self) -> list[dict[str, str]]:
        return [
            {"code": code, "name": LANGUAGES[code].native_name}
            for code in KNOWN_LANGUAGES
            if code in LANGUAGES and code != "pseudo"
        ]

    allLanguages = Property(list, _offered, constant=True)  # type: ignore[arg-type]

    def _timezones(self) -> list[str]:
        current = str(self._draft["timezone"])
        return list(TIMEZONES) if current in TIMEZONES else [current, *TIMEZONES]

    timezones = Property(list, _timezones, notify=changed)  # type: ignore[arg-type]

    def _get_message(self) -> str:
        return self._message

    message = Property(str, _get_message, notify=changed)  # type: ignore[arg-type]

    def _get_message_kind(self) -> str:
        return self._message_kind

    messageKind = Property(str, _get_message_kind, notify=changed)  # type: ignore[arg-type]

    # Editing ------------------------------------------------------------------------------

    @Slot(str, int)
    def step(self, key: str, direction: int) -> None:
        """One step up (direction > 0) or down, kept inside the allowed range."""
        rule = STEPS.get(key)
        if rule is None:
            return
        value = int(self._draft[key]) + (rule.step if direction > 0 else -rule.step)
        value = max(rule.low, min(rule.high, value))
        if key == "volume_default":
            value = min(value, int(self._draft["volume_max"]))
        self._draft[key] = value
        if key == "volume_max":
            self._draft["volume_default"] = min(int(self._draft["volume_default"]), value)
        self._edited()

    @Slot(str)
    def toggle(self, key: str) -> None:
        if key in FLAGS:
            self._draft[key] = not bool(self._draft[key])
            self._edited()

    @Slot(str)
    def toggleLanguage(self, code: str) -> None:
        """Offer or stop offering a language; the default language always stays offered."""
        offered: list[str] = list(self._draft["languages"])
        if code in offered:
            if code == self._draft["default_language"]:
                self._say("error", self._("The default language must stay offered."))
                return
            offered.remove(code)
        elif code in LANGUAGES:
            offered.append(code)
        self._draft["languages"] = [item for item in KNOWN_LANGUAGES if item in offered]
        self._edited()

    @Slot(str)
    def setDefaultLanguage(self, code: str) -> None:
        if code not in LANGUAGES:
            return
        self._draft["default_language"] = code
        if code not in self._draft["languages"]:
            self.toggleLanguage(code)
            return
        self._edited()

    @Slot(str)
    def setTimezone(self, name: str) -> None:
        self._draft["timezone"] = name
        self._edited()

    @Slot()
    def revert(self) -> None:
        self._draft = draft_of(self.live.current)
        self._say("", "")

    def _edited(self) -> None:
        self._message, self._message_kind = "", ""
        self.changed.emit()

    # Saving -------------------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        """Check, write into the config file, and apply at once."""
        current = self.live.current
        changes = {
            key: value for key, value in self._draft.items() if value != draft_of(current)[key]
        }
        if not changes:
            return
        try:
            updated = replace(current, **changes)
            save_settings(self.config_file(), changes)
        except SettingsError as error:
            log.warning("staff settings refused: %s", error)
            self._say(
                "error",
                self._("These settings cannot be used: {reason}").format(reason=error.reason),
            )
            return
        except ValueError as error:
            self._say(
                "error", self._("These settings cannot be used: {reason}").format(reason=str(error))
            )
            return
        except OSError as error:
            log.warning("staff settings not saved: %s", error)
            self._say(
                "error",
                self._("The settings could not be saved: {reason}").format(
                    reason=error.strerror or str(error)
                ),
            )
            return
        self.live.update(updated)
        self._draft = draft_of(updated)
        self._say("ok", self._("Settings saved and applied."))

    def _say(self, kind: str, message: str) -> None:
        self._message_kind, self._message = kind, message
        self.changed.emit()
