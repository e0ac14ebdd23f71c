"""A seeded generator of what children, elbows and pranksters do to a touch screen.

No Qt here: the generator yields plain gestures (finger paths in window pixels, key combinations,
pauses) and the driver in ``test_monkey.py`` turns them into real Qt events. The same seed always
yields the same stream, so a failing seed can be replayed with ``KIOSK_MONKEY_SEED=<seed>``.

One *event* is one input delivered to the window: one touch frame (every finger pressing, moving
or lifting at that instant counts as a single frame, as a touch screen reports it), one key
click, or one close request from a window manager. Pauses move the kiosk's clock; they are not
counted as events.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

Point = tuple[int, int]

# What a prankster with a keyboard tries (the lockdown filter must swallow them all).
PRANK_KEYS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("F4", ("alt",)),
    ("Tab", ("alt",)),
    ("Escape", ()),
    ("Q", ("control",)),
    ("W", ("control",)),
    ("F11", ()),
    ("Super_L", ()),
    ("Backspace", ("control", "alt")),
)


@dataclass(frozen=True)
class Stroke:
    """Fingers down together, moving along their paths, lifted in ``release_order``.

    Attributes:
        paths: one path per finger (all the same length, at least one point each).
        hold_s: real seconds the fingers rest after the press (a long press), usually 0.
        release_order: the order fingers lift, one touch frame each; all at once when empty.
        name: the gesture it imitates (for the report).
    """

    paths: tuple[tuple[Point, ...], ...]
    hold_s: float = 0.0
    release_order: tuple[int, ...] = ()
    name: str = "tap"

    @property
    def events(self) -> int:
        moves = len(self.paths[0]) - 1
        releases = len(self.release_order) or 1
        return 1 + moves + releases


@dataclass(frozen=True)
class KeyPress:
    key: str
    modifiers: tuple[str, ...]
    name: str = "key"
    events: int = 1


@dataclass(frozen=True)
class CloseRequest:
    """What a window manager's close button or Alt+F4 would send to the window."""

    name: str = "close"
    events: int = 1


@dataclass(frozen=True)
class Pause:
    """Kiosk time passing with nobody touching.

    Attributes:
        seconds: how far the kiosk's clock moves.
        idle_reset: long enough that the visitor is gone: the kiosk must be back on the
            attract loop afterwards.
    """

    seconds: float
    idle_reset: bool = False
    name: str = "pause"
    events: int = 0


Gesture = Stroke | KeyPress | CloseRequest | Pause


