"""What the content store records about each version: its files, sizes, hashes and state.

Plain values with no file access, shared by the store, the importer and the staff panel.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

MANIFEST_FORMAT = 1


class VersionState(StrEnum):
    ACTIVE = "active"
    PREVIOUS = "previous"
    PREVIEW = "preview"
    ARCHIVED = "archived"


@dataclass(frozen=True)
class FileRecord:
    """One file of a version as recorded at import.

    Attributes:
        path: relative POSIX path inside the package.
        size: size in bytes.
        sha256: hex digest of the content.
    """

    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Version:
    """A stored exhibition version.

    Attributes:
        id: ``<6-digit sequence>-<YYYYMMDDTHHMMSSZ>-<digest prefix>``, sorting in import order.
        directory: ``versions/<id>``.
        package_dir: the folder to load the exhibition from.
        created: import time (UTC).
        source: where it was imported from (for staff: the stick or the inbox).
        digest: SHA-256 over the sorted file records: equal digests mean equal content.
        files: the manifest's records.
        state: active, previous, preview (never published) or archived.
        warnings: validator warnings recorded at import.
    """

    id: str
    directory: Path
    package_dir: Path
    created: datetime
    source: str
    digest: str
    files: tuple[FileRecord, ...]
    state: VersionState
    warnings: tuple[str, ...] = ()

    @property
    def size_bytes(self) -> int:
        return sum(record.size for record in self.files)

    @property
    def file_count(self) -> int:
        return len(self.files)


@dataclass(frozen=True)
class VerifyResult:
    """Outcome of re-reading a version against its manifest.

    Attributes:
        version_id: the version checked.
        problems: one line per missing, extra, resized or altered file; empty when intact.
    """

    version_id: str
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def content_digest(records: list[FileRecord] | tuple[FileRecord, ...]) -> str:
    """One hash standing for the whole content: same files, same bytes, same digest."""
    digest = hashlib.sha256()
    for record in sorted(records, key=lambda item: item.path):
        digest.update(f"{record.path}\0{record.size}\0{record.sha256}\n".encode())
    return digest.hexdigest()


def manifest_data(
    version_id: str,
    records: list[FileRecord],
    source: str,
    warnings: list[str] | tuple[str, ...] = (),
    created: datetime | None = None,
) -> dict[str, Any]:
    """The JSON written as ``manifest.json`` of a version."""
    return {
        "format": MANIFEST_FORMAT,
        "id": version_id,
        "created": (created or datetime.now(UTC)).isoformat(),
        "source": source,
        "digest": content_digest(records),
        "warnings": list(warnings),
        "files": [
            {"path": record.path, "size": record.size, "sha256": record.sha256}
            for record in sorted(records, key=lambda item: item.path)
        ],
    }
