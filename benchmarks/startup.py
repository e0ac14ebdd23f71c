"""Cold starts: ``kiosk run`` against a bare QML window and a headless browser, same run.

Each start is a new process under the same Xvfb display. The time runs from just before the
process is spawned to the moment its "first frame shown" line is read: the kiosk logs that line
from the window's first ``frameSwapped`` (the frame was rendered, not merely that Python reached a
line), and so does the floor window. The browser baseline runs until Chromium reports its
screenshot written. Runs of the different kinds are interleaved so that a noisy neighbour on the
machine weighs on all of them alike; one warm-up run of each kind is discarded (page cache warm:
"cold" means a new process, not an empty disk cache, which only root could empty for everyone).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import browser
from benchmarks.budgets import Outcome, Value, median, p95, ratio, rounded
from benchmarks.procs import (
    DEMO,
    GENERATED,
    REPO,
    Display,
    compile_bytecode,
    kiosk_env,
    rss_mb,
    scratch,
    spawn,
    stop,
    tail,
    wait_for_line,
)

MARKER = "first frame shown"
START_TIMEOUT_S = 60.0
SETTLE_S = 1.5  # after the first frame, before reading resident memory (images still load)


@dataclass(frozen=True)
class Start:
    seconds: float | None
    rss_mb: float | None = None
    reason: str = ""


@dataclass
class Series:
    """Timed starts of one kind; the reason of the last failure, if any."""

    starts: list[float] = field(default_factory=list)
    rss: list[float] = field(default_factory=list)
    failure: str = ""

    def add(self, start: Start) -> None:
        if start.seconds is None:
            self.failure = start.reason
            return
        self.starts.append(start.seconds)
        if start.rss_mb is not None:
            self.rss.append(start.rss_mb)

    @property
    def median_s(self) -> Value:
        return median(self.starts) if self.starts else None


def start_process(
    command: Sequence[str], env: dict[str, str], marker: str = MARKER, settle_s: float = 0.0
) -> Start:
    """Spawn ``command``, wait for ``marker``, read its memory after ``settle_s``, stop it."""
    started = time.monotonic()
    process = spawn(command, env)
    try:
        seen, lines = wait_for_line(process, marker, START_TIMEOUT_S)
        if seen is None:
            return Start(None, reason=f"no '{marker}' from {Path(command[0]).name}: {tail(lines)}")
        memory = None
        if settle_s:
            time.sleep(settle_s)
            memory = rss_mb(process.pid) if process.poll() is None else None
        return Start(seen.at - started, memory)
    finally:
        stop(process)


def kiosk_command(content: Path, executable: Sequence[str] | None = None) -> list[str]:
    base = list(executable) if executable else [sys.executable, "-m", "kiosk"]
    return [*base, "run", "--kiosk", "--content", str(content)]


def frozen_executable() -> Path | None:
    candidate = REPO / "dist" / "kiosk" / "kiosk"
    return candidate if candidate.is_file() else None


def measure_startup(
    display: Display, repeats: int, scale_package: Path | None = None, floor_rss: bool = True
) -> Outcome:
    """startup.*, scale.* and package.startup_* from interleaved cold starts."""
    outcome = Outcome()
    scale_package = scale_package or GENERATED / "scale"
    frozen = frozen_executable()
    compile_bytecode()
    with scratch("startup") as home:
        env = kiosk_env(display, home / "kiosk")
        floor_cmd = [sys.executable, str(REPO / "benchmarks" / "probes" / "floor_window.py")]
        kinds: dict[str, Callable[[], Start]] = {
            "kiosk": lambda: start_process(kiosk_command(DEMO), env, settle_s=SETTLE_S),
            "floor": lambda: start_process(
                floor_cmd, display.env(), settle_s=SETTLE_S if floor_rss else 0.0
            ),
        }
        page = browser.prepare_page(home / "html")
        chromium = browser.chromium_path()
        if chromium is not None:
            kinds["browser"] = lambda: browser.screenshot_start(chromium, page, home / "chrome")
        if (scale_package / "exhibition.toml").is_file():
            kinds["scale"] = lambda: start_process(
                kiosk_command(scale_package), env, settle_s=SETTLE_S
            )
        if frozen is not None:
            kinds["frozen"] = lambda: start_process(
                kiosk_command(DEMO, [str(frozen)]), env, settle_s=SETTLE_S
            )
        series = {kind: Series() for kind in kinds}
        # One discarded start of the Python kinds fills the page cache and Qt's QML disk cache.
        for kind in ("kiosk", "floor", "scale", "frozen"):
            if kind in kinds:
                kinds[kind]()
        for _ in range(repeats):
            for kind, run in kinds.items():
                series[kind].add(run())
    _report_startup(outcome, series, chromium, scale_package, frozen)
    return outcome


def _report_startup(
    outcome: Outcome,
    series: dict[str, Series],
    chromium: Path | None,
    scale_package: Path,
    frozen: Path | None,
) -> None:
    kiosk, floor = series["kiosk"], series["floor"]
    values = outcome.values
    values["startup.kiosk_s"] = rounded(kiosk.median_s)
    values["startup.floor_s"] = rounded(floor.median_s)
    values["startup.ratio"] = rounded(ratio(kiosk.median_s, floor.median_s))
    values["startup.kiosk_s.p95"] = rounded(p95(kiosk.starts)) if kiosk.starts else None
    values["rss_mb.at_start"] = rounded(median(kiosk.rss), 1) if kiosk.rss else None
    values["rss_mb.floor_at_start"] = rounded(median(floor.rss), 1) if floor.rss else None
    for kind, one in series.items():
        outcome.samples[f"startup.{kind}_s"] = [round(s, 4) for s in one.starts]
        if one.failure:
            outcome.notes[f"startup.{kind}_s"] = one.failure
    if kiosk.median_s is None:
        outcome.notes["startup.kiosk_s"] = kiosk.failure or "no start measured"
    if "browser" in series:
        chrome = series["browser"]
        values["startup.browser_s"] = rounded(chrome.median_s)
        values["startup.browser_ratio"] = rounded(ratio(kiosk.median_s, chrome.median_s))
    else:
        reason = "chromium is not installed (apt-get install chromium)"
        values["startup.browser_s"] = values["startup.browser_ratio"] = None
        outcome.notes["startup.browser_s"] = outcome.notes["startup.browser_ratio"] = reason
    if "scale" in series:
        scale = series["scale"]
        values["scale.startup_s"] = rounded(scale.median_s)
        values["scale.startup_ratio"] = rounded(ratio(scale.median_s, kiosk.median_s))
        scale_rss = median(scale.rss) if scale.rss else None
        demo_rss = median(kiosk.rss) if kiosk.rss else None
        values["scale.rss_mb"] = rounded(scale_rss, 1)
        values["scale.rss_ratio"] = rounded(ratio(scale_rss, demo_rss))
    else:
        reason = f"no generated package in {scale_package} (python -m benchmarks.generate)"
        for key in ("scale.startup_s", "scale.startup_ratio", "scale.rss_mb", "scale.rss_ratio"):
            values[key] = None
            outcome.notes[key] = reason
    if "frozen" in series and frozen is not None:
        values["package.startup_s"] = rounded(series["frozen"].median_s)
        values["package.startup_ratio"] = rounded(ratio(series["frozen"].median_s, kiosk.median_s))
        if series["frozen"].median_s is None:
            reason = series["frozen"].failure or "the frozen build did not start"
            outcome.notes["package.startup_s"] = outcome.notes["package.startup_ratio"] = reason
    else:
        reason = "no build in dist/kiosk (make package)"
        values["package.startup_s"] = values["package.startup_ratio"] = None
        outcome.notes["package.startup_s"] = outcome.notes["package.startup_ratio"] = reason
