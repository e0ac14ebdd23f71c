"""An import from the staff panel leaves the kiosk's cache as ``kiosk content import`` does: the
stories' loudness measured (so they play as loud as the others) and the pictures resized (so no
screen decodes a camera-sized photo while a visitor waits)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.content.images import content_key
from kiosk.content.importer import RENDITION_SIZES_PX
from kiosk.media.loudness import LoudnessCache
from kiosk.media.service import LOUDNESS_CACHE_NAME
from kiosk.paths import AppPaths
from tests.staff_ui.conftest import PIN, QUIET_STORY, copy_demo, record_quietly
from tests.staff_ui.harness import StaffScreen
from tests.staff_ui.test_content_flow import wait


def test_an_import_by_touch_measures_the_stories_and_resizes_the_pictures(
    screen: StaffScreen, usb: Path, qtbot: QtBot, paths: AppPaths
) -> None:
    record_quietly(copy_demo(usb / "expo", "Exposition mesurée"))
    screen.enter_pin(PIN)
    screen.tap("refreshSources")

    screen.tap("importPackage_0")
    importer = screen.panel.property("importer")
    wait(qtbot, lambda: importer.property("resultKind") != "")
    assert importer.property("resultKind") in ("ok", "warning"), importer.property("resultMessage")
    version_id = str(importer.property("importedId"))

    stored = screen.store.get(version_id).package_dir
    loudness = LoudnessCache(paths.cache_dir / LOUDNESS_CACHE_NAME)
    # The quiet interview is raised towards the others (unmeasured, it would get 0 dB).
    assert loudness.gain_db(stored / QUIET_STORY) > 6.0
    assert loudness.lufs(stored / "artists/artiste-exemple-1/stories/video.mp4") is not None
    portrait = stored / "artists" / "artiste-exemple-1" / "portrait.jpg"
    key = content_key(portrait)
    for size_px in RENDITION_SIZES_PX:
        assert list((paths.cache_dir / key[:2]).glob(f"{key}-{size_px}-*")), size_px
