"""What a finger feels: a press shows at once, the idle warning catches the tap that dismisses
it, the language picker speaks every language in its own script, and reduce motion stills the
welcome loop."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.navigation import Route


def centre(item) -> QPoint:  # type: ignore[no-untyped-def]
    return item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()


def test_a_pressed_button_changes_colour_on_the_next_frame(make_kiosk) -> None:
    kiosk = make_kiosk()
    kiosk.state.show_route(Route("home"))
    kiosk.settle()
    card = kiosk.item("openProgramme")
    before = card.property("color")
    QTest.touchEvent(kiosk.window, kiosk.device).press(0, centre(card), kiosk.window).commit()
    # No animation on press: the new colour is already the item's state before any frame.
    pressed = card.property("color")
    assert pressed != before
    QTest.touchEvent(kiosk.window, kiosk.device).release(0, centre(card), kiosk.window).commit()


def test_the_tap_that_dismisses_the_warning_presses_nothing_underneath(make_kiosk) -> None:
    kiosk = make_kiosk(idle_timeout_s=90, idle_warning_s=30)
    kiosk.state.show_route(Route("home"))
    kiosk.settle()
    target = centre(kiosk.item("openAbout"))
    kiosk.clock.advance(95)
    kiosk.state.idle_monitor.tick()
    kiosk.settle()
    assert kiosk.state.idle_monitor.warning
    kiosk.tap_point(target)
    kiosk.state.idle_monitor.tick()
    kiosk.settle()
    assert not kiosk.state.idle_monitor.warning
    assert kiosk.state.page == "home"


def test_the_language_picker_names_every_language_in_its_own_script(make_kiosk) -> None:
    kiosk = make_kiosk()
    kiosk.state.show_route(Route("home"))
    kiosk.settle()
    names = [kiosk.item(f"language-{code}").property("text") for code in ("fr", "en", "ar")]
    assert names == ["Français", "English", "العربية"]


def test_reduce_motion_stills_the_welcome_loop(make_kiosk) -> None:
    kiosk = make_kiosk(reduce_motion=True)
    page = kiosk.item("attractPage")
    start = page.property("imageIndex")
    kiosk.qtbot.wait(8200 // 8)  # the picture timer is not even running
    assert page.property("imageIndex") == start
    images = welcome_pictures(page)
    assert images and all(image.scale() == 1.0 for image in images)


def welcome_pictures(page: QQuickItem) -> list[QQuickItem]:
    return [
        item
        for item in page.childItems()
        if item.metaObject().className().startswith("QQuickImage")
    ]


def test_the_welcome_loop_dissolves_from_one_picture_to_the_next(make_kiosk) -> None:
    kiosk = make_kiosk(attract_interval_s=2)
    page = kiosk.item("attractPage")
    # This offscreen window is drawn by the CPU; a kiosk with a GPU is told otherwise.
    kiosk.qtbot.waitUntil(lambda: kiosk.window.property("softwareRendering"), timeout=5000)
    kiosk.window.setProperty("softwareRendering", False)
    kiosk.settle(200)
    images = welcome_pictures(page)
    assert len(images) > 1
    before = page.property("imageIndex")
    old = images[before]
    kiosk.qtbot.waitUntil(lambda: page.property("imageIndex") != before, timeout=5000)
    # A dissolve, not a cut: the old picture is seen half-faded on the way out.
    kiosk.qtbot.waitUntil(lambda: 0.0 < old.opacity() < 0.8, timeout=2000)
    kiosk.qtbot.waitUntil(lambda: old.opacity() == 0.0, timeout=3000)
    # Still pictures between dissolves: nothing drifts, so the loop costs no frames at rest.
    assert all(image.scale() == 1.0 for image in images)


def test_where_the_cpu_draws_every_frame_the_welcome_loop_cuts(make_kiosk) -> None:
    kiosk = make_kiosk(attract_interval_s=1)
    page = kiosk.item("attractPage")
    # Qt Quick's software renderer, as on a machine without a GPU driver.
    kiosk.qtbot.waitUntil(lambda: kiosk.window.property("softwareRendering"), timeout=5000)
    images = welcome_pictures(page)
    before = page.property("imageIndex")
    kiosk.qtbot.waitUntil(lambda: page.property("imageIndex") != before, timeout=5000)
    after = page.property("imageIndex")
    # No frame in between: the old picture is gone and the new one shown at once.
    assert images[before].opacity() == 0.0
    assert images[after].opacity() == pytest.approx(0.85)


def test_a_slow_press_still_counts_as_a_tap(make_kiosk) -> None:
    """Some visitors press and hold before lifting: no long-press, the button still works."""
    kiosk = make_kiosk()
    kiosk.state.show_route(Route("home"))
    kiosk.settle()
    point = centre(kiosk.item("openProgramme"))
    QTest.touchEvent(kiosk.window, kiosk.device).press(0, point, kiosk.window).commit()
    kiosk.qtbot.wait(1500)
    QTest.touchEvent(kiosk.window, kiosk.device).release(0, point, kiosk.window).commit()
    kiosk.settle()
    assert kiosk.state.page == "programme"
