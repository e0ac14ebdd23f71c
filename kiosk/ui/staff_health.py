"""The kiosk's health at a glance for staff: versions, uptime, disk, libvlc, errors, crashes.

Everything is read on demand (``refresh``) from small sources: the store's pointer, the disk,
the tail of the log file and the newest archived native crash report (``kiosk.crash`` writes
them as ``native-crash-*.log`` in the log folder).
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk import __version__
from kiosk.content.store import ContentStore
from kiosk.i18n.catalog import gettext_for
from kiosk.i18n.formatting import LocaleFormatter
from kiosk.logging_setup import LOG_FILE_NAME

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

TAIL_BYTES = 256 * 1024
LAST_ERRORS = 5
CRASH_LINES = 12
ERROR_LEVELS = (" ERROR ", " CRITICAL ")


def libvlc_version() -> str:
    """The libvlc version string, or "" when libvlc cannot be loaded."""
    try:
        import vlc

        raw = vlc.libvlc_get_version()
    except (ImportError, OSError, AttributeError) as error:
        log.warning("libvlc version unavailable: %s", error)
        return ""
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)


def last_errors(log_file: Path, count: int = LAST_ERRORS) -> list[str]:
    """The last ``count`` ERROR or CRITICAL lines of the log (reading only its tail)."""
    try:
        with open(log_file, "rb") as handle:
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - TAIL_BYTES))
            tail = handle.read().decode("utf-8", "replace")
    except OSError:
        return []
    lines = [line for line in tail.splitlines() if any(mark in line for mark in ERROR_LEVELS)]
    return lines[-count:]


def last_crash_report(log_dir: Path) -> Path | None:
    """The newest archived native crash report, if any."""
    try:
        reports = sorted(log_dir.glob("native-crash-*.log"))
    except OSError:
        return None
    return reports[-1] if reports else None


@QmlElement
@QmlUncreatable("StaffHealth is created by the staff panel")
class StaffHealth(QObject):  # type: ignore[operator]
    """Health figures as text for the "State" section.

    Attributes:
        store: the content store (for the published version).
        data_dir / log_dir: the kiosk's folders.
        started: monotonic time the kiosk started.
        vlc_version: returns the libvlc version (injectable: loading libvlc is not free).
    """

    changed = Signal()

    def __init__(
        self,
        store: ContentStore,
        data_dir: Path,
        log_dir: Path,
        language: Callable[[], str],
        started: float,
        vlc_version: Callable[[], str] = libvlc_version,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.data_dir, self.log_dir = store, data_dir, log_dir
        self.language, self.started, self.clock = language, started, clock
        self.vlc_version = vlc_version
        self._values: dict[str, str] = {}
        self._errors: list[str] = []
        self._crash_name = ""
        self._crash_text = ""

    def _(self, text: str) -> str:
        return gettext_for(self.language()).gettext(text)

    @Slot()
    def refresh(self) -> None:
        _ = self._
        uptime = max(0, int(self.clock() - self.started))
        days, rest = divmod(uptime, 86400)
        try:
            free = shutil.disk_usage(self.data_dir).free
            disk = _("{free} GB free").format(
                free=LocaleFormatter(self.language()).decimal(free / 1e9)
            )
        except OSError:
            disk = "?"
        vlc = self.vlc_version()
        self._values = {
            "kioskVersion": __version__,
            "contentVersion": self.store.active_id() or _("demo exhibition (nothing published)"),
            "uptime": _("{days} d {hours} h {minutes} min").format(
                days=days, hours=rest // 3600, minutes=rest % 3600 // 60
            ),
            "diskFree": disk,
            "libvlcVersion": vlc or _("not found: stories cannot play"),
        }
        self._errors = last_errors(self.log_dir / LOG_FILE_NAME)
        crash = last_crash_report(self.log_dir)
        self._crash_name = crash.name if crash is not None else ""
        self._crash_text = ""
        if crash is not None:
            try:
                lines = crash.read_text("utf-8", errors="replace").splitlines()
            except OSError:
                lines = []
            self._crash_text = "\n".join(lines[:CRASH_LINES])
        self.changed.emit()

    def _value(self, key: str) -> str:
        return self._values.get(key, "")

    def _kiosk_version(self) -> str:
        return self._value("kioskVersion")

    kioskVersion = Property(str, _kiosk_version, notify=changed)  # type: ignore[arg-type]

    def _content_version(self) -> str:
        return self._value("contentVersion")

    contentVersion = Property(str, _content_version, notify=changed)  # type: ignore[arg-type]

    def _uptime(self) -> str:
        return self._value("uptime")

    uptime = Property(str, _uptime, notify=changed)  # type: ignore[arg-type]

    def _disk_free(self) -> str:
        return self._value("diskFree")

    diskFree = Property(str, _disk_free, notify=changed)  # type: ignore[arg-type]

    def _libvlc(self) -> str:
        return self._value("libvlcVersion")

    libvlcVersion = Property(str, _libvlc, notify=changed)  # type: ignore[arg-type]

    def _get_errors(self) -> list[str]:
        return self._errors

    lastErrors = Property(list, _get_errors, notify=changed)  # type: ignore[arg-type]

    def _get_crash_name(self) -> str:
        return self._crash_name

    crashName = Property(str, _get_crash_name, notify=changed)  # type: ignore[arg-type]

    def _get_crash_text(self) -> str:
        return self._crash_text

    crashText = Property(str, _get_crash_text, notify=changed)  # type: ignore[arg-type]
