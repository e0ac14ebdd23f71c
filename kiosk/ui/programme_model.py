"""The visit programme as the screen shows it: days, events, and which one is on now or next.

No Qt here: the root view-model hands the result to QML as plain lists. Every date and time is
formatted by :class:`kiosk.i18n.formatting.LocaleFormatter` in the kiosk's time zone, and the
kiosk never invents a time: an event known only by its part of day shows that part of day, one
known only by its date shows no time at all.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.content.model import Event, Exhibition, PartOfDay
from kiosk.i18n.catalog import gettext_for
from kiosk.i18n.formatting import LocaleFormatter
from kiosk.ui.images import PHOTO_PX, image_url
from kiosk.ui.localized import text_and_notice

# Used only to decide whether an event is on "now"; never displayed.
PART_WINDOWS = {
    PartOfDay.MORNING: (time(6, 0), time(12, 0)),
    PartOfDay.AFTERNOON: (time(12, 0), time(18, 0)),
    PartOfDay.EVENING: (time(18, 0), time(23, 59, 59)),
    PartOfDay.ALL_DAY: (time(0, 0), time(23, 59, 59)),
}


def wall_clock() -> datetime:
    """The real moment, in UTC: the one wall clock the programme reads (a test moves it)."""
    return datetime.now(UTC)


def kiosk_now(now: datetime | None, timezone: str) -> datetime:
    """The kiosk's wall clock: ``--now`` when given (naive = kiosk-local), else the real one."""
    zone = ZoneInfo(timezone)
    if now is None:
        return datetime.now(zone)
    return now.replace(tzinfo=zone) if now.tzinfo is None else now.astimezone(zone)


def _window(event: Event) -> tuple[time, time] | None:
    if event.start is not None and event.end is not None:
        return event.start, event.end
    if event.start is None and event.part_of_day is not None:
        return PART_WINDOWS[event.part_of_day]
    return None


def _begins(event: Event) -> time:
    if event.start is not None:
        return event.start
    if event.part_of_day is not None:
        return PART_WINDOWS[event.part_of_day][0]
    return time(0, 0)


def event_statuses(events: tuple[Event, ...], now: datetime) -> dict[str, str]:
    """Event id -> "now", "next", "past" or "" for the kiosk clock ``now`` (kiosk-local)."""
    today, clock = now.date(), now.time().replace(tzinfo=None)
    statuses: dict[str, str] = {}
    upcoming: list[tuple[date, time, str]] = []
    for event in events:
        last_day = event.end_day or event.day
        status = ""
        if event.approximate:
            status = ""  # only a period is known: never "now", at most "next"
        elif last_day < today:
            status = "past"
        elif event.day <= today <= last_day:
            window = _window(event)
            if window is None and event.start is None:
                status = "now"  # a whole-day event, or one without any time given
            elif window is not None and window[0] <= clock < window[1]:
                status = "now"
            elif window is not None and clock >= window[1] and today == last_day:
                status = "past"
        statuses[event.id] = status
        if status == "" and (event.day, _begins(event)) > (today, clock):
            upcoming.append((event.day, _begins(event), event.id))
    if upcoming:
        statuses[min(upcoming)[2]] = "next"
    return statuses


def _when(event: Event, formatter: LocaleFormatter, language: str) -> str:
    _ = gettext_for(language).gettext
    if event.start is not None and event.end is not None:
        return formatter.time_range(
            datetime.combine(event.day, event.start), datetime.combine(event.day, event.end)
        )
    if event.start is not None:
        return formatter.time(event.start)
    parts = {
        PartOfDay.MORNING: _("Morning"),
        PartOfDay.AFTERNOON: _("Afternoon"),
        PartOfDay.EVENING: _("Evening"),
        PartOfDay.ALL_DAY: _("All day"),
    }
    return parts[event.part_of_day] if event.part_of_day is not None else ""


def _day_label(event: Event, formatter: LocaleFormatter, language: str, today: date) -> str:
    default = "fr"
    if event.approximate:
        return event.date_text.get(language, default)
    label = formatter.date_long(event.day)
    if event.end_day is not None and event.end_day != event.day:
        _ = gettext_for(language).gettext
        label = _("{start} to {end}").format(start=label, end=formatter.date_long(event.end_day))
    return label


def programme_days(
    exhibition: Exhibition,
    language: str,
    now: datetime,
    timezone: str,
    cache_dir: Path | None = None,
) -> list[dict[str, Any]]:
    """Events grouped by day, in order, each with its texts, time and status."""
    formatter = LocaleFormatter(language, timezone)
    _ = gettext_for(language).gettext
    default = exhibition.default_language
    statuses = event_statuses(exhibition.programme, now)
    days: list[dict[str, Any]] = []
    for event in exhibition.programme:
        label = _day_label(event, formatter, language, now.date())
        if not days or days[-1]["label"] != label:
            days.append({"label": label, "events": []})
        status = statuses.get(event.id, "")
        text, text_notice = text_and_notice(event.text, language, default)
        days[-1]["events"].append(
            {
                "id": event.id,
                "title": event.title.get(language, default),
                "text": text,
                "textNotice": text_notice,
                "when": _when(event, formatter, language),
                "place": event.place,
                "address": event.address,
                "map": image_url(event.map_image, cache_dir, PHOTO_PX),
                "status": status,
                "statusLabel": {"now": _("Now"), "next": _("Next")}.get(status, ""),
                "tentative": _("To be confirmed") if event.tentative else "",
            }
        )
    return days
