"""Builds the staff panel in a test window and touches it like a finger would.

The window (``StaffHarness.qml``) loads ``pages/StaffPage.qml`` as Main.qml does, with the real
:class:`KioskState` holding the panel in ``staff`` as the shell does; publishing reaches the
"visitors' screens" (this state's exhibition) through the real :class:`ContentSwitcher` on the
idle reset hook. Work runs on a real qasync loop (:func:`qasync_running`).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import QPoint, QPointF, QUrl
from PySide6.QtGui import QGuiApplication, QPointingDevice
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.analytics.events import VisitorStats
from kiosk.content.loader import load_exhibition
from kiosk.content.store import ContentStore
from kiosk.navigation import Route
from kiosk.paths import AppPaths
from kiosk.settings import Settings
from kiosk.staff.inbox import Inbox
from kiosk.ui.kiosk_state import KioskState
from kiosk.ui.staff_panel import StaffPanel, create_staff_panel

HERE = Path(__file__).resolve().parent
FRAME_WAIT_S = 1.0  # for one frame to be drawn; a hidden window draws none
QML_PAGES = Path(__file__).resolve().parents[2] / "kiosk" / "ui" / "qml" / "pages"
DEMO = Path(__file__).resolve().parents[2] / "assets" / "demo"


@dataclass
class StaffScreen:
    """The window, the kiosk state behind it and the panel, plus a finger."""

    engine: QQmlApplicationEngine
    window: QQuickWindow
    state: KioskState
    panel: StaffPanel
    store: ContentStore
    device: QPointingDevice

    def item(self, name: str) -> QQuickItem:
        found = self.find(name)
        assert found is not None, f"no item named {name!r} on screen"
        return found

    def find(self, name: str) -> QQuickItem | None:
        return find_item(self.window.contentItem(), name)

    def find_all(self, name: str, under: QQuickItem | None = None) -> list[QQuickItem]:
        return find_items(under or self.window.contentItem(), name)

    def tap(self, name: str) -> None:
        """A finger press and release in the middle of the named item (which must be shown)."""
        self.settle()
        item = self.shown_item(name)
        assert item.isVisible(), f"{name} is not visible"
        assert item.isEnabled(), f"{name} is disabled"
        assert item.width() >= 64 and item.height() >= 64, f"{name} is smaller than 64x64 px"
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
        inside = 0 <= centre.x() < self.window.width() and 0 <= centre.y() < self.window.height()
        assert inside, f"{name} at {centre} is outside the {self.window.size()} window"
        press = QTest.touchEvent(self.window, self.device)
        press.press(0, centre, self.window).commit(processEvents=False)
        release = QTest.touchEvent(self.window, self.device)
        release.release(0, centre, self.window).commit(processEvents=False)
        self.settle()

    def shown_item(self, name: str, timeout_s: float = 5.0) -> QQuickItem:
        """The visible item called ``name``, once there is one: a page just opened may still be
        building (or the one it replaces still going) on a busy machine."""
        deadline = time.monotonic() + timeout_s
        while True:
            shown = [item for item in self.find_all(name) if item.isVisible()]
            if shown or time.monotonic() > deadline:
                return shown[0] if shown else self.item(name)
            QTest.qWait(20)

    def wait_until(self, condition: Callable[[], object], timeout_s: float = 60.0) -> None:
        """Process events until ``condition()`` holds, sleeping in between.

        Not ``QTest.qWait``: it keeps Python's lock while it waits, so a worker thread (an
        import's copy and checks) runs only between waits; an import by touch took minutes.
        """
        deadline = time.monotonic() + timeout_s
        while not condition():
            assert time.monotonic() < deadline, f"still waiting after {timeout_s:.0f} s"
            time.sleep(0.02)
            QGuiApplication.processEvents()

    def settle(self) -> None:
        """Let Qt lay out and draw what the last change showed (positioners lay out at polish).

        Polish runs when a frame is prepared, not when events are processed: a tap sent before
        the next frame could land where a button was, not where it is now (a report's "OK" in
        a column still at its old height missed 4-16 taps in 50). So this waits for a frame.
        """
        for _round in range(3):
            QGuiApplication.processEvents()
        drawn: list[bool] = []
        connection = self.window.frameSwapped.connect(lambda: drawn.append(True))
        try:
            self.window.update()
            deadline = time.monotonic() + FRAME_WAIT_S
            while not drawn and time.monotonic() < deadline:
                QTest.qWait(5)
        finally:
            self.window.frameSwapped.disconnect(connection)

    def text(self, name: str, within: str = "") -> str:
        """The text of the named item (inside the item named ``within``, if given)."""
        if not within:
            return str(self.item(name).property("text"))
        found = self.find_all(name, self.item(within))
        assert found, f"no item named {name!r} inside {within!r}"
        return str(found[0].property("text"))

    def enter_pin(self, pin: str) -> None:
        for digit in pin:
            self.tap(f"pinKey_{digit}")
        self.tap("pinKey_ok")

    def close(self) -> None:
        """Unload the page before the engine goes (as leaving the staff page would)."""
        self.panel.lock()
        if self.state.page == "staff":
            self.state.show_route(Route("home"))
        QGuiApplication.processEvents()
        self.window.hide()
        self.engine.deleteLater()


def find_item(root: QQuickItem, name: str) -> QQuickItem | None:
    found = find_items(root, name, first=True)
    return found[0] if found else None


def find_items(root: QQuickItem, name: str, first: bool = False) -> list[QQuickItem]:
    """Items by objectName, depth first, through Loaders and Repeaters (visual children)."""
    result: list[QQuickItem] = []
    stack = [root]
    while stack:
        item = stack.pop(0)
        if item.objectName() == name:
            result.append(item)
            if first:
                return result
        stack.extend(item.childItems())
    return result


def build_screen(
    settings: Settings,
    paths: AppPaths,
    usb_roots: list[Path],
    stats: VisitorStats | None = None,
    vlc_version: Callable[[], str] | None = None,
    inbox: Inbox | None = None,
    attach_panel: bool = True,
) -> StaffScreen:
    store = ContentStore.for_data_dir(paths.data_dir)
    exhibition = load_exhibition(DEMO).exhibition
    assert exhibition is not None
    state = KioskState(exhibition, settings.default_language, settings.languages, kiosk_mode=False)
    state.idle_monitor.stop()

    def show(folder: Path) -> None:
        shown = load_exhibition(folder).exhibition
        assert shown is not None
        state.set_exhibition(shown)

    extra: dict[str, Any] = {} if vlc_version is None else {"vlc_version": vlc_version}
    panel = create_staff_panel(
        settings,
        paths,
        store=store,
        stats=stats,
        show_content=show,
        removable_roots=lambda: list(usb_roots),
        exhibition=lambda: state.exhibition,
        inbox=inbox,
        parent=state,
        **extra,
    )
    state.set_staff(panel if attach_panel else None)
    state.reset_hooks.append(panel.section("switcher").apply_pending)  # type: ignore[attr-defined]
    state.show_route(Route("staff"))
    engine = QQmlApplicationEngine()
    engine.setInitialProperties(
        {"kiosk": state, "pagesDir": QUrl.fromLocalFile(str(QML_PAGES)).toString()}
    )
    engine.load(QUrl.fromLocalFile(str(HERE / "StaffHarness.qml")))
    roots = engine.rootObjects()
    assert roots, "the staff harness did not load"
    window = roots[0]
    assert isinstance(window, QQuickWindow)
    device = QTest.createTouchDevice()
    return StaffScreen(engine, window, state, panel, store, device)


@contextlib.contextmanager
def qasync_running(app: QGuiApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync loop marked as running, as in the kiosk, while the test drives Qt's loop.

    Tests wait with ``qtbot.waitUntil``, which spins Qt's event loop: asyncio work (the import
    task, executor results) then runs from Qt events exactly as under ``kiosk run``, and no
    test code runs inside an asyncio task (where Qt must not start another task).
    """
    loop = qasync.QEventLoop(app, already_running=True)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        # qasync offers no public way to end a loop it did not start; undo what
        # already_running=True did, then close it (which also stops its executor threads).
        asyncio.events._set_running_loop(None)
        loop._QEventLoop__is_running = False  # type: ignore[attr-defined]
        loop.close()
        asyncio.set_event_loop(None)


def centre_of(item: QQuickItem) -> QPoint:
    return item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
