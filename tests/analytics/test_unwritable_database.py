"""A disk that cannot take the statistics is not a corrupt database: nothing is set aside,
visits of this run are still counted (in memory), the exhibition goes on."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk.analytics.aggregates import sessions_per_day
from kiosk.analytics.events import VisitorStats


def test_unopenable_database_falls_back_to_memory_and_sets_nothing_aside(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "stats.sqlite3"
    blocked.mkdir()  # a folder where the file should be: SQLite cannot open it
    with caplog.at_level(logging.ERROR):
        stats = VisitorStats(blocked)
    assert "statistics paused" in caplog.text
    stats.start_session("ar")
    stats.end_session("left")
    assert sum(count for _day, count in sessions_per_day(stats)) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stats.sqlite3"]


def test_a_disk_that_stops_taking_writes_is_logged_once_not_at_every_touch(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    stats = VisitorStats(tmp_path / "stats.sqlite3")
    stats.start_session("fr")
    stats.query("PRAGMA query_only = 1")  # every write now fails, as on a full disk
    with caplog.at_level(logging.INFO):
        for page in ("home", "exhibition", "programme", "about"):
            stats.page_viewed(page)
        stats.query("PRAGMA query_only = 0")  # space again
        stats.page_viewed("home")
    stats.close()

    messages = [record.getMessage() for record in caplog.records]
    assert len([m for m in messages if "not recorded" in m]) == 1
    assert "statistics: recording again (4 events were lost)" in messages
    kept = VisitorStats(tmp_path / "stats.sqlite3")
    pages = kept.query("SELECT item FROM events WHERE kind = 'page'")
    kept.close()
    assert pages == [("home",)]  # the last one, after the disk came back
