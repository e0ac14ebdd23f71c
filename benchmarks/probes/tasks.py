"""The UI driver's tasks: taps, media first frame, memory over a long visit, frames during import.

Each task takes the live :class:`Driver` and the parsed arguments and returns a JSON-able dict
of raw samples and remarks; the harness turns them into figures. Navigation that is not the thing
being timed goes through ``KioskState.show_route`` (a programmatic jump, not subject to the
double-tap guard); what is timed goes through real touch events.
"""

from __future__ import annotations

import argparse
import functools
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem

from benchmarks.probes.frames import FrameClock, pump, pump_until
from benchmarks.probes.touch import Finger, Target, find_targets, read_property

TAP_TIMEOUT_S = 2.0  # a slower answer is a figure, not a tap without a frame
FOLLOW_UP_TIMEOUT_S = 0.5
VIDEO_TIMEOUT_S = 8.0
# A visitor's rhythm between taps; also longer than the kiosk's 0.3 s double-tap guard.
PAUSE_S = (0.35, 0.55)
PRESS_S = 0.06


@dataclass
class Driver:
    app: QGuiApplication
    shell: Any
    clock: FrameClock
    paths: Any
    settings: Any
    changes: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.state = self.shell.state
        self.window = self.shell.window
        self.finger = Finger(self.window)
        self.state.pageChanged.connect(lambda: self.changes.append(time.perf_counter()))
        # The page item itself: a page built later than the change (Qt.callLater) counts too.
        loader = self.window.findChild(QObject, "pageLoader")
        if loader is not None:
            loader.loaded.connect(lambda: self.changes.append(time.perf_counter()))

    def go(self, route_text: str, settle: float = 0.0) -> float | None:
        """Jump to a page; returns when its first frame was shown."""
        from kiosk.navigation import Route

        moment = time.perf_counter()
        self.state.show_route(Route.parse(route_text))
        shown = self.clock.wait_shown_after(moment, TAP_TIMEOUT_S, request_update=True)
        if settle:
            pump(settle)
        self.clock.trim()
        return shown

    def tap(self, target: Target) -> tuple[float, float | None]:
        """Press, hold briefly, lift; (lift time, time its result was on screen or None)."""
        self.finger.press(target.point)
        pump(PRESS_S)
        lifted = self.finger.release(target.point)
        # The result is on screen in the first frame synchronised after the last change the tap
        # made (page change, new page built), be it during the release's delivery or deferred.
        moment, shown = lifted, None
        timeout = TAP_TIMEOUT_S
        while True:
            frame = pump_until(functools.partial(self.clock.frame_after, moment), timeout)
            if frame is None:
                break  # a later change drew nothing new: the frame before showed the result
            shown = frame[1]
            later = [c for c in self.changes if c > frame[0]]
            if not later:
                break
            moment, timeout = max(later), FOLLOW_UP_TIMEOUT_S
        self.clock.trim()
        return lifted, shown

    def routes(self) -> list[str]:
        exhibition = self.state.exhibition
        routes = ["home", "exhibition", "programme", "about", "accessibility"]
        routes += [f"artist:{artist.id}" for artist in exhibition.artists]
        routes += [f"story:{s.id}" for a in exhibition.artists for s in a.stories]
        return routes

    def video_stories(self) -> list[tuple[str, str]]:
        """(artist id, story id) of every video story."""
        return [
            (artist.id, story.id)
            for artist in self.state.exhibition.artists
            for story in artist.stories
            if str(story.kind) == "video"
        ]

    def close(self) -> None:
        self.shell.close()


def find_item(root: QQuickItem, class_name: str) -> QQuickItem | None:
    stack = [root]
    while stack:
        item = stack.pop()
        if item.metaObject().className() == class_name and item.isVisible():
            return item
        stack.extend(item.childItems())
    return None


def run_taps(driver: Driver, args: argparse.Namespace) -> dict[str, Any]:
    rng = random.Random(args.seed)
    samples: list[float] = []
    pages: Counter[str] = Counter()
    labels: Counter[str] = Counter()
    no_frame: list[str] = []
    by_target: dict[str, list[float]] = {}
    nothing_to_tap = 0
    while len(samples) + len(no_frame) < args.count:
        targets = find_targets(driver.window)
        if not targets:
            nothing_to_tap += 1
            if nothing_to_tap > 20:
                break
            driver.go("home", settle=0.3)
            continue
        target = rng.choice(targets)
        page = driver.state.page
        lifted, shown = driver.tap(target)
        pages[page] += 1
        labels[f"{page}/{target.label}"] += 1
        if shown is None:
            no_frame.append(f"{page}/{target.label}")
        else:
            samples.append((shown - lifted) * 1000)
            by_target.setdefault(f"{page}/{target.label}", []).append(samples[-1])
        pump(rng.uniform(*PAUSE_S))
    return {
        "samples_ms": samples,
        "no_frame": no_frame,
        "pages": dict(pages),
        "targets": dict(labels.most_common(40)),
        "by_target_ms": by_target,
    }


