"""The versioned store: publish, preview, rollback, retention and integrity checks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import MakePackage

from kiosk.content.atomic import write_atomic
from kiosk.content.importer import import_package_sync
from kiosk.content.store import ContentStore, StoreError, VersionState


def test_published_version_is_active_and_verified(
    store: ContentStore, make_package: MakePackage
) -> None:
    result = import_package_sync(make_package(), store, publish=True)

    active = store.active()
    assert active is not None and active.id == result.version.id
    assert active.state is VersionState.ACTIVE
    assert (active.package_dir / "exhibition.toml").is_file()
    assert store.verify(active.id).ok


def test_imported_but_unpublished_version_is_a_preview_and_changes_nothing(
    store: ContentStore, make_package: MakePackage
) -> None:
    first = import_package_sync(make_package("a"), store, publish=True).version
    preview = import_package_sync(make_package("b", tag="b"), store).version

    assert store.active_id() == first.id
    assert store.get(preview.id).state is VersionState.PREVIEW
    store.publish(preview.id)
    assert store.active_id() == preview.id
    assert store.previous_id() == first.id


def test_publish_refuses_a_damaged_version_and_names_the_file(
    store: ContentStore, make_package: MakePackage
) -> None:
    first = import_package_sync(make_package("a"), store, publish=True).version
    second = import_package_sync(make_package("b", tag="b"), store).version
    damaged = second.package_dir / "media" / "file-01.bin"
    data = bytearray(damaged.read_bytes())
    data[100] ^= 0xFF
    damaged.write_bytes(bytes(data))

    with pytest.raises(StoreError, match=r"media/file-01\.bin"):
        store.publish(second.id)
    assert store.active_id() == first.id


def test_verify_reports_missing_and_extra_files(
    store: ContentStore, make_package: MakePackage
) -> None:
    version = import_package_sync(make_package(), store).version
    (version.package_dir / "media" / "file-00.bin").unlink()
    (version.package_dir / "intruder.txt").write_text("x")

    problems = store.verify(version.id).problems

    assert any("file-00.bin: missing" in line for line in problems)
    assert any("intruder.txt" in line for line in problems)


def test_rollback_goes_back_and_can_be_undone(
    store: ContentStore, make_package: MakePackage
) -> None:
    old = import_package_sync(make_package("a"), store, publish=True).version
    new = import_package_sync(make_package("b", tag="b"), store, publish=True).version

    assert store.rollback().id == old.id
    assert store.active_id() == old.id
    assert store.rollback().id == new.id


def test_rollback_without_previous_version_says_so(
    store: ContentStore, make_package: MakePackage
) -> None:
    import_package_sync(make_package(), store, publish=True)
    with pytest.raises(StoreError, match="no previous version"):
        store.rollback()


def test_keeps_three_versions_and_never_deletes_active_or_previous(
    store: ContentStore, make_package: MakePackage
) -> None:
    ids = [
        import_package_sync(make_package(f"p{i}", tag=str(i)), store, publish=True).version.id
        for i in range(5)
    ]
    kept = [version.id for version in store.versions()]
    assert kept == list(reversed(ids[-3:]))
    assert store.active_id() == ids[-1] and store.previous_id() == ids[-2]

    # Rolling back then importing previews must not delete the version visitors see.
    store.rollback()
    for i in range(3):
        import_package_sync(make_package(f"q{i}", tag=f"q{i}"), store)
    kept = {version.id for version in store.versions()}
    assert ids[-2] in kept and ids[-1] in kept and len(kept) == 3


def test_a_version_folder_without_manifest_is_not_listed(
    store: ContentStore, make_package: MakePackage
) -> None:
    import_package_sync(make_package(), store, publish=True)
    (store.versions_dir / "999999-29990101T000000Z-half" / "package").mkdir(parents=True)

    assert all(version.id != "999999-29990101T000000Z-half" for version in store.versions())


def test_pointer_replacement_failure_leaves_the_old_pointer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pointer = tmp_path / "current"
    write_atomic(pointer, b"old\n")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(pointer, b"new\n")

    assert pointer.read_bytes() == b"old\n"
    assert [path.name for path in tmp_path.iterdir()] == ["current"]  # no temporary left


def test_a_pointer_to_a_missing_version_means_no_active_version(store: ContentStore) -> None:
    store.ensure()
    (store.root / "current").write_text("20000101T000000Z-gone\n")
    assert store.active() is None


def test_on_windows_a_pointer_briefly_held_by_a_reader_is_still_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pointer = tmp_path / "current"
    write_atomic(pointer, b"old\n")
    real_replace = os.replace
    refusals = [PermissionError(13, "sharing violation")] * 2

    def replace_when_free(src: str, dst: str) -> None:
        if refusals:
            raise refusals.pop()
        real_replace(src, dst)

    monkeypatch.setattr("kiosk.content.store.sys.platform", "win32")
    monkeypatch.setattr(os, "replace", replace_when_free)
    write_atomic(pointer, b"new\n")

    assert pointer.read_bytes() == b"new\n" and refusals == []
