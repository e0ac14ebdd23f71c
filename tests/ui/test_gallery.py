"""The artist's photos under a finger: swipe to the next, double-tap to zoom, buttons for those
who do not swipe."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtTest import QTest

from kiosk.navigation import Route


def open_gallery(make_kiosk):  # type: ignore[no-untyped-def]
    kiosk = make_kiosk()
    kiosk.state.show_route(Route.parse("artist:awa"))
    kiosk.settle(100)
    return kiosk, kiosk.item("photoGallery"), kiosk.item("galleryStrip")


def test_a_swipe_shows_the_next_photo(make_kiosk) -> None:
    kiosk, gallery, strip = open_gallery(make_kiosk)
    centre = gallery.mapToScene(QPointF(gallery.width() / 2, gallery.height() / 2)).toPoint()
    window, device = kiosk.window, kiosk.device
    QTest.touchEvent(window, device).press(0, centre, window).commit()
    for step in range(1, 13):
        point = centre - QPoint(int(gallery.width() * 0.05 * step), 0)
        QTest.touchEvent(window, device).move(0, point, window).commit()
        kiosk.settle(16)
    QTest.touchEvent(window, device).release(0, point, window).commit()
    kiosk.qtbot.waitUntil(lambda: strip.property("currentIndex") == 1, timeout=3000)


def test_the_next_button_shows_the_next_photo(make_kiosk) -> None:
    kiosk, _gallery, strip = open_gallery(make_kiosk)
    kiosk.tap("galleryNext")
    kiosk.qtbot.waitUntil(lambda: strip.property("currentIndex") == 1, timeout=3000)


def test_a_double_tap_zooms_in_and_another_zooms_out(make_kiosk) -> None:
    kiosk, gallery, _strip = open_gallery(make_kiosk)
    centre = gallery.mapToScene(QPointF(gallery.width() / 2, gallery.height() / 3)).toPoint()
    window, device = kiosk.window, kiosk.device

    def double_tap() -> None:
        for _ in range(2):
            QTest.touchEvent(window, device).press(0, centre, window).commit()
            QTest.touchEvent(window, device).release(0, centre, window).commit()
            kiosk.settle(40)

    double_tap()
    assert gallery.property("zoom") > 1.0
    kiosk.settle(600)  # longer than the double-tap interval: a new gesture
    double_tap()
    assert gallery.property("zoom") == 1.0


def test_two_fingers_spreading_zoom_the_photo(make_kiosk) -> None:
    kiosk, gallery, _strip = open_gallery(make_kiosk)
    middle = gallery.mapToScene(QPointF(gallery.width() / 2, gallery.height() / 2)).toPoint()
    window, device = kiosk.window, kiosk.device
    a, b = middle - QPoint(40, 0), middle + QPoint(40, 0)
    QTest.touchEvent(window, device).press(0, a, window).press(1, b, window).commit()
    for step in range(1, 11):
        offset = QPoint(40 + 15 * step, 0)
        QTest.touchEvent(window, device).move(0, middle - offset, window).move(
            1, middle + offset, window
        ).commit()
        kiosk.settle(16)
    QTest.touchEvent(window, device).release(0, middle - offset, window).release(
        1, middle + offset, window
    ).commit()
    assert gallery.property("zoom") > 1.5


def test_the_musicians_grid_keeps_moving_after_a_flick(make_kiosk) -> None:
    kiosk = make_kiosk()
    kiosk.state.show_route(Route("exhibition"))
    kiosk.settle(100)
    grid = kiosk.item("artistGrid")
    start = grid.mapToScene(QPointF(grid.width() / 2, grid.height() * 0.8)).toPoint()
    window, device = kiosk.window, kiosk.device
    QTest.touchEvent(window, device).press(0, start, window).commit()
    for step in range(1, 6):
        QTest.touchEvent(window, device).move(0, start - QPoint(0, 60 * step), window).commit()
        kiosk.settle(10)
    QTest.touchEvent(window, device).release(0, start - QPoint(0, 300), window).commit()
    released_at = grid.property("contentY")
    assert grid.property("flicking")
    kiosk.qtbot.waitUntil(lambda: not grid.property("flicking"), timeout=5000)
    assert grid.property("contentY") > released_at


def test_switching_language_keeps_the_photo_being_looked_at(make_kiosk) -> None:
    kiosk, _gallery, strip = open_gallery(make_kiosk)
    kiosk.tap("galleryNext")
    kiosk.qtbot.waitUntil(lambda: strip.property("currentIndex") == 1, timeout=3000)
    kiosk.tap("language-ar")
    assert kiosk.state.language == "ar"
    assert kiosk.item("galleryStrip").property("currentIndex") == 1


# With an introduction the grid's content starts above 0 (its header): both must come back.
@pytest.mark.parametrize("package", ["content_package", "package_with_texts"])
def test_back_from_an_artist_returns_to_the_same_place_in_the_grid(
    make_kiosk, request: pytest.FixtureRequest, package: str
) -> None:
    kiosk = make_kiosk(content_dir=request.getfixturevalue(package))
    kiosk.state.show_route(Route("exhibition"))
    kiosk.settle(100)
    grid = kiosk.item("artistGrid")
    start = grid.mapToScene(QPointF(grid.width() / 2, grid.height() * 0.8)).toPoint()
    window, device = kiosk.window, kiosk.device
    QTest.touchEvent(window, device).press(0, start, window).commit()
    for step in range(1, 8):
        point = start - QPoint(0, 40 * step)
        QTest.touchEvent(window, device).move(0, point, window).commit()
        kiosk.settle(30)
    kiosk.settle(200)
    QTest.touchEvent(window, device).release(0, point, window).commit()
    kiosk.qtbot.waitUntil(lambda: not grid.property("moving"), timeout=5000)
    scrolled = grid.property("contentY")
    assert scrolled > 50
    kiosk.tap("artist-ibrahim")
    kiosk.wait_page("artist")
    kiosk.tap("navBack")
    kiosk.wait_page("exhibition")
    assert abs(kiosk.item("artistGrid").property("contentY") - scrolled) < 2
    kiosk.tap("navHome")
    kiosk.tap("openExhibition")
    grid = kiosk.item("artistGrid")
    assert grid.property("contentY") <= grid.property("originY")
