"""Offered languages and the time zone changed by staff reach the visitors' screens at once."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QPoint
from PySide6.QtQuick import QQuickItem

from kiosk.navigation import Route
from tests.ui.conftest import PORTRAIT, all_items, is_shown


def save_from_the_panel(kiosk, **changes: object) -> None:  # type: ignore[no-untyped-def]
    """What the staff panel's settings section does on "Save" (the config file is a temp one)."""
    section = kiosk.state.staff.section("settings")
    for code in changes.get("withdraw", ()):
        section.toggleLanguage(code)
    if "timezone" in changes:
        section.setTimezone(changes["timezone"])
    section.save()
    assert section.property("messageKind") == "ok", section.property("message")
    kiosk.settle(100)


def shown_buttons(kiosk, prefix: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The codes of the language buttons on screen, in the picker's order."""
    return [
        item.objectName().removeprefix(prefix)
        for item in all_items(kiosk.window.contentItem())
        if item.objectName().startswith(prefix) and is_shown(item, kiosk.window)
    ]


def test_languages_staff_withdraw_leave_every_picker_at_once(make_kiosk) -> None:
    kiosk = make_kiosk()
    assert shown_buttons(kiosk, "attract-language-") == ["fr", "en", "ar", "es", "de"]

    save_from_the_panel(kiosk, withdraw=("en", "es", "de"))
    assert shown_buttons(kiosk, "attract-language-") == ["fr", "ar"]
    kiosk.tap("attract-language-ar")
    kiosk.wait_page("home")
    assert shown_buttons(kiosk, "language-") == ["fr", "ar"]
    assert kiosk.item("language-ar").property("checked") is True


def test_the_language_on_screen_withdrawn_gives_way_to_the_default_one(make_kiosk) -> None:
    kiosk = make_kiosk()
    kiosk.tap_point(QPoint(960, 500))
    kiosk.wait_page("home")
    kiosk.tap("language-de")
    assert kiosk.state.language == "de"

    save_from_the_panel(kiosk, withdraw=("de",))
    assert kiosk.state.language == "fr"
    assert shown_buttons(kiosk, "language-") == ["fr", "en", "ar", "es"]
    assert kiosk.item("language-fr").property("checked") is True


def event_texts(kiosk, event_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    card: QQuickItem = kiosk.item(f"event-{event_id}")
    return [
        str(item.property("text"))
        for item in all_items(card)
        if item.metaObject().className() == "QQuickText" and is_shown(item, kiosk.window)
    ]


def test_the_programme_follows_the_time_zone_staff_choose(make_kiosk) -> None:
    # 13:30 UTC: 14:30 in Paris, during the 14:00-16:00 concert; 09:30 in Martinique, during
    # the morning workshop, with the concert next.
    kiosk = make_kiosk(size=PORTRAIT, language="en", now=datetime(2021, 11, 2, 13, 30, tzinfo=UTC))
    kiosk.state.show_route(Route("programme"))
    kiosk.settle(100)
    assert "Now" in event_texts(kiosk, "concert")

    kiosk.state.show_route(Route("home"))
    save_from_the_panel(kiosk, timezone="America/Martinique")
    kiosk.state.show_route(Route("programme"))
    kiosk.settle(100)
    assert "Now" in event_texts(kiosk, "atelier")
    concert = event_texts(kiosk, "concert")
    assert "Next" in concert and "Now" not in concert
