"""Staff previewing a version before publishing it can play its stories, with a player of the
preview's own: the visitors' player is left alone, and the preview's lets go of its media
backend when the preview ends."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.importer import import_package_sync
from kiosk.content.store import ContentStore
from kiosk.navigation import Route
from kiosk.staff.pin import hash_pin
from tests.staff_ui.conftest import PIN, copy_demo
from tests.ui.conftest import Kiosk, find_items

ARTIST, STORY = "artiste-exemple-1", "artiste-exemple-1-video"


def stored_version(tmp_path: Path) -> tuple[str, Path]:
    """A version imported into the kiosk's store, not published: its id and package folder."""
    store = ContentStore.for_data_dir(tmp_path / "data")
    source = copy_demo(tmp_path / "stick" / "expo", "Exposition en aperçu")
    version = import_package_sync(source, store).version
    assert version is not None
    return version.id, version.package_dir


def is_named(name: str):  # type: ignore[no-untyped-def]
    return lambda item: item.objectName() == name


def open_preview_by_touch(kiosk: Kiosk, version_id: str) -> None:
    kiosk.state.show_route(Route("staff"))
    kiosk.settle()
    for key in [*PIN, "ok"]:
        kiosk.tap(f"pinKey_{key}")
    kiosk.tap(f"preview_{version_id}")
    kiosk.qtbot.waitUntil(lambda: bool(find_items(kiosk.window, is_named("homeTitle"))))


def test_a_story_plays_in_the_staff_preview_and_stops_when_it_ends(
    make_kiosk, tmp_path: Path
) -> None:
    version_id, package = stored_version(tmp_path)
    kiosk = make_kiosk(staff_pin_hash=hash_pin(PIN))
    visitors_backend = kiosk.backends[0]
    open_preview_by_touch(kiosk, version_id)
    preview = kiosk.state.staff.section("switcher").property("previewKiosk")  # type: ignore[union-attr]

    # The preview runs on the real clock: its double-tap guard holds navigation for 0.3 s.
    kiosk.tap("openExhibition")
    kiosk.qtbot.waitUntil(lambda: preview.property("page") == "exhibition")
    kiosk.settle(350)
    kiosk.tap(f"artist-{ARTIST}")
    kiosk.qtbot.waitUntil(lambda: preview.property("page") == "artist")
    kiosk.settle(350)
    kiosk.tap(f"story-{STORY}")
    kiosk.qtbot.waitUntil(lambda: preview.property("page") == "story")

    player = preview.property("player")
    assert player is not None and player is not kiosk.state.player
    kiosk.qtbot.waitUntil(lambda: player.property("state") == "playing")
    assert not find_items(kiosk.window, is_named("playerMissing"))
    assert player.property("title")  # the story's title over the player, not an apology
    # The preview's own backend plays the previewed version's file; the visitors' is untouched.
    preview_backend = kiosk.backends[-1]
    assert preview_backend is not visitors_backend
    assert preview_backend.media is not None and package in preview_backend.media.parents
    assert visitors_backend.media is None
    assert kiosk.state.page == "staff"

    kiosk.tap("endPreview")
    kiosk.qtbot.waitUntil(lambda: preview_backend.shut_down)
    assert not visitors_backend.shut_down
