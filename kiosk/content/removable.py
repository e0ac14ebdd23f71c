"""Finding mounted removable media (USB sticks, SD cards) and the content packages on them.

Linux: desktop automounters mount sticks under ``/media/<user>/<label>`` (Debian, Ubuntu),
``/run/media/<user>/<label>`` (Fedora, Arch) or ``/media/<label>`` (usbmount, older setups).
Windows: drive letters whose ``GetDriveTypeW`` is ``DRIVE_REMOVABLE``. Both paths take their
system calls as parameters so that they are tested on any machine.
"""

from __future__ import annotations

import os
import string
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

LINUX_PATTERNS = ("/media/*/*", "/media/*", "/run/media/*/*")
DRIVE_REMOVABLE = 2
PACKAGE_MARKER = "exhibition.toml"


def linux_mounts(
    patterns: Sequence[str] = LINUX_PATTERNS,
    is_mount: Callable[[Path], bool] = os.path.ismount,
) -> list[Path]:
    """Mount points matching the automounters' patterns, each listed once."""
    found: list[Path] = []
    for pattern in patterns:
        anchor = Path(pattern.split("*", 1)[0])
        relative = pattern[len(str(anchor)) :].lstrip("/")
        try:
            candidates = sorted(anchor.glob(relative))
        except OSError:
            continue
        for candidate in candidates:
            if candidate not in found and _safe(is_mount, candidate):
                found.append(candidate)
    return found


def _safe(is_mount: Callable[[Path], bool], path: Path) -> bool:
    try:
        return is_mount(path)
    except OSError:  # an unreadable or vanishing mount point is not one we can use
        return False


def windows_removable_drives(logical_drives: int, drive_type: Callable[[str], int]) -> list[Path]:
    """Drive roots whose type is removable, from ``GetLogicalDrives``' bit mask."""
    drives: list[Path] = []
    for index, letter in enumerate(string.ascii_uppercase):
        if logical_drives & (1 << index):
            root = f"{letter}:\\"
            if drive_type(root) == DRIVE_REMOVABLE:
                drives.append(Path(root))
    return drives


def _windows_drives() -> list[Path]:  # pragma: no cover - needs Windows
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    return windows_removable_drives(int(kernel32.GetLogicalDrives()), kernel32.GetDriveTypeW)


def removable_media() -> list[Path]:
    """The removable media mounted now, on this platform."""
    if sys.platform == "win32":  # pragma: no cover - needs Windows
        return _windows_drives()
    return linux_mounts()


def find_packages(roots: Iterable[Path], depth: int = 2) -> list[Path]:
    """Folders holding an ``exhibition.toml``: the roots themselves or up to ``depth`` below.

    Staff often copy the package folder onto the stick rather than its contents, so one or two
    levels are searched. Hidden folders are skipped.
    """
    found: list[Path] = []

    def visit(folder: Path, level: int) -> None:
        if (folder / PACKAGE_MARKER).is_file():
            found.append(folder)
            return
        if level >= depth:
            return
        try:
            children = sorted(entry for entry in folder.iterdir() if entry.is_dir())
        except OSError:
            return
        for child in children:
            if not child.name.startswith((".", "$")) and not child.is_symlink():
                visit(child, level + 1)

    for root in roots:
        visit(Path(root), 0)
    return found
