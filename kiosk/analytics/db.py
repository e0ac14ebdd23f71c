"""The statistics database file: WAL mode, its schema, and setting aside a corrupt one.

One table of anonymous events. No visitor is identified: a session id is a random token made at
the start of a visit and never linked to anything else. A database that SQLite reports as
corrupt (or a file that is not a database at all) is renamed with a timestamp, logged, and a new
one is started, so a damaged SD card or a power cut costs statistics, never the kiosk.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    day TEXT NOT NULL,
    session TEXT NOT NULL,
    kind TEXT NOT NULL,
    language TEXT NOT NULL DEFAULT '',
    item TEXT NOT NULL DEFAULT '',
    seconds REAL,
    duration REAL
);
CREATE INDEX IF NOT EXISTS events_day ON events (day);
CREATE INDEX IF NOT EXISTS events_kind ON events (kind, item);
"""
SIDE_FILES = ("-wal", "-shm", "-journal")


MEMORY = ":memory:"
PAGE_CACHE_KIB = 256  # per connection


def _connect(path: Path | str) -> sqlite3.Connection:
    connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=5)
    try:
        # WAL: readers (the staff panel's charts, an export) never block the visitor's writes.
        mode = connection.execute("PRAGMA journal_mode=WAL").fetchone()
        if path != MEMORY and (mode is None or str(mode[0]).lower() != "wal"):
            log.warning("statistics database %s: WAL mode unavailable (%s)", path, mode)
        connection.execute("PRAGMA synchronous=NORMAL")
        # SQLite keeps up to 2 MB of pages per connection by default, and the log only grows:
        # each day's events stayed in the process's memory until that cap (about 0.6 MB per
        # hour of the soak's visits). Appends need only the last pages; readers rely on the
        # system's file cache.
        connection.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KIB}")
        check = connection.execute("PRAGMA quick_check").fetchone()
        if check is None or check[0] != "ok":
            raise sqlite3.DatabaseError(f"integrity check failed: {check}")
        connection.executescript(SCHEMA)
        connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    except BaseException:
        connection.close()
        raise
    return connection


def set_aside(path: Path, reason: str) -> Path:
    """Rename a damaged database (and its WAL files) with a timestamp; returns the new name."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.stem}.corrupt-{stamp}{path.suffix}")
    if path.exists():
        os.replace(path, target)
    for suffix in SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            with contextlib.suppress(OSError):
                os.replace(side, target.with_name(target.name + suffix))
    log.warning(
        "statistics database %s is damaged (%s): set aside as %s; a new one is started",
        path,
        reason,
        target.name,
    )
    return target


def open_database(path: Path) -> sqlite3.Connection:
    """Open (or create) the statistics database, replacing it when it is corrupt.

    A full or read-only disk is not corruption: the file is left alone and the error raised
    (``sqlite3.OperationalError`` or ``OSError``) for the caller to fall back on memory.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return _connect(path)
    except sqlite3.OperationalError:
        raise
    except sqlite3.DatabaseError as error:
        set_aside(path, str(error))
    return _connect(path)


def open_memory_database() -> sqlite3.Connection:
    """A database that lives as long as the process: statistics while the disk cannot take them."""
    return _connect(MEMORY)
