"""Importing a content package into the store: copy, hash, validate, store, optionally publish.

The package is first copied to a staging area on the kiosk's own disk (the kiosk never plays from
a USB stick), hashing every byte on the way; the copy is then validated and turned into a version
by one directory rename (see :mod:`kiosk.content.store`). Whatever goes wrong (a stick pulled out,
a full disk, a cancel, a package with errors) ends the import with :class:`PackageImportError`,
whose message names the file for staff, and leaves no version behind and the active one untouched.

``import_package_sync`` is the blocking core; ``import_package`` runs it in an executor so that
the UI's event loop (qasync) stays fluid, and hands progress reports back on the loop's thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import fnmatch
import functools
import logging
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO

from kiosk.content.copier import Copier
from kiosk.content.images import rendition
from kiosk.content.import_progress import (
    CancelToken,
    Failure,
    ImportProgress,
    ImportResult,
    PackageImportError,
    Phase,
    ProgressCallback,
)
from kiosk.content.report import Report
from kiosk.content.store import PACKAGE_DIR, ContentStore, FileRecord, StoreError
from kiosk.content.validate import validate_package
from kiosk.i18n.catalog import gettext_for

__all__ = [
    "CancelToken",
    "Failure",
    "ImportProgress",
    "ImportResult",
    "PackageImportError",
    "Phase",
    "ProgressCallback",
    "import_package",
    "import_package_sync",
    "is_ignored",
    "scan_package",
]

log = logging.getLogger(__name__)

RESERVE_BYTES = 64 * 1024 * 1024  # leave room for logs and statistics after an import
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp"})
# The sizes the screens ask for (kiosk/ui/images.py: photos 1920 px, portraits 640 px).
RENDITION_SIZES_PX = (1920, 640)
# Files that sync tools and operating systems leave in folders and that are never content.
IGNORED_PATTERNS = (
    ".syncthing.*.tmp",
    "~syncthing~*",
    "*.part",
    ".stfolder",
    ".stignore",
    ".stversions",
    ".DS_Store",
    "._*",
    "Thumbs.db",
    "desktop.ini",
    ".Trashes",
    ".Spotlight-V100",
    ".fseventsd",
    "System Volume Information",
    "$RECYCLE.BIN",
)


def is_ignored(name: str) -> bool:
    """True for temporary and system files that are never part of a package."""
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in IGNORED_PATTERNS)


def scan_package(source: Path) -> list[tuple[str, int]]:
    """Relative paths and sizes of the regular files to copy, in a stable order.

    Symbolic links are not followed (a link could lead anywhere on the stick or the kiosk).
    Raises OSError when a folder cannot be read (a stick pulled out while it is listed).
    """
    found: list[tuple[str, int]] = []

    def fail(error: OSError) -> None:  # os.walk would skip a folder it cannot read: refuse
        raise error

    for directory, folders, files in os.walk(source, onerror=fail):
        folders[:] = sorted(name for name in folders if not is_ignored(name))
        for name in sorted(files):
            path = Path(directory, name)
            if is_ignored(name) or path.is_symlink() or not path.is_file():
                continue
            found.append((path.relative_to(source).as_posix(), path.stat().st_size))
    return found


@contextlib.contextmanager
def import_lock(store: ContentStore, language: str = "fr") -> Iterator[None]:
    """One import at a time per store, across processes; released by the OS if we are killed."""
    _ = gettext_for(language).gettext
    store.ensure()
    handle = open(store.root / "import.lock", "a+b")  # noqa: SIM115 (held for the block)
    try:
        try:
            _lock_file(handle)
        except OSError:
            message = _("Another import is already running; wait for it to finish.")
            raise PackageImportError(Failure.BUSY, message) from None
        yield
    finally:
        handle.close()  # closing releases the lock on every platform


def _lock_file(handle: IO[bytes]) -> None:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def validate_staged(package: Path, language: str) -> tuple[list[str], list[str], Report]:
    """Errors and warnings (text lines for staff) for a staged package, and the full report."""
    report = validate_package(package, language)
    errors = [f"{p.location()}: {p.message}" for p in report.errors]
    warnings = [f"{p.location()}: {p.message}" for p in report.warnings]
    return errors, warnings, report


def make_renditions(
    package: Path, records: list[FileRecord], cache_dir: Path, cancel: CancelToken | None
) -> int:
    """Screen-sized copies and thumbnails of every picture, into the cache keyed by content.

    Done at import so that the screens never decode a camera-sized photo while a visitor waits.
    A picture that cannot be converted was already reported by the validator: it is skipped.
    """
    made = 0
    for record in records:
        if Path(record.path).suffix.lower() not in IMAGE_SUFFIXES:
            continue
        if cancel is not None and cancel.cancelled:
            break
        try:
            for size_px in RENDITION_SIZES_PX:
                rendition(package / record.path, cache_dir, size_px)
            made += 1
        except (ValueError, OSError) as error:
            log.warning("import: no rendition for %s (%s)", record.path, error)
    return made


@dataclass(frozen=True)
class _Job:
    source: Path
    store: ContentStore
    publish: bool
    language: str
    progress: ProgressCallback | None
    cancel: CancelToken | None
    clock: Callable[[], float]
    cache_dir: Path | None

    def report(self, state: ImportProgress) -> None:
        if self.progress is not None:
            self.progress(state)

    @property
    def cancelled(self) -> bool:
        return self.cancel is not None and self.cancel.cancelled


def import_package_sync(
    source: Path,
    store: ContentStore,
    *,
    publish: bool = False,
    language: str = "fr",
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    cache_dir: Path | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> ImportResult:
    """Copy ``source`` into the store as a new version; blocking (run it off the UI thread).

    Args:
        source: the package folder (on a USB stick, in the inbox...).
        store: where the version goes.
        publish: make it the active version once stored and verified.
        language: language of the messages for staff.
        progress: called on the calling thread with :class:`ImportProgress` reports.
        cancel: set it from any thread to stop at the next chunk.
        cache_dir: where picture renditions go (none are made when None).
        clock: monotonic seconds, for the speed and time-left estimates.

    Raises:
        PackageImportError: on any failure, after removing the partial copy.
    """
    _ = gettext_for(language).gettext
    source = Path(source)
    if not (source / "exhibition.toml").is_file():
        raise PackageImportError(
            Failure.INVALID,
            _("No exhibition.toml in {folder}: this is not a content package.").format(
                folder=str(source)
            ),
            "exhibition.toml",
        )
    job = _Job(source, store, publish, language, progress, cancel, clock, cache_dir)
    try:
        with import_lock(store, language):
            store.clear_staging()
            return _import_locked(job)
    except PackageImportError as failure:
        log.warning("import of %s failed: %s", source, failure.message)
        raise


def _scan(job: _Job) -> list[tuple[str, int]]:
    _ = gettext_for(job.language).gettext
    try:
        files = scan_package(job.source)
    except OSError as error:
        raise PackageImportError(
            Failure.SOURCE_GONE,
            _("The folder {folder} could not be read ({reason}).").format(
                folder=str(job.source), reason=error.strerror or str(error)
            ),
        ) from None
    total = sum(size for _path, size in files)
    free = shutil.disk_usage(job.store.root).free
    if free < total + RESERVE_BYTES:
        raise PackageImportError(
            Failure.DISK_FULL,
            _(
                "The kiosk's disk has {free} MB free but the package needs {needed} MB. "
                "Free some space with the 'Delete' button of an old version under "
                "'Exhibition versions', or use a smaller package."
            ).format(free=free // 1_000_000, needed=(total + RESERVE_BYTES) // 1_000_000),
        )
    return files


MEDIA_SUFFIXES = frozenset(
    {".mp4", ".m4v", ".mkv", ".webm", ".mov", ".mp3", ".m4a", ".ogg", ".opus", ".wav", ".flac"}
)


def measure_loudness(package: Path, records: list[FileRecord], cache_dir: Path) -> int:
    """Measure new stories' loudness now, so they play as loud as the others from the start
    (the player applies the gain; files left unmeasured play at their own level)."""
    from kiosk.media.loudness import LoudnessCache, measure_missing
    from kiosk.media.service import LOUDNESS_CACHE_NAME

    media = [package / r.path for r in records if Path(r.path).suffix.lower() in MEDIA_SUFFIXES]
    return measure_missing(media, LoudnessCache(cache_dir / LOUDNESS_CACHE_NAME))


def _import_locked(job: _Job) -> ImportResult:
    _ = gettext_for(job.language).gettext
    job.report(ImportProgress(Phase.SCANNING))
    files = _scan(job)
    staging = job.store.new_staging()
    package = staging / PACKAGE_DIR
    try:
        copier = Copier(
            job.source, package, files, job.progress, job.cancel, job.clock, job.language
        )
        records = copier.run()
        job.report(replace(copier.state, phase=Phase.VALIDATING))
        errors, warnings, report = validate_staged(package, job.language)
        if errors:
            heading = _("The package has {count} error(s) and cannot be imported:")
            message = "\n".join([heading.format(count=len(errors)), *errors])
            raise PackageImportError(Failure.INVALID, message, report=report)
        if job.cache_dir is not None:
            job.report(replace(copier.state, phase=Phase.RENDITIONS))
            make_renditions(package, records, job.cache_dir, job.cancel)
            measure_loudness(package, records, job.cache_dir)
        if job.cancelled:
            raise PackageImportError(Failure.CANCELLED, _("The import was cancelled."))
        job.report(replace(copier.state, phase=Phase.STORING))
        try:
            origin = str(job.source.absolute())
            version = job.store.commit_staging(staging, records, origin, warnings)
        except OSError as error:
            raise copier.write_failure("manifest.json", error) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if job.publish:
        job.report(replace(copier.state, phase=Phase.PUBLISHING))
        try:
            version = job.store.publish(version.id)
        except (StoreError, OSError) as error:
            raise PackageImportError(Failure.IO, str(error)) from None
    else:
        job.store.prune()
    job.report(replace(copier.state, phase=Phase.DONE, seconds_left=0.0))
    log.info("imported %s as version %s (published: %s)", job.source, version.id, job.publish)
    return ImportResult(version, job.publish, tuple(warnings), report)


async def import_package(
    source: Path,
    store: ContentStore,
    *,
    publish: bool = False,
    language: str = "fr",
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    cache_dir: Path | None = None,
    executor: Executor | None = None,
) -> ImportResult:
    """Run :func:`import_package_sync` in ``executor`` (default: the loop's thread pool).

    ``progress`` is called on the event loop's thread (safe for Qt objects under qasync).
    Cancelling the awaiting task also cancels the copy at its next chunk, and the task ends
    once the partial copy is removed.
    """
    loop = asyncio.get_running_loop()
    token = cancel or CancelToken()

    def on_progress(report: ImportProgress) -> None:
        if progress is not None:
            loop.call_soon_threadsafe(progress, report)

    work = functools.partial(
        import_package_sync,
        source,
        store,
        publish=publish,
        language=language,
        progress=on_progress,
        cancel=token,
        cache_dir=cache_dir,
    )
    future = loop.run_in_executor(executor, work)
    try:
        return await asyncio.shield(future)
    except asyncio.CancelledError:
        token.cancel()
        with contextlib.suppress(PackageImportError):
            await future
        raise
