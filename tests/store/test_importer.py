"""The importer: progress, cancel, a pulled stick, a full disk, a broken package, async use."""

from __future__ import annotations

import asyncio
import errno
import os
import shutil
import threading
from pathlib import Path
from typing import IO

import pytest
from conftest import MakePackage

from kiosk.content import copier, importer
from kiosk.content.importer import (
    CancelToken,
    Failure,
    ImportProgress,
    PackageImportError,
    Phase,
    import_lock,
    import_package,
    import_package_sync,
)
from kiosk.content.store import ContentStore


def _nothing_half_done(store: ContentStore, active_before: str | None) -> None:
    assert store.active_id() == active_before
    if active_before is not None:
        assert store.verify(active_before).ok
    assert list(store.staging_dir.iterdir()) == []
    for version in store.versions():
        assert store.verify(version.id).ok


def test_progress_counts_every_byte_and_gives_speed_and_time_left(
    store: ContentStore, make_package: MakePackage
) -> None:
    source = make_package(files=4, size=3_000_000)
    total = sum(p.stat().st_size for p in source.rglob("*") if p.is_file())
    reports: list[ImportProgress] = []

    import_package_sync(source, store, progress=reports.append)

    phases = [report.phase for report in reports]
    assert phases[0] is Phase.SCANNING and phases[-1] is Phase.DONE
    assert phases.index(Phase.VALIDATING) < phases.index(Phase.STORING)
    copying = [report for report in reports if report.phase is Phase.COPYING]
    assert copying[-1].bytes_done == copying[-1].bytes_total == total
    assert copying[-1].files_done == 5
    done_values = [report.bytes_done for report in copying]
    assert done_values == sorted(done_values)
    assert copying[-1].mb_per_s > 0
    assert copying[-1].seconds_left == 0


def test_temporary_and_system_files_are_not_imported(
    store: ContentStore, make_package: MakePackage
) -> None:
    source = make_package()
    for junk in (".syncthing.photo.jpg.tmp", "~syncthing~x.tmp", "video.mp4.part", ".DS_Store"):
        (source / "media" / junk).write_bytes(b"junk")

    version = import_package_sync(source, store).version

    assert not any(
        "syncthing" in r.path or r.path.endswith((".part", ".DS_Store")) for r in version.files
    )


def test_cancel_stops_the_copy_and_stores_nothing(
    store: ContentStore, make_package: MakePackage
) -> None:
    before = import_package_sync(make_package("old"), store, publish=True).version.id
    token = CancelToken()

    def cancel_midway(report: ImportProgress) -> None:
        if report.phase is Phase.COPYING and report.bytes_done > 0:
            token.cancel()

    with pytest.raises(PackageImportError) as caught:
        import_package_sync(
            make_package("new", size=3_000_000),
            store,
            publish=True,
            progress=cancel_midway,
            cancel=token,
        )
    assert caught.value.kind is Failure.CANCELLED
    _nothing_half_done(store, before)
    assert len(store.versions()) == 1


def test_source_removed_mid_copy_gives_a_clear_message_and_loses_nothing(
    store: ContentStore, make_package: MakePackage
) -> None:
    before = import_package_sync(make_package("old"), store, publish=True).version.id
    source = make_package("stick", files=6, size=2_000_000)

    def pull_the_stick(report: ImportProgress) -> None:
        if report.phase is Phase.COPYING and report.bytes_done > 0 and source.exists():
            shutil.rmtree(source)

    with pytest.raises(PackageImportError) as caught:
        import_package_sync(source, store, publish=True, progress=pull_the_stick)

    failure = caught.value
    assert failure.kind is Failure.SOURCE_GONE
    assert failure.file.startswith("media/file-")
    assert failure.file in failure.message
    _nothing_half_done(store, before)
    assert [version.id for version in store.versions()] == [before]


