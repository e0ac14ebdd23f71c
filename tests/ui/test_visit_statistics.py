"""Visitors touching the real window fill the statistics the staff panel shows and exports."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint

from kiosk.analytics.aggregates import languages, sessions_per_day, top_stories
from kiosk.analytics.events import DB_NAME, VisitorStats


@pytest.fixture
def saved(tmp_path: Path) -> Iterator[VisitorStats]:
    """The statistics file as another process reads it (``kiosk stats export``)."""
    reader = VisitorStats(tmp_path / "data" / DB_NAME)
    yield reader
    reader.close()


def leave(kiosk) -> None:  # type: ignore[no-untyped-def]
    """The visitor walks away: the idle time passes and the kiosk resets."""
    session = kiosk.state.idle_monitor.session
    kiosk.clock.advance(session.timeout_s + session.warning_s + 1)
    kiosk.state.idle_monitor.tick()
    kiosk.wait_page("attract")
    kiosk.settle(100)


def kinds(stats: VisitorStats) -> list[str]:
    return [str(kind) for (kind,) in stats.query("SELECT kind FROM events ORDER BY id")]


def test_a_visitor_s_touches_become_one_visit_in_the_statistics(make_kiosk, saved) -> None:
    kiosk = make_kiosk()
    kiosk.settle(100)
    assert kinds(saved) == []  # the attract loop alone is nobody

    kiosk.tap_point(QPoint(960, 400))
    kiosk.wait_page("home")
    kiosk.tap("language-ar")
    kiosk.tap("openExhibition")
    kiosk.wait_page("exhibition")
    kiosk.tap("artist-awa")
    kiosk.wait_page("artist")
    kiosk.tap("story-awa-story")
    kiosk.wait_page("story")
    player = kiosk.state.player
    kiosk.qtbot.waitUntil(lambda: player.property("state") == "playing")
    kiosk.media_clock.advance(15)  # fifteen seconds of the one-minute story
    kiosk.qtbot.waitUntil(lambda: player.property("position") >= 15)
    kiosk.tap("navBack")
    kiosk.wait_page("artist")
    leave(kiosk)

    recorded = kinds(saved)
    assert recorded[0] == "session_start" and recorded[-2:] == ["idle_reset", "session_end"]
    # Pages: home, exhibition, artist, story, the artist again; the story is counted once closed.
    assert Counter(recorded[1:-2]) == {"page": 5, "artist": 2, "language": 1, "story": 1}
    assert [count for _day, count in sessions_per_day(saved)] == [1]
    assert dict(languages(saved)) == {"fr": 1, "ar": 1}  # the reset's return to French is not
    (story,) = top_stories(saved)
    assert story.story == "awa-story" and story.plays == 1
    assert 15.0 <= story.seconds_watched < 20.0
    assert story.completion == pytest.approx(story.seconds_watched / 60.0, abs=0.01)


def test_two_visitors_are_two_visits_and_the_staff_panel_counts_them(make_kiosk, saved) -> None:
    kiosk = make_kiosk()
    for _visitor in range(2):
        kiosk.tap_point(QPoint(960, 400))
        kiosk.wait_page("home")
        kiosk.tap("openProgramme")
        kiosk.wait_page("programme")
        leave(kiosk)

    assert [count for _day, count in sessions_per_day(saved)] == [2]
    assert saved.query("SELECT COUNT(DISTINCT session) FROM events") == [(2,)]
    # The staff panel reads the same visits (it refreshes when it is opened).
    panel_stats = kiosk.state.staff.stats
    panel_stats.refresh()
    kiosk.qtbot.waitUntil(lambda: panel_stats.property("totalSessions") == 2)


def test_a_window_built_for_screenshots_counts_nobody(make_kiosk, saved) -> None:
    # `kiosk screenshot` builds its window this way: the pages it shows are not visits.
    kiosk = make_kiosk(record_visits=False)
    kiosk.tap_point(QPoint(960, 400))
    kiosk.wait_page("home")
    kiosk.tap("openExhibition")
    kiosk.wait_page("exhibition")
    leave(kiosk)

    assert kinds(saved) == []
