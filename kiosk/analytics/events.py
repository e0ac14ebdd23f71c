"""Recording what visitors do, anonymously: one row per event in ``<data_dir>/stats.sqlite3``.

:class:`VisitorStats` is what the visitor screens call: ``start_session`` when someone touches
the attract screen, then ``language_chosen``, ``page_viewed``, ``artist_viewed``,
``story_played`` (seconds watched and the story's duration) and finally ``idle_reset`` or
``end_session``. Events arriving outside a session open one, so a missed call never loses data.
The live window calls them through :class:`kiosk.analytics.visit_log.VisitLog` (what counts as a
visit) and ``kiosk/ui/visit_recorder.py`` (its signals).
Each write is a single small INSERT (well under a millisecond in WAL mode), safe to make on the
UI thread; a failing write is logged and dropped, never raised into the UI.
"""

from __future__ import annotations

import logging
import secrets
import sqlite3
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.analytics.db import open_database, open_memory_database, set_aside
from kiosk.settings import Settings

log = logging.getLogger(__name__)

DB_NAME = "stats.sqlite3"


class EventKind(StrEnum):
    SESSION_START = "session_start"
    SESSION_END = "session_end"
    LANGUAGE = "language"
    PAGE = "page"
    ARTIST = "artist"
    STORY = "story"
    IDLE_RESET = "idle_reset"


def _utc_now() -> datetime:
    return datetime.now(UTC)


