"""What the screens report becomes the statistics staff read: visits, languages, pages, stories."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.analytics.aggregates import languages, sessions_per_day, top_stories
from kiosk.analytics.events import VisitorStats
from kiosk.analytics.visit_log import VisitLog


@pytest.fixture
def stats(tmp_path: Path) -> Iterator[VisitorStats]:
    recorder = VisitorStats(tmp_path / "stats.sqlite3")
    yield recorder
    recorder.close()


def events(stats: VisitorStats) -> list[tuple[str, str, str]]:
    rows = stats.query("SELECT kind, language, item FROM events ORDER BY id")
    return [(str(kind), str(language), str(item)) for kind, language, item in rows]


def test_a_visit_from_the_first_touch_to_the_idle_reset(stats: VisitorStats) -> None:
    visits = VisitLog(stats)
    visits.page_shown("attract", "", "fr")
    visits.page_shown("home", "", "fr")
    visits.language_shown("ar")
    visits.page_shown("exhibition", "", "ar")
    visits.page_shown("artist", "awa", "ar")
    visits.visitor_left()
    visits.language_shown("fr")  # the reset puts the default language back: not a choice
    visits.page_shown("attract", "", "fr")

    assert events(stats) == [
        ("session_start", "fr", ""),
        ("page", "fr", "home"),
        ("language", "ar", "ar"),
        ("page", "ar", "exhibition"),
        ("page", "ar", "artist"),
        ("artist", "ar", "awa"),
        ("idle_reset", "ar", ""),
        ("session_end", "ar", "idle"),
    ]
    assert [count for _day, count in sessions_per_day(stats)] == [1]
    assert dict(languages(stats)) == {"fr": 1, "ar": 1}  # begun in French, read in Arabic


def test_each_visitor_after_a_reset_is_a_new_visit(stats: VisitorStats) -> None:
    visits = VisitLog(stats)
    for language in ("fr", "de", "fr"):
        visits.page_shown("home", "", "fr")
        visits.language_shown(language)
        visits.visitor_left()
        visits.page_shown("attract", "", "fr")

    assert [count for _day, count in sessions_per_day(stats)] == [3]
    sessions = stats.query("SELECT COUNT(DISTINCT session) FROM events")
    assert sessions == [(3,)]
    assert ("language", "de", "de") in events(stats)
    assert ("language", "fr", "fr") not in events(stats)  # French was already on screen


def test_the_staff_page_is_not_a_visit_and_ends_the_one_on_screen(stats: VisitorStats) -> None:
    visits = VisitLog(stats)
    visits.page_shown("home", "", "fr")
    visits.page_shown("staff", "", "fr")
    visits.language_shown("en")  # the staff panel's own language switch
    visits.visitor_left()  # leaving the panel goes through the reset
    visits.page_shown("attract", "", "fr")

    assert events(stats) == [
        ("session_start", "fr", ""),
        ("page", "fr", "home"),
        ("session_end", "fr", "staff"),
    ]


def test_a_story_counts_how_far_the_visitor_watched(stats: VisitorStats) -> None:
    visits = VisitLog(stats)
    visits.page_shown("story", "awa-story", "fr")
    visits.story_opened("awa-story")
    visits.story_progress(0.0, 0.0, playing=False)  # loading: no duration yet
    visits.story_progress(0.5, 60.0, playing=True)
    visits.story_progress(42.0, 60.0, playing=True)
    visits.story_progress(42.0, 60.0, playing=False)  # paused, then left
    visits.story_opened("")

    stories = top_stories(stats)
    assert [(story.story, story.plays, story.seconds_watched) for story in stories] == [
        ("awa-story", 1, 42.0)
    ]
    assert stories[0].completion == pytest.approx(0.7)


def test_a_story_played_to_its_end_counts_whole(stats: VisitorStats) -> None:
    visits = VisitLog(stats)
    visits.page_shown("story", "awa-story", "fr")
    visits.story_opened("awa-story")
    visits.story_progress(59.6, 60.0, playing=True)  # the last position read before the end
    visits.story_ended()
    visits.visitor_left()  # the idle reset closes it

    (story,) = top_stories(stats)
    assert (story.story, story.seconds_watched, story.completion) == ("awa-story", 60.0, 1.0)


def test_a_story_that_never_played_is_not_counted(stats: VisitorStats) -> None:
    visits = VisitLog(stats)
    visits.page_shown("story", "broken-story", "fr")
    visits.story_opened("broken-story")
    visits.story_progress(0.0, 0.0, playing=False)  # loading, then the file fails
    visits.story_opened("awa-story")  # the visitor tries another
    visits.story_progress(3.0, 60.0, playing=True)
    visits.visitor_left()

    assert [story.story for story in top_stories(stats)] == ["awa-story"]
