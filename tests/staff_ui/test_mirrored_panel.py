"""In Arabic the staff panel is the mirror image of the panel in a left-to-right language.

Arabic reads from the right: the first tab, the first field of a row, the buttons under a form
start at the right edge. The test lays the panel out twice with the same texts, left to right
then right to left, and compares where every named element lands: each must be the mirror
image of itself, except the PIN keypad, which reads 1 2 3 from the left everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtQuick import QQuickItem

from kiosk.analytics.events import VisitorStats
from kiosk.paths import AppPaths
from tests.staff_ui.conftest import PIN
from tests.staff_ui.harness import StaffScreen

TABS = ("content", "stats", "settings", "health")
TOLERANCE_PX = 2.0


def named_and_shown(root: QQuickItem) -> list[QQuickItem]:
    found: list[QQuickItem] = []
    stack = [root]
    while stack:
        item = stack.pop()
        if not item.isVisible() or item.opacity() == 0:
            continue
        if item.objectName() and item.width() > 0:
            found.append(item)
        stack.extend(item.childItems())
    return found


def layout(screen: StaffScreen) -> dict[str, list[QRectF]]:
    """Where each named element is, in window coordinates (several for repeated names)."""
    screen.settle()
    rects: dict[str, list[QRectF]] = {}
    for item in named_and_shown(screen.window.contentItem()):
        rect = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
        rects.setdefault(item.objectName(), []).append(rect)
    return {name: sorted(found, key=lambda r: (r.y(), r.x())) for name, found in rects.items()}


def mirrored(rect: QRectF, width: float) -> QRectF:
    return QRectF(width - rect.x() - rect.width(), rect.y(), rect.width(), rect.height())


@pytest.fixture
def visited(paths: AppPaths) -> Iterator[VisitorStats]:
    """Two visits, so that the statistics' charts have bars to place."""
    stats = VisitorStats.for_data_dir(paths.data_dir)
    for language in ("fr", "ar"):
        stats.start_session(language)
        stats.language_chosen(language)
        stats.story_played("artiste-exemple-1-video", 30.0, 60.0)
        stats.idle_reset()
    yield stats
    stats.close()


@pytest.mark.parametrize("tab", TABS)
def test_the_arabic_panel_is_the_mirror_image_of_the_english_one(
    make_screen: Callable[..., StaffScreen], visited: VisitorStats, tab: str
) -> None:
    screen = make_screen(stats=visited)
    screen.enter_pin(PIN)
    screen.tap(f"staffTab_{tab}")
    left_to_right = layout(screen)
    screen.state.setLanguage("ar")  # the direction only: the harness has no Qt translator
    right_to_left = layout(screen)
    width = float(screen.window.width())
    assert right_to_left.keys() == left_to_right.keys()
    misplaced = []
    for name, rects in left_to_right.items():
        expected = sorted((mirrored(rect, width) for rect in rects), key=lambda r: (r.y(), r.x()))
        actual = sorted(right_to_left[name], key=lambda r: (r.y(), r.x()))
        for want, got in zip(expected, actual, strict=True):
            if abs(want.x() - got.x()) > TOLERANCE_PX or abs(want.y() - got.y()) > TOLERANCE_PX:
                misplaced.append(f"{name}: x {got.x():.0f}, mirror of English {want.x():.0f}")
    assert not misplaced, "\n".join(misplaced)
