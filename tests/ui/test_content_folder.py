"""A kiosk started on a folder of the technician's (``--content``) keeps it on screen across
idle resets, although the content store holds a published version; a publish (or a rollback)
made by staff while it runs reaches the screens at the next idle reset, as without --content."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint

from kiosk.content.importer import import_package_sync
from kiosk.content.store import ContentStore
from kiosk.ui.inbox_watch import InboxWatcher
from tests.staff_ui.conftest import copy_demo
from tests.ui.conftest import Kiosk

FOLDER_TITLE = "Musiciens du 93 (essai)"  # the content_package fixture, given as --content
BEFORE, DURING = "Version publiée avant", "Version publiée pendant"  # in the store
IDLE_TIMEOUT_S, IDLE_WARNING_S = 90, 30
INBOX_WAIT_MS = 40_000  # the kiosk's own poll, every 5 s: two polls and the import


def stored(tmp_path: Path, title: str, publish: bool) -> str:
    """A version of the demo titled ``title`` in the kiosk's content store; its id."""
    store = ContentStore.for_data_dir(tmp_path / "data")
    source = copy_demo(tmp_path / "sources" / title, title)
    version = import_package_sync(source, store, publish=publish).version
    assert version is not None
    return version.id


def idle_reset(kiosk: Kiosk) -> None:
    """A visitor touches the welcome loop, then walks away: the idle session runs out."""
    kiosk.tap_point(QPoint(960, 500))
    kiosk.wait_page("home")
    kiosk.clock.advance(IDLE_TIMEOUT_S + IDLE_WARNING_S + 1)
    kiosk.state.idle_monitor.tick()
    kiosk.wait_page("attract")


def start(make_kiosk: Callable[..., Kiosk], tmp_path: Path, **changes: object) -> Kiosk:
    """The kiosk started while its store already holds a published version (BEFORE)."""
    stored(tmp_path, BEFORE, publish=True)
    return make_kiosk(idle_timeout_s=IDLE_TIMEOUT_S, idle_warning_s=IDLE_WARNING_S, **changes)


def staff_confirm(kiosk: Kiosk, action: str, *arguments: str) -> None:
    """What the staff panel's "Publish" (askPublish) or "Go back" (askRollback) button and the
    confirmation after it do."""
    versions = kiosk.state.staff.section("versions")
    getattr(versions, action)(*arguments)
    versions.confirm()
    kiosk.qtbot.waitUntil(lambda: not versions.property("busy"))
    assert versions.property("messageKind") == "ok", versions.property("message")


def test_the_content_folder_stays_on_screen_after_an_idle_reset(make_kiosk, tmp_path) -> None:
    kiosk = start(make_kiosk, tmp_path)
    assert FOLDER_TITLE in kiosk.texts()

    idle_reset(kiosk)

    assert FOLDER_TITLE in kiosk.texts()
    assert BEFORE not in kiosk.texts()
    # Nor does the staff panel announce a change that will not come.
    assert kiosk.state.staff.section("switcher").property("pendingId") == ""


def test_a_version_published_while_running_replaces_the_content_folder(
    make_kiosk, tmp_path
) -> None:
    kiosk = start(make_kiosk, tmp_path)
    newer = stored(tmp_path, DURING, publish=False)

    staff_confirm(kiosk, "askPublish", newer)
    assert FOLDER_TITLE in kiosk.texts()  # never mid-visit
    idle_reset(kiosk)

    assert DURING in kiosk.texts()
    assert FOLDER_TITLE not in kiosk.texts()


def test_a_rollback_while_running_to_the_start_up_version_is_shown(make_kiosk, tmp_path) -> None:
    kiosk = start(make_kiosk, tmp_path)
    newer = stored(tmp_path, DURING, publish=False)

    staff_confirm(kiosk, "askPublish", newer)
    staff_confirm(kiosk, "askRollback")  # staff change their mind before any reset
    idle_reset(kiosk)

    assert BEFORE in kiosk.texts()


def test_without_content_folder_the_kiosk_follows_the_published_version(
    make_kiosk, tmp_path
) -> None:
    kiosk = start(make_kiosk, tmp_path, content_dir=None)
    assert BEFORE in kiosk.texts()
    idle_reset(kiosk)
    assert BEFORE in kiosk.texts()

    newer = stored(tmp_path, DURING, publish=False)
    staff_confirm(kiosk, "askPublish", newer)
    assert BEFORE in kiosk.texts()
    idle_reset(kiosk)

    assert DURING in kiosk.texts()


def test_a_version_the_inbox_publishes_while_running_replaces_the_content_folder(
    make_kiosk, tmp_path
) -> None:
    inbox = tmp_path / "dropped"
    kiosk = start(make_kiosk, tmp_path, inbox_dir=inbox)
    watcher = kiosk.shell.owner.findChild(InboxWatcher)
    assert watcher is not None
    # The kiosk's own watcher (a poll every 5 s), publishing what it imports, quiet after 0.3 s.
    watcher.inbox_options = {"quiet_s": 0.3, "publish": True}
    watcher.inbox = None
    copy_demo(inbox, "Version de la boîte de dépôt")
    importer = kiosk.state.staff.section("import")
    kiosk.qtbot.waitUntil(lambda: importer.property("inboxKind") != "", timeout=INBOX_WAIT_MS)
    assert importer.property("inboxKind") == "ok", importer.property("inboxMessage")

    idle_reset(kiosk)

    assert "Version de la boîte de dépôt" in kiosk.texts()
