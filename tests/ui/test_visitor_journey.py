"""A visitor's walk with real touch events: from the attract loop through every page and back,
in French and in Arabic, checking what the screen shows at each step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint

from tests.ui.conftest import PORTRAIT

TEXTS = {
    "fr": {
        "title": "Musiciens du 93 (essai)",
        "instrument": "kora",
        "bio": "Biographie de Awa Test-Kouyaté.",
        "story": "Mon 93 (awa)",
        "event": "Concert d'essai",
        "about": "Une exposition d'essai.",
    },
    "ar": {
        "title": "موسيقيو الـ93 (تجربة)",
        "instrument": "كورا",
        "bio": "سيرة Awa Test-Kouyaté.",
        "story": "الـ93 خاصتي (awa)",
        "event": "حفلة تجريبية",
        "about": "معرض تجريبي.",
    },
}


def contains(texts: list[str], needle: str) -> bool:
    return any(needle in text for text in texts)


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_visitor_walks_through_every_page_by_touch(make_kiosk, language: str) -> None:
    kiosk = make_kiosk(language=language)
    words = TEXTS[language]
    assert kiosk.state.page == "attract"
    assert contains(kiosk.texts(), words["title"])

    kiosk.tap_point(QPoint(960, 400))  # anywhere wakes the kiosk
    kiosk.wait_page("home")
    assert contains(kiosk.texts(), words["title"])

    kiosk.tap("openExhibition")
    kiosk.wait_page("exhibition")
    assert kiosk.item("pageTitle").isVisible()  # the page opens at its top
    texts = kiosk.texts()
    assert contains(texts, "Awa Test-Kouyaté") and contains(texts, "Ibrahim Test-Traoré")
    assert contains(texts, words["instrument"]) and contains(texts, "Saint-Denis")

    kiosk.tap("artist-awa")
    kiosk.wait_page("artist")
    texts = kiosk.texts()
    assert contains(texts, words["bio"]) and contains(texts, words["story"])

    kiosk.tap("story-awa-story")
    kiosk.wait_page("story")
    kiosk.qtbot.waitUntil(lambda: kiosk.state.player.property("state") == "playing")

    kiosk.tap("navBack")
    kiosk.wait_page("artist")
    assert kiosk.state.player.property("state") != "playing"

    kiosk.tap("navHome")
    kiosk.wait_page("home")
    kiosk.tap("openProgramme")
    kiosk.wait_page("programme")
    assert kiosk.item("pageTitle").isVisible()  # the page opens at its top
    texts = kiosk.texts()
    assert contains(texts, words["event"]) and contains(texts, "Maison de Quartier Pierre Sémard")

    kiosk.tap("navBack")
    kiosk.wait_page("home")
    kiosk.tap("openAbout")
    kiosk.wait_page("about")
    assert kiosk.item("pageTitle").isVisible()  # the page opens at its top
    texts = kiosk.texts()
    assert contains(texts, words["about"]) and contains(texts, "Afrisson")

    kiosk.tap("navHome")
    kiosk.wait_page("home")
    kiosk.tap("openAccessibility")
    kiosk.wait_page("accessibility")
    assert kiosk.item("pageTitle").isVisible()  # the page opens at its top
    kiosk.tap("highContrast")
    assert kiosk.state.accessibility_settings.highContrast

    kiosk.tap("navHome")
    kiosk.wait_page("home")
    assert kiosk.state.language == language

    # The visitor walks away: the welcome loop returns, in the kiosk's default language.
    kiosk.clock.advance(kiosk.state.idle_monitor.session.timeout_s + 1)
    kiosk.state.idle_monitor.tick()
    kiosk.settle()
    assert kiosk.item("idleOverlay").isVisible()
    kiosk.clock.advance(kiosk.state.idle_monitor.session.warning_s)
    kiosk.state.idle_monitor.tick()
    kiosk.wait_page("attract")
    assert contains(kiosk.texts(), TEXTS["fr"]["title"])


def test_arabic_mirrors_the_bar_and_switching_language_keeps_the_page(make_kiosk) -> None:
    kiosk = make_kiosk(language="fr")
    kiosk.state.show_route(__import__("kiosk.navigation").navigation.Route("exhibition"))
    kiosk.settle()
    home_x = kiosk.item("navHome").mapToScene(kiosk.item("navHome").position()).x()
    assert home_x < kiosk.window.width() / 2

    kiosk.tap("language-ar")
    assert kiosk.state.language == "ar" and kiosk.state.page == "exhibition"
    assert contains(kiosk.texts(), "كورا")
    button = kiosk.item("navHome")
    assert button.mapToScene(button.boundingRect().topLeft()).x() > kiosk.window.width() / 2


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_story_plays_within_four_taps_from_the_attract_loop(make_kiosk, language) -> None:
    kiosk = make_kiosk(language=language)
    kiosk.tap_point(QPoint(960, 500))
    kiosk.tap("openExhibition")
    kiosk.tap("artist-ibrahim")
    kiosk.tap("story-ibrahim-story")
    kiosk.qtbot.waitUntil(lambda: kiosk.state.player.property("state") == "playing")
    assert kiosk.touches == 4


@pytest.mark.parametrize(
    "route", ["exhibition", "artist:awa", "story:awa-story", "programme", "about", "accessibility"]
)
def test_every_page_offers_home_in_one_tap(make_kiosk, route: str) -> None:
    from kiosk.navigation import Route

    kiosk = make_kiosk()
    kiosk.state.show_route(Route.parse(route))
    kiosk.settle()
    kiosk.tap("navHome")
    kiosk.wait_page("home")
    assert kiosk.touches == 1


@pytest.mark.parametrize(
    ("route", "buttons"),
    [("home", ("openProgramme", "openAbout")), ("artist:awa", ("navBack", "navHome"))],
    ids=["two home cards", "back and home"],
)
def test_two_fingers_on_two_buttons_navigate_once(make_kiosk, route, buttons) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtTest import QTest

    from kiosk.navigation import Route

    kiosk = make_kiosk()
    kiosk.state.show_route(Route.parse(route))
    if route.startswith("artist"):
        # A deeper path, so that "back" and "home" lead to two different pages.
        kiosk.state.show_route(Route("exhibition"))
        kiosk.state.open(*route.split(":"))
    kiosk.clock.advance(1.0)
    kiosk.settle()
    points = []
    for name in buttons:
        item = kiosk.item(name)
        points.append(item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint())
    changes: list[str] = []
    kiosk.state.pageChanged.connect(lambda: changes.append(kiosk.state.page))
    window, device = kiosk.window, kiosk.device
    # Two hands (or a palm) on the glass: each finger makes a complete tap of its own button,
    # a few milliseconds apart (the kiosk clock does not move in between). Fingers down at
    # the very same time are already resolved to one tap by Qt; this is the case left.
    for finger, point in enumerate(points):
        QTest.touchEvent(window, device).press(finger, point, window).commit()
        QTest.touchEvent(window, device).release(finger, point, window).commit()
        kiosk.settle(10)
    kiosk.settle(50)
    assert len(changes) == 1, changes


# The staff panel is another part of the kiosk, written separately; this test is about the way in.
@pytest.mark.qt_log_ignore(r".*Staff.*\.qml")
def test_five_quick_taps_in_the_corner_open_the_staff_page(make_kiosk) -> None:
    kiosk = make_kiosk()
    kiosk.tap_point(QPoint(960, 500))
    corner = kiosk.item("staffCorner")
    centre = corner.mapToScene(corner.boundingRect().center()).toPoint()
    for _ in range(4):
        QTest_tap(kiosk, centre)
    assert kiosk.state.page == "home"
    QTest_tap(kiosk, centre)
    assert kiosk.state.page == "staff"


def test_taps_in_the_corner_spread_over_time_do_nothing(make_kiosk) -> None:
    kiosk = make_kiosk()
    kiosk.tap_point(QPoint(960, 500))
    corner = kiosk.item("staffCorner")
    centre = corner.mapToScene(corner.boundingRect().center()).toPoint()
    for _ in range(6):
        QTest_tap(kiosk, centre)
        kiosk.clock.advance(1.0)
    assert kiosk.state.page == "home"


def QTest_tap(kiosk, point: QPoint) -> None:
    """A corner tap that does not move the fake clock (the gesture is about quick taps)."""
    from PySide6.QtTest import QTest

    QTest.touchEvent(kiosk.window, kiosk.device).press(0, point, kiosk.window).commit()
    QTest.touchEvent(kiosk.window, kiosk.device).release(0, point, kiosk.window).commit()
    kiosk.settle(10)


def test_portrait_shows_the_exhibition_grid_in_two_columns(make_kiosk) -> None:
    kiosk = make_kiosk(size=PORTRAIT)
    kiosk.tap_point(QPoint(540, 900))
    kiosk.tap("openExhibition")
    first, second = kiosk.item("artist-awa"), kiosk.item("artist-ibrahim")
    top_a = first.mapToScene(first.boundingRect().topLeft())
    top_b = second.mapToScene(second.boundingRect().topLeft())
    assert top_a.y() == top_b.y() and first.width() < kiosk.window.width() / 2


def test_switching_language_keeps_the_programme_where_it_was_scrolled(make_kiosk) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtTest import QTest

    from kiosk.navigation import Route

    kiosk = make_kiosk()
    kiosk.state.accessibility_settings.setTextStep(2)  # large text: longer than the screen
    kiosk.state.show_route(Route("programme"))
    kiosk.settle(60)
    programme = kiosk.item("programmeList")
    start = programme.mapToScene(QPointF(programme.width() / 2, programme.height() * 0.8))
    window, device = kiosk.window, kiosk.device
    QTest.touchEvent(window, device).press(0, start.toPoint(), window).commit()
    for step in range(1, 9):
        point = (start - QPointF(0, 40 * step)).toPoint()
        QTest.touchEvent(window, device).move(0, point, window).commit()
        kiosk.settle(30)
    kiosk.settle(200)
    QTest.touchEvent(window, device).release(0, point, window).commit()
    kiosk.qtbot.waitUntil(lambda: not programme.property("moving"), timeout=5000)
    scrolled = programme.property("contentY")
    kiosk.tap("language-ar")
    kiosk.settle(60)
    assert abs(kiosk.item("programmeList").property("contentY") - scrolled) < 2


def test_choosing_a_language_on_the_welcome_loop_wakes_the_kiosk_in_it(make_kiosk) -> None:
    kiosk = make_kiosk()
    kiosk.tap("attract-language-ar")
    kiosk.wait_page("home")
    assert kiosk.state.language == "ar" and kiosk.touches == 1
    assert contains(kiosk.texts(), TEXTS["ar"]["title"])


def test_an_artist_page_gets_their_story_ready_so_the_tap_only_has_to_start_it(
    make_kiosk,
) -> None:
    kiosk = make_kiosk()
    kiosk.tap_point(QPoint(960, 500))
    kiosk.tap("openExhibition")
    kiosk.tap("artist-ibrahim")
    model = kiosk.state.player
    prepared = model.player.prepared
    assert prepared is not None and prepared.parts[-3] == "ibrahim"
    assert model.property("state") == "idle"  # nothing plays, nothing is heard yet
    generation = model.player.generation
    kiosk.tap("story-ibrahim-story")
    kiosk.qtbot.waitUntil(lambda: model.property("state") == "playing")
    assert model.player.generation == generation  # the prepared story, resumed
    video = kiosk.item("videoItem")
    kiosk.qtbot.waitUntil(lambda: bool(video.property("hasFrame")))
    # Back on the artist's page once the story page has gone: ready again.
    kiosk.tap("navBack")
    kiosk.wait_page("artist")
    kiosk.qtbot.waitUntil(lambda: model.player.prepared == prepared)
    assert model.property("state") == "idle"
    kiosk.tap("navHome")
    kiosk.wait_page("home")
    assert model.player.prepared is None  # released elsewhere
