"""The visitor session: when to warn, when to reset, and what a fresh session looks like.

No Qt here. The clock is injected (``time.monotonic`` by default) so tests drive the rules with a
fake clock; the Qt adapter (``kiosk.ui.idle_adapter``) only feeds touches and ticks in.

Rules (figures from shared/ACCESSIBILITY.md, WCAG 2.2 SC 2.2.1):
- after ``timeout_s`` with no touch, a warning counts down ``warning_s`` (at least 20 s);
- one touch anywhere (the warning's "Continue" button included) keeps the session;
- at the end of the countdown the session expires and everything a visitor changed is reset;
- while a story plays there is no warning at all; the count starts again when it stops;
- on the attract loop there is no session to warn about (nothing to reset).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

Clock = Callable[[], float]

MIN_WARNING_S = 20.0
TEXT_SCALES = (1.0, 1.3, 1.6)


class IdlePhase(StrEnum):
    DORMANT = "dormant"  # attract loop: nobody to warn
    ACTIVE = "active"
    WARNING = "warning"
    EXPIRED = "expired"


@dataclass(frozen=True)
class VisitorPreferences:
    """What a visitor may change and what the next visitor gets back.

    Attributes:
        text_step: index into ``TEXT_SCALES`` (100 %, 130 %, 160 %).
        captions: captions are on by default (shared/ACCESSIBILITY.md).
        volume: percent, the staff's default after every session.
    """

    text_step: int = 0
    high_contrast: bool = False
    captions: bool = True
    reduce_motion: bool = False
    low_reach: bool = False
    volume: int = 70

    @property
    def text_scale(self) -> float:
        return TEXT_SCALES[max(0, min(self.text_step, len(TEXT_SCALES) - 1))]


class IdleSession:
    """Counts the time since the last touch and says which phase the session is in.

    Attributes:
        timeout_s: quiet time before the warning appears.
        warning_s: length of the countdown shown in the warning (never under 20 s).
    """

    def __init__(self, timeout_s: float, warning_s: float, clock: Clock = time.monotonic) -> None:
        self.timeout_s = float(timeout_s)
        self.warning_s = max(MIN_WARNING_S, float(warning_s))
        self._clock = clock
        self._last_activity = clock()
        self._dormant = True
        self._media_playing = False

    def start(self) -> None:
        """A visitor woke the kiosk: the session begins now."""
        self._dormant = False
        self._last_activity = self._clock()

    def touch(self) -> None:
        """Any touch (including "Continue") counts as presence."""
        self._last_activity = self._clock()

    def set_media_playing(self, playing: bool) -> None:
        """A playing story suspends the count; it restarts from zero when the story stops."""
        if self._media_playing and not playing:
            self._last_activity = self._clock()
        self._media_playing = playing
        if playing:
            self._last_activity = self._clock()

    def end(self) -> None:
        """Back on the attract loop: nothing to count until the next visitor."""
        self._dormant = True

    def idle_s(self) -> float:
        return max(0.0, self._clock() - self._last_activity)

    def phase(self) -> IdlePhase:
        if self._dormant:
            return IdlePhase.DORMANT
        if self._media_playing:
            return IdlePhase.ACTIVE
        idle = self.idle_s()
        if idle < self.timeout_s:
            return IdlePhase.ACTIVE
        if idle < self.timeout_s + self.warning_s:
            return IdlePhase.WARNING
        return IdlePhase.EXPIRED

    def remaining_s(self) -> float:
        """Seconds left in the countdown (the full countdown when no warning is shown)."""
        if self.phase() is not IdlePhase.WARNING:
            return self.warning_s
        return max(0.0, self.timeout_s + self.warning_s - self.idle_s())


class TapBurst:
    """Recognises N taps within a time window (the hidden staff entry in a corner).

    A visitor tapping a corner two or three times by chance never reaches N within the window.
    """

    def __init__(self, taps: int, window_s: float, clock: Clock = time.monotonic) -> None:
        self.taps = taps
        self.window_s = window_s
        self._clock = clock
        self._times: list[float] = []

    def tap(self) -> bool:
        """Record one tap; True when it completes the burst (the count then starts again)."""
        now = self._clock()
        self._times = [t for t in self._times if now - t <= self.window_s]
        self._times.append(now)
        if len(self._times) >= self.taps:
            self._times.clear()
            return True
        return False
