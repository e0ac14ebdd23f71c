"""Importing a package from a USB stick or a chosen folder, as the staff panel shows it.

Lists the removable media mounted now and the packages on them, offers a folder chooser that
never leaves a few sensible roots (the sticks, the inbox folder, the user's home), and runs
:func:`kiosk.content.importer.import_package` on the qasync loop, so the copy happens in an
executor while the screens stay fluid. Progress (MB, MB/s, time left), the validator's report
(errors block, warnings are shown and allowed) and the outcome are properties for QML.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import Executor
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.content.importer import (
    CancelToken,
    Failure,
    ImportProgress,
    ImportResult,
    PackageImportError,
    Phase,
    import_package,
    import_package_sync,
)
from kiosk.content.removable import find_packages
from kiosk.content.store import ContentStore
from kiosk.i18n.catalog import gettext_for
from kiosk.staff.import_progress import describe_progress
from kiosk.staff.inbox import InboxOutcome, OutcomeKind
from kiosk.ui.staff_problems import ProblemListModel, rows_from_lines, rows_from_report
from kiosk.ui.staff_tasks import running_loop

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

RootsProvider = Callable[[], list[Path]]
InboxOutcomeProvider = Callable[[], InboxOutcome | None]


@QmlElement
@QmlUncreatable("StaffImport is created by the staff panel")
class StaffImport(QObject):  # type: ignore[operator]
    """Sources, folder chooser, running import and its report.

    Attributes:
        store: the content store versions are imported into.
        removable_roots: the mounted removable media now (``removable.removable_media``).
        extra_roots: other folders the chooser may open (inbox, home).
        language: the staff member's language.
        executor: where the copy runs (None: the loop's default pool).
        cache_dir: where the import measures loudness and makes renditions (None: neither).
        inbox_outcome: the inbox's last outcome (``Inbox.last_outcome``), when an inbox is set.
    """

    sourcesChanged = Signal()
    folderChanged = Signal()
    progressChanged = Signal()
    resultChanged = Signal()
    # A new version is in the store (its id), imported here or by the inbox on its own.
    imported = Signal(str)

    def __init__(
        self,
        store: ContentStore,
        removable_roots: RootsProvider,
        extra_roots: RootsProvider,
        language: Callable[[], str],
        executor: Executor | None = None,
        inbox_outcome: InboxOutcomeProvider | None = None,
        cache_dir: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.cache_dir = cache_dir
        self.inbox_outcome = inbox_outcome
        self.removable_roots = removable_roots
        self.extra_roots = extra_roots
        self.language = language
        self.executor = executor
        self._sources: list[dict[str, Any]] = []
        self._packages: list[dict[str, str]] = []
        self._roots: list[Path] = []
        self._folder: Path | None = None
        self._phase = ""
        self._fraction = 0.0
        self._progress_text = ""
        self._current_file = ""
        self._result_kind = ""
        self._result_message = ""
        self._imported_id = ""
        self._cancel: CancelToken | None = None
        self._task: asyncio.Task[None] | None = None
        self._problems = ProblemListModel(self)
        self._inbox: InboxOutcome | None = None

    def _(self, text: str) -> str:
        return gettext_for(self.language()).gettext(text)

    # Sources and folder chooser -----------------------------------------------------------

    @Slot()
    def refreshSources(self) -> None:
        """Look again for sticks and the packages on them (cheap: two folder levels)."""
        sticks = [path for path in self.removable_roots() if path.is_dir()]
        others = [path for path in self.extra_roots() if path.is_dir() and path not in sticks]
        self._roots = sticks + others
        self._sources = [
            {"name": path.name or str(path), "path": str(path), "removable": path in sticks}
            for path in self._roots
        ]
        self._packages = [
            {"name": self._package_label(path), "path": str(path)} for path in find_packages(sticks)
        ]
        self._inbox = self.inbox_outcome() if self.inbox_outcome is not None else None
        if self._folder is not None and self._root_of(self._folder) is None:
            self._folder = None
            self.folderChanged.emit()
        self.sourcesChanged.emit()

    def _package_label(self, path: Path) -> str:
        root = self._root_of(path)
        if root is None or root == path:
            return path.name or str(path)
        return f"{root.name} › {path.relative_to(root).as_posix()}"

    def _root_of(self, folder: Path) -> Path | None:
        resolved = folder.resolve()
        for root in self._roots:
            if resolved == root.resolve() or resolved.is_relative_to(root.resolve()):
                return root
        return None

    def _get_sources(self) -> list[dict[str, Any]]:
        return self._sources

    sources = Property(list, _get_sources, notify=sourcesChanged)  # type: ignore[arg-type]

    def _get_packages(self) -> list[dict[str, str]]:
        return self._packages

    packages = Property(list, _get_packages, notify=sourcesChanged)  # type: ignore[arg-type]

    @Slot(str)
    def openFolder(self, path: str) -> None:
        """Show a folder's subfolders; refused outside the sensible roots."""
        folder = Path(path)
        if self._root_of(folder) is None or not folder.is_dir():
            log.warning("staff folder chooser: %s is outside the allowed folders", folder)
            return
        self._folder = folder
        self.folderChanged.emit()

    @Slot()
    def folderUp(self) -> None:
        if self._folder is None:
            return
        root = self._root_of(self._folder)
        self._folder = None if root is None or self._folder == root else self._folder.parent
        self.folderChanged.emit()

    def _get_folder(self) -> str:
        return str(self._folder) if self._folder is not None else ""

    folder = Property(str, _get_folder, notify=folderChanged)  # type: ignore[arg-type]

    def _folder_is_package(self) -> bool:
        return self._folder is not None and (self._folder / "exhibition.toml").is_file()

    folderIsPackage = Property(bool, _folder_is_package, notify=folderChanged)  # type: ignore[arg-type]

    def _folder_entries(self) -> list[dict[str, Any]]:
        if self._folder is None:
            return []
        try:
            children = sorted(
                entry
                for entry in self._folder.iterdir()
                if entry.is_dir() and not entry.name.startswith((".", "$"))
            )
        except OSError:
            return []
        return [
            {
                "name": entry.name,
                "path": str(entry),
                "isPackage": (entry / "exhibition.toml").is_file(),
            }
            for entry in children
        ]

    folderEntries = Property(list, _folder_entries, notify=folderChanged)  # type: ignore[arg-type]

    # Inbox --------------------------------------------------------------------------------

    def show_inbox_outcome(self, outcome: InboxOutcome) -> None:
        """The inbox just handled a package (``Inbox.watch``'s ``on_outcome``)."""
        self._inbox = outcome
        self.sourcesChanged.emit()
        # The versions list may be open: it must show the new version as after an import here.
        if outcome.kind is OutcomeKind.IMPORTED and outcome.version_id:
            self.imported.emit(outcome.version_id)

    def _inbox_kind(self) -> str:
        if self._inbox is None:
            return ""
        return "ok" if self._inbox.kind is OutcomeKind.IMPORTED else "error"

    inboxKind = Property(str, _inbox_kind, notify=sourcesChanged)  # type: ignore[arg-type]

    def _inbox_message(self) -> str:
        if self._inbox is None:
            return ""
        lines = [self._inbox.message, *self._inbox.problems[:8]]
        return "\n".join(line for line in lines if line)

    inboxMessage = Property(str, _inbox_message, notify=sourcesChanged)  # type: ignore[arg-type]

    # Import -------------------------------------------------------------------------------

    def _busy(self) -> bool:
        return self._task is not None and not self._task.done()

    busy = Property(bool, _busy, notify=progressChanged)  # type: ignore[arg-type]

    def _get_phase(self) -> str:
        return self._phase

    phase = Property(str, _get_phase, notify=progressChanged)  # type: ignore[arg-type]

    def _get_fraction(self) -> float:
        return self._fraction

    fraction = Property(float, _get_fraction, notify=progressChanged)  # type: ignore[arg-type]

    def _get_progress_text(self) -> str:
        return self._progress_text

    progressText = Property(str, _get_progress_text, notify=progressChanged)  # type: ignore[arg-type]

    def _get_current_file(self) -> str:
        return self._current_file

    currentFile = Property(str, _get_current_file, notify=progressChanged)  # type: ignore[arg-type]

    def _get_result_kind(self) -> str:
        return self._result_kind

    resultKind = Property(str, _get_result_kind, notify=resultChanged)  # type: ignore[arg-type]

    def _get_result_message(self) -> str:
        return self._result_message

    resultMessage = Property(str, _get_result_message, notify=resultChanged)  # type: ignore[arg-type]

    def _get_imported_id(self) -> str:
        return self._imported_id

    importedId = Property(str, _get_imported_id, notify=resultChanged)  # type: ignore[arg-type]

    def _get_problems(self) -> ProblemListModel:
        return self._problems

    problems = Property(QObject, _get_problems, constant=True)  # type: ignore[arg-type]

    @Slot(str)
    def startImport(self, path: str) -> None:
        """Copy, check and store the package in ``path`` as a new (unpublished) version."""
        if self._busy():
            return
        source = Path(path)
        if self._root_of(source) is None:
            log.warning("staff import refused: %s is outside the allowed folders", source)
            return
        self._set_result("", "", "")
        self._problems.clear()
        self._cancel = CancelToken()
        self._on_progress(ImportProgress(Phase.SCANNING))
        loop = running_loop()
        if loop is None:  # no qasync loop (screenshots, scripts): run here
            self._run_sync(source)
            return
        self._task = loop.create_task(self._run(source, self._cancel))
        self.progressChanged.emit()

    @Slot()
    def cancelImport(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()

    async def _run(self, source: Path, cancel: CancelToken) -> None:
        try:
            result = await import_package(
                source,
                self.store,
                language=self.language(),
                progress=self._on_progress,
                cancel=cancel,
                cache_dir=self.cache_dir,
                executor=self.executor,
            )
        except PackageImportError as failure:
            self._failed(failure)
        except Exception as error:  # an unexpected bug must not leave the panel "busy"
            log.exception("staff import crashed")
            self._failed(PackageImportError(Failure.IO, str(error)))
        else:
            self._succeeded(result)
        finally:
            self._task = None
            self.progressChanged.emit()

    def _run_sync(self, source: Path) -> None:
        try:
            result = import_package_sync(
                source,
                self.store,
                language=self.language(),
                progress=self._on_progress,
                cache_dir=self.cache_dir,
            )
        except PackageImportError as failure:
            self._failed(failure)
        else:
            self._succeeded(result)
        self.progressChanged.emit()

    def _on_progress(self, report: ImportProgress) -> None:
        self._phase = str(report.phase)
        self._fraction = report.fraction
        self._current_file = report.current_file
        self._progress_text = (
            describe_progress(report, self.language()) if report.bytes_total else ""
        )
        self.progressChanged.emit()

    def _succeeded(self, result: ImportResult) -> None:
        _ = self._
        rows = rows_from_report(result.report) if result.report is not None else []
        if not rows and result.warnings:
            rows = rows_from_lines("warning", result.warnings)
        self._problems.set_rows(rows)
        if result.warnings:
            kind = "warning"
            message = _(
                "The package was imported with {count} warning(s). "
                "You can preview it, then publish it."
            ).format(count=len(result.warnings))
        else:
            kind = "ok"
            message = _("The package was imported. You can preview it, then publish it.")
        self._phase = str(Phase.DONE)
        self._set_result(kind, message, result.version.id)
        self.imported.emit(result.version.id)

    def _failed(self, failure: PackageImportError) -> None:
        if failure.report is not None:
            self._problems.set_rows(rows_from_report(failure.report))
            message = failure.message.splitlines()[0]
        else:
            self._problems.clear()
            message = failure.message
        kind = "cancelled" if failure.kind is Failure.CANCELLED else "error"
        self._phase = "failed"
        self._set_result(kind, message, "")

    def _set_result(self, kind: str, message: str, version_id: str) -> None:
        self._result_kind, self._result_message, self._imported_id = kind, message, version_id
        self.resultChanged.emit()

    @Slot()
    def dismissResult(self) -> None:
        self._phase = ""
        self._problems.clear()
        self._set_result("", "", "")
        self.progressChanged.emit()