def _first_video_frame(driver: Driver, since: float) -> float | None:
    """When the first video frame painted after ``since`` reached the screen."""
    painted: list[float] = []
    item = pump_until(lambda: find_item(driver.window.contentItem(), "VideoItem"), 3.0)
    if item is None:
        return None
    item.firstFrameShown.connect(  # type: ignore[attr-defined]
        lambda at: painted.append(at), Qt.ConnectionType.DirectConnection
    )
    if not painted and read_property(item, "hasFrame"):
        painted.append(time.perf_counter())  # shown before we could listen: an upper bound
    at = pump_until(lambda: painted[0] if painted else None, VIDEO_TIMEOUT_S)
    if at is None:
        return None
    return driver.clock.wait_shown_after(max(at, since), 2.0, request_update=True)


def _story_entry(driver: Driver, artist: str, story: str) -> str | None:
    """The label of the target on the artist's page that opens ``story``."""
    driver.go(f"artist:{artist}", settle=0.5)
    for target in find_targets(driver.window):
        if driver.state.page != "artist":
            driver.go(f"artist:{artist}", settle=0.5)
        driver.tap(target)
        pump(0.4)
        opened = driver.state.page == "story" and driver.state.pageArgument == story
        driver.go(f"artist:{artist}", settle=0.5)
        if opened:
            return target.label
    return None


def _player_marks(driver: Driver) -> list[tuple[float, str]]:
    """Time stamps of the player's state changes (to break the media delay down)."""
    marks: list[tuple[float, str]] = []
    player = driver.shell.player
    if player is not None:
        player.stateChanged.connect(
            lambda: marks.append((time.perf_counter(), str(player.property("state"))))
        )
    return marks


def run_media(driver: Driver, args: argparse.Namespace) -> dict[str, Any]:
    stories = driver.video_stories()
    if not stories:
        return {"error": "the content has no video story"}
    artist, story = stories[0]
    label = _story_entry(driver, artist, story)
    if label is None:
        return {"error": f"no touch target on the page of {artist} opens the story {story}"}
    marks = _player_marks(driver)
    samples: list[float] = []
    phases: dict[str, list[float]] = {}
    failures = 0
    for _ in range(args.count):
        driver.go(f"artist:{artist}", settle=0.6)
        target = next((t for t in find_targets(driver.window) if t.label == label), None)
        if target is None:
            failures += 1
            continue
        marks.clear()
        lifted, _shown = driver.tap(target)
        shown = _first_video_frame(driver, lifted)
        if shown is None:
            failures += 1
        else:
            samples.append((shown - lifted) * 1000)
            page = next((c for c in driver.changes if c > lifted), None)
            if page is not None:
                phases.setdefault("page_changed", []).append((page - lifted) * 1000)
            for at, state in marks:
                phases.setdefault(f"state_{state}", []).append((at - lifted) * 1000)
        pump(0.3)
    driver.go("home", settle=0.3)
    return {
        "samples_ms": samples,
        "failures": failures,
        "target": label,
        "story": story,
        "phases_ms": phases,
    }


def rss_mb() -> float:
    from benchmarks.procs import rss_mb as read

    return read()


def _play(driver: Driver, story: str) -> bool:
    moment = time.perf_counter()
    driver.go(f"story:{story}")
    shown = _first_video_frame(driver, moment)
    driver.go("home")
    return shown is not None


def run_memory(driver: Driver, args: argparse.Namespace) -> dict[str, Any]:
    rng = random.Random(args.seed)
    routes = driver.routes()
    videos = [story for _artist, story in driver.video_stories()]
    for route in routes:
        driver.go(route, settle=1.0 if route.startswith("story:") else 0.3)
    driver.go("home", settle=2.0)
    steady = rss_mb()
    browse = [r for r in routes if not r.startswith("story:")]

    def walk(navigations: int, plays: int, trace: list[float] | None) -> int:
        played_ok = 0
        every = navigations // plays if plays and videos else 0
        for index in range(navigations):
            driver.go(rng.choice(browse))
            if every and index % every == every - 1:
                played_ok += _play(driver, rng.choice(videos))
            if trace is not None and index % 250 == 249:
                trace.append(round(rss_mb(), 1))
        return played_ok

    warm_navs = max(20, args.count // 10)
    walk(warm_navs, max(1, args.plays // 10), None)
    driver.go("home", settle=2.0)
    before = rss_mb()
    trace: list[float] = [round(before, 1)]
    started = time.perf_counter()
    played = walk(args.count, args.plays, trace)
    elapsed = time.perf_counter() - started
    driver.go("home", settle=2.0)
    after = rss_mb()
    return {
        "steady_mb": steady,
        "before_mb": before,
        "after_mb": after,
        "navigations": args.count,
        "plays_asked": args.plays,
        "plays_shown": played,
        "warm_up_navigations": warm_navs,
        "trace_mb": trace,
        "seconds": elapsed,
    }


def _leaks_task(driver: Driver, args: argparse.Namespace) -> dict[str, Any]:
    from benchmarks.probes.route_leaks import run_route_leaks

    return run_route_leaks(driver, args)


def _import_task(driver: Driver, args: argparse.Namespace) -> dict[str, Any]:
    from benchmarks.probes.import_gaps import run_import_gaps

    return run_import_gaps(driver, args)


TASKS: dict[str, Callable[[Driver, argparse.Namespace], dict[str, Any]]] = {
    "taps": run_taps,
    "media": run_media,
    "memory": run_memory,
    "import": _import_task,
    "leaks": _leaks_task,
}
