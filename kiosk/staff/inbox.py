"""The inbox: a folder (kept in sync by Syncthing, for example) imported by itself when complete.

A package is taken only when it looks finished: no temporary file of a sync tool or a browser
(``.syncthing.*.tmp``, ``~syncthing~*``, ``*.part``), an ``exhibition.toml`` at the top, and
nothing changed (names, sizes, modification times) for a quiet period. Each distinct content
(the same digest as the store's versions) is imported once, whatever the outcome: a package
with errors is not retried until its files change. Outcomes are logged, kept in a small state
file for the staff panel, and returned to the caller.

:meth:`Inbox.poll` is one synchronous step (it may copy a whole package: call it off the UI
thread); :meth:`Inbox.watch` polls forever in an executor, for the qasync loop.
"""

from __future__ import annotations

import asyncio
import fnmatch
import json
import logging
import os
import time
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from kiosk.content.atomic import hash_file, write_atomic
from kiosk.content.importer import (
    Failure,
    PackageImportError,
    import_package_sync,
    is_ignored,
    scan_package,
)
from kiosk.content.store import ContentStore, FileRecord, content_digest
from kiosk.i18n.catalog import gettext_for
from kiosk.paths import AppPaths
from kiosk.settings import Settings

log = logging.getLogger(__name__)

IN_PROGRESS_PATTERNS = (".syncthing.*.tmp", "~syncthing~*", "*.part")
QUIET_S = 30.0
REMEMBERED_DIGESTS = 50

Snapshot = tuple[tuple[str, int, int], ...]


class OutcomeKind(StrEnum):
    IMPORTED = "imported"
    INVALID = "invalid"
    FAILED = "failed"


@dataclass(frozen=True)
class InboxOutcome:
    """What happened to one package found in the inbox.

    Attributes:
        kind: imported, invalid (the validator found errors) or failed (disk, folder...).
        digest: the content's digest.
        version_id: the new version, when imported.
        message: one sentence for staff, in their language.
        problems: the validator's errors or the failure's details.
        at: when (ISO 8601, UTC).
    """

    kind: OutcomeKind
    digest: str
    message: str
    version_id: str = ""
    problems: tuple[str, ...] = ()
    at: str = ""


def _in_progress(name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in IN_PROGRESS_PATTERNS)


def take_snapshot(folder: Path) -> tuple[Snapshot, bool]:
    """Names, sizes and modification times of the files, and whether a transfer is under way."""
    entries: list[tuple[str, int, int]] = []
    busy = False
    for directory, folders, files in os.walk(folder):
        # Syncthing's own folders (.stversions...) change without the package changing.
        folders[:] = sorted(name for name in folders if not is_ignored(name))
        for name in sorted(files):
            if is_ignored(name) and not _in_progress(name):
                continue
            path = Path(directory, name)
            try:
                stat = path.stat()
            except OSError:  # vanished between listing and stat: a transfer is under way
                busy = True
                continue
            busy = busy or _in_progress(name)
            entries.append((path.relative_to(folder).as_posix(), stat.st_size, stat.st_mtime_ns))
    return tuple(entries), busy


def folder_digest(folder: Path) -> str:
    """The digest the store will give this content (same files as an import would copy)."""
    records = []
    for relative, _size in scan_package(folder):
        size, sha256 = hash_file(folder / relative)
        records.append(FileRecord(relative, size, sha256))
    return content_digest(records)


