"""Visitor statistics: a scripted visit, aggregates, retention, CSV export, corrupt database."""

from __future__ import annotations

import csv
import logging
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.analytics.aggregates import (
    CSV_COLUMNS,
    export_csv,
    languages,
    sessions_per_day,
    top_stories,
)
from kiosk.analytics.events import VisitorStats
from kiosk.cli import main


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> FakeClock:
    # 23:59:50 in Paris on 2 November 2021 is 22:59:50 UTC: the local day decides.
    return FakeClock(datetime(2021, 11, 2, 22, 59, 50, tzinfo=UTC))


@pytest.fixture
def stats(tmp_path: Path, clock: FakeClock) -> Iterator[VisitorStats]:
    recorder = VisitorStats(tmp_path / "stats.sqlite3", clock=clock, retention_days=30)
    yield recorder
    recorder.close()


def _visit(stats: VisitorStats, clock: FakeClock) -> None:
    stats.start_session("fr")
    clock.advance(5)
    stats.page_viewed("home")
    stats.language_chosen("ar")
    stats.page_viewed("exhibition")
    stats.artist_viewed("artiste-exemple-1")
    clock.advance(10)
    stats.story_played("histoire-1", seconds_watched=42.0, duration_s=120.0)
    stats.story_played("histoire-2", seconds_watched=500.0, duration_s=60.0)  # seeks past the end
    clock.advance(90)
    stats.idle_reset()


def test_a_scripted_visit_produces_the_expected_rows(stats: VisitorStats, clock: FakeClock) -> None:
    _visit(stats, clock)

    rows = stats.query(
        "SELECT day, kind, language, item, seconds, duration FROM events ORDER BY id"
    )
    assert rows == [
        ("2021-11-02", "session_start", "fr", "", None, None),
        ("2021-11-02", "page", "fr", "home", None, None),
        ("2021-11-02", "language", "ar", "ar", None, None),
        ("2021-11-02", "page", "ar", "exhibition", None, None),
        ("2021-11-02", "artist", "ar", "artiste-exemple-1", None, None),
        ("2021-11-03", "story", "ar", "histoire-1", 42.0, 120.0),  # midnight passed in Paris
        ("2021-11-03", "story", "ar", "histoire-2", 60.0, 60.0),
        ("2021-11-03", "idle_reset", "ar", "", None, None),
        ("2021-11-03", "session_end", "ar", "idle", None, None),
    ]
    sessions = {row[0] for row in stats.query("SELECT session FROM events")}
    assert len(sessions) == 1 and stats.session is None


def test_aggregates_count_visits_languages_and_stories(
    stats: VisitorStats, clock: FakeClock
) -> None:
    _visit(stats, clock)
    clock.advance(3600)
    stats.start_session("en")
    stats.story_played("histoire-1", seconds_watched=120.0, duration_s=120.0)
    stats.end_session("home")

    assert sessions_per_day(stats) == [("2021-11-02", 1), ("2021-11-03", 1)]
    assert languages(stats) == [("ar", 1), ("en", 1), ("fr", 1)]
    top = top_stories(stats)
    assert [(s.story, s.plays) for s in top] == [("histoire-1", 2), ("histoire-2", 1)]
    assert top[0].seconds_watched == 162.0
    assert top[0].completion == pytest.approx((42 / 120 + 1.0) / 2, abs=0.001)


def test_events_older_than_the_retention_period_are_deleted(
    stats: VisitorStats, clock: FakeClock
) -> None:
    _visit(stats, clock)
    clock.advance(31 * 86400)
    stats.start_session("fr")  # the first visit of a new day purges: the kiosk runs for weeks

    assert [row[0] for row in stats.query("SELECT kind FROM events")] == ["session_start"]


def test_csv_export_opens_with_the_csv_module(
    stats: VisitorStats, clock: FakeClock, tmp_path: Path
) -> None:
    _visit(stats, clock)
    output = tmp_path / "stick" / "statistiques.csv"
    output.parent.mkdir()

    assert export_csv(stats, output) == 9

    with open(output, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
        rows = list(reader)
    assert [row["event"] for row in rows][:2] == ["session_start", "page"]
    story = next(row for row in rows if row["item"] == "histoire-1")
    assert story["seconds_watched"] == "42.0" and story["duration_s"] == "120.0"
    assert story["timestamp_utc"] == "2021-11-02T23:00:05+00:00"
    assert list(output.parent.iterdir()) == [output]  # no temporary file left


def test_stats_export_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("", "utf-8")
    monkeypatch.setenv("KIOSK_CONFIG", str(config))
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    recorder = VisitorStats(tmp_path / "data" / "stats.sqlite3")
    recorder.start_session("de")
    recorder.page_viewed("programme")
    recorder.close()

    assert main(["stats", "export", str(tmp_path / "out.csv")]) == 0
    with open(tmp_path / "out.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["event"] for row in rows] == ["session_start", "page", "session_end"]
    assert "3" in capsys.readouterr().out

    assert main(["stats", "export", str(tmp_path / "missing" / "out.csv")]) == 1
    assert "missing" in capsys.readouterr().err


def test_database_uses_wal(stats: VisitorStats) -> None:
    assert stats.query("PRAGMA journal_mode") == [("wal",)]


def test_a_corrupt_database_is_set_aside_and_a_new_one_works(
    tmp_path: Path, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "stats.sqlite3"
    path.write_bytes(b"this is not a database, the SD card was damaged" * 100)

    with caplog.at_level(logging.WARNING):
        stats = VisitorStats(path, clock=clock)
    stats.start_session("fr")
    stats.page_viewed("home")
    stats.close()

    aside = list(tmp_path.glob("stats.corrupt-*.sqlite3"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not a database")
    assert "set aside" in caplog.text and aside[0].name in caplog.text
    with sqlite3.connect(path) as check:
        assert check.execute("SELECT COUNT(*) FROM events").fetchone() == (3,)


def test_a_database_damaged_inside_is_set_aside_too(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "stats.sqlite3"
    stats = VisitorStats(path, clock=clock)
    for _ in range(200):
        stats.page_viewed("home")
    stats.close()
    data = bytearray(path.read_bytes())
    data[4096 : 4096 + 512] = b"\xff" * 512  # scribble over a b-tree page
    path.write_bytes(bytes(data))

    reopened = VisitorStats(path, clock=clock)
    reopened.page_viewed("home")
    reopened.close()

    assert len(list(tmp_path.glob("stats.corrupt-*.sqlite3"))) == 1
