"""Random touch ("monkey"): thousands of seeded gestures on the real kiosk window in kiosk mode.

The window is the one ``kiosk run --kiosk`` shows (``build_shell`` on the demo exhibition, the
lockdown filter on the application, full screen), rendered by Qt Quick's software scene graph on
the offscreen platform. Touches are real Qt touch events from a touch device; keys are real key
events; window-manager close requests are real close events. The kiosk's clock is a fake one,
so idle gaps of minutes cost nothing; the story player is the fake media backend, whose time
follows the same gaps (libvlc has its own soak, see soak.py).

After every gesture: still exactly one visible top-level window, full screen. After every idle
gap: back on the attract loop. Over the run: no uncaught exception, no Qt warning (pytest-qt
fails the test on any), resident memory growth after warm-up under 20 MB.

Seeds: three fixed ones plus one drawn for this run (printed in the summary). Replay one with
``KIOSK_MONKEY_SEED=<seed>`` (comma-separated for several); ``KIOSK_MONKEY_EVENTS`` changes
the events per seed.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QPointingDevice, QWindow
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.media.fake_backend import FakeClock
from kiosk.paths import AppPaths
from kiosk.settings import Settings
from kiosk.ui.lockdown import LockdownFilter
from kiosk.ui.shell import Shell, build_shell
from tests.conftest import DEMO
from tests.reliability.monkey import CloseRequest, Gesture, KeyPress, Monkey, Pause, Stroke
from tests.reliability.refcount import none_refcount, pin_none
from tests.ui.conftest import ManualClock, fake_player_factory

FIXED_SEEDS = (20261126, 93, 4242)
EVENTS_PER_SEED = int(os.environ.get("KIOSK_MONKEY_EVENTS", "6000"))
WARM_UP_EVENTS = 1000
RSS_BUDGET_MB = 20.0
IDLE_TIMEOUT_S = 90
IDLE_WARNING_S = 30
MODIFIERS = {
    "alt": Qt.KeyboardModifier.AltModifier,
    "control": Qt.KeyboardModifier.ControlModifier,
}


def monkey_seeds() -> list[int]:
    chosen = os.environ.get("KIOSK_MONKEY_SEED", "")
    if chosen:
        return [int(seed) for seed in chosen.split(",") if seed.strip()]
    # A fresh seed each run finds new paths; the summary prints it for replay.
    return [*FIXED_SEEDS, int.from_bytes(os.urandom(4), "big")]


def rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


class UncaughtExceptions:
    """Collects exceptions that reach ``sys.excepthook`` (Python code called from Qt)."""

    def __init__(self) -> None:
        self.caught: list[str] = []
        self._previous = sys.excepthook

    def __enter__(self) -> UncaughtExceptions:
        sys.excepthook = self.hook
        return self

    def __exit__(self, *_exc: object) -> None:
        sys.excepthook = self._previous

    def hook(
        self, kind: type[BaseException], value: BaseException, trace: TracebackType | None
    ) -> None:
        self.caught.append(f"{kind.__name__}: {value}")
        self._previous(kind, value, trace)


class Driver:
    """Turns the monkey's gestures into Qt events on the kiosk window and checks it holds."""

    def __init__(
        self, shell: Shell, qtbot: QtBot, clock: ManualClock, media_clock: FakeClock
    ) -> None:
        self.shell = shell
        self.window = shell.window
        self.qtbot = qtbot
        self.clock = clock
        self.media_clock = media_clock
        self.device: QPointingDevice = QTest.createTouchDevice()
        self.events = 0
        self.idle_resets = 0
        self.pages: dict[str, int] = {}
        shell.state.pageChanged.connect(self.count_page)

    def count_page(self) -> None:
        page = self.shell.state.page
        self.pages[page] = self.pages.get(page, 0) + 1

    def play(self, gesture: Gesture) -> None:
        if isinstance(gesture, Stroke):
            self.stroke(gesture)
        elif isinstance(gesture, KeyPress):
            modifiers = Qt.KeyboardModifier.NoModifier
            for name in gesture.modifiers:
                modifiers |= MODIFIERS[name]
            QTest.keyClick(self.window, getattr(Qt.Key, f"Key_{gesture.key}"), modifiers)
        elif isinstance(gesture, CloseRequest):
            self.window.close()
        else:
            self.pause(gesture)
        self.events += gesture.events

    def stroke(self, stroke: Stroke) -> None:
        window, device = self.window, self.device
        fingers = range(len(stroke.paths))
        press = QTest.touchEvent(window, device)
        for finger in fingers:
            press.press(finger, QPoint(*stroke.paths[finger][0]), window)
        press.commit()
        if stroke.hold_s:
            self.qtbot.wait(int(stroke.hold_s * 1000))
            self.advance(stroke.hold_s)
        last = [path[-1] for path in stroke.paths]
        for step in range(1, len(stroke.paths[0])):
            move = QTest.touchEvent(window, device)
            for finger in fingers:
                move.move(finger, QPoint(*stroke.paths[finger][step]), window)
            move.commit()
            self.advance(0.016)  # one frame of a 60 Hz touch screen
        if stroke.release_order:
            lifted: set[int] = set()
            for finger in stroke.release_order:
                release = QTest.touchEvent(window, device)
                release.release(finger, QPoint(*last[finger]), window)
                for other in fingers:
                    if other != finger and other not in lifted:
                        release.stationary(other)
                release.commit()
                lifted.add(finger)
        else:
            release = QTest.touchEvent(window, device)
            for finger in fingers:
                release.release(finger, QPoint(*last[finger]), window)
            release.commit()
        self.advance(0.05)

    def advance(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.media_clock.advance(seconds)

    def pause(self, pause: Pause) -> None:
        if pause.idle_reset:
            # The visitor walks away: a story still playing runs to its end first.
            self.media_clock.advance(3600)
            QGuiApplication.processEvents()
        self.advance(pause.seconds)
        self.shell.state.idle_monitor.tick()
        QGuiApplication.processEvents()
        if pause.idle_reset:
            self.qtbot.waitUntil(lambda: self.shell.state.page == "attract", timeout=3000)
            assert not self.shell.state.idle_monitor.warning
            self.idle_resets += 1

    def assert_locked(self, where: str) -> None:
        visible = [w for w in QGuiApplication.topLevelWindows() if w.isVisible()]
        assert visible == [self.window], f"{where}: visible windows {visible}"
        assert self.window.visibility() == QWindow.Visibility.FullScreen, (
            f"{where}: window is {self.window.visibility()}"
        )
        screen = self.window.screen().geometry()
        assert self.window.geometry() == screen, f"{where}: {self.window.geometry()} vs {screen}"


@pytest.fixture
def kiosk_shell(
    qtbot: QtBot, qapp: QGuiApplication, tmp_path: Path
) -> Iterator[Callable[[], Driver]]:
    pin_none()  # the driver's own calls would wear None out: see refcount.py
    lockdown = LockdownFilter(qapp)
    shells: list[Shell] = []

    def make() -> Driver:
        settings = Settings(
            mode="kiosk",
            content_dir=DEMO,
            data_dir=tmp_path / "data",
            log_dir=tmp_path / "log",
            cache_dir=tmp_path / "cache",
            idle_timeout_s=IDLE_TIMEOUT_S,
            idle_warning_s=IDLE_WARNING_S,
        )
        paths = AppPaths.resolve(settings.data_dir, settings.log_dir, settings.cache_dir)
        paths.ensure()
        clock, media_clock = ManualClock(), FakeClock()
        shell = build_shell(
            qapp,
            settings,
            paths,
            player_factory=fake_player_factory(media_clock),  # type: ignore[arg-type]
            clock=clock,
        )
        shells.append(shell)
        # As kiosk/app.py does in kiosk mode.
        shell.window.setFlag(Qt.WindowType.FramelessWindowHint, True)
        shell.window.showFullScreen()
        qtbot.waitExposed(shell.window)
        return Driver(shell, qtbot, clock, media_clock)

    qapp.installEventFilter(lockdown)
    try:
        yield make
    finally:
        qapp.removeEventFilter(lockdown)
        for shell in shells:
            shell.close()


@pytest.mark.slow
@pytest.mark.parametrize("seed", monkey_seeds())
def test_random_touch_never_breaks_the_kiosk(
    seed: int,
    kiosk_shell: Callable[[], Driver],
    reliability_report: Callable[[str], None],
) -> None:
    driver = kiosk_shell()
    monkey = Monkey(
        seed, (driver.window.width(), driver.window.height()), IDLE_TIMEOUT_S + IDLE_WARNING_S
    )
    replay = f"replay: KIOSK_MONKEY_SEED={seed}"
    started = time.monotonic()
    none_before = none_refcount()
    baseline: float | None = None
    peak_growth = 0.0
    gesture: Gesture | None = None
    with UncaughtExceptions() as uncaught:
        try:
            driver.assert_locked("start")
            for gesture in monkey.gestures(EVENTS_PER_SEED):
                driver.play(gesture)
                where = f"seed {seed}, event {driver.events}, after {gesture.name}"
                assert not uncaught.caught, f"{where}: {uncaught.caught}"
                driver.assert_locked(where)
                if baseline is None and driver.events >= WARM_UP_EVENTS:
                    baseline = rss_mb()
                elif baseline is not None:
                    peak_growth = max(peak_growth, rss_mb() - baseline)
        except BaseException:
            last = gesture.name if gesture is not None else "start"
            reliability_report(f"FAILED at event {driver.events} ({last}); {replay}")
            raise
    assert baseline is not None
    growth = rss_mb() - baseline
    reliability_report(
        f"seed {seed}: {driver.events} events, {driver.idle_resets} idle resets, "
        f"RSS {baseline:.0f} MB after warm-up, growth {growth:+.1f} MB "
        f"(peak {peak_growth:+.1f}), {time.monotonic() - started:.0f} s, "
        f"window {driver.window.width()}x{driver.window.height()}, pages {driver.pages}, "
        f"None references lost {none_before - none_refcount()}; {replay}"
    )
    assert driver.events >= EVENTS_PER_SEED
    assert driver.idle_resets >= 1
    assert growth < RSS_BUDGET_MB, f"memory grew {growth:.1f} MB; {replay}"
