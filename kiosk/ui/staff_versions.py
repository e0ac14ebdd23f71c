"""The stored exhibition versions as staff see them: preview, publish, roll back, delete.

Publishing and rolling back re-read every file of a version (the store verifies hashes first),
and deleting removes a whole folder tree, so all three run off the UI thread. Each asks for
confirmation: the first tap only fills ``confirmText``; ``confirm()`` does it,
``cancelConfirm()`` forgets it. The visitors' screens follow at their next idle reset (see
:mod:`kiosk.ui.content_switcher`). Deleting is how staff free the disk when an import says it
is full; the store refuses the active and the previous version, and so does the list.
"""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.content.store import ContentStore, StoreError, Version, VersionState
from kiosk.i18n.catalog import gettext_for
from kiosk.i18n.formatting import LocaleFormatter
from kiosk.ui.content_switcher import ContentSwitcher
from kiosk.ui.staff_tasks import Background

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)


def version_title(version: Version, language: str) -> str:
    """The exhibition's title in ``language`` (its default language otherwise), or ""."""
    try:
        data = tomllib.loads((version.package_dir / "exhibition.toml").read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return ""
    section = data.get("exhibition", {})
    titles = section.get("title", {}) if isinstance(section, dict) else {}
    if not isinstance(titles, dict):
        return str(titles)
    default = str(section.get("default_language", "fr"))
    return str(titles.get(language) or titles.get(default) or next(iter(titles.values()), ""))


@QmlElement
@QmlUncreatable("StaffVersions is created by the staff panel")
class StaffVersions(QObject):  # type: ignore[operator]
    """Versions list and the actions on them.

    Attributes:
        store: the content store.
        switcher: shows previews and moves the visitors' screens at the next idle reset.
        language: the staff member's language.
        timezone: the kiosk's time zone, for import dates.
    """

    changed = Signal()

    def __init__(
        self,
        store: ContentStore,
        switcher: ContentSwitcher,
        background: Background,
        language: Callable[[], str],
        timezone: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.switcher = switcher
        self.background = background
        self.language = language
        self.timezone = timezone
        self._versions: list[dict[str, Any]] = []
        self._busy = False
        self._message = ""
        self._message_kind = ""
        self._confirm: tuple[str, str] | None = None  # (action, version id)
        switcher.pendingChanged.connect(self.changed)

    def _(self, text: str) -> str:
        return gettext_for(self.language()).gettext(text)

    # Listing ------------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        language = self.language()
        formatter = LocaleFormatter(language, self.timezone())
        rows = []
        for version in self.store.versions():
            rows.append(
                {
                    "versionId": version.id,
                    "title": version_title(version, language),
                    "created": formatter.date_time_short(version.created),
                    "state": str(version.state),
                    "sizeText": self._("{size} MB, {count} files").format(
                        size=formatter.decimal(version.size_bytes / 1e6),
                        count=formatter.number(version.file_count),
                    ),
                    "warnings": len(version.warnings),
                    "source": version.source,
                    # Only the published version and the rollback target are protected.
                    "deletable": version.state not in (VersionState.ACTIVE, VersionState.PREVIOUS),
                }
            )
        self._versions = rows
        self.changed.emit()

    def _get_versions(self) -> list[dict[str, Any]]:
        return self._versions

    versions = Property(list, _get_versions, notify=changed)  # type: ignore[arg-type]

    def _active(self) -> str:
        return self.store.active_id() or ""

    activeId = Property(str, _active, notify=changed)  # type: ignore[arg-type]

    def _can_rollback(self) -> bool:
        return self.store.previous_id() is not None and not self._busy

    canRollback = Property(bool, _can_rollback, notify=changed)  # type: ignore[arg-type]

    def _get_busy(self) -> bool:
        return self._busy

    busy = Property(bool, _get_busy, notify=changed)  # type: ignore[arg-type]

    def _get_message(self) -> str:
        return self._message

    message = Property(str, _get_message, notify=changed)  # type: ignore[arg-type]

    def _get_message_kind(self) -> str:
        return self._message_kind

    messageKind = Property(str, _get_message_kind, notify=changed)  # type: ignore[arg-type]

    def _confirm_text(self) -> str:
        if self._confirm is None:
            return ""
        action, version_id = self._confirm
        if action == "delete":
            return self._(
                "Delete the version imported on {date} ({id})? It will be removed from the "
                "kiosk and cannot be restored."
            ).format(date=self._created(version_id), id=version_id)
        if action == "publish":
            return self._(
                "Publish version {id}? Visitors will see it from the next time the kiosk "
                "returns to its welcome screen."
            ).format(id=version_id)
        return self._(
            "Go back to the previous version {id}? Visitors will see it from the next time "
            "the kiosk returns to its welcome screen."
        ).format(id=version_id)

    confirmText = Property(str, _confirm_text, notify=changed)  # type: ignore[arg-type]

    # Preview ------------------------------------------------------------------------------

    @Slot(str)
    def preview(self, version_id: str) -> None:
        if not self.switcher.preview(version_id):
            self._say("error", self._("Version {id} cannot be shown.").format(id=version_id))

    @Slot()
    def endPreview(self) -> None:
        self.switcher.end_preview()

    # Publish and roll back ----------------------------------------------------------------

    @Slot(str)
    def askPublish(self, version_id: str) -> None:
        if not self._busy:
            self._confirm = ("publish", version_id)
            self.changed.emit()

    @Slot()
    def askRollback(self) -> None:
        previous = self.store.previous_id()
        if previous is not None and not self._busy:
            self._confirm = ("rollback", previous)
            self.changed.emit()

    @Slot(str)
    def askDelete(self, version_id: str) -> None:
        if not self._busy:
            self._confirm = ("delete", version_id)
            self.changed.emit()

    @Slot()
    def cancelConfirm(self) -> None:
        self._confirm = None
        self.changed.emit()

    @Slot()
    def confirm(self) -> None:
        if self._confirm is None or self._busy:
            return
        action, version_id = self._confirm
        self._confirm = None
        self._busy = True
        if action == "delete":
            self._delete(version_id)
            return
        self._say("", self._("Checking every file of the version…"))

        def work() -> Version:
            if action == "publish":
                return self.store.publish(version_id)
            return self.store.rollback()

        self.background.run(work, self._done, self._failed)

    def _done(self, version: Version) -> None:
        self._busy = False
        self.switcher.notify_published()
        self.refresh()
        self._say(
            "ok",
            self._(
                "Version {id} is published. Visitors will see it from the next time the kiosk "
                "returns to its welcome screen."
            ).format(id=version.id),
        )

    def _failed(self, error: Exception) -> None:
        self._busy = False
        if not isinstance(error, StoreError | OSError):
            log.error("staff publish/rollback failed: %r", error)
        self.refresh()
        # The store's reason names the damaged files; the first sentence reassures.
        self._say(
            "error",
            self._("Nothing was changed for visitors. Reason: {reason}").format(reason=str(error)),
        )

    # Delete -----------------------------------------------------------------------------

    def _delete(self, version_id: str) -> None:
        date = self._created(version_id)
        self._say("", self._("Deleting the version imported on {date}…").format(date=date))

        def deleted(_result: None) -> None:
            self._busy = False
            self.refresh()
            self._say(
                "ok",
                self._("The version imported on {date} ({id}) was deleted.").format(
                    date=date, id=version_id
                ),
            )

        def failed(error: Exception) -> None:
            self._busy = False
            if not isinstance(error, StoreError | OSError):
                log.error("staff delete of %s failed: %r", version_id, error)
            self.refresh()
            self._say(
                "error",
                self._("The version {id} was not deleted. Reason: {reason}").format(
                    id=version_id, reason=str(error)
                ),
            )

        self.background.run(lambda: self.store.delete(version_id), deleted, failed)

    def _created(self, version_id: str) -> str:
        """The import date shown in the list for ``version_id`` ("" if it is not listed)."""
        return next(
            (str(row["created"]) for row in self._versions if row["versionId"] == version_id), ""
        )

    def _say(self, kind: str, message: str) -> None:
        self._message_kind, self._message = kind, message
        self.changed.emit()
