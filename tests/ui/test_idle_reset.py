"""The idle reset in the live window, with a fake clock: the warning, "Continue", and everything
a visitor changed coming back to what the next visitor gets."""

from __future__ import annotations

import linecache

from PySide6.QtCore import QByteArray, QPoint, QUrl

from kiosk.navigation import Route
from kiosk.ui import shell as shell_module
from tests.ui.conftest import Kiosk


def tick(kiosk: Kiosk, seconds: float) -> None:
    kiosk.clock.advance(seconds)
    kiosk.state.idle_monitor.tick()
    kiosk.settle()


def test_the_warning_appears_after_the_timeout_and_continue_keeps_the_session(make_kiosk) -> None:
    kiosk = make_kiosk(idle_timeout_s=90, idle_warning_s=30)
    kiosk.tap_point(QPoint(960, 500))
    kiosk.tap("openProgramme")
    tick(kiosk, 85)
    assert not kiosk.state.idle_monitor.warning
    tick(kiosk, 10)
    assert kiosk.state.idle_monitor.warning
    assert kiosk.item("idleOverlay").isVisible()
    assert kiosk.state.idle_monitor.remainingSeconds >= 20
    kiosk.tap("continueButton")
    kiosk.state.idle_monitor.tick()
    kiosk.settle()
    assert not kiosk.state.idle_monitor.warning
    assert kiosk.state.page == "programme"


def test_expiry_resets_everything_a_visitor_changed(make_kiosk) -> None:
    kiosk = make_kiosk(idle_timeout_s=90, idle_warning_s=30, volume_default=60)
    kiosk.tap_point(QPoint(960, 500))
    kiosk.tap("language-ar")
    kiosk.tap("openAccessibility")
    for name in ("highContrast", "captions", "reduceMotion", "textSize-160"):
        kiosk.tap(name)
    settings = kiosk.state.accessibility_settings
    assert settings.textStep == 2 and settings.highContrast and not settings.captions
    kiosk.state.show_route(Route("exhibition"))
    kiosk.settle()
    grid = kiosk.item("artistGrid")
    grid.setProperty("contentY", 200.0)
    kiosk.state.show_route(Route.parse("story:awa-story"))
    kiosk.qtbot.waitUntil(lambda: kiosk.state.player.property("state") == "playing")
    kiosk.state.player.setVolume(90)
    kiosk.state.player.pause()
    kiosk.qtbot.waitUntil(lambda: kiosk.state.player.property("state") == "paused")

    tick(kiosk, 121)

    assert kiosk.state.page == "attract"
    assert kiosk.state.language == "fr"
    assert settings.isDefault and settings.captions and settings.textStep == 0
    assert kiosk.state.player.property("state") in ("idle", "ended")
    assert kiosk.state.player.property("volume") == 60
    assert kiosk.state.navigation.depth == 1
    kiosk.tap_point(QPoint(960, 500))
    kiosk.tap("openExhibition")
    assert kiosk.item("artistGrid").property("contentY") <= 0
    kiosk.tap("artist-awa")
    assert kiosk.item("galleryStrip").property("currentIndex") == 0


def test_no_warning_while_a_story_plays(make_kiosk) -> None:
    kiosk = make_kiosk(idle_timeout_s=90, idle_warning_s=30)
    kiosk.tap_point(QPoint(960, 500))
    kiosk.state.show_route(Route.parse("story:awa-story"))

    kiosk.qtbot.waitUntil(lambda: kiosk.state.player.property("state") == "playing")
    tick(kiosk, 300)
    assert not kiosk.state.idle_monitor.warning
    assert kiosk.state.page == "story"
    kiosk.media_clock.advance(61)  # the story ends
    kiosk.qtbot.waitUntil(lambda: kiosk.state.player.property("state") != "playing")
    tick(kiosk, 89)
    assert not kiosk.state.idle_monitor.warning
    tick(kiosk, 2)
    assert kiosk.state.idle_monitor.warning


def test_the_attract_loop_never_shows_the_warning(make_kiosk) -> None:
    kiosk = make_kiosk()
    tick(kiosk, 10_000)
    assert kiosk.state.page == "attract" and not kiosk.state.idle_monitor.warning


