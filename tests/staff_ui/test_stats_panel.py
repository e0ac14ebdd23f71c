"""Statistics charts drawn from a scripted set of visits, and the CSV export onto the stick."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.analytics.aggregates import CSV_COLUMNS
from kiosk.analytics.events import VisitorStats
from kiosk.paths import AppPaths
from tests.staff_ui.conftest import PIN
from tests.staff_ui.harness import StaffScreen

# (day offset, language, stories played) per visit: 3 visits on day 0, 1 on day 1, 2 on day 2.
VISITS = [
    (0, "fr", ["artiste-exemple-1-video", "story-b"]),
    (0, "fr", ["artiste-exemple-1-video"]),
    (0, "en", []),
    (1, "fr", ["artiste-exemple-1-video"]),
    (2, "ar", ["story-b"]),
    (2, "fr", []),
]
START = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


@pytest.fixture
def scripted_stats(paths: AppPaths) -> VisitorStats:
    now = [START]
    stats = VisitorStats.for_data_dir(paths.data_dir, clock=lambda: now[0])
    for index, (day, language, stories) in enumerate(VISITS):
        now[0] = START + timedelta(days=day, minutes=index)
        stats.start_session(language)
        stats.language_chosen(language)
        for story in stories:
            stats.story_played(story, 30.0, 60.0)
        stats.idle_reset()
    return stats


def bar_sizes(screen: StaffScreen, chart: str, vertical: bool) -> list[tuple[int, float]]:
    bars = screen.find_all("bar", screen.item(chart))
    return [
        (int(bar.property("value")), bar.height() if vertical else bar.width())
        for bar in sorted(
            bars,
            key=lambda item: (
                item.mapToScene(item.position()).x(),
                item.mapToScene(item.position()).y(),
            ),
        )
    ]


def assert_proportional(sizes: list[tuple[int, float]]) -> None:
    largest_value = max(value for value, _size in sizes)
    largest_size = max(size for _value, size in sizes)
    for value, size in sizes:
        assert size / largest_size == pytest.approx(value / largest_value, abs=0.02)


def test_charts_draw_bars_in_proportion_to_the_visits(
    make_screen: Callable[..., StaffScreen], scripted_stats: VisitorStats
) -> None:
    screen = make_screen(stats=scripted_stats)
    screen.enter_pin(PIN)
    screen.tap("staffTab_stats")
    assert "6" in screen.text("statsSummary")

    days = bar_sizes(screen, "chartDays", vertical=True)
    assert [value for value, _size in days] == [3, 1, 2]
    assert_proportional(days)

    languages = bar_sizes(screen, "chartLanguages", vertical=False)
    assert [value for value, _size in languages] == [4, 1, 1]
    assert_proportional(languages)

    stories = bar_sizes(screen, "chartStories", vertical=False)
    assert [value for value, _size in stories] == [3, 2]
    assert_proportional(stories)
    # Stories of the exhibition on screen are named, not shown as ids.
    titles = [row["title"] for row in screen.panel.property("stats").property("stories")]
    assert titles[0].startswith("Artiste exemple 1 — ")
    assert titles[1] == "story-b"


def test_csv_export_onto_the_stick_reads_back_with_the_csv_module(
    make_screen: Callable[..., StaffScreen],
    scripted_stats: VisitorStats,
    usb: Path,
    qtbot: QtBot,
) -> None:
    screen = make_screen(stats=scripted_stats)
    screen.enter_pin(PIN)
    screen.tap("staffTab_stats")
    assert "CLE-USB" in screen.text("exportTo_0")
    screen.tap("exportTo_0")
    stats_view = screen.panel.property("stats")
    qtbot.waitUntil(lambda: stats_view.property("messageKind") == "ok", timeout=10000)
    assert screen.item("exportMessage").isVisible()

    exported = usb / "statistiques-kiosque-2026-11-04.csv"
    with open(exported, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
        rows = list(reader)
    starts = [row for row in rows if row["event"] == "session_start"]
    assert len(starts) == len(VISITS)
    stories = [row for row in rows if row["event"] == "story"]
    assert sorted(row["item"] for row in stories) == [
        "artiste-exemple-1-video",
        "artiste-exemple-1-video",
        "artiste-exemple-1-video",
        "story-b",
        "story-b",
    ]
    assert {row["day"] for row in starts} == {"2026-11-02", "2026-11-03", "2026-11-04"}
