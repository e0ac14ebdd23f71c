"""Finding USB sticks on Linux and Windows, and the packages they hold."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.removable import (
    DRIVE_REMOVABLE,
    find_packages,
    linux_mounts,
    windows_removable_drives,
)

DRIVE_FIXED = 3
DRIVE_CDROM = 5


def test_linux_mount_points_under_media_and_run_media_are_found(tmp_path: Path) -> None:
    stick = tmp_path / "media" / "staff" / "CLE_USB"
    fedora = tmp_path / "run" / "media" / "staff" / "SD"
    empty_user_dir = tmp_path / "media" / "staff"
    for folder in (stick, fedora):
        folder.mkdir(parents=True)
    mounted = {stick, fedora}
    patterns = [f"{tmp_path}/media/*/*", f"{tmp_path}/media/*", f"{tmp_path}/run/media/*/*"]

    found = linux_mounts(patterns, is_mount=lambda path: path in mounted)

    assert found == [stick, fedora]
    assert empty_user_dir not in found


def test_windows_lists_only_removable_drives() -> None:
    types = {
        "C:\\": DRIVE_FIXED,
        "D:\\": DRIVE_CDROM,
        "E:\\": DRIVE_REMOVABLE,
        "G:\\": DRIVE_REMOVABLE,
    }
    mask = sum(1 << (ord(root[0]) - ord("A")) for root in types)
    asked: list[str] = []

    def drive_type(root: str) -> int:
        asked.append(root)
        return types[root]

    drives = windows_removable_drives(mask, drive_type)

    assert [str(drive) for drive in drives] == ["E:\\", "G:\\"]
    assert asked == ["C:\\", "D:\\", "E:\\", "G:\\"]  # letters absent from the mask: not asked


def test_packages_are_found_on_the_stick_root_or_one_folder_down(tmp_path: Path) -> None:
    at_root = tmp_path / "stick1"
    nested = tmp_path / "stick2" / "Exposition novembre"
    hidden = tmp_path / "stick2" / ".Trashes" / "old"
    for folder in (at_root, nested, hidden):
        folder.mkdir(parents=True)
        (folder / "exhibition.toml").write_text("[exhibition]\n")

    found = find_packages([tmp_path / "stick1", tmp_path / "stick2", tmp_path / "gone"])

    assert found == [at_root, nested]
