"""Compressed visitors for the soak: real touch taps on named items of the real kiosk window.

A visit wakes the kiosk, picks a language, opens an artist and plays one of their stories with
libvlc (a few seconds of it, or to the end every third visit), looks at the programme, the about
page and the accessibility options, then leaves; the kiosk's clock then jumps past the idle time
so the reset happens at once instead of after two minutes. Taps are spaced by the navigation
lock's hold, in real time.

Variety "full" goes round every language, artist and story (30 visits on the demo, about five
minutes, before the caches of each combination are all filled); "small" keeps to two languages
and one artist's stories, so that a few-minute run is past its warm-up after one minute and
what still grows is a leak per visit.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QGuiApplication, QPointingDevice
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.ui.shell import Shell

TAP_GAP_MS = 400  # longer than the navigation lock's 0.3 s hold
STORY_TIMEOUT_S = 30.0


class SoakError(AssertionError):
    """The kiosk did not do what a visitor asked of it."""


class JumpClock:
    """Monotonic seconds plus jumps: the idle reset comes at once, everything else runs in time."""

    def __init__(self) -> None:
        self.offset_s = 0.0

    def __call__(self) -> float:
        return time.monotonic() + self.offset_s

    def jump(self, seconds: float) -> None:
        self.offset_s += seconds


def _items(root: QQuickItem) -> Iterator[QQuickItem]:
    yield root
    for child in root.childItems():
        yield from _items(child)


def _shown(item: QQuickItem) -> bool:
    node: QQuickItem | None = item
    while node is not None:
        if not node.isVisible() or node.opacity() <= 0.01:
            return False
        node = node.parentItem()
    return item.width() > 0 and item.height() > 0


class Visitor:
    """Drives one kiosk window the way a visitor would, counting what it did."""

    def __init__(
        self, shell: Shell, clock: JumpClock, idle_s: float, variety: str = "full"
    ) -> None:
        self.shell = shell
        self.variety = variety
        self.window = shell.window
        self.clock = clock
        self.idle_s = idle_s
        self.device: QPointingDevice = QTest.createTouchDevice()
        self.counters = {"visits": 0, "taps": 0, "stories": 0, "language changes": 0}
        self._turn = itertools.count()

    @property
    def page(self) -> str:
        return str(self.shell.state.property("page"))

    def wait(self, ms: int) -> None:
        QTest.qWait(ms)

    def wait_until(self, condition: Callable[[], bool], what: str, timeout_s: float = 5) -> None:
        deadline = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() > deadline:
                raise SoakError(f"{what} (page {self.page})")
            QTest.qWait(20)

    def find(self, name: str) -> QQuickItem:
        for item in _items(self.window.contentItem()):
            if item.objectName() == name and _shown(item):
                return item
        raise SoakError(f"no visible {name!r}")

    def tap_point(self, point: QPoint) -> None:
        QTest.touchEvent(self.window, self.device).press(0, point, self.window).commit()
        QTest.touchEvent(self.window, self.device).release(0, point, self.window).commit()
        self.counters["taps"] += 1
        self.wait(TAP_GAP_MS)

    def tap(self, name: str, then_page: str | None = None) -> None:
        item = self.find(name)
        self.tap_point(item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint())
        if then_page is not None:
            self.wait_until(lambda: self.page == then_page, f"{name} did not open {then_page}")

    def player_state(self) -> str:
        player = self.shell.state.property("player")
        return "" if player is None else str(player.property("state"))

    def visit(self) -> None:
        turn = next(self._turn)
        state = self.shell.state
        exhibition = state.exhibition
        self.tap_point(QPoint(self.window.width() // 2, self.window.height() // 2))
        self.wait_until(lambda: self.page == "home", "a touch did not wake the kiosk")
        codes = [entry["code"] for entry in state.property("languages")]
        if self.variety == "small":
            codes = codes[:2]
        language = codes[turn % len(codes)]
        if language != state.property("language"):
            self.tap(f"language-{language}")
            self.wait_until(
                lambda: state.property("language") == language, f"language {language} not set"
            )
            self.counters["language changes"] += 1
        artists = [artist for artist in exhibition.artists if artist.stories]
        if self.variety == "small":
            artists = artists[:1]
        if artists:
            artist = artists[turn % len(artists)]
            story = artist.stories[turn % len(artist.stories)]
            self.tap("openExhibition", "exhibition")
            self.tap(f"artist-{artist.id}", "artist")
            self.tap(f"story-{story.id}", "story")
            self.wait_until(
                lambda: self.player_state() in ("playing", "ended", "error"),
                f"story {story.id} never started",
                STORY_TIMEOUT_S,
            )
            self.counters["stories"] += 1
            if turn % 3 == 0:
                self.wait_until(
                    lambda: self.player_state() in ("ended", "error"),
                    f"story {story.id} never ended",
                    STORY_TIMEOUT_S,
                )
            else:
                self.wait(1500)
            self.tap("navHome", "home")
        self.tap("openProgramme", "programme")
        self.tap("navBack", "home")
        self.tap("openAbout", "about")
        self.tap("navHome", "home")
        self.tap("openAccessibility", "accessibility")
        self.tap("highContrast")
        self.tap("textSize-130")
        self.leave()
        self.counters["visits"] += 1

    def leave(self) -> None:
        """The visitor walks away: the idle time passes and the kiosk resets itself."""
        self.clock.jump(self.idle_s + 1)
        self.shell.state.idle_monitor.tick()
        self.wait_until(lambda: self.page == "attract", "no idle reset after the idle time")
        QGuiApplication.processEvents()
