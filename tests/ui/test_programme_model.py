"""The programme as the screen lists it: grouped by day, "now" and "next" by the kiosk clock,
and never a time the content did not give."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtQuick import QQuickItem

from kiosk.content.model import Event, Exhibition, LocalizedText, PartOfDay
from kiosk.ui.programme_model import event_statuses, kiosk_now, programme_days


def event(event_id: str, day: date, **fields: object) -> Event:
    return Event(id=event_id, day=day, title=LocalizedText({"fr": event_id}), **fields)  # type: ignore[arg-type]


EVENTS = (
    event("workshop", date(2021, 11, 2), part_of_day=PartOfDay.MORNING, place="Espace Congrès"),
    event("concert", date(2021, 11, 2), start=time(14, 0), end=time(16, 0)),
    event("visit", date(2021, 11, 3)),
)


def exhibition(events: tuple[Event, ...] = EVENTS) -> Exhibition:
    return Exhibition(
        root=Path("."), id="x", title=LocalizedText({"fr": "x"}), default_language="fr",
        languages=("fr",), programme=events,
    )  # fmt: skip


def test_the_morning_event_is_on_now_and_the_afternoon_one_is_next() -> None:
    statuses = event_statuses(EVENTS, datetime(2021, 11, 2, 10, 30))
    assert statuses == {"workshop": "now", "concert": "next", "visit": ""}


def test_after_the_concert_the_next_day_is_next_and_the_day_is_past() -> None:
    statuses = event_statuses(EVENTS, datetime(2021, 11, 2, 17, 0))
    assert statuses == {"workshop": "past", "concert": "past", "visit": "next"}


def test_a_date_only_event_is_on_the_whole_day() -> None:
    assert event_statuses(EVENTS, datetime(2021, 11, 3, 9, 0))["visit"] == "now"


def test_events_are_grouped_by_day_in_order() -> None:
    days = programme_days(exhibition(), "fr", datetime(2021, 11, 2, 10, 30), "Europe/Paris")
    assert [[e["id"] for e in d["events"]] for d in days] == [["workshop", "concert"], ["visit"]]
    assert "novembre" in days[0]["label"] and "2" in days[0]["label"]


def test_no_time_is_invented() -> None:
    days = programme_days(exhibition(), "en", datetime(2021, 11, 2, 10, 30), "Europe/Paris")
    workshop, concert = days[0]["events"]
    visit = days[1]["events"][0]
    assert workshop["when"] == "Morning"
    assert "14" in concert["when"] or "2" in concert["when"]
    assert visit["when"] == ""


def test_the_kiosk_clock_is_in_the_kiosk_time_zone() -> None:
    utc_noon = datetime.fromisoformat("2021-11-02T12:00:00+00:00")
    assert kiosk_now(utc_noon, "Europe/Paris").hour == 13
    assert kiosk_now(datetime(2021, 11, 2, 10, 30), "Europe/Paris").hour == 10


def test_a_text_missing_in_the_visitor_s_language_says_which_language_it_is_in() -> None:
    from kiosk.ui.localized import text_and_notice

    text = LocalizedText({"fr": "Biographie."})
    assert text_and_notice(text, "fr", "fr") == ("Biographie.", "")
    shown, notice = text_and_notice(text, "de", "fr")
    assert shown == "Biographie." and "ranz" in notice  # "auf Französisch"


def test_the_programme_shows_the_map_the_content_gives(make_kiosk) -> None:
    from kiosk.navigation import Route

    kiosk = make_kiosk(size=(1080, 1920))
    kiosk.state.show_route(Route("programme"))
    kiosk.settle(100)
    concert = kiosk.item("event-concert")
    maps = [i for i in concert.findChildren(QQuickItem) if i.objectName() == "eventMap"]
    assert maps and maps[0].isVisible()
    kiosk.qtbot.waitUntil(lambda: maps[0].implicitWidth() > 0, timeout=3000)  # decoded
