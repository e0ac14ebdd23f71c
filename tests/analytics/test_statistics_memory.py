"""Recording visits for months does not make the kiosk's memory grow with the statistics file."""

from __future__ import annotations

import ctypes
import ctypes.util
from pathlib import Path

import pytest

from kiosk.analytics.events import VisitorStats
from kiosk.analytics.visit_log import VisitLog

PAGES = ("exhibition", "artist", "story", "programme", "about", "accessibility", "home")


def sqlite_memory_used() -> int:
    """Bytes SQLite has allocated in this process (all connections), read from the library."""
    name = ctypes.util.find_library("sqlite3")
    if name is None:
        pytest.skip("no shared libsqlite3 to ask for its memory use (Python's may be static)")
    library = ctypes.CDLL(name)
    library.sqlite3_memory_used.restype = ctypes.c_int64
    return int(library.sqlite3_memory_used())


def visit(log: VisitLog, number: int) -> None:
    """One visitor: every page, a language, an artist, a story played part-way."""
    log.page_shown("home", "", "fr")
    log.language_shown(("en", "ar", "es", "de")[number % 4])
    for page in PAGES:
        log.page_shown(page, f"artiste-exemple-{number % 3 + 1}" if page == "artist" else "", "fr")
    log.story_opened(f"story-{number % 9}")
    log.story_progress(3.0, 10.0, playing=True)
    log.story_left()
    log.visitor_left()
    log.page_shown("attract", "", "fr")


def test_memory_stays_level_while_the_statistics_file_grows(tmp_path: Path) -> None:
    stats = VisitorStats(tmp_path / "stats.sqlite3")
    log = VisitLog(stats)
    try:
        for number in range(200):
            visit(log, number)
        before = sqlite_memory_used()
        if before == 0:
            pytest.skip("the libsqlite3 found is not the one Python's sqlite3 module uses")
        size_before = (tmp_path / "stats.sqlite3").stat().st_size
        for number in range(200, 800):
            visit(log, number)
        grown_memory = sqlite_memory_used() - before
    finally:
        stats.close()  # the last pages written reach the file (a checkpoint)
    grown_file = (tmp_path / "stats.sqlite3").stat().st_size - size_before
    # 600 visits add about a megabyte to the file; SQLite's default cache kept the same in
    # memory (measured: +1.1 MB), for every hour of visits until its 2 MB cap.
    assert grown_file > 500_000
    assert grown_memory < 100_000, f"SQLite's memory grew by {grown_memory} bytes"