class Monkey:
    """Yields gestures for a window of ``size`` pixels, from ``seed``.

    Attributes:
        idle_s: the kiosk's idle timeout plus its warning: a pause this long resets the session.
    """

    def __init__(self, seed: int, size: tuple[int, int], idle_s: float) -> None:
        self.random = random.Random(seed)
        self.width, self.height = size
        self.idle_s = idle_s
        # Weights: mostly what visitors do, with enough of the rare things to matter.
        self._kinds = (
            (self.tap, 30),
            (self.swipe, 14),
            (self.burst, 6),
            (self.multi_touch, 8),
            (self.pinch, 6),
            (self.edge_swipe, 6),
            (self.long_press, 1),
            (self.key, 6),
            (self.close, 1),
            (self.short_pause, 10),
            (self.warning_pause, 1),
            (self.idle_gap, 1),
        )

    def gestures(self, events: int) -> Iterator[Gesture]:
        """Gestures until at least ``events`` events have been generated."""
        makers = [maker for maker, _ in self._kinds]
        weights = [weight for _, weight in self._kinds]
        produced = 0
        while produced < events:
            for gesture in self.random.choices(makers, weights)[0]():
                produced += gesture.events
                yield gesture
        yield Pause(self.idle_s + 1, idle_reset=True, name="final idle gap")

    # -- points and paths ------------------------------------------------------------------

    def point(self) -> Point:
        return (self.random.randrange(self.width), self.random.randrange(self.height))

    def clamp(self, x: float, y: float) -> Point:
        return (min(self.width - 1, max(0, round(x))), min(self.height - 1, max(0, round(y))))

    def path(self, start: Point, end: Point, steps: int) -> tuple[Point, ...]:
        jitter = 3
        points = [start]
        for step in range(1, steps + 1):
            t = step / steps
            x = start[0] + (end[0] - start[0]) * t + self.random.randint(-jitter, jitter)
            y = start[1] + (end[1] - start[1]) * t + self.random.randint(-jitter, jitter)
            points.append(self.clamp(x, y))
        return tuple(points)

    # -- gestures --------------------------------------------------------------------------

    def tap(self) -> list[Gesture]:
        start = self.point()
        wobble = self.random.random() < 0.3  # a child's finger slides a little
        path = self.path(start, self.clamp(start[0] + 4, start[1] + 3), 2) if wobble else (start,)
        return [Stroke((path,))]

    def swipe(self) -> list[Gesture]:
        start, end = self.point(), self.point()
        steps = self.random.randint(3, 14)
        return [Stroke((self.path(start, end, steps),), name="swipe")]

    def edge_swipe(self) -> list[Gesture]:
        """From the very edge inwards: what opens system panels on phones and tablets."""
        edge = self.random.choice("ltrb")
        x, y = self.point()
        start = {
            "l": (0, y),
            "r": (self.width - 1, y),
            "t": (x, 0),
            "b": (x, self.height - 1),
        }[edge]
        depth = self.random.randint(80, 600)
        dx = {"l": depth, "r": -depth}.get(edge, 0)
        dy = {"t": depth, "b": -depth}.get(edge, 0)
        end = self.clamp(start[0] + dx, start[1] + dy)
        return [Stroke((self.path(start, end, self.random.randint(4, 10)),), name="edge swipe")]

    def long_press(self) -> list[Gesture]:
        start = self.point()
        return [Stroke(((start, start),), hold_s=self.random.uniform(0.3, 0.9), name="long press")]

    def burst(self) -> list[Gesture]:
        """Taps far faster than any human: a hand drumming, or a child hitting the screen."""
        near = self.point()
        taps: list[Gesture] = []
        for _ in range(self.random.randint(5, 30)):
            if self.random.random() < 0.6:
                point = self.clamp(
                    near[0] + self.random.randint(-40, 40), near[1] + self.random.randint(-40, 40)
                )
            else:
                point = self.point()
            taps.append(Stroke(((point,),), name="burst"))
        return taps

    def multi_touch(self) -> list[Gesture]:
        """Two to five fingers (or a palm, or an elbow) at once, drifting, lifted in any order."""
        fingers = self.random.randint(2, 5)
        steps = self.random.randint(1, 8)
        drift = (self.random.randint(-200, 200), self.random.randint(-200, 200))
        paths = []
        for _ in range(fingers):
            start = self.point()
            paths.append(
                self.path(start, self.clamp(start[0] + drift[0], start[1] + drift[1]), steps)
            )
        order = list(range(fingers))
        self.random.shuffle(order)
        staggered = self.random.random() < 0.5
        return [Stroke(tuple(paths), release_order=tuple(order) if staggered else (), name="multi")]

    def pinch(self) -> list[Gesture]:
        centre = self.point()
        spread_from = self.random.randint(20, 150)
        spread_to = self.random.randint(20, 600)
        if self.random.random() < 0.5:
            spread_from, spread_to = spread_to, spread_from
        steps = self.random.randint(4, 12)
        a = self.path(
            self.clamp(centre[0] - spread_from, centre[1]),
            self.clamp(centre[0] - spread_to, centre[1] - spread_to // 3),
            steps,
        )
        b = self.path(
            self.clamp(centre[0] + spread_from, centre[1]),
            self.clamp(centre[0] + spread_to, centre[1] + spread_to // 3),
            steps,
        )
        return [Stroke((a, b), name="pinch")]

    def key(self) -> list[Gesture]:
        key, modifiers = self.random.choice(PRANK_KEYS)
        return [KeyPress(key, modifiers, name="+".join((*modifiers, key)))]

    def close(self) -> list[Gesture]:
        return [CloseRequest()]

    def short_pause(self) -> list[Gesture]:
        return [Pause(self.random.uniform(0.0, 3.0))]

    def warning_pause(self) -> list[Gesture]:
        """Long enough for the "are you still there?" warning, not for the reset."""
        return [Pause(self.idle_s - self.random.uniform(5, 15), name="warning pause")]

    def idle_gap(self) -> list[Gesture]:
        return [Pause(self.idle_s + self.random.uniform(1, 60), idle_reset=True, name="idle gap")]