class VisitorStats:
    """The anonymous event log of one kiosk.

    Attributes:
        path: the SQLite file.
        timezone: the kiosk's time zone, which decides which day an event counts for.
        retention_days: events older than this are deleted (at opening and by :meth:`purge`).
        clock: the current time, timezone-aware (injectable for tests and ``--now``).
    """

    def __init__(
        self,
        path: Path,
        *,
        timezone: str = "Europe/Paris",
        retention_days: int = 365,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self.path = Path(path)
        self.timezone = ZoneInfo(timezone)
        self.retention_days = retention_days
        self.clock = clock
        self._lock = threading.Lock()
        try:
            self._connection = open_database(self.path)
        except (sqlite3.OperationalError, OSError) as error:
            # Full or read-only disk: the exhibition goes on; this run's visits stay in memory.
            log.error(
                "statistics paused: %s cannot be written (%s); visits are kept in memory until "
                "the kiosk restarts",
                self.path,
                error,
            )
            self._connection = open_memory_database()
        self._session: str | None = None
        self._language = ""
        self._lost = 0  # events not recorded since the last one that was
        self._purged_on = ""
        self.purge()

    @classmethod
    def for_data_dir(cls, data_dir: Path, **options: object) -> VisitorStats:
        return cls(Path(data_dir) / DB_NAME, **options)  # type: ignore[arg-type]

    @classmethod
    def for_settings(cls, data_dir: Path, settings: Settings) -> VisitorStats:
        """The kiosk's statistics in ``data_dir``, with its time zone and retention."""
        return cls.for_data_dir(
            data_dir, timezone=settings.timezone, retention_days=settings.stats_retention_days
        )

    def set_timezone(self, timezone: str) -> None:
        """Staff moved the kiosk to another time zone: the events from now on count for its days."""
        self.timezone = ZoneInfo(timezone)

    @property
    def session(self) -> str | None:
        """The current visit's random id, or None between visitors."""
        return self._session

    # Writing ------------------------------------------------------------------------------

    def _write(
        self,
        kind: EventKind,
        item: str = "",
        seconds: float | None = None,
        duration: float | None = None,
    ) -> None:
        if self._session is None:
            self._open_session()
        now = self.clock()
        row = (
            now.astimezone(UTC).isoformat(timespec="seconds"),
            now.astimezone(self.timezone).date().isoformat(),
            self._session,
            str(kind),
            self._language,
            item,
            seconds,
            duration,
        )
        with self._lock:
            try:
                self._insert(row)
            except sqlite3.OperationalError as error:  # full or read-only disk, locked: not
                self._not_recorded(kind, error)  # corruption
                return
            except sqlite3.DatabaseError as error:
                self._recover(error, row)
            except sqlite3.Error as error:  # any other failure loses one event only
                self._not_recorded(kind, error)
                return
            if self._lost:
                log.info("statistics: recording again (%d events were lost)", self._lost)
                self._lost = 0

    def _not_recorded(self, kind: EventKind, error: sqlite3.Error) -> None:
        # Once per failing spell: a disk full for a day would otherwise log every touch.
        if not self._lost:
            log.warning(
                "statistics: event %s not recorded (%s); further losses are counted, not logged",
                kind,
                error,
            )
        self._lost += 1

    def _insert(self, row: tuple[object, ...]) -> None:
        self._connection.execute(
            "INSERT INTO events (at, day, session, kind, language, item, seconds, duration)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            row,
        )

    def _recover(self, error: sqlite3.DatabaseError, row: tuple[object, ...]) -> None:
        """The file went bad while running: set it aside, start afresh, keep this event."""
        try:
            self._connection.close()
            set_aside(self.path, str(error))
            self._connection = open_database(self.path)
            self._insert(row)
        except (sqlite3.Error, OSError) as again:
            log.error("statistics: database unusable (%s); event dropped", again)

    def _open_session(self) -> None:
        self._session = secrets.token_hex(8)
        self._write(EventKind.SESSION_START)

    def start_session(self, language: str) -> str:
        """A visitor touched the screen; ends any session left open. Returns its id."""
        if self._session is not None:
            self.end_session("replaced")
        if self._today() != self._purged_on:  # a kiosk runs for weeks: purge once a day
            self.purge()
        self._language = language
        self._open_session()
        assert self._session is not None
        return self._session

    def language_chosen(self, language: str) -> None:
        self._language = language
        self._write(EventKind.LANGUAGE, language)

    def page_viewed(self, page: str) -> None:
        self._write(EventKind.PAGE, page)

    def artist_viewed(self, artist_id: str) -> None:
        self._write(EventKind.ARTIST, artist_id)

    def story_played(self, story_id: str, seconds_watched: float, duration_s: float) -> None:
        """A story stopped (ended, paused and left, or interrupted): how much of it was seen."""
        watched = max(0.0, min(float(seconds_watched), float(duration_s) or float(seconds_watched)))
        self._write(EventKind.STORY, story_id, round(watched, 1), round(float(duration_s), 1))

    def idle_reset(self) -> None:
        """The kiosk went back to the attract screen by itself: the visit is over."""
        if self._session is None:
            return
        self._write(EventKind.IDLE_RESET)
        self.end_session("idle")

    def end_session(self, reason: str = "") -> None:
        if self._session is None:
            return
        self._write(EventKind.SESSION_END, reason)
        self._session = None

    # Housekeeping -------------------------------------------------------------------------

    def _today(self) -> str:
        return self.clock().astimezone(self.timezone).date().isoformat()

    def purge(self) -> int:
        """Delete events older than the retention period; returns how many were deleted.

        Runs at opening and at the first visit of each day.
        """
        self._purged_on = self._today()
        limit = (self.clock() - timedelta(days=self.retention_days)).astimezone(UTC)
        with self._lock:
            try:
                cursor = self._connection.execute(
                    "DELETE FROM events WHERE at < ?", (limit.isoformat(timespec="seconds"),)
                )
            except sqlite3.Error as error:
                log.warning("statistics: old events not purged (%s)", error)
                return 0
        return cursor.rowcount

    def query(self, sql: str, parameters: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        """Run a read-only query (used by the aggregates and the export)."""
        with self._lock:
            return list(self._connection.execute(sql, parameters).fetchall())

    def close(self) -> None:
        if self._session is not None:
            self.end_session("shutdown")
        with self._lock:
            self._connection.close()
