"""What an import tells its caller: progress reports, the result, the failure, the cancel token.

Shared by the importer (:mod:`kiosk.content.importer`), its copier and the staff panel, which
shows progress and failures without knowing how the copy is done.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from kiosk.content.report import Report
from kiosk.content.store import Version


class Failure(StrEnum):
    CANCELLED = "cancelled"
    SOURCE_GONE = "source_gone"
    DISK_FULL = "disk_full"
    INVALID = "invalid"
    BUSY = "busy"
    IO = "io"


class PackageImportError(Exception):
    """The import stopped; nothing was stored and the active exhibition is untouched.

    Attributes:
        kind: why, for the UI to pick an icon or a retry button.
        message: one or two sentences for staff, in their language, naming the file when one
            is to blame.
        file: the file concerned (relative to the package), or "".
        report: the validator's report when the package has errors.
    """

    def __init__(self, kind: Failure, message: str, file: str = "", report: Any = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.file = file
        self.report = report


class Phase(StrEnum):
    SCANNING = "scanning"
    COPYING = "copying"
    VALIDATING = "validating"
    RENDITIONS = "renditions"
    STORING = "storing"
    PUBLISHING = "publishing"
    DONE = "done"


@dataclass(frozen=True)
class ImportProgress:
    """A progress report, given at most every 0.1 s and at every phase change.

    Attributes:
        phase: what the import is doing.
        bytes_done / bytes_total: bytes copied so far and in all.
        files_done / files_total: files copied so far and in all.
        current_file: the file being copied (relative path).
        bytes_per_s: average copy speed since the copy began (0 before).
        seconds_left: estimated time left for the copy, or None when unknown.
    """

    phase: Phase
    bytes_done: int = 0
    bytes_total: int = 0
    files_done: int = 0
    files_total: int = 0
    current_file: str = ""
    bytes_per_s: float = 0.0
    seconds_left: float | None = None

    @property
    def fraction(self) -> float:
        return self.bytes_done / self.bytes_total if self.bytes_total else 0.0

    @property
    def mb_per_s(self) -> float:
        return self.bytes_per_s / 1_000_000


@dataclass(frozen=True)
class ImportResult:
    """A finished import.

    Attributes:
        version: the stored version.
        published: True when it is now the active version.
        warnings: the validator's warnings (allowed), as text lines for staff.
        report: the validator's full report.
    """

    version: Version
    published: bool
    warnings: tuple[str, ...] = ()
    report: Report | None = None


ProgressCallback = Callable[[ImportProgress], None]


class CancelToken:
    """Set from any thread to stop an import at the next chunk."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()
