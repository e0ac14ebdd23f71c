"""When the visitors' screens change exhibition: at the next idle reset, never mid-visit.

Publishing or rolling back only moves the store's pointer. :class:`ContentSwitcher` notices
that the published version differs from the one on screen and keeps it *pending*; the idle
session's reset hook calls :meth:`ContentSwitcher.apply_pending`, which shows it. A folder the
technician chose (``--content``, ``content_dir``) is not a store version: it stays on screen
until the published version changes while the kiosk runs (a publish or a rollback); what was
published before the start is not news.

It also runs the staff preview: :meth:`preview` loads a stored version (published or not) into a
separate kiosk state that the staff page shows inside its own frame, so a visitor never sees an
unpublished exhibition and the staff member always has the "end preview" button in reach.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.content.model import Exhibition
from kiosk.content.store import ContentStore, StoreError

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

ShowContent = Callable[[Path], None]
LoadExhibition = Callable[[Path], Exhibition | None]
PreviewFactory = Callable[[Exhibition, QObject], QObject]


@QmlElement
@QmlUncreatable("ContentSwitcher is created by the application")
class ContentSwitcher(QObject):  # type: ignore[operator]
    """Holds a published-but-not-shown version and the staff preview.

    Attributes:
        store: the content store.
        show: puts the exhibition of a package folder on the visitors' screens.
        load: reads an exhibition from a package folder (None when it cannot be read).
        preview_factory: makes the kiosk state (a ``KioskState``) the preview pages bind to.
        displayed_id: the store version on the visitors' screens (None: demo or ``--content``).
        own_folder: the screens show the technician's folder (``--content``) and keep it until
            the published version changes.
    """

    pendingChanged = Signal()
    previewChanged = Signal()

    def __init__(
        self,
        store: ContentStore,
        show: ShowContent,
        load: LoadExhibition,
        preview_factory: PreviewFactory,
        displayed_id: str | None = None,
        parent: QObject | None = None,
        *,
        own_folder: bool = False,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.show = show
        self.load = load
        self.preview_factory = preview_factory
        self.displayed_id = displayed_id
        self.own_folder = own_folder
        # Read once, at start-up: a change from it is a publish (or rollback) made since.
        self._published_at_start = store.active_id() if own_folder else None
        self._preview_id = ""
        self._preview_state: QObject | None = None
        self._preview_error = ""

    # Publishing ---------------------------------------------------------------------------

    def _published(self) -> str | None:
        """The store's published id; lets go of the technician's folder once it has changed."""
        active = self.store.active_id()
        if self.own_folder and active != self._published_at_start:
            # Kept even if staff then roll back to the start-up version: that too is a choice
            # made while the kiosk runs, and the screens must follow it.
            self.own_folder = False
            log.info("published version changed to %s: the screens follow the store", active)
        return active

    def _pending(self) -> str:
        active = self._published()
        if self.own_folder or active is None or active == self.displayed_id:
            return ""
        return active

    pendingId = Property(str, _pending, notify=pendingChanged)  # type: ignore[arg-type]

    def _displayed(self) -> str:
        return self.displayed_id or ""

    displayedId = Property(str, _displayed, notify=pendingChanged)  # type: ignore[arg-type]

    def notify_published(self) -> None:
        """The store's active version may have changed (publish, rollback): re-read it."""
        self._published()  # noted now: a rollback before the next reset may bring it back
        self.pendingChanged.emit()

    @Slot(result=bool)
    def apply_pending(self) -> bool:
        """Show the published version if it is not on screen yet; for the idle reset hook.

        Also ends a staff preview, since a reset means nobody is looking at it any more.
        Returns True when the visitors' screens changed.
        """
        self.end_preview()
        pending = self._pending()
        if not pending:
            return False
        try:
            version = self.store.get(pending)
        except StoreError as error:
            log.error("published version cannot be shown: %s", error)
            return False
        self.show(version.package_dir)
        log.info("visitors' screens now show version %s (was %s)", pending, self.displayed_id)
        self.displayed_id = pending
        self.pendingChanged.emit()
        return True

    # Staff preview ------------------------------------------------------------------------

    def _get_preview_id(self) -> str:
        return self._preview_id

    previewId = Property(str, _get_preview_id, notify=previewChanged)  # type: ignore[arg-type]

    def _previewing(self) -> bool:
        return self._preview_state is not None

    previewing = Property(bool, _previewing, notify=previewChanged)  # type: ignore[arg-type]

    def _get_preview_state(self) -> QObject | None:
        return self._preview_state

    previewKiosk = Property(QObject, _get_preview_state, notify=previewChanged)  # type: ignore[arg-type]

    def _get_preview_error(self) -> str:
        return self._preview_error

    previewError = Property(str, _get_preview_error, notify=previewChanged)  # type: ignore[arg-type]

    def preview(self, version_id: str) -> bool:
        """Open a stored version in the staff preview; False (with ``previewError``) on failure."""
        self.end_preview()
        try:
            version = self.store.get(version_id)
        except StoreError as error:
            self._preview_error = str(error)
            self.previewChanged.emit()
            return False
        exhibition = self.load(version.package_dir)
        if exhibition is None:
            self._preview_error = version_id
            self.previewChanged.emit()
            return False
        self._preview_error = ""
        self._preview_id = version_id
        self._preview_state = self.preview_factory(exhibition, self)
        log.info("staff preview of version %s", version_id)
        self.previewChanged.emit()
        return True

    @Slot()
    def end_preview(self) -> None:
        """Close the staff preview (nothing changes for visitors)."""
        state = self._preview_state
        if state is None:
            return
        self._preview_state = None
        self._preview_id = ""
        self.previewChanged.emit()
        # The preview's own player lets go of libvlc now: deleting the state would leave its
        # media player and decoder threads behind. Safe while QML still binds to the model:
        # a shut player ignores close and stop.
        shutdown = getattr(state.property("player"), "shutdown", None)
        if shutdown is not None:
            shutdown()
        # Deleted later: QML items bound to it are destroyed by the same event loop turn.
        state.deleteLater()
