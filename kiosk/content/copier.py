"""Copying a package into staging: hashing every byte, reporting progress, naming what failed.

A pulled stick and a full disk are told apart from other I/O errors, so staff read what to do.
:func:`write_chunk` is the one place bytes reach the kiosk's disk (tests inject ENOSPC there).
"""

from __future__ import annotations

import errno
import hashlib
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import IO

from kiosk.content.atomic import CHUNK_BYTES
from kiosk.content.import_progress import (
    CancelToken,
    Failure,
    ImportProgress,
    PackageImportError,
    Phase,
    ProgressCallback,
)
from kiosk.content.store import FileRecord
from kiosk.i18n.catalog import gettext_for

PROGRESS_INTERVAL_S = 0.1
_SOURCE_GONE = {errno.ENOENT, errno.EIO, errno.ENODEV, errno.ENXIO, errno.ESTALE}
_DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def write_chunk(handle: IO[bytes], data: bytes) -> None:
    """The one place bytes reach the kiosk's disk (tests inject ENOSPC here)."""
    handle.write(data)


class Copier:
    """Copies the scanned files into staging, hashing and reporting progress."""

    def __init__(
        self,
        source: Path,
        target: Path,
        files: list[tuple[str, int]],
        progress: ProgressCallback | None,
        cancel: CancelToken | None,
        clock: Callable[[], float],
        language: str,
    ) -> None:
        self.source, self.target, self.files = source, target, files
        self.progress, self.cancel, self.clock = progress, cancel, clock
        self._ = gettext_for(language).gettext
        total = sum(size for _path, size in files)
        self.state = ImportProgress(Phase.COPYING, 0, total, 0, len(files))
        self.started = clock()
        self.last_report = -1.0

    def report(self, force: bool = False) -> None:
        now = self.clock()
        if self.progress is None or (not force and now - self.last_report < PROGRESS_INTERVAL_S):
            return
        self.last_report = now
        elapsed = now - self.started
        rate = self.state.bytes_done / elapsed if elapsed > 0 else 0.0
        left = (self.state.bytes_total - self.state.bytes_done) / rate if rate > 0 else None
        self.state = replace(self.state, bytes_per_s=rate, seconds_left=left)
        self.progress(self.state)

    def run(self) -> list[FileRecord]:
        records = []
        for relative, expected_size in self.files:
            self.state = replace(self.state, current_file=relative)
            self.report(force=True)
            records.append(self.copy_one(relative, expected_size))
            self.state = replace(self.state, files_done=self.state.files_done + 1)
        self.report(force=True)
        return records

    def copy_one(self, relative: str, expected_size: int) -> FileRecord:
        _ = self._
        destination = self.target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        try:
            reader = open(self.source / relative, "rb")  # noqa: SIM115 (errors told apart below)
        except OSError as error:
            raise self.read_failure(relative, error) from None
        with reader, open(destination, "wb") as writer:
            while True:
                if self.cancel is not None and self.cancel.cancelled:
                    raise PackageImportError(Failure.CANCELLED, _("The import was cancelled."))
                try:
                    chunk = reader.read(CHUNK_BYTES)
                except OSError as error:
                    raise self.read_failure(relative, error) from None
                if not chunk:
                    break
                digest.update(chunk)
                size += len(chunk)
                self.write(writer, chunk, relative)
                self.state = replace(self.state, bytes_done=self.state.bytes_done + len(chunk))
                self.report()
            try:
                writer.flush()
                os.fsync(writer.fileno())
            except OSError as error:
                raise self.write_failure(relative, error) from None
        if size != expected_size or not (self.source / relative).is_file():
            raise PackageImportError(
                Failure.SOURCE_GONE,
                _(
                    "The file {name} changed or disappeared while it was being copied. "
                    "Check the USB stick or folder and start the import again."
                ).format(name=relative),
                relative,
            )
        return FileRecord(relative, size, digest.hexdigest())

    def write(self, writer: IO[bytes], chunk: bytes, relative: str) -> None:
        try:
            write_chunk(writer, chunk)
        except OSError as error:
            raise self.write_failure(relative, error) from None

    def read_failure(self, relative: str, error: OSError) -> PackageImportError:
        return self.failure(relative, error, reading=True)

    def write_failure(self, relative: str, error: OSError) -> PackageImportError:
        return self.failure(relative, error, reading=False)

    def failure(self, relative: str, error: OSError, *, reading: bool) -> PackageImportError:
        """The message staff need: a pulled stick and a full disk are told apart from the rest."""
        _ = self._
        if reading and (error.errno in _SOURCE_GONE or not self.source.exists()):
            kind = Failure.SOURCE_GONE
            text = _(
                "The file {name} could not be read: the USB stick or folder is no longer "
                "there. Plug it in again and restart the import; nothing has changed on "
                "the kiosk."
            )
        elif not reading and error.errno in _DISK_FULL:
            kind = Failure.DISK_FULL
            text = _(
                "The kiosk's disk is full: the file {name} could not be copied. "
                "Free some space with the 'Delete' button of an old version under "
                "'Exhibition versions', or use a smaller package; nothing has changed on "
                "the kiosk."
            )
        elif reading:
            kind, text = Failure.IO, _("The file {name} could not be read ({reason}).")
        else:
            kind = Failure.IO
            text = _("The file {name} could not be written on the kiosk ({reason}).")
        reason = error.strerror or str(error)
        return PackageImportError(kind, text.format(name=relative, reason=reason), relative)
