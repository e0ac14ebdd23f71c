"""The idle-session rules without Qt, driven by a fake clock."""

from __future__ import annotations

from kiosk.navigation import NavigationLock
from kiosk.session import IdlePhase, IdleSession, TapBurst
from tests.ui.conftest import ManualClock


def started(clock: ManualClock, timeout_s: float = 90, warning_s: float = 30) -> IdleSession:
    session = IdleSession(timeout_s, warning_s, clock)
    session.start()
    return session


def test_the_attract_loop_never_warns() -> None:
    clock = ManualClock()
    session = IdleSession(90, 30, clock)
    clock.advance(10_000)
    assert session.phase() is IdlePhase.DORMANT


def test_warning_comes_after_the_timeout_and_counts_down() -> None:
    clock = ManualClock()
    session = started(clock)
    clock.advance(89.9)
    assert session.phase() is IdlePhase.ACTIVE
    clock.advance(0.2)
    assert session.phase() is IdlePhase.WARNING
    assert round(session.remaining_s()) == 30
    clock.advance(20)
    assert round(session.remaining_s()) == 10


def test_a_touch_during_the_warning_keeps_the_session() -> None:
    clock = ManualClock()
    session = started(clock)
    clock.advance(100)
    session.touch()
    assert session.phase() is IdlePhase.ACTIVE
    clock.advance(89)
    assert session.phase() is IdlePhase.ACTIVE


def test_the_session_expires_at_the_end_of_the_countdown() -> None:
    clock = ManualClock()
    session = started(clock)
    clock.advance(120)
    assert session.phase() is IdlePhase.EXPIRED


def test_the_countdown_is_never_shorter_than_twenty_seconds() -> None:
    clock = ManualClock()
    session = started(clock, timeout_s=30, warning_s=5)
    clock.advance(30 + 19)
    assert session.phase() is IdlePhase.WARNING


def test_no_warning_while_a_story_plays_and_the_count_restarts_after_it() -> None:
    clock = ManualClock()
    session = started(clock)
    session.set_media_playing(True)
    clock.advance(600)
    assert session.phase() is IdlePhase.ACTIVE
    session.set_media_playing(False)
    clock.advance(89)
    assert session.phase() is IdlePhase.ACTIVE
    clock.advance(2)
    assert session.phase() is IdlePhase.WARNING


def test_five_taps_within_the_window_complete_the_staff_gesture() -> None:
    clock = ManualClock()
    burst = TapBurst(5, 3.0, clock)
    results = []
    for _ in range(5):
        results.append(burst.tap())
        clock.advance(0.5)
    assert results == [False, False, False, False, True]


def test_slow_taps_never_complete_the_staff_gesture() -> None:
    clock = ManualClock()
    burst = TapBurst(5, 3.0, clock)
    assert not any(burst.tap() or clock.advance(0.8) for _ in range(20))


def test_the_navigation_lock_lets_one_tap_through_then_the_next_deliberate_one() -> None:
    clock = ManualClock()
    lock = NavigationLock(hold_s=0.3, clock=clock)
    assert lock.acquire()
    assert not lock.acquire()
    clock.advance(0.31)
    assert lock.acquire()