class Inbox:
    """Watches one folder and imports each complete, new package once.

    Attributes:
        folder: the inbox folder (``inbox_dir`` setting).
        store: where packages are imported.
        state_file: JSON file remembering digests handled and the last outcome.
        quiet_s: how long nothing must change before a package is taken.
        publish: publish at once (True) or leave a preview for staff to publish (False).
        language: language of the outcome messages.
        cache_dir: the kiosk's cache, where imports measure loudness and make the pictures'
            screen-sized copies (None: neither).
        clock: monotonic seconds, injectable for tests.
    """

    def __init__(
        self,
        folder: Path,
        store: ContentStore,
        state_file: Path,
        *,
        quiet_s: float = QUIET_S,
        publish: bool = False,
        language: str = "fr",
        cache_dir: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.folder = Path(folder)
        self.store = store
        self.state_file = Path(state_file)
        self.quiet_s = quiet_s
        self.publish = publish
        self.language = language
        self.cache_dir = cache_dir
        self.clock = clock
        self._snapshot: Snapshot | None = None
        self._changed_at = 0.0
        self._handled: Snapshot | None = None

    @classmethod
    def from_settings(cls, settings: Settings, store: ContentStore, **options: Any) -> Inbox | None:
        """The inbox configured by ``inbox_dir`` (None when no inbox is configured).

        Its state file is ``<data_dir>/inbox-state.json``, its imports measure and resize into
        the kiosk's cache folder; ``options`` go to the constructor (``quiet_s``, ``publish``,
        ``clock``).
        """
        if settings.inbox_dir is None:
            return None
        paths = AppPaths.resolve(settings.data_dir, settings.log_dir, settings.cache_dir)
        options.setdefault("language", settings.default_language)
        options.setdefault("cache_dir", paths.cache_dir)
        return cls(settings.inbox_dir, store, paths.data_dir / "inbox-state.json", **options)

    # State file ---------------------------------------------------------------------------

    def _load_state(self) -> dict[str, object]:
        try:
            data = json.loads(self.state_file.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def handled_digests(self) -> list[str]:
        digests = self._load_state().get("digests", [])
        return [str(item) for item in digests] if isinstance(digests, list) else []

    def last_outcome(self) -> InboxOutcome | None:
        """The last outcome, for the staff panel (also after a restart)."""
        data = self._load_state().get("last")
        if not isinstance(data, dict):
            return None
        try:
            return InboxOutcome(
                kind=OutcomeKind(data["kind"]),
                digest=str(data["digest"]),
                message=str(data["message"]),
                version_id=str(data.get("version_id", "")),
                problems=tuple(str(item) for item in data.get("problems", [])),
                at=str(data.get("at", "")),
            )
        except (KeyError, ValueError):
            return None

    def _remember(self, outcome: InboxOutcome) -> None:
        digests = [d for d in self.handled_digests() if d != outcome.digest] + [outcome.digest]
        data = {"digests": digests[-REMEMBERED_DIGESTS:], "last": asdict(outcome)}
        self.state_file.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.state_file, json.dumps(data, ensure_ascii=False, indent=1).encode())

    # Polling ------------------------------------------------------------------------------

    def poll(self) -> InboxOutcome | None:
        """Look at the folder once; import when a new package has been quiet long enough.

        Returns the outcome of an import attempt, or None when nothing was attempted.
        """
        if not self.folder.is_dir():
            return None
        snapshot, busy = take_snapshot(self.folder)
        now = self.clock()
        if snapshot != self._snapshot:
            self._snapshot, self._changed_at = snapshot, now
            return None
        if busy or snapshot == self._handled or now - self._changed_at < self.quiet_s:
            return None
        if not (self.folder / "exhibition.toml").is_file():
            return None
        try:
            digest = folder_digest(self.folder)
        except OSError:  # a file went away while hashing: wait for the next quiet period
            self._snapshot = None
            return None
        if digest in self.handled_digests() or self.store.find_by_digest(digest):
            self._handled = snapshot
            return None
        outcome = self._import(digest)
        if outcome is None:  # the folder changed under us: try again after a quiet period
            self._snapshot = None
            return None
        self._handled = snapshot
        self._remember(outcome)
        return outcome

    def _import(self, digest: str) -> InboxOutcome | None:
        _ = gettext_for(self.language).gettext
        at = datetime.now(UTC).isoformat(timespec="seconds")
        try:
            result = import_package_sync(
                self.folder,
                self.store,
                publish=self.publish,
                language=self.language,
                cache_dir=self.cache_dir,
            )
        except PackageImportError as failure:
            if failure.kind in (Failure.SOURCE_GONE, Failure.BUSY, Failure.CANCELLED):
                log.info("inbox: import postponed: %s", failure.message)
                return None
            kind = OutcomeKind.INVALID if failure.kind is Failure.INVALID else OutcomeKind.FAILED
            log.warning("inbox: package in %s not imported: %s", self.folder, failure.message)
            message = _("The package in the inbox was not imported.")
            return InboxOutcome(kind, digest, message, "", tuple(failure.message.splitlines()), at)
        version = result.version
        if result.published:
            message = _("The package in the inbox was imported and published as {id}.")
        else:
            message = _("The package in the inbox was imported as {id}; it awaits publishing.")
        log.info(
            "inbox: imported %s as %s (published: %s)", self.folder, version.id, result.published
        )
        return InboxOutcome(
            OutcomeKind.IMPORTED,
            version.digest,
            message.format(id=version.id),
            version.id,
            result.warnings,
            at,
        )

    async def watch(
        self,
        interval_s: float = 5.0,
        on_outcome: Callable[[InboxOutcome], None] | None = None,
        executor: Executor | None = None,
    ) -> None:
        """Poll forever (until cancelled), off the event loop; outcomes reach ``on_outcome``
        on the loop's thread."""
        loop = asyncio.get_running_loop()
        while True:
            try:
                outcome = await loop.run_in_executor(executor, self.poll)
            except OSError as error:
                log.warning("inbox: %s unreadable: %s", self.folder, error)
                outcome = None
            if outcome is not None and on_outcome is not None:
                on_outcome(outcome)
            await asyncio.sleep(interval_s)
