"""What staff read from the statistics: sessions per day, languages, top stories, and CSV export.

Read-only queries over :class:`~kiosk.analytics.events.VisitorStats`; the staff panel's charts
and ``kiosk stats export`` use them. Days are the kiosk's local days (recorded with each event).
"""

from __future__ import annotations

import contextlib
import csv
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from kiosk.analytics.events import EventKind, VisitorStats

CSV_COLUMNS = (
    "timestamp_utc",
    "day",
    "session",
    "event",
    "language",
    "item",
    "seconds_watched",
    "duration_s",
)


@dataclass(frozen=True)
class StoryStat:
    """How one story was watched.

    Attributes:
        story: the story's id.
        plays: how many times it was played.
        seconds_watched: total seconds watched.
        completion: average share of the story watched (0 to 1).
    """

    story: str
    plays: int
    seconds_watched: float
    completion: float


def sessions_per_day(stats: VisitorStats, since_day: str = "") -> list[tuple[str, int]]:
    """(day, number of visits) for every day with at least one visit, oldest first."""
    rows = stats.query(
        "SELECT day, COUNT(*) FROM events WHERE kind = ? AND day >= ? GROUP BY day ORDER BY day",
        (str(EventKind.SESSION_START), since_day),
    )
    return [(str(day), int(str(count))) for day, count in rows]


def languages(stats: VisitorStats, since_day: str = "") -> list[tuple[str, int]]:
    """(language, number of visits that used it), most used first."""
    rows = stats.query(
        "SELECT language, COUNT(DISTINCT session) FROM events"
        " WHERE language != '' AND day >= ? GROUP BY language ORDER BY 2 DESC, 1",
        (since_day,),
    )
    return [(str(language), int(str(count))) for language, count in rows]


def top_stories(stats: VisitorStats, limit: int = 10, since_day: str = "") -> list[StoryStat]:
    """The most played stories, with seconds watched and average completion."""
    rows = stats.query(
        "SELECT item, COUNT(*), SUM(seconds),"
        " AVG(CASE WHEN duration > 0 THEN MIN(seconds / duration, 1.0) END)"
        " FROM events WHERE kind = ? AND day >= ?"
        " GROUP BY item ORDER BY 2 DESC, 3 DESC, 1 LIMIT ?",
        (str(EventKind.STORY), since_day, limit),
    )
    return [
        StoryStat(
            str(item),
            int(str(plays)),
            float(str(seconds or 0)),
            round(float(str(completion or 0)), 3),
        )
        for item, plays, seconds, completion in rows
    ]


def export_csv(stats: VisitorStats, output: Path) -> int:
    """Write every event as CSV with a header row; returns the number of events.

    The file is written beside its final name and renamed when complete and flushed, so a
    stick pulled out during the export never holds a truncated file under the expected name.
    """
    rows = stats.query(
        "SELECT at, day, session, kind, language, item, seconds, duration"
        " FROM events ORDER BY at, id"
    )
    temporary = output.with_name(f".{output.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_COLUMNS)
            writer.writerows(["" if value is None else value for value in row] for row in rows)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, output)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    return len(rows)
