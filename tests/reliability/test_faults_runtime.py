"""Faults that happen while the kiosk runs: a damaged statistics file, the wall clock jumping a
day either way, the content folder vanishing. Each: the exhibition stays, the log says what is
wrong, nothing a technician needs is destroyed.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QtMsgType
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from kiosk.analytics.aggregates import sessions_per_day
from kiosk.analytics.events import VisitorStats
from kiosk.navigation import Route
from kiosk.paths import AppPaths
from kiosk.settings import Settings
from kiosk.ui import programme_model
from kiosk.ui.shell import Shell, build_shell
from tests.conftest import DEMO, KioskProcess, XServer, wait_until_pages_ready
from tests.reliability.refcount import pin_none
from tests.reliability.test_faults import assert_exhibition_still_shown, stop_cleanly

PARIS = ZoneInfo("Europe/Paris")
DAY = timedelta(days=1)


# -- statistics database --------------------------------------------------------------------


@pytest.mark.display
def test_a_running_kiosk_sets_a_corrupt_statistics_file_aside(
    xvfb: XServer,
    start_kiosk: Callable[..., KioskProcess],
    isolated_kiosk_dirs: Path,
    tmp_path: Path,
) -> None:
    data = isolated_kiosk_dirs / "data"
    damaged = b"SQLite format 3\x00" + b"\xde\xad" * 4000  # a header, then a torn write
    (data / "stats.sqlite3").write_bytes(damaged)
    kiosk = start_kiosk("--kiosk")
    assert_exhibition_still_shown(xvfb, kiosk, tmp_path)
    log = stop_cleanly(kiosk)
    aside = list(data.glob("stats.corrupt-*.sqlite3"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged, "the damaged file must be kept"
    assert "is damaged" in log and aside[0].name in log
    with sqlite3.connect(data / "stats.sqlite3") as fresh:
        assert fresh.execute("PRAGMA quick_check").fetchone() == ("ok",)


# -- the wall clock jumps -------------------------------------------------------------------


class WallClock:
    """Stands in for ``datetime`` where the kiosk reads the wall clock."""

    moment = datetime(2021, 11, 2, 10, 0, tzinfo=PARIS)

    @classmethod
    def now(cls, tz: ZoneInfo | None = None) -> datetime:
        return cls.moment.astimezone(tz) if tz is not None else cls.moment.replace(tzinfo=None)


@pytest.fixture
def shell(qtbot: QtBot, qapp: QGuiApplication, tmp_path: Path) -> Iterator[Callable[..., Shell]]:
    pin_none()  # see refcount.py
    shells: list[Shell] = []

    def make(content: Path = DEMO, **changes: object) -> Shell:
        settings = Settings(
            mode="kiosk",
            content_dir=content,
            data_dir=tmp_path / "data",
            log_dir=tmp_path / "log",
            cache_dir=tmp_path / "cache",
            **changes,  # type: ignore[arg-type]
        )
        paths = AppPaths.resolve(settings.data_dir, settings.log_dir, settings.cache_dir)
        paths.ensure()
        built = build_shell(qapp, settings, paths, size=(1920, 1080))
        shells.append(built)
        built.window.show()
        qtbot.waitExposed(built.window)
        wait_until_pages_ready(qtbot, built)
        return built

    yield make
    for built in shells:
        built.close()


def statuses(shell: Shell) -> dict[str, str]:
    days = shell.state.content.programme("fr")
    return {event["id"]: event["status"] for day in days for event in day["events"]}


def test_the_idle_countdown_ignores_a_wall_clock_jump_of_a_day(
    shell: Callable[..., Shell], monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    kiosk = shell(idle_timeout_s=60, idle_warning_s=20)
    kiosk.state.show_route(Route("home"))  # a visitor is there: the countdown runs
    assert kiosk.state.idle_monitor.phase == "active"
    real_time = time.time
    for jump in (DAY, -DAY):  # NTP after a week unplugged, or a wrong RTC corrected
        monkeypatch.setattr(time, "time", lambda jump=jump: real_time() + jump.total_seconds())
        kiosk.state.idle_monitor.tick()
        qtbot.wait(300)  # the monitor's own timer ticks too
        assert kiosk.state.page == "home" and not kiosk.state.idle_monitor.warning


def test_the_programme_follows_the_wall_clock_both_ways(
    shell: Callable[..., Shell], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(programme_model, "datetime", WallClock)
    kiosk = shell()
    kiosk.state.show_route(Route("programme"))
    workshop, visit = "atelier-laboratoires-communicateurs-urbains", "visite-maison-de-quartier"

    WallClock.moment = datetime(2021, 11, 2, 10, 0, tzinfo=PARIS)
    assert statuses(kiosk)[workshop] == "now" and statuses(kiosk)[visit] == "next"
    WallClock.moment += 2 * DAY
    assert statuses(kiosk)[workshop] == "past"
    WallClock.moment -= 3 * DAY
    assert statuses(kiosk)[workshop] == "next"
    assert kiosk.state.page == "programme"


def test_statistics_days_stay_sane_when_the_clock_jumps(tmp_path: Path) -> None:
    moment = [datetime(2026, 3, 10, 15, 0, tzinfo=UTC)]
    stats = VisitorStats(tmp_path / "stats.sqlite3", clock=lambda: moment[0])
    stats.start_session("fr")
    stats.idle_reset()
    moment[0] -= DAY  # the clock goes back a day: an event "from yesterday" is still kept
    stats.start_session("en")
    stats.idle_reset()
    moment[0] += 2 * DAY  # then forward: the daily purge must not eat recent events
    stats.start_session("ar")
    stats.idle_reset()
    days = dict(sessions_per_day(stats))
    stats.close()
    assert days == {"2026-03-09": 1, "2026-03-10": 1, "2026-03-11": 1}


# -- the content folder vanishes ------------------------------------------------------------


# Qt's warnings are checked in the test body, so the failure names the first one.
@pytest.mark.qt_log_level_fail("CRITICAL")
def test_the_content_folder_vanishing_leaves_the_kiosk_showing_what_it_can(
    shell: Callable[..., Shell],
    tmp_path: Path,
    qtbot: QtBot,
    qtlog: Any,  # pytest-qt's message capture (its class is private)
    caplog: pytest.LogCaptureFixture,
) -> None:
    content = tmp_path / "expo"
    shutil.copytree(DEMO, content)
    kiosk = shell(content=content)
    exhibition = kiosk.state.exhibition
    artist = next(artist for artist in exhibition.artists if artist.stories)
    story = f"story:{artist.stories[0].id}"
    shutil.rmtree(content)  # a USB disk pulled out, a sync tool emptying the folder
    routes = ["home", "exhibition", f"artist:{artist.id}", story, "programme", "about"]
    with caplog.at_level(logging.WARNING):
        for _visit in range(2):  # a second visitor: the same problem, no new noise
            for route in routes:
                kiosk.state.show_route(Route.parse(route))
                qtbot.wait(200)
                if route == story:  # the story says it cannot play instead of hanging
                    qtbot.waitUntil(
                        lambda: kiosk.state.player.property("state") == "error", timeout=5000
                    )
            kiosk.state.reset_session()
    assert kiosk.window.isVisible() and kiosk.state.page == "attract"
    assert kiosk.state.title == exhibition.title.get("fr", "fr")  # the texts are in memory
    assert str(content) in caplog.text, "the log must name the vanished folder"
    qt_warnings = [r.message for r in qtlog.records if r.type != QtMsgType.QtDebugMsg]
    assert not qt_warnings, f"{len(qt_warnings)} Qt warnings, the first: {qt_warnings[0]}"
    repeated = Counter(record.getMessage() for record in caplog.records).most_common(1)
    assert repeated[0][1] == 1, f"logged again and again: {repeated[0][0]}"
