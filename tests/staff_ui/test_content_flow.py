"""Import from a USB stick, preview, publish and roll back, all by touch on the staff panel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from kiosk.content.importer import import_package_sync
from kiosk.content.store import ContentStore, VersionState
from kiosk.navigation import Route
from kiosk.paths import AppPaths
from kiosk.staff.inbox import Inbox
from tests.staff_ui.conftest import PIN, copy_demo
from tests.staff_ui.harness import StaffScreen


def wait(qtbot: QtBot, condition: Callable[[], object], timeout_s: float = 20) -> None:
    qtbot.waitUntil(lambda: bool(condition()), timeout=int(timeout_s * 1000))


def import_by_touch(screen: StaffScreen, qtbot: QtBot, button: str) -> tuple[str, list[str]]:
    """Tap an "Import" button; returns the new version id and the progress lines shown."""
    importer = screen.panel.property("importer")
    shown: list[str] = []

    def record() -> None:
        item = screen.find("importProgressText")
        if item is not None and item.isVisible() and item.property("text"):
            shown.append(str(item.property("text")))

    importer.progressChanged.connect(record)
    screen.tap(button)
    wait(qtbot, lambda: importer.property("resultKind") != "")
    importer.progressChanged.disconnect(record)
    assert importer.property("resultKind") in ("ok", "warning"), screen.text(
        "messageText", "importResult"
    )
    version_id = str(importer.property("importedId"))
    screen.tap("dismissImport")
    return version_id, shown


def publish_by_touch(screen: StaffScreen, qtbot: QtBot, version_id: str) -> None:
    screen.tap(f"publish_{version_id}")
    assert screen.item("staffConfirm").isVisible()
    assert version_id in screen.text("confirmText")
    screen.tap("confirmYes")
    versions = screen.panel.property("versions")
    wait(qtbot, lambda: not versions.property("busy") and versions.property("message"))
    assert versions.property("messageKind") == "ok", versions.property("message")


def test_import_preview_publish_and_rollback_by_touch(
    screen: StaffScreen, usb: Path, qtbot: QtBot
) -> None:
    copy_demo(usb / "expo-1", "Première exposition")
    copy_demo(usb / "expo-2", "Deuxième exposition")
    store = screen.store
    visitors_title = screen.state.title

    screen.enter_pin(PIN)
    screen.tap("refreshSources")
    assert "expo-1" in screen.text("importPackage_0")

    # Import: progress with MB/s and time left, then a version kept unpublished.
    first, progress = import_by_touch(screen, qtbot, "importPackage_0")
    assert any("MB/s" in line and "left" in line for line in progress), progress
    assert [v.id for v in store.versions()] == [first]
    assert store.get(first).state is VersionState.PREVIEW
    assert store.active_id() is None
    assert store.verify(first).ok

    # Preview: the new exhibition in a frame; visitors keep theirs.
    screen.tap(f"preview_{first}")
    wait(qtbot, lambda: screen.item("staffPreview").isVisible())
    wait(qtbot, lambda: screen.find("homeTitle") is not None)
    assert screen.text("homeTitle") == "Première exposition"
    assert screen.state.title == visitors_title
    screen.tap("endPreview")
    wait(qtbot, lambda: not screen.item("staffPreview").isVisible())

    # Publish (with confirmation): the store switches; the screens wait for the reset.
    publish_by_touch(screen, qtbot, first)
    assert store.active_id() == first
    assert screen.state.title == visitors_title
    assert screen.item("pendingNotice").isVisible()

    # Leaving the panel returns to the welcome screen: the idle reset shows the new one.
    screen.tap("staffLeave")
    wait(qtbot, lambda: screen.state.page == "attract")
    assert screen.state.title == "Première exposition"
    assert screen.panel.property("unlocked") is False

    # Second visit: import and publish another one, then go back with one tap.
    screen.state.show_route(Route("staff"))
    wait(qtbot, lambda: screen.find("pinKey_ok") is not None)
    screen.enter_pin(PIN)
    second, _progress = import_by_touch(screen, qtbot, "importPackage_1")
    publish_by_touch(screen, qtbot, second)
    assert (store.active_id(), store.previous_id()) == (second, first)

    screen.tap("rollback")
    assert first in screen.text("confirmText")
    screen.tap("confirmYes")
    versions = screen.panel.property("versions")
    wait(qtbot, lambda: store.active_id() == first and not versions.property("busy"))
    assert store.previous_id() == second
    assert store.verify(first).ok
    screen.tap("staffLeave")
    wait(qtbot, lambda: screen.state.page == "attract")
    assert screen.state.title == "Première exposition"


def test_broken_package_shows_the_report_and_keeps_the_active_version(
    screen: StaffScreen, usb: Path, qtbot: QtBot
) -> None:
    good = copy_demo(usb.parent / "already-published", "Exposition en place")
    active = import_package_sync(good, screen.store, publish=True).version.id
    broken = copy_demo(usb / "expo-cassee", "Exposition cassée")
    artist = broken / "artists" / "artiste-exemple-1" / "artist.toml"
    artist.write_text(
        artist.read_text("utf-8").replace('portrait = "portrait.jpg"', 'portrait = "oubli.jpg"'),
        "utf-8",
    )

    screen.enter_pin(PIN)
    screen.tap("refreshSources")
    screen.tap("importPackage_0")
    importer = screen.panel.property("importer")
    wait(qtbot, lambda: importer.property("resultKind") != "")
    assert importer.property("resultKind") == "error"
    rows = screen.find_all("problemRow")
    assert rows, "the report is not on screen"
    locations = [screen.find_all("problemLocation", row)[0].property("text") for row in rows]
    assert "artists/artiste-exemple-1/artist.toml:9 [artist.portrait]" in locations
    assert screen.item("importProblems").isVisible()
    assert "error" in screen.text("messageText", "importResult")
    # Nothing stored, nothing changed for visitors.
    assert store_ids(screen) == [active]
    assert screen.store.active_id() == active
    assert screen.store.verify(active).ok


def store_ids(screen: StaffScreen) -> list[str]:
    return [version.id for version in screen.store.versions()]


def test_panel_reports_what_the_inbox_imported_by_itself(
    make_screen: Callable[..., StaffScreen], tmp_path: Path, paths: AppPaths
) -> None:
    store = ContentStore.for_data_dir(paths.data_dir)
    inbox = Inbox(
        copy_demo(tmp_path / "inbox", "Depuis le bureau"), store, tmp_path / "inbox.json", quiet_s=0
    )
    assert inbox.poll() is None  # first look: remembers the folder
    outcome = inbox.poll()
    assert outcome is not None and outcome.version_id
    screen = make_screen(inbox=inbox)
    screen.enter_pin(PIN)
    message = screen.item("inboxMessage")
    assert message.isVisible()
    assert outcome.version_id in screen.text("messageText", "inboxMessage")
    assert screen.find(f"publish_{outcome.version_id}") is not None


def test_preview_can_be_browsed_and_never_reaches_the_visitors(
    screen: StaffScreen, usb: Path, qtbot: QtBot
) -> None:
    copy_demo(usb / "expo-1", "Exposition en aperçu")
    visitors_title = screen.state.title
    screen.enter_pin(PIN)
    screen.tap("refreshSources")
    version_id, _progress = import_by_touch(screen, qtbot, "importPackage_0")
    screen.tap(f"preview_{version_id}")
    wait(qtbot, lambda: screen.find("homeTitle") is not None)
    preview = screen.panel.property("switcher").property("previewKiosk")
    screen.tap("openExhibition")
    wait(qtbot, lambda: preview.property("page") == "exhibition")
    qtbot.wait(350)  # the visitors' double-tap guard holds navigation for 0.3 s
    screen.tap("previewBack")
    wait(qtbot, lambda: preview.property("page") == "home")
    assert screen.state.title == visitors_title
    assert screen.state.page == "staff"
    screen.tap("endPreview")
    wait(qtbot, lambda: not screen.item("staffPreview").isVisible())
    assert screen.store.active_id() is None


def test_damaged_version_is_not_published_and_the_panel_says_why(
    screen: StaffScreen, usb: Path, qtbot: QtBot
) -> None:
    version = import_package_sync(copy_demo(usb / "expo", "Abîmée"), screen.store).version
    damaged = version.package_dir / "artists" / "artiste-exemple-1" / "portrait.jpg"
    damaged.write_bytes(damaged.read_bytes() + b"bit rot")
    screen.enter_pin(PIN)
    screen.tap(f"publish_{version.id}")
    screen.tap("confirmYes")
    versions = screen.panel.property("versions")
    wait(qtbot, lambda: versions.property("messageKind") == "error")
    message = screen.text("messageText", "versionsMessage")
    assert "Nothing was changed" in message
    assert "artists/artiste-exemple-1/portrait.jpg" in message
    assert screen.store.active_id() is None


def test_preview_opens_an_artist_of_the_previewed_version(
    screen: StaffScreen, usb: Path, qtbot: QtBot, qtlog: Any
) -> None:
    package = copy_demo(usb / "expo", "Exposition en aperçu")
    artist = package / "artists" / "artiste-exemple-1" / "artist.toml"
    artist.write_text(
        artist.read_text("utf-8").replace('"Artiste exemple 1"', '"Artiste en aperçu"'), "utf-8"
    )
    version = import_package_sync(package, screen.store).version
    screen.enter_pin(PIN)
    screen.tap(f"preview_{version.id}")
    preview = screen.panel.property("switcher").property("previewKiosk")
    wait(qtbot, lambda: screen.find("homeTitle") is not None)
    screen.tap("openExhibition")
    wait(qtbot, lambda: preview.property("page") == "exhibition")
    qtbot.wait(350)  # the visitors' double-tap guard holds navigation for 0.3 s
    screen.tap("artist-artiste-exemple-1")
    wait(qtbot, lambda: preview.property("page") == "artist")

    loader = screen.item("previewLoader")
    wait(qtbot, lambda: screen.find_all("artistName", loader))
    assert screen.text("artistName", "previewLoader") == "Artiste en aperçu"
    assert screen.find_all("photoGallery", loader)[0].isVisible()
    photo = screen.find_all("galleryPhoto", loader)[0]
    wait(qtbot, lambda: photo.property("paintedWidth") > 0)  # decoded and drawn
    assert str(version.package_dir) in photo.property("source").toLocalFile()
    assert screen.state.page == "staff"
    required = [r.message for r in qtlog.records if "Required property" in r.message]
    assert required == []
