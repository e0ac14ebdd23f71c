"""The staff panel speaks the kiosk's default language, whatever the last visitor chose.

A member of staff opens the panel from wherever the last visitor left the screens: in German,
say, or in Arabic. The panel's own texts come from the settings' default language; its QML
texts and its direction must come from the same place, or the panel is half in one language
and laid out for another.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtTest import QTest

from kiosk.i18n.catalog import gettext_for
from kiosk.staff.pin import hash_pin
from tests.staff_ui.conftest import PIN
from tests.ui.conftest import Kiosk, find_items
from tests.ui.test_staff_preview_story import is_named, stored_version

PIN_TITLE = "Staff access: enter the PIN"


def open_staff_by_corner(kiosk: Kiosk) -> None:
    """Five quick taps in the hidden corner, as staff do (the clock stands still meanwhile)."""
    corner = kiosk.item("staffCorner")
    centre = corner.mapToScene(QPointF(corner.width() / 2, corner.height() / 2)).toPoint()
    for _ in range(5):
        QTest.touchEvent(kiosk.window, kiosk.device).press(0, centre, kiosk.window).commit()
        QTest.touchEvent(kiosk.window, kiosk.device).release(0, centre, kiosk.window).commit()
        kiosk.settle(10)
    kiosk.wait_page("staff")


def a_visitor_then_staff(kiosk: Kiosk) -> None:
    """A visitor wakes the kiosk; then staff open the panel from the home page."""
    kiosk.tap_point(kiosk.window.contentItem().boundingRect().center().toPoint())
    kiosk.wait_page("home")
    open_staff_by_corner(kiosk)


def unlock(kiosk: Kiosk) -> None:
    for key in [*PIN, "ok"]:
        kiosk.tap(f"pinKey_{key}")
    kiosk.settle(100)


ARABIC_FIRST = {"default_language": "ar", "languages": ("fr", "en", "ar", "es", "de")}


def x_of(kiosk: Kiosk, name: str) -> float:
    item = kiosk.item(name)
    return item.mapToScene(QPointF(0, 0)).x()


def test_a_visitor_s_german_gives_way_to_the_staff_language(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk: Kiosk = make_kiosk(staff_pin_hash=hash_pin(PIN))
    kiosk.tap_point(kiosk.window.contentItem().boundingRect().center().toPoint())
    kiosk.wait_page("home")
    kiosk.tap("language-de")
    assert kiosk.state.language == "de"
    open_staff_by_corner(kiosk)
    assert kiosk.state.language == "fr"
    assert gettext_for("fr").gettext(PIN_TITLE) in kiosk.texts()
    assert gettext_for("de").gettext(PIN_TITLE) not in kiosk.texts()


def test_an_arabic_panel_reads_from_the_right_but_its_keypad_does_not(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk: Kiosk = make_kiosk(language="fr", staff_pin_hash=hash_pin(PIN), **ARABIC_FIRST)
    a_visitor_then_staff(kiosk)
    assert kiosk.state.language == "ar"
    assert gettext_for("ar").gettext(PIN_TITLE) in kiosk.texts()
    # A keypad reads 1 2 3 from the left in every language, as on a phone.
    assert x_of(kiosk, "pinKey_1") < x_of(kiosk, "pinKey_2") < x_of(kiosk, "pinKey_3")
    unlock(kiosk)
    # The tabs start from the right, the way Arabic reads; leaving is on the other side.
    assert x_of(kiosk, "staffTab_content") > x_of(kiosk, "staffTab_stats")
    assert x_of(kiosk, "staffLeave") < x_of(kiosk, "staffTab_health")


def test_choosing_another_default_language_turns_the_panel_at_once(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk: Kiosk = make_kiosk(staff_pin_hash=hash_pin(PIN))
    a_visitor_then_staff(kiosk)
    unlock(kiosk)
    assert x_of(kiosk, "staffTab_content") < x_of(kiosk, "staffTab_stats")
    kiosk.tap("staffTab_settings")
    kiosk.tap("default_ar")
    kiosk.tap("saveSettings")
    kiosk.qtbot.waitUntil(lambda: kiosk.state.language == "ar", timeout=3000)
    kiosk.settle(100)
    assert kiosk.state.page == "staff"
    assert x_of(kiosk, "staffTab_content") > x_of(kiosk, "staffTab_stats")


def test_a_preview_faces_the_way_its_own_language_reads(make_kiosk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # An Arabic panel previewing an exhibition in French: the preview's pages read from the
    # left, and the other way round; the panel around them keeps its own direction.
    version_id, _package = stored_version(tmp_path)
    kiosk: Kiosk = make_kiosk(staff_pin_hash=hash_pin(PIN), **ARABIC_FIRST)
    a_visitor_then_staff(kiosk)
    unlock(kiosk)
    kiosk.tap(f"preview_{version_id}")
    kiosk.qtbot.waitUntil(lambda: bool(find_items(kiosk.window, is_named("homeTitle"))))
    preview = kiosk.state.staff.section("switcher").property("previewKiosk")  # type: ignore[union-attr]
    assert preview.property("language") == "ar"
    assert x_of(kiosk, "openExhibition") > x_of(kiosk, "openProgramme")  # from the right
    preview.setLanguage("fr")
    kiosk.settle(100)
    assert x_of(kiosk, "openExhibition") < x_of(kiosk, "openProgramme")
    assert kiosk.state.language == "ar"
    assert x_of(kiosk, "staffTab_content") > x_of(kiosk, "staffTab_stats")
    # The preview's bar is the panel's: its Back arrow points to the right, as Arabic reads.
    kiosk.tap("openExhibition")
    kiosk.qtbot.waitUntil(lambda: preview.property("page") == "exhibition")
    kiosk.settle(100)
    assert kiosk.item("previewBack").property("text") == "→"