def test_full_disk_gives_a_clear_message_and_leaves_the_active_version(
    store: ContentStore, make_package: MakePackage, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = import_package_sync(make_package("old"), store, publish=True).version.id
    written = 0
    real_write = copier.write_chunk

    def write_until_full(handle: IO[bytes], data: bytes) -> None:
        nonlocal written
        if written + len(data) > 3_500_000:
            raise OSError(errno.ENOSPC, "No space left on device")
        written += len(data)
        real_write(handle, data)

    monkeypatch.setattr(copier, "write_chunk", write_until_full)
    with pytest.raises(PackageImportError) as caught:
        import_package_sync(
            make_package("big", files=4, size=2_000_000), store, publish=True, language="en"
        )

    failure = caught.value
    assert failure.kind is Failure.DISK_FULL
    assert failure.file == "media/file-01.bin"
    assert "media/file-01.bin" in failure.message and "full" in failure.message
    _nothing_half_done(store, before)


def test_not_enough_free_space_is_said_before_copying(
    store: ContentStore, make_package: MakePackage, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = make_package()
    store.ensure()
    monkeypatch.setattr(
        importer.shutil, "disk_usage", lambda path: shutil._ntuple_diskusage(10**9, 10**9, 1000)
    )
    with pytest.raises(PackageImportError) as caught:
        import_package_sync(source, store)
    assert caught.value.kind is Failure.DISK_FULL
    assert store.versions() == []


def test_a_package_with_errors_is_refused_with_the_report(
    store: ContentStore, make_package: MakePackage
) -> None:
    source = make_package()
    (source / "exhibition.toml").write_text("[exhibition\nid = ", "utf-8")

    with pytest.raises(PackageImportError) as caught:
        import_package_sync(source, store, publish=True)

    assert caught.value.kind is Failure.INVALID
    assert "exhibition.toml" in caught.value.message
    _nothing_half_done(store, None)
    assert store.versions() == []


def test_a_folder_that_is_not_a_package_is_refused(store: ContentStore, tmp_path: Path) -> None:
    (tmp_path / "photos").mkdir()
    with pytest.raises(PackageImportError, match=r"exhibition\.toml"):
        import_package_sync(tmp_path / "photos", store)


def test_a_second_import_at_the_same_time_is_refused(
    store: ContentStore, make_package: MakePackage
) -> None:
    with import_lock(store), pytest.raises(PackageImportError) as caught:
        import_package_sync(make_package(), store)
    assert caught.value.kind is Failure.BUSY


def test_async_import_runs_off_the_loop_and_reports_on_the_loop_thread(
    store: ContentStore, make_package: MakePackage
) -> None:
    source = make_package(files=3, size=1_000_000)
    progress_threads: set[int] = set()
    worker_threads: set[int] = set()
    real_write = copier.write_chunk

    def spy_write(handle: IO[bytes], data: bytes) -> None:
        worker_threads.add(threading.get_ident())
        real_write(handle, data)

    async def scenario() -> None:
        loop_thread = threading.get_ident()
        result = await import_package(
            source,
            store,
            publish=True,
            progress=lambda report: progress_threads.add(threading.get_ident()),
        )
        assert result.published
        await asyncio.sleep(0)  # let the last call_soon_threadsafe callbacks run
        assert progress_threads == {loop_thread}
        assert loop_thread not in worker_threads

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(copier, "write_chunk", spy_write)
        asyncio.run(scenario())
    assert store.active() is not None


def test_cancelling_the_async_task_cancels_the_copy(
    store: ContentStore, make_package: MakePackage, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = make_package(files=8, size=4_000_000)
    token = CancelToken()
    real_write = copier.write_chunk

    def write_after_cancel(handle: IO[bytes], data: bytes) -> None:
        for _ in range(1000):  # the copy cannot finish before the task's cancel reaches it
            if token.cancelled:
                break
            threading.Event().wait(0.01)
        real_write(handle, data)

    monkeypatch.setattr(copier, "write_chunk", write_after_cancel)

    async def scenario() -> None:
        started = asyncio.Event()
        task = asyncio.create_task(
            import_package(source, store, cancel=token, progress=lambda report: started.set())
        )
        await started.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(scenario())
    _nothing_half_done(store, None)
    assert store.versions() == []


def test_pictures_get_screen_sized_renditions_at_import(
    store: ContentStore, make_package: MakePackage, tmp_path: Path
) -> None:
    from PIL import Image

    source = make_package(files=0)
    Image.new("RGB", (4000, 3000), "darkorange").save(source / "media" / "photo.jpg")
    cache = tmp_path / "cache"

    import_package_sync(source, store, cache_dir=cache)

    made = {}
    for path in cache.rglob("*.jpg"):
        with Image.open(path) as image:
            made[max(image.size)] = path
    assert set(made) == {1920, 640}


def test_a_folder_that_cannot_be_listed_stops_the_import(
    store: ContentStore, make_package: MakePackage, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = make_package()
    real_scandir = os.scandir

    def failing_scandir(path: object) -> object:
        if str(path).endswith("media"):
            raise OSError(errno.EIO, "Input/output error", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", failing_scandir)
    with pytest.raises(PackageImportError) as caught:
        import_package_sync(source, store)
    assert caught.value.kind is Failure.SOURCE_GONE
    assert store.versions() == []


def test_stories_are_measured_at_import_so_quiet_and_loud_ones_play_alike(
    store: ContentStore, make_package: MakePackage, tmp_path: Path
) -> None:
    import subprocess

    from kiosk.media.loudness import LoudnessCache
    from kiosk.media.service import LOUDNESS_CACHE_NAME

    source = make_package(files=0)
    for name, volume in (("quiet", 0.4), ("loud", 6.0)):  # sine's own amplitude is 1/8
        subprocess.run(
            [
                "ffmpeg",
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:duration=3",
                "-af",
                f"volume={volume}",
                "-c:a",
                "libvorbis",
                str(source / "media" / f"{name}.ogg"),
            ],
            check=True,
        )
    cache = tmp_path / "cache"

    result = import_package_sync(source, store, cache_dir=cache)

    stored = result.version.package_dir / "media"
    loudness = LoudnessCache(cache / LOUDNESS_CACHE_NAME)
    quiet_gain = loudness.gain_db(stored / "quiet.ogg")
    loud_gain = loudness.gain_db(stored / "loud.ogg")
    # 24 dB apart: the quiet story is raised and the loud one lowered towards the target.
    assert quiet_gain > 6.0
    assert loud_gain < -6.0
