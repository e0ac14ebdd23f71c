"""The kiosk's window for screen tests: real QML on the offscreen platform, software rendering,
a fake clock for the idle session, the fake media backend, and real touch events.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint, QPointF
from PySide6.QtGui import QGuiApplication, QPointingDevice
from PySide6.QtQuick import QQuickItem, QQuickWindow, QSGRendererInterface
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.content.model import Exhibition
from kiosk.media.fake_backend import FakeBackend, FakeClock
from kiosk.media.loudness import LoudnessCache
from kiosk.media.player import Player
from kiosk.media.service import LOUDNESS_CACHE_NAME
from kiosk.paths import AppPaths
from kiosk.settings import Settings
from kiosk.ui.kiosk_state import KioskState
from kiosk.ui.player_model import PlayerModel
from kiosk.ui.shell import Shell, build_shell
from tests.conftest import wait_until_pages_ready
from tests.ui.package import INTRO_AND_CREDITS, write_package

LANDSCAPE = (1920, 1080)
PORTRAIT = (1080, 1920)
# Kiosk-local time used by every screen test: the morning of the first programme day.
NOW = datetime(2021, 11, 2, 10, 30)


@dataclass
class ManualClock:
    """Monotonic seconds that move only when a test says so."""

    now_s: float = 1000.0

    def __call__(self) -> float:
        return self.now_s

    def advance(self, seconds: float) -> None:
        self.now_s += seconds


@pytest.fixture(scope="session")
def content_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_package(tmp_path_factory.mktemp("package") / "expo")


@pytest.fixture(scope="session")
def package_with_texts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same package with an introduction and credits (French and Arabic only)."""
    root = tmp_path_factory.mktemp("texts") / "expo"
    return write_package(root, exhibition_extra=INTRO_AND_CREDITS)


def fake_player_factory(
    media_clock: FakeClock, backends: list[FakeBackend] | None = None
) -> object:
    """The kiosk's player on the fake backend, with the loudness cache of the kiosk's cache
    folder as ``kiosk run`` has; each backend made is appended to ``backends``."""

    def make(settings: Settings, exhibition: Exhibition, parent: QObject) -> QObject:
        backend = FakeBackend(media_clock)
        if backends is not None:
            backends.append(backend)
        player = Player(
            backend, volume_default=settings.volume_default, volume_max=settings.volume_max
        )
        paths = AppPaths.resolve(settings.data_dir, settings.log_dir, settings.cache_dir)
        return PlayerModel(
            player,
            backend.frames,
            default_language=settings.default_language,
            exhibition=exhibition,
            loudness=LoudnessCache(paths.cache_dir / LOUDNESS_CACHE_NAME),
            parent=parent,
        )

    return make


@dataclass
class Kiosk:
    """The running window plus what a test drives it with."""

    shell: Shell
    qtbot: QtBot
    clock: ManualClock
    media_clock: FakeClock
    device: QPointingDevice
    touches: int = field(default=0)
    backends: list[FakeBackend] = field(default_factory=list)

    @property
    def window(self) -> QQuickWindow:
        return self.shell.window

    @property
    def state(self) -> KioskState:
        return self.shell.state

    def settle(self, ms: int = 30) -> None:
        self.qtbot.wait(ms)

    def item(self, object_name: str) -> QQuickItem:
        found = find_items(self.window, lambda item: item.objectName() == object_name)
        assert found, f"no visible item named {object_name!r} on page {self.state.page}"
        return found[0]

    def tap_point(self, point: QPoint) -> None:
        """A real finger: touch press and release at ``point`` (window coordinates)."""
        QTest.touchEvent(self.window, self.device).press(0, point, self.window).commit()
        QTest.touchEvent(self.window, self.device).release(0, point, self.window).commit()
        self.touches += 1
        self.settle()
        # The navigation lock holds taps for a moment after each page change.
        self.clock.advance(1.0)

    def tap(self, object_name: str) -> None:
        item = self.item(object_name)
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
        self.tap_point(centre)

    def texts(self) -> list[str]:
        return visible_texts(self.window)

    def wait_page(self, page: str) -> None:
        self.qtbot.waitUntil(lambda: self.state.page == page, timeout=3000)
        self.settle()


def is_shown(item: QQuickItem, window: QQuickWindow) -> bool:
    """Visible, not transparent, and at least partly inside the window and its clipping parents."""
    if not item.isVisible() or item.opacity() <= 0.01 or item.width() <= 0 or item.height() <= 0:
        return False
    rect = item.mapRectToScene(item.boundingRect())
    parent = item.parentItem()
    while parent is not None:
        if parent.opacity() <= 0.01:
            return False
        if parent.clip():
            rect = rect.intersected(parent.mapRectToScene(parent.boundingRect()))
        parent = parent.parentItem()
    return rect.intersects(window.contentItem().boundingRect()) and rect.width() > 0


def all_items(root: QQuickItem) -> Iterator[QQuickItem]:
    yield root
    for child in root.childItems():
        yield from all_items(child)


def find_items(window: QQuickWindow, predicate) -> list[QQuickItem]:  # type: ignore[no-untyped-def]
    return [i for i in all_items(window.contentItem()) if predicate(i) and is_shown(i, window)]


def visible_texts(window: QQuickWindow) -> list[str]:
    texts = []
    for item in find_items(window, lambda i: i.metaObject().className() == "QQuickText"):
        value = item.property("text")
        if value:
            texts.append(str(value))
    return texts


@pytest.fixture(scope="session", autouse=True)
def software_renderer() -> None:
    software = QSGRendererInterface.GraphicsApi.Software
    # Asked again after another suite built a scene graph, Qt only warns: ask once.
    if QQuickWindow.sceneGraphBackend() != "software" and QQuickWindow.graphicsApi() != software:
        QQuickWindow.setGraphicsApi(software)


@pytest.fixture
def make_kiosk(
    qtbot: QtBot, qapp: QGuiApplication, content_package: Path, tmp_path: Path
) -> Iterator[object]:
    shells: list[Shell] = []

    def make(
        size: tuple[int, int] = LANDSCAPE,
        language: str = "fr",
        record_visits: bool = True,
        **changes: object,
    ) -> Kiosk:
        # A test may pass its own ``content_dir``; None starts on the content store, as a
        # kiosk without --content does; the shared package otherwise.
        changes.setdefault("content_dir", content_package)
        settings = Settings(
            data_dir=tmp_path / "data",
            log_dir=tmp_path / "log",
            cache_dir=tmp_path / "cache",
            **{"now": NOW, **changes},  # type: ignore[arg-type]
        )
        paths = AppPaths.resolve(settings.data_dir, settings.log_dir, settings.cache_dir)
        paths.ensure()
        clock = ManualClock()
        media_clock = FakeClock()
        backends: list[FakeBackend] = []
        shell = build_shell(
            qapp,
            settings,
            paths,
            size=size,
            player_factory=fake_player_factory(media_clock, backends),  # type: ignore[arg-type]
            clock=clock,
            record_visits=record_visits,
        )
        shells.append(shell)
        shell.window.show()
        qtbot.waitExposed(shell.window)
        wait_until_pages_ready(qtbot, shell)
        shell.state.setLanguage(language)
        device = QTest.createTouchDevice()
        kiosk = Kiosk(shell, qtbot, clock, media_clock, device, backends=backends)
        kiosk.settle(50)
        return kiosk

    yield make
    for shell in shells:
        shell.close()