def test_the_staff_page_is_left_to_the_staff_panel_s_own_timeout(make_kiosk) -> None:
    kiosk = make_kiosk()
    kiosk.tap_point(QPoint(960, 500))
    kiosk.state.show_route(Route("staff"))
    kiosk.settle()
    tick(kiosk, 1000)
    assert kiosk.state.page == "staff" and not kiosk.state.idle_monitor.warning


def test_a_shorter_idle_time_set_by_staff_applies_at_once(make_kiosk) -> None:
    from dataclasses import replace

    kiosk = make_kiosk(idle_timeout_s=90)
    live = kiosk.state.staff.live
    assert kiosk.state.demo
    live.update(replace(live.current, idle_timeout_s=30, demo_badge=False))
    kiosk.tap_point(QPoint(960, 500))
    tick(kiosk, 31)
    assert kiosk.state.idle_monitor.warning
    assert not kiosk.state.demo


def test_captions_switched_off_in_a_story_are_back_on_for_the_next_visitor(make_kiosk) -> None:
    kiosk = make_kiosk()
    kiosk.tap_point(QPoint(960, 500))
    kiosk.state.show_route(Route.parse("story:awa-story"))
    kiosk.qtbot.waitUntil(lambda: kiosk.state.player.property("state") == "playing")
    kiosk.state.player.captions.setOn(False)
    assert not kiosk.state.accessibility_settings.captions
    kiosk.state.player.pause()
    kiosk.qtbot.waitUntil(lambda: kiosk.state.player.property("state") == "paused")
    tick(kiosk, 200)
    assert kiosk.state.page == "attract"
    assert kiosk.state.accessibility_settings.captions
    assert kiosk.state.player.captions.on


def test_after_the_reset_the_memory_the_visit_freed_goes_back_to_the_system(
    make_kiosk, monkeypatch
) -> None:
    returned: list[str] = []
    monkeypatch.setattr(shell_module, "give_back_free_memory", lambda: returned.append("trim"))
    kiosk = make_kiosk(idle_timeout_s=90, idle_warning_s=30)
    kiosk.tap_point(QPoint(960, 500))
    kiosk.tap("openProgramme")
    tick(kiosk, 121)
    assert kiosk.state.page == "attract"
    assert returned == []  # not while the visitor's pages are still going
    kiosk.qtbot.waitUntil(lambda: returned == ["trim"], timeout=5000)


def test_after_the_reset_what_the_visits_scripts_left_behind_is_freed(make_kiosk) -> None:
    # An object the visit's JavaScript made and dropped: the engine frees it only when it
    # collects, which the reset now asks for, so the next visit starts with a lean heap.
    kiosk = make_kiosk(idle_timeout_s=90, idle_warning_s=30)
    engine = kiosk.shell.engine
    engine.loadData(
        QByteArray(
            b"import QtQml\nQtObject { property Component maker: Component { QtObject {} } }"
        ),
        QUrl("leftover.qml"),
    )
    engine.globalObject().setProperty("maker", engine.newQObject(engine.rootObjects()[-1]))
    kiosk.tap_point(QPoint(960, 500))
    kiosk.tap("openProgramme")
    kiosk.settle(200)
    freed: list[bool] = []
    leftover = engine.evaluate("maker.maker.createObject(null)").toQObject()
    assert leftover is not None
    leftover.destroyed.connect(lambda: freed.append(True))
    del leftover
    tick(kiosk, 121)
    assert kiosk.state.page == "attract"
    kiosk.qtbot.waitUntil(lambda: freed == [True], timeout=5000)


def test_module_sources_read_at_import_are_let_go(make_kiosk, tmp_path) -> None:
    # PySide6's import hook reads the source of every module imported after it, and linecache
    # keeps the lines (8.6 MB in a run from source): the kiosk lets them go after its first
    # frame and after each visit.
    kiosk = make_kiosk(idle_timeout_s=90, idle_warning_s=30)
    assert shell_module.__file__ not in linecache.cache
    # A module first needed during a visit: the hook reads it with inspect.getsource, which
    # goes through linecache.getlines, as here.
    needed = tmp_path / "needed_during_a_visit.py"
    needed.write_text("from PySide6 import QtCore\n", "utf-8")
    linecache.getlines(str(needed))
    assert str(needed) in linecache.cache
    kiosk.tap_point(QPoint(960, 500))
    kiosk.tap("openProgramme")
    tick(kiosk, 121)
    assert kiosk.state.page == "attract"
    kiosk.qtbot.waitUntil(lambda: str(needed) not in linecache.cache, timeout=5000)
