"""Keeping every file a package names inside the package.

A manifest is written by hand and may come from anywhere: a path in it must be relative, must not
climb out with ``..``, must not reach outside through a symbolic link, and must name a regular
file (not a device, a pipe or a folder). ``resolve_inside`` is the one gate every path goes
through, in the loader and in the validator alike.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from enum import StrEnum
from pathlib import Path, PurePosixPath

# "C:", "c:\\x", "C:x": what Windows reads as a drive (UNC paths start with a backslash).
WINDOWS_DRIVE = re.compile(r"[A-Za-z]:")


class PathFault(StrEnum):
    """Why a path from a manifest was refused."""

    EMPTY = "empty"
    ABSOLUTE = "absolute"
    PARENT = "parent"
    BACKSLASH = "backslash"
    INVALID = "invalid"
    OUTSIDE = "outside"
    MISSING = "missing"
    NOT_FILE = "not_file"


class UnsafePathError(Exception):
    """A manifest path that cannot be used; ``fault`` says why."""

    def __init__(self, value: str, fault: PathFault) -> None:
        super().__init__(f"{value!r}: {fault}")
        self.value = value
        self.fault = fault


def check_shape(value: str) -> None:
    """Refuse paths that are wrong whatever is on disk.

    Raises:
        UnsafePathError: empty, absolute (``/x``, ``C:\\x``, ``\\\\server``), with ``..`` parts,
            with backslashes, or with characters no file system accepts.
    """
    if not value.strip():
        raise UnsafePathError(value, PathFault.EMPTY)
    if "\x00" in value or any(ord(char) < 32 for char in value):
        raise UnsafePathError(value, PathFault.INVALID)
    if value.startswith(("/", "\\", "~")) or WINDOWS_DRIVE.match(value):
        raise UnsafePathError(value, PathFault.ABSOLUTE)
    if ".." in value.replace("\\", "/").split("/"):
        raise UnsafePathError(value, PathFault.PARENT)
    if "\\" in value:
        raise UnsafePathError(value, PathFault.BACKSLASH)


def resolve_inside(
    root: Path, value: str, *, base: Path | None = None, must_exist: bool = True
) -> Path:
    """The absolute, symlink-free path of ``value`` (relative to ``base``, by default ``root``:
    the folder of the manifest that names it) that must stay inside ``root``.

    Raises:
        UnsafePathError: see :func:`check_shape`; ``OUTSIDE`` when a symbolic link leads out of the
            package; ``MISSING`` or ``NOT_FILE`` (folder, device, pipe, socket) when
            ``must_exist``.
    """
    return PackagePaths(root).resolve(value, base=base, must_exist=must_exist)


class PackagePaths:
    """:func:`resolve_inside` for the many paths of one package, read once.

    Where each folder really is (links followed) is looked up once and remembered: a thousand
    artists name five thousand files in a few hundred folders, and following every link of every
    path again took most of the loading time (benchmarks' 1,000-artist package). The file itself
    is always looked at afresh. Make one per load or validation: a folder turned into a link
    after it was first seen is not noticed by the same instance.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._real_dirs: dict[str, str] = {}

    def _real_dir(self, folder: str) -> str:
        real = self._real_dirs.get(folder)
        if real is None:
            real = self._real_dirs[folder] = os.path.realpath(folder)
        return real

    def resolve(self, value: str, *, base: Path | None = None, must_exist: bool = True) -> Path:
        """See :func:`resolve_inside`."""
        check_shape(value)
        parts = PurePosixPath(value).parts
        if not parts:
            raise UnsafePathError(value, PathFault.INVALID)  # "." or "./": no file named
        try:
            limit = self._real_dir(os.fspath(self.root))
            start = self._real_dir(os.fspath(base or self.root))
            folder = self._real_dir(os.path.join(start, *parts[:-1])) if parts[:-1] else start
            target = os.path.join(folder, parts[-1])
            info = os.lstat(target)
            if stat.S_ISLNK(info.st_mode):
                target = os.path.realpath(target)
                info = os.stat(target)
        except FileNotFoundError:
            info = None
        except (OSError, RuntimeError, ValueError):
            raise UnsafePathError(value, PathFault.INVALID) from None
        if target != limit and not target.startswith(limit.rstrip(os.sep) + os.sep):
            raise UnsafePathError(value, PathFault.OUTSIDE)
        if not must_exist:
            return Path(target)
        if info is None:
            raise UnsafePathError(value, PathFault.MISSING)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafePathError(value, PathFault.NOT_FILE)
        return Path(target)

    def relative(self, path: Path) -> str:
        """A path this instance resolved, as the staff member sees it in the package."""
        limit = self._real_dir(os.fspath(self.root))
        try:
            return Path(path).relative_to(limit).as_posix()
        except ValueError:
            return relative_name(self.root, path)


def _fold(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def near_miss(base: Path, value: str) -> str | None:
    """For a missing file, the name really on disk that differs only by capitals or by how an
    accent is encoded (files copied from macOS or Windows), written like ``value``."""
    parts = PurePosixPath(value).parts
    folder = base
    found: list[str] = []
    for part in parts:
        try:
            names = [entry.name for entry in os.scandir(folder)]
        except OSError:
            return None
        match = next((name for name in names if _fold(name) == _fold(part)), None)
        if match is None:
            return None
        found.append(match)
        folder = folder / match
    candidate = "/".join(found)
    return candidate if candidate != value else None


def relative_name(root: Path, path: Path) -> str:
    """``path`` as the staff member sees it in the package (``artists/a/portrait.jpg``)."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()
