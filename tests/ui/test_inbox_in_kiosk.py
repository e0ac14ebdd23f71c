"""The staff inbox works inside the running kiosk: a package dropped in the folder is imported
by itself, the staff panel says so, and staff changing the folder need no restart."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QObject

from kiosk.content.store import ContentStore
from kiosk.media.loudness import LoudnessCache
from kiosk.media.service import LOUDNESS_CACHE_NAME
from kiosk.navigation import Route
from kiosk.paths import bundled_demo_dir
from kiosk.settings import Settings
from kiosk.staff.inbox import InboxOutcome, OutcomeKind
from kiosk.staff.pin import hash_pin
from kiosk.ui.inbox_watch import InboxWatcher
from tests.ui.conftest import all_items

WAIT_MS = 20_000  # a poll every 100 ms, a quiet period of 0.3 s, then a real import
KIOSK_WAIT_MS = 40_000  # the kiosk's own poll, every 5 s: two polls and the import
PIN = "2468"


def watcher_for(
    settings: list[Settings], store: ContentStore, outcomes: list[InboxOutcome], parent: QObject
) -> InboxWatcher:
    watcher = InboxWatcher(
        lambda: settings[-1], store, outcomes.append, parent, interval_ms=100, quiet_s=0.3
    )
    watcher.start()
    return watcher


def test_a_package_dropped_in_the_inbox_is_imported_once(qtbot, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    settings = [Settings(data_dir=tmp_path / "data", inbox_dir=inbox)]
    store = ContentStore.for_data_dir(tmp_path / "data")
    outcomes: list[InboxOutcome] = []
    parent = QObject()
    watcher_for(settings, store, outcomes, parent)

    shutil.copytree(bundled_demo_dir(), inbox)
    qtbot.waitUntil(lambda: len(outcomes) == 1, timeout=WAIT_MS)
    assert outcomes[0].kind is OutcomeKind.IMPORTED
    assert [version.id for version in store.versions()] == [outcomes[0].version_id]
    qtbot.wait(1000)  # ten more polls: the same content is not imported again
    assert len(outcomes) == 1 and len(store.versions()) == 1


def test_a_broken_package_is_reported_with_its_file_and_a_new_folder_needs_no_restart(
    qtbot, tmp_path: Path
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    settings = [Settings(data_dir=tmp_path / "data", inbox_dir=first)]
    store = ContentStore.for_data_dir(tmp_path / "data")
    outcomes: list[InboxOutcome] = []
    parent = QObject()
    watcher = watcher_for(settings, store, outcomes, parent)
    first.mkdir()
    (first / "exhibition.toml").write_text("[exhibition\n", "utf-8")
    qtbot.waitUntil(lambda: len(outcomes) == 1, timeout=WAIT_MS)
    assert outcomes[0].kind is OutcomeKind.INVALID
    assert any("exhibition.toml" in line for line in outcomes[0].problems)
    assert store.versions() == []

    settings.append(Settings(data_dir=tmp_path / "data", inbox_dir=second))  # staff change it
    shutil.copytree(bundled_demo_dir(), second)
    qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=WAIT_MS)
    assert watcher.inbox is not None and watcher.inbox.folder == second
    assert outcomes[1].kind is OutcomeKind.IMPORTED


def test_the_running_kiosk_watches_its_inbox_and_tells_the_staff_panel(
    make_kiosk, tmp_path: Path
) -> None:
    inbox = tmp_path / "dropped"
    kiosk = make_kiosk(inbox_dir=inbox)
    watcher = kiosk.shell.owner.findChild(InboxWatcher)
    assert watcher is not None
    # The kiosk's own watcher (a poll every 5 s), with a short quiet period for the test.
    watcher.inbox_options = {"quiet_s": 0.3}
    watcher.inbox = None
    shutil.copytree(bundled_demo_dir(), inbox)
    importer = kiosk.state.staff.section("import")
    kiosk.qtbot.waitUntil(lambda: importer.property("inboxKind") != "", timeout=KIOSK_WAIT_MS)
    assert importer.property("inboxKind") == "ok"
    assert "importé" in importer.property("inboxMessage")  # in the staff panel's French
    versions = ContentStore.for_data_dir(tmp_path / "data").versions()
    assert versions != []
    # Measured as `kiosk content import` does, so its stories play as loud as the others.
    story = versions[0].package_dir / "artists" / "artiste-exemple-1" / "stories" / "video.mp4"
    assert LoudnessCache(tmp_path / "cache" / LOUDNESS_CACHE_NAME).lufs(story) is not None


def test_an_inbox_import_appears_in_the_versions_list_the_staff_have_open(
    make_kiosk, tmp_path: Path
) -> None:
    inbox = tmp_path / "dropped"
    kiosk = make_kiosk(inbox_dir=inbox, staff_pin_hash=hash_pin(PIN))
    watcher = kiosk.shell.owner.findChild(InboxWatcher)
    watcher.inbox_options = {"quiet_s": 0.3}
    watcher.inbox = None
    kiosk.state.show_route(Route("staff"))  # the corner gesture has its own test
    kiosk.wait_page("staff")
    for key in [*PIN, "ok"]:
        kiosk.tap(f"pinKey_{key}")
    kiosk.item("staffSections")  # open, on its first section: content, with the versions
    assert version_cards(kiosk) == []

    shutil.copytree(bundled_demo_dir(), inbox)
    importer = kiosk.state.staff.section("import")
    kiosk.qtbot.waitUntil(lambda: importer.property("inboxKind") != "", timeout=KIOSK_WAIT_MS)
    assert importer.property("inboxKind") == "ok"
    kiosk.settle(50)
    [version] = ContentStore.for_data_dir(tmp_path / "data").versions()
    assert version_cards(kiosk) == [f"version_{version.id}"]


def version_cards(kiosk) -> list[str]:  # type: ignore[no-untyped-def]
    """The version cards on the staff panel's versions list, by name."""
    return [
        item.objectName()
        for item in all_items(kiosk.window.contentItem())
        if item.objectName().startswith("version_") and item.isVisible()
    ]
