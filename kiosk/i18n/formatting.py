"""Dates, times, relative phrases and numbers in the visitor's language (Babel, CLDR).

Everything is computed in the kiosk's time zone (``Settings.timezone``, Europe/Paris unless
configured), whatever the machine's clock says: an aware datetime is converted to it, a naive
one is taken as already being kiosk-local time. No Qt here; view-models call a
:class:`LocaleFormatter` and hand QML plain strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Literal
from zoneinfo import ZoneInfo

from babel import Locale, dates, numbers

from kiosk.i18n.languages import babel_locale

DEFAULT_TIMEZONE = "Europe/Paris"
Width = Literal["wide", "abbreviated", "narrow"]
_CLDR_QUOTED = re.compile(r"'([^']*)'")
# CLDR's minimumGroupingDigits = 2 (no separator in 4-digit numbers: "1234,5" in Spanish), which
# Babel does not apply. Spanish is the shipped language that needs it.
_MIN_GROUPING_TWO = frozenset({"es"})


@dataclass(frozen=True)
class LocaleFormatter:
    """Formats values for one language, in the kiosk's time zone.

    Attributes:
        language: a kiosk language code (``fr``, ``ar``, ``pseudo``...).
        timezone: an IANA time zone name; the kiosk's wall clock.
    """

    language: str
    timezone: str = DEFAULT_TIMEZONE
    locale: Locale = field(init=False, repr=False, compare=False)
    zone: ZoneInfo = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Frozen dataclass: these derived values are set once, here.
        object.__setattr__(self, "locale", babel_locale(self.language))
        object.__setattr__(self, "zone", ZoneInfo(self.timezone))

    def local(self, moment: datetime) -> datetime:
        """``moment`` as an aware datetime on the kiosk's wall clock."""
        if moment.tzinfo is None:
            return moment.replace(tzinfo=self.zone)
        return moment.astimezone(self.zone)

    def _day(self, value: date | datetime) -> date:
        return self.local(value).date() if isinstance(value, datetime) else value

    # Dates -----------------------------------------------------------------------------------

    def date_long(self, value: date | datetime) -> str:
        """Weekday, day, month and year: "mardi 2 novembre 2021"."""
        return dates.format_date(self._day(value), "full", locale=self.locale)

    def date_medium(self, value: date | datetime) -> str:
        """A compact date with the year: "2 nov. 2021"."""
        return dates.format_date(self._day(value), "medium", locale=self.locale)

    def day_month(self, value: date | datetime) -> str:
        """Day and month without the year: "2 novembre"."""
        return dates.format_skeleton("MMMMd", self._day(value), locale=self.locale)

    def weekday_day_month(self, value: date | datetime) -> str:
        """Short weekday, day and month, for programme lists: "mar. 2 nov."."""
        return dates.format_skeleton("MMMEd", self._day(value), locale=self.locale)

    def weekday(self, value: date | datetime, width: Width = "wide") -> str:
        """The name of the day: "mardi"."""
        names = dates.get_day_names(width, "stand-alone", locale=self.locale)
        return str(names[self._day(value).weekday()])

    def month_name(self, month: int, width: Width = "wide") -> str:
        """The name of ``month`` (1 to 12) as a heading shows it: "novembre"."""
        return str(dates.get_month_names(width, "stand-alone", locale=self.locale)[month])

    def weekday_names(self, width: Width = "wide") -> list[str]:
        """Monday to Sunday, for calendars."""
        names = dates.get_day_names(width, "stand-alone", locale=self.locale)
        return [str(names[day]) for day in range(7)]

    # Times -----------------------------------------------------------------------------------

    def _uses_24_hours(self) -> bool:
        return "H" in str(self.locale.time_formats["short"])

    def time(self, value: datetime | time) -> str:
        """Hours and minutes the local way: "15:30", "3:30 PM", "3:30 م"."""
        moment = self.local(value) if isinstance(value, datetime) else value
        return dates.format_time(moment, "short", locale=self.locale)

    def time_range(self, start: datetime, end: datetime) -> str:
        """A span of time on one day: "15:30 – 17:00" (with the locale's own dash and spaces)."""
        skeleton = "Hm" if self._uses_24_hours() else "hm"
        return dates.format_interval(
            self.local(start), self.local(end), skeleton, locale=self.locale
        )

    def date_time(self, value: datetime) -> str:
        """Full date and time: "mardi 2 novembre 2021 à 15:30"."""
        relative_patterns = self.locale._data.get("datetime_formats_relative") or {}
        pattern = relative_patterns.get("full") or self.locale.datetime_formats["full"]
        pattern = _CLDR_QUOTED.sub(r"\1", str(pattern))
        return pattern.replace("{1}", self.date_long(value)).replace("{0}", self.time(value))

    def date_time_short(self, value: datetime) -> str:
        """Date and time in the locale's short form, for lists: "27/11/2026 22:59"."""
        return dates.format_datetime(self.local(value), "short", locale=self.locale)

    # Relative phrases ------------------------------------------------------------------------

    def _relative_word(self, unit: str, offset: int) -> str | None:
        fields = self.locale._data.get("date_fields", {}).get(unit, {})
        word = fields.get("relative", {}).get(offset)
        return str(word) if word else None

    def relative(self, moment: datetime, now: datetime) -> str:
        """When ``moment`` is, seen from ``now``: "dans 2 heures", "demain", "il y a 3 jours".

        Within the same calendar day the phrase counts hours and minutes; for other days it
        uses the locale's words ("demain", "avant-hier") where CLDR has one, else a count of
        days or weeks. Calendar days are the kiosk's, so 23:00 -> 01:00 is "demain".
        """
        target, current = self.local(moment), self.local(now)
        days = (target.date() - current.date()).days
        if days == 0:
            delta = target - current
            if abs(delta) < timedelta(minutes=1):
                return self._relative_word("second", 0) or self._relative_word("day", 0) or ""
            return dates.format_timedelta(
                delta, granularity="minute", add_direction=True, locale=self.locale
            )
        word = self._relative_word("day", days)
        if word:
            return word
        return dates.format_timedelta(
            timedelta(days=days), granularity="day", add_direction=True, locale=self.locale
        )

    # Numbers ---------------------------------------------------------------------------------

    def _grouped(self, value: float | int | Decimal) -> bool:
        return not (self.locale.language in _MIN_GROUPING_TWO and -10_000 < value < 10_000)

    def number(self, value: float | int | Decimal) -> str:
        """A number with the locale's separators: "1 234,5" in French, "1,234.5" in English."""
        return numbers.format_decimal(
            value, locale=self.locale, group_separator=self._grouped(value)
        )

    def decimal(self, value: float | Decimal, places: int = 1) -> str:
        """A number with exactly ``places`` decimals: "3,0" in French, "3.0" in English."""
        pattern = "#,##0." + "0" * places if places > 0 else "#,##0"
        return numbers.format_decimal(
            value, format=pattern, locale=self.locale, group_separator=self._grouped(value)
        )

    def percent(self, fraction: float | Decimal) -> str:
        """A fraction as a percentage: 0.25 -> "25 %" in French."""
        return numbers.format_percent(fraction, locale=self.locale)
