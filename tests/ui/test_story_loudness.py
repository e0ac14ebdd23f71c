"""Stories imported and published in the running kiosk play at the same loudness as the others
from the first visitor after the switch, without a restart: the player reads the loudness the
import measured when the screens switch to the new exhibition (at the idle reset)."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.store import ContentStore
from kiosk.media.loudness import LoudnessCache, volume_factor
from kiosk.media.service import LOUDNESS_CACHE_NAME
from kiosk.navigation import Route
from kiosk.staff.pin import hash_pin
from tests.staff_ui.conftest import PIN, QUIET_STORY, QUIET_STORY_ID, copy_demo, record_quietly
from tests.ui.conftest import Kiosk

VOLUME = 40
WAIT_MS = 20_000


def import_and_publish_by_touch(kiosk: Kiosk, stick: Path) -> str:
    """Staff at the kiosk: PIN, the package on the stick imported, published, panel left."""
    importer = kiosk.state.staff.section("import")  # type: ignore[union-attr]
    importer.removable_roots = lambda: [stick]  # the stick is plugged in
    kiosk.state.show_route(Route("staff"))
    kiosk.settle()
    for key in [*PIN, "ok"]:
        kiosk.tap(f"pinKey_{key}")
    kiosk.tap("refreshSources")
    kiosk.tap("importPackage_0")
    kiosk.qtbot.waitUntil(lambda: importer.property("resultKind") != "", timeout=WAIT_MS)
    assert importer.property("resultKind") in ("ok", "warning"), importer.property("resultMessage")
    version_id = str(importer.property("importedId"))
    kiosk.tap(f"publish_{version_id}")
    kiosk.tap("confirmYes")
    versions = kiosk.state.staff.section("versions")  # type: ignore[union-attr]
    kiosk.qtbot.waitUntil(
        lambda: not versions.property("busy") and bool(versions.property("message")),
        timeout=WAIT_MS,
    )
    assert versions.property("messageKind") == "ok", versions.property("message")
    kiosk.tap("staffLeave")  # the idle reset: the next visitor meets the new exhibition
    kiosk.wait_page("attract")
    return version_id


def test_a_quiet_story_published_in_the_kiosk_is_raised_for_the_next_visitor(
    make_kiosk, tmp_path: Path
) -> None:
    kiosk = make_kiosk(staff_pin_hash=hash_pin(PIN), volume_default=VOLUME)
    stick = tmp_path / "stick"
    record_quietly(copy_demo(stick / "expo", "Exposition du jour"))

    version_id = import_and_publish_by_touch(kiosk, stick)
    assert kiosk.state.title == "Exposition du jour"

    kiosk.state.show_route(Route.parse(f"story:{QUIET_STORY_ID}"))
    kiosk.qtbot.waitUntil(lambda: kiosk.state.player.property("state") == "playing")
    stored = ContentStore.for_data_dir(tmp_path / "data").get(version_id).package_dir
    gain = LoudnessCache(tmp_path / "cache" / LOUDNESS_CACHE_NAME).gain_db(stored / QUIET_STORY)
    assert gain > 6.0  # measured at import
    # The visitor's volume, raised by the measured gain, is what reaches the media backend.
    assert kiosk.backends[-1].volume == round(VOLUME * volume_factor(gain))
