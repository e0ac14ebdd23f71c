"""Dates, times, relative phrases and numbers, for every shipped language, checked by hand.

Reference moment: Tuesday 2 November 2021, 15:30 in Saint-Denis (Europe/Paris, UTC+1 then).
The expected strings were read against each language's usual written form; Arabic follows
CLDR's "ar" locale, whose default digits are the Latin ones (0-9, not ٠-٩) since CLDR 42.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from kiosk.i18n.formatting import LocaleFormatter

AFTERNOON = datetime(2021, 11, 2, 15, 30)
NARROW_NBSP = "\u202f"
NBSP = "\xa0"

DATE_LONG = {
    "fr": "mardi 2 novembre 2021",
    "en": "Tuesday, 2 November 2021",
    "ar": "الثلاثاء، 2 نوفمبر 2021",
    "es": "martes, 2 de noviembre de 2021",
    "de": "Dienstag, 2. November 2021",
}
TIME = {"fr": "15:30", "en": "15:30", "ar": "3:30 م", "es": "15:30", "de": "15:30"}
DAY_MONTH = {
    "fr": "2 novembre",
    "en": "2 November",
    "ar": "2 نوفمبر",
    "es": "2 de noviembre",
    "de": "2. November",
}
WEEKDAY = {"fr": "mardi", "en": "Tuesday", "ar": "الثلاثاء", "es": "martes", "de": "Dienstag"}
DECEMBER = {"fr": "décembre", "en": "December", "ar": "ديسمبر", "es": "diciembre", "de": "Dezember"}
DATE_TIME = {
    "fr": "mardi 2 novembre 2021 à 15:30",
    "en": "Tuesday, 2 November 2021 at 15:30",
    "ar": "الثلاثاء، 2 نوفمبر 2021 في 3:30 م",
    "es": "martes, 2 de noviembre de 2021, 15:30",
    "de": "Dienstag, 2. November 2021 um 15:30",
}
NUMBER = {
    "fr": f"1{NARROW_NBSP}234,5",
    "en": "1,234.5",
    "ar": "1,234.5",
    "es": "1234,5",
    "de": "1.234,5",
}
IN_TWO_HOURS = {
    "fr": "dans 2 heures",
    "en": "in 2 hours",
    "ar": "خلال ساعتين",
    "es": "dentro de 2 horas",
    "de": "in 2 Stunden",
}
TOMORROW = {"fr": "demain", "en": "tomorrow", "ar": "غدًا", "es": "mañana", "de": "morgen"}
YESTERDAY = {"fr": "hier", "en": "yesterday", "ar": "أمس", "es": "ayer", "de": "gestern"}
IN_FIVE_DAYS = {
    "fr": "dans 5 jours",
    "en": "in 5 days",
    "ar": "خلال 5 أيام",
    "es": "dentro de 5 días",
    "de": "in 5 Tagen",
}
HALF_AN_HOUR_AGO = {
    "fr": "il y a 30 minutes",
    "en": "30 minutes ago",
    "ar": "قبل 30 دقيقة",
    "es": "hace 30 minutos",
    "de": "vor 30 Minuten",
}
LANGUAGES = tuple(DATE_LONG)


@pytest.mark.parametrize("code", LANGUAGES)
def test_long_date(code: str) -> None:
    assert LocaleFormatter(code).date_long(AFTERNOON) == DATE_LONG[code]


@pytest.mark.parametrize("code", LANGUAGES)
def test_time_of_day(code: str) -> None:
    assert LocaleFormatter(code).time(AFTERNOON) == TIME[code]


@pytest.mark.parametrize("code", LANGUAGES)
def test_day_and_month_without_year(code: str) -> None:
    assert LocaleFormatter(code).day_month(date(2021, 11, 2)) == DAY_MONTH[code]


@pytest.mark.parametrize("code", LANGUAGES)
def test_weekday_and_month_names(code: str) -> None:
    formatter = LocaleFormatter(code)
    assert formatter.weekday(AFTERNOON) == WEEKDAY[code]
    assert formatter.month_name(12) == DECEMBER[code]
    assert len(formatter.weekday_names()) == 7
    assert formatter.weekday_names()[1] == WEEKDAY[code]


@pytest.mark.parametrize("code", LANGUAGES)
def test_date_and_time_together(code: str) -> None:
    assert LocaleFormatter(code).date_time(AFTERNOON) == DATE_TIME[code]


@pytest.mark.parametrize("code", LANGUAGES)
def test_numbers(code: str) -> None:
    assert LocaleFormatter(code).number(1234.5) == NUMBER[code]


def test_arabic_uses_cldr_latin_digits_and_arabic_month_names() -> None:
    text = LocaleFormatter("ar").date_long(AFTERNOON)
    assert "نوفمبر" in text
    assert "2021" in text
    assert not any("\u0660" <= char <= "\u0669" for char in text)


def test_french_percent_has_a_non_breaking_space() -> None:
    assert LocaleFormatter("fr").percent(0.25) == f"25{NBSP}%"


def test_time_range_on_one_day() -> None:
    end = AFTERNOON + timedelta(hours=1, minutes=30)
    assert LocaleFormatter("fr").time_range(AFTERNOON, end) == "15:30\u2009–\u200917:00"
    assert LocaleFormatter("ar").time_range(AFTERNOON, end) == "3:30–5:00 م"


@pytest.mark.parametrize("code", LANGUAGES)
def test_relative_phrases(code: str) -> None:
    formatter = LocaleFormatter(code)
    now = datetime(2021, 11, 2, 13, 30)
    assert formatter.relative(AFTERNOON, now) == IN_TWO_HOURS[code]
    assert formatter.relative(AFTERNOON + timedelta(days=1), now) == TOMORROW[code]
    assert formatter.relative(AFTERNOON - timedelta(days=1), now) == YESTERDAY[code]
    assert formatter.relative(AFTERNOON + timedelta(days=5), now) == IN_FIVE_DAYS[code]
    assert formatter.relative(now - timedelta(minutes=30), now) == HALF_AN_HOUR_AGO[code]


def test_relative_phrase_counts_calendar_days_in_the_kiosk_time_zone() -> None:
    formatter = LocaleFormatter("fr")
    late = datetime(2021, 11, 2, 23, 0)
    assert formatter.relative(datetime(2021, 11, 3, 1, 0), late) == "demain"
    assert formatter.relative(datetime(2021, 11, 4, 10, 0), late) == "après-demain"
    assert formatter.relative(late, late) == "maintenant"


def test_times_are_shown_on_the_kiosk_clock_not_utc() -> None:
    moment = datetime(2021, 11, 2, 14, 30, tzinfo=UTC)
    assert LocaleFormatter("fr").time(moment) == "15:30"
    assert LocaleFormatter("fr", timezone="America/Martinique").time(moment) == "10:30"


def test_summer_time_is_applied() -> None:
    moment = datetime(2021, 7, 14, 12, 0, tzinfo=UTC)
    assert LocaleFormatter("de").time(moment) == "14:00"


def test_pseudo_locale_formats_like_english() -> None:
    assert LocaleFormatter("pseudo").date_long(AFTERNOON) == DATE_LONG["en"]


ONE_DECIMAL = {"fr": "3,0", "en": "3.0", "ar": "3.0", "es": "3,0", "de": "3,0"}
SHORT_DATE_TIME = {
    "fr": "02/11/2021 15:30",
    "en": "02/11/2021, 15:30",
    "ar": "2\u200f/11\u200f/2021، 3:30 م",
    "es": "2/11/21, 15:30",
    "de": "02.11.21, 15:30",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_sizes_keep_one_decimal_with_the_locale_separator(code: str) -> None:
    assert LocaleFormatter(code).decimal(3.04) == ONE_DECIMAL[code]


def test_large_sizes_are_grouped_as_the_locale_groups() -> None:
    assert LocaleFormatter("fr").decimal(12345.67) == f"12{NARROW_NBSP}345,7"
    assert LocaleFormatter("es").decimal(1234.5) == "1234,5"
    assert LocaleFormatter("de").decimal(12345.67) == "12.345,7"


@pytest.mark.parametrize("code", LANGUAGES)
def test_short_date_and_time_for_lists(code: str) -> None:
    assert LocaleFormatter(code).date_time_short(AFTERNOON) == SHORT_DATE_TIME[code]


def test_short_date_and_time_are_on_the_kiosk_clock() -> None:
    moment = datetime(2026, 11, 27, 21, 59, tzinfo=UTC)
    assert LocaleFormatter("fr").date_time_short(moment) == "27/11/2026 22:59"
