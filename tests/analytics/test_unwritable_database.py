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
