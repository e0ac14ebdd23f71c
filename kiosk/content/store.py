"""The versioned content store: which exhibition the visitors see, and the ones kept beside it.

Layout under ``root`` (``<data_dir>/content``)::

    versions/<version-id>/manifest.json   sizes and SHA-256 of every file, written last
    versions/<version-id>/package/        the exhibition package as imported
    staging/<token>/                      an import in progress (never read by the kiosk)
    trash/<token>/                        a version being deleted
    current                               the published version's id (one line)
    previous                              the version ``rollback`` goes back to

Safety rules, so that a power cut or a ``SIGKILL`` never leaves a mix of two exhibitions:

* a version directory appears under ``versions/`` only by one ``os.replace`` of a staging
  directory whose files and manifest are already written and flushed to disk;
* a version is published only after :meth:`ContentStore.verify` re-reads every file and finds
  the sizes and hashes of its manifest;
* pointer files are replaced atomically (write a temporary file, fsync, ``os.replace``, fsync
  the directory), which works on Linux and on Windows (where a directory cannot be fsynced and
  ``os.replace`` is already durable enough through NTFS's journal);
* a version is deleted by renaming it to ``trash/`` first, so a half-deleted version is never
  listed.

"Preview": a version imported but not published. Publishing only moves the ``current`` pointer;
the visitor screens switch at their next idle reset by asking :meth:`ContentStore.active`.
All methods are blocking file operations: call them from a worker thread in the UI
(``loop.run_in_executor``) except :meth:`active` and :meth:`versions`, which only read small files.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import shutil
import sys
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.content.atomic import fsync_directory, hash_file, write_atomic
from kiosk.content.versions import (
    FileRecord,
    VerifyResult,
    Version,
    VersionState,
    content_digest,
    manifest_data,
)
from kiosk.i18n.catalog import gettext_for

__all__ = [
    "KEEP_VERSIONS",
    "MANIFEST_NAME",
    "PACKAGE_DIR",
    "ContentStore",
    "FileRecord",
    "StoreError",
    "VerifyResult",
    "Version",
    "VersionState",
    "content_digest",
]

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.json"
PACKAGE_DIR = "package"
KEEP_VERSIONS = 3


class StoreError(Exception):
    """A store operation that cannot be done; the message is meant for staff and technicians."""


class ContentStore:
    """Versions of the exhibition on the kiosk's disk, with atomic publish and rollback.

    Attributes:
        root: ``<data_dir>/content``.
        keep: how many versions are kept (the active and previous ones are never deleted).
    """

    def __init__(self, root: Path, keep: int = KEEP_VERSIONS, language: str = "en") -> None:
        self.root = Path(root)
        self.keep = max(keep, 2)
        self.language = language

    @classmethod
    def for_data_dir(cls, data_dir: Path, language: str = "en") -> ContentStore:
        return cls(Path(data_dir) / "content", language=language)

    @property
    def _(self) -> Any:
        """Translation of messages for staff, in :attr:`language` (settable at any time)."""
        return gettext_for(self.language).gettext

    # Layout ---------------------------------------------------------------------------------

    @property
    def versions_dir(self) -> Path:
        return self.root / "versions"

    @property
    def staging_dir(self) -> Path:
        return self.root / "staging"

    def ensure(self) -> None:
        """Create the store's folders."""
        for folder in (self.versions_dir, self.staging_dir, self.root / "trash"):
            folder.mkdir(parents=True, exist_ok=True)

    def _pointer(self, name: str) -> str | None:
        try:
            text = (self.root / name).read_text("utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return None
        return text if text and (self.versions_dir / text / MANIFEST_NAME).is_file() else None

    def _set_pointer(self, name: str, version_id: str | None) -> None:
        path = self.root / name
        if version_id is None:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            fsync_directory(self.root)
            return
        write_atomic(path, f"{version_id}\n".encode())

    # Reading --------------------------------------------------------------------------------

    def active_id(self) -> str | None:
        """The published version's id, or None when nothing was ever published."""
        return self._pointer("current")

    def previous_id(self) -> str | None:
        """The version :meth:`rollback` would go back to."""
        return self._pointer("previous")

    def _version_ids(self) -> list[str]:
        if not self.versions_dir.is_dir():
            return []
        return sorted(
            entry.name
            for entry in self.versions_dir.iterdir()
            if not entry.name.startswith(".") and (entry / MANIFEST_NAME).is_file()
        )

    def get(self, version_id: str) -> Version:
        """One version; raises :class:`StoreError` when unknown or its manifest is unreadable."""
        directory = self.versions_dir / version_id
        if "/" in version_id or "\\" in version_id or version_id.startswith("."):
            raise StoreError(self._("{id} is not a version id.").format(id=repr(version_id)))
        try:
            data = json.loads((directory / MANIFEST_NAME).read_text("utf-8"))
            records = tuple(
                FileRecord(str(item["path"]), int(item["size"]), str(item["sha256"]))
                for item in data["files"]
            )
            created = datetime.fromisoformat(str(data["created"]))
        except FileNotFoundError:
            raise StoreError(self._("There is no version {id}.").format(id=version_id)) from None
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise StoreError(
                self._("The list of files of version {id} is unreadable ({reason}).").format(
                    id=version_id, reason=str(error)
                )
            ) from None
        return Version(
            id=version_id,
            directory=directory,
            package_dir=directory / PACKAGE_DIR,
            created=created,
            source=str(data.get("source", "")),
            digest=str(data.get("digest", content_digest(records))),
            files=records,
            state=self._state_of(version_id),
            warnings=tuple(str(item) for item in data.get("warnings", [])),
        )

    def _state_of(self, version_id: str) -> VersionState:
        if version_id == self.active_id():
            return VersionState.ACTIVE
        if version_id == self.previous_id():
            return VersionState.PREVIOUS
        active = self.active_id()
        if active is None or version_id > active:
            return VersionState.PREVIEW
        return VersionState.ARCHIVED

    def versions(self) -> list[Version]:
        """Every stored version, newest first; unreadable manifests are skipped (and logged)."""
        found: list[Version] = []
        for version_id in reversed(self._version_ids()):
            try:
                found.append(self.get(version_id))
            except StoreError as error:
                log.warning("content store: %s", error)
        return found

    def active(self) -> Version | None:
        """The published version (what visitors see after their next idle reset), if any."""
        version_id = self.active_id()
        return self.get(version_id) if version_id else None

    def find_by_digest(self, digest: str) -> Version | None:
        """A stored version holding exactly this content, if one is kept."""
        return next((version for version in self.versions() if version.digest == digest), None)

    # Checking -------------------------------------------------------------------------------

    def verify(self, version_id: str) -> VerifyResult:
        """Re-read every file of a version and compare with its manifest (sizes, SHA-256).

        Extra files count as problems too: a version must be exactly what was imported.
        """
        version = self.get(version_id)
        _ = self._
        problems: list[str] = []
        expected: Mapping[str, FileRecord] = {record.path: record for record in version.files}
        present = set(_relative_files(version.package_dir))
        for path in sorted(present - set(expected)):
            problems.append(_("{path}: not part of the imported package").format(path=path))
        for path, record in sorted(expected.items()):
            if path not in present:
                problems.append(_("{path}: missing").format(path=path))
                continue
            try:
                size, sha256 = hash_file(version.package_dir / path)
            except OSError as error:
                problems.append(
                    _("{path}: unreadable ({reason})").format(path=path, reason=error.strerror)
                )
                continue
            if size != record.size:
                problems.append(
                    _("{path}: {size} bytes instead of {expected}").format(
                        path=path, size=size, expected=record.size
                    )
                )
            elif sha256 != record.sha256:
                text = _("{path}: content differs from the imported file")
                problems.append(text.format(path=path))
        if content_digest(version.files) != version.digest:
            problems.append(
                _("{path}: digest does not match the file list").format(path=MANIFEST_NAME)
            )
        return VerifyResult(version_id, tuple(problems))

    # Changing -------------------------------------------------------------------------------

    def new_staging(self) -> Path:
        """A fresh, empty staging directory for an import (its ``package/`` is created too)."""
        self.ensure()
        staging = self.staging_dir / f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{secrets.token_hex(4)}"
        (staging / PACKAGE_DIR).mkdir(parents=True)
        return staging

    def clear_staging(self) -> None:
        """Delete leftovers of imports that were killed; call only while holding the import lock."""
        if self.staging_dir.is_dir():
            for entry in self.staging_dir.iterdir():
                shutil.rmtree(entry, ignore_errors=True)
        trash = self.root / "trash"
        if trash.is_dir():
            for entry in trash.iterdir():
                shutil.rmtree(entry, ignore_errors=True)

    def commit_staging(
        self,
        staging: Path,
        records: list[FileRecord],
        source: str,
        warnings: list[str] | tuple[str, ...] = (),
    ) -> Version:
        """Turn a fully written staging directory into a stored (unpublished) version.

        The files under ``staging/package`` must already be flushed to disk. The manifest is
        written and flushed, then the whole directory is renamed into ``versions/`` at once.
        """
        digest = content_digest(records)
        now = datetime.now(UTC)
        # A sequence number first, so that ids sort in import order whatever the clock does.
        existing = [int(name.split("-", 1)[0]) for name in self._version_ids() if _seq(name)]
        sequence = max(existing, default=0) + 1
        version_id = f"{sequence:06d}-{now:%Y%m%dT%H%M%SZ}-{digest[:8]}"
        data = manifest_data(version_id, records, source, warnings, now)
        write_atomic(staging / MANIFEST_NAME, json.dumps(data, indent=1).encode())
        _fsync_tree(staging / PACKAGE_DIR)
        self.versions_dir.mkdir(parents=True, exist_ok=True)
        os.replace(staging, self.versions_dir / version_id)
        fsync_directory(self.versions_dir)
        fsync_directory(self.staging_dir)
        log.info("content store: stored version %s (%d files)", version_id, len(records))
        return self.get(version_id)

    def publish(self, version_id: str) -> Version:
        """Make a version the one visitors see; it is verified first.

        Raises :class:`StoreError` naming the damaged files when the version is not intact.
        The current version becomes the rollback target.
        """
        result = self.verify(version_id)
        if not result.ok:
            raise StoreError(
                self._("Version {id} is damaged and was not published: {problems}").format(
                    id=version_id, problems="; ".join(result.problems[:5])
                )
            )
        current = self.active_id()
        if current == version_id:
            return self.get(version_id)
        # Order matters: if we are cut between the two writes, current is unchanged and
        # previous points at it, which is a harmless state.
        if current is not None:
            self._set_pointer("previous", current)
        self._set_pointer("current", version_id)
        log.info("content store: published %s (previous %s)", version_id, current)
        self.prune()
        return self.get(version_id)

    def rollback(self) -> Version:
        """Go back to the previous version (verified first); the undone one becomes previous."""
        previous = self.previous_id()
        if previous is None:
            raise StoreError(self._("There is no previous version to go back to."))
        result = self.verify(previous)
        if not result.ok:
            raise StoreError(
                self._("The previous version {id} is damaged: {problems}").format(
                    id=previous, problems="; ".join(result.problems[:5])
                )
            )
        current = self.active_id()
        self._set_pointer("previous", current)
        self._set_pointer("current", previous)
        log.info("content store: rolled back from %s to %s", current, previous)
        return self.get(previous)

    def prune(self) -> list[str]:
        """Delete the oldest versions beyond :attr:`keep`, never the active or previous one."""
        protected = {self.active_id(), self.previous_id()}
        ids = self._version_ids()
        deletable = [version_id for version_id in ids if version_id not in protected]
        excess = len(ids) - self.keep
        removed: list[str] = []
        for version_id in deletable[: max(excess, 0)]:
            self._delete(version_id)
            removed.append(version_id)
        return removed

    def delete(self, version_id: str) -> None:
        """Delete a stored version that is neither active nor previous."""
        if version_id in {self.active_id(), self.previous_id()}:
            raise StoreError(
                self._("Version {id} is in use and cannot be deleted.").format(id=version_id)
            )
        self.get(version_id)
        self._delete(version_id)

    def _delete(self, version_id: str) -> None:
        trash = self.root / "trash"
        trash.mkdir(parents=True, exist_ok=True)
        target = trash / f"{version_id}.{secrets.token_hex(4)}"
        os.replace(self.versions_dir / version_id, target)
        fsync_directory(self.versions_dir)
        shutil.rmtree(target, ignore_errors=True)
        log.info("content store: deleted version %s", version_id)


def _seq(name: str) -> bool:
    head = name.split("-", 1)[0]
    return head.isdigit() and len(head) == 6


def _relative_files(root: Path) -> Iterator[str]:
    for directory, _folders, files in os.walk(root):
        for name in files:
            yield Path(directory, name).relative_to(root).as_posix()


def _fsync_tree(root: Path) -> None:
    """Flush the directory entries of a freshly written tree (files are flushed as written)."""
    if sys.platform == "win32":
        return
    for directory, _folders, _files in os.walk(root):
        fsync_directory(Path(directory))
