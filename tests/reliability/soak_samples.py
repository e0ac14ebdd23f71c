"""What the soak measures and how it judges it: process samples, the slope after warm-up, a report.

No Qt here. A sample is read from ``/proc/self`` (resident memory, threads, open files); the
verdict compares the samples taken after warm-up with the budget of issue 10: resident memory
rising by less than 1 MB per hour, no growth in threads or file descriptors. The report also
splits resident memory in two, to tell a leak from pages of files: private memory (the heaps,
the JavaScript engine's) and mapped files (libraries and fonts, the kernel's page cache; Qt maps
a font file once per font engine, so the same pages count several times and come and go).
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field

RSS_BUDGET_MB_PER_HOUR = 1.0
# Over a few minutes a slope in MB/hour is mostly noise (one 4 kB page is 0.05 MB/h over an hour
# but 0.7 MB/h over five minutes), so a short run also gets an absolute ceiling on the growth.
SHORT_RUN_S = 3600.0
SHORT_RUN_GROWTH_MB = 3.0


@dataclass(frozen=True)
class Sample:
    """One reading of the process.

    Attributes:
        at_s: seconds since the soak started.
        rss_mb: resident memory in MB (10^6 bytes).
        threads: threads of the process.
        fds: open file descriptors.
        private_mb: the part of ``rss_mb`` that is the process's own (anonymous and shared
            memory: malloc's heaps, the JavaScript engine's heap, thread stacks).
        files_mb: the part of ``rss_mb`` that is mapped files (libraries, fonts).
    """

    at_s: float
    rss_mb: float
    threads: int
    fds: int
    private_mb: float = 0.0
    files_mb: float = 0.0


def _status_kb(names: tuple[str, ...]) -> dict[str, int]:
    """Fields of ``/proc/self/status`` given in kB, such as ``RssAnon``."""
    values: dict[str, int] = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            name, _, rest = line.partition(":")
            if name in names:
                values[name] = int(rest.split()[0])
    return values


def read_sample(at_s: float) -> Sample:
    # VmRSS is the sum of the other three: one file read gives the whole and its parts.
    kb = _status_kb(("VmRSS", "RssAnon", "RssShmem", "RssFile"))
    return Sample(
        at_s=at_s,
        rss_mb=kb["VmRSS"] * 1024 / 1e6,
        threads=len(os.listdir("/proc/self/task")),
        fds=len(os.listdir("/proc/self/fd")),
        private_mb=(kb.get("RssAnon", 0) + kb.get("RssShmem", 0)) * 1024 / 1e6,
        files_mb=kb.get("RssFile", 0) * 1024 / 1e6,
    )


def floors(
    samples: list[Sample], window_s: float, value: Callable[[Sample], float] | None = None
) -> list[tuple[float, float]]:
    """(start of window, lowest RSS in it) for consecutive windows of ``window_s``.

    Single samples swing by 10-20 MB with what libvlc and the importer just freed and glibc has
    not returned yet; a leak raises the lowest value of every window, so the floor is judged.
    ``value`` reads another figure of the samples instead (their private memory, say).
    """
    if not samples:
        return []
    read = value or (lambda sample: sample.rss_mb)
    start = samples[0].at_s
    windows: dict[int, float] = {}
    for sample in samples:
        index = int((sample.at_s - start) // window_s)
        reading = read(sample)
        windows[index] = min(windows.get(index, reading), reading)
    return [(start + index * window_s, value) for index, value in sorted(windows.items())]


def floor_window_s(duration_s: float) -> float:
    """Five-minute windows; a short run's steady half in two (a transient can fill 40 s)."""
    if duration_s >= SHORT_RUN_S:
        return 300.0
    return (duration_s - warm_up_s(duration_s)) / 2 + 1e-6


def slope_per_hour(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of (seconds, MB) points, in MB per hour."""
    if len(points) < 2:
        return 0.0
    times = [at_s / 3600 for at_s, _ in points]
    values = [value for _, value in points]
    return statistics.linear_regression(times, values).slope


def warm_up_s(duration_s: float) -> float:
    """Caches fill, libvlc loads its plugins, the first import is shown.

    Measured (2026-11-26): resident memory climbs in steps for two to three minutes (Qt's
    picture caches, the QML engine's heap) before it levels off. Runs under an hour spend half
    their time warming up; longer runs a sixth, at most 10 minutes. Varied use keeps filling
    for about 30 minutes more (the JavaScript heap steps from 1.4 to 2.7 MB between minutes 23
    and 31, 2026-11-27): the warm-up does not hide that, docs/reliability.md reports it.
    """
    if duration_s < SHORT_RUN_S:
        return duration_s / 2
    return min(600.0, duration_s / 6)


@dataclass
class Verdict:
    """The soak's figures after warm-up and whether they hold the budget."""

    samples: list[Sample]
    duration_s: float
    problems: list[str] = field(default_factory=list)

    @property
    def steady(self) -> list[Sample]:
        start = warm_up_s(self.duration_s)
        return [s for s in self.samples if s.at_s >= start]

    @property
    def floors(self) -> list[tuple[float, float]]:
        return floors(self.steady, floor_window_s(self.duration_s))

    def judge(self) -> Verdict:
        steady, lows = self.steady, self.floors
        if len(steady) < 4 or len(lows) < 2:
            self.problems.append(f"only {len(steady)} samples after warm-up: run longer")
            return self
        head, tail = steady[:3], steady[-3:]
        slope = slope_per_hour(lows)
        growth = lows[-1][1] - lows[0][1]
        if self.duration_s >= SHORT_RUN_S and slope >= RSS_BUDGET_MB_PER_HOUR:
            self.problems.append(
                f"memory rises {slope:.2f} MB/hour (budget {RSS_BUDGET_MB_PER_HOUR})"
            )
        if self.duration_s < SHORT_RUN_S and growth >= SHORT_RUN_GROWTH_MB:
            ceiling = SHORT_RUN_GROWTH_MB
            self.problems.append(
                f"the memory floor grew {growth:.1f} MB after warm-up (ceiling {ceiling})"
            )
        for name in ("threads", "fds"):
            early = max(getattr(s, name) for s in head)
            late = statistics.median(getattr(s, name) for s in tail)
            if late > early:
                self.problems.append(f"{name} grew from {early} to {late:g}")
        return self

    @property
    def ok(self) -> bool:
        return not self.problems


def report_text(verdict: Verdict, counters: dict[str, int], title: str) -> str:
    """The report printed and written to a file: figures, the verdict, then every sample."""
    samples, steady = verdict.samples, verdict.steady
    lines = [title, "=" * len(title)]
    warm_min = warm_up_s(verdict.duration_s) / 60
    lines.append(
        f"duration {verdict.duration_s / 60:.1f} min, warm-up {warm_min:.1f} min, "
        f"{len(samples)} samples ({len(steady)} after warm-up)"
    )
    lines.append("activity: " + ", ".join(f"{name} {count}" for name, count in counters.items()))
    if steady:
        first, last = steady[0], steady[-1]
        lows = verdict.floors
        if verdict.duration_s >= SHORT_RUN_S:
            judged = (
                f"slope of the floor after warm-up {slope_per_hour(lows):+.2f} MB/hour "
                f"(budget < {RSS_BUDGET_MB_PER_HOUR})"
            )
        else:
            growth = lows[-1][1] - lows[0][1] if lows else 0.0
            judged = (
                f"floor growth after warm-up {growth:+.1f} MB (ceiling {SHORT_RUN_GROWTH_MB}; "
                "the MB/hour budget needs a run of an hour)"
            )
        lines.append(
            f"resident memory: {samples[0].rss_mb:.1f} MB at start, {first.rss_mb:.1f} MB after "
            f"warm-up, {last.rss_mb:.1f} MB at the end; {judged}"
        )
        window = floor_window_s(verdict.duration_s)
        shown = ", ".join(f"{value:.1f}" for _, value in lows)
        lines.append(f"memory floor per {window:.0f} s window after warm-up (MB): {shown}")
        own = floors(steady, window, lambda sample: sample.private_mb)
        lines.append(
            "of which private memory (heaps, JavaScript engine), floor per window (MB): "
            + ", ".join(f"{value:.1f}" for _, value in own)
            + (
                f"; slope {slope_per_hour(own):+.2f} MB/hour"
                if verdict.duration_s >= SHORT_RUN_S
                else f"; growth {own[-1][1] - own[0][1]:+.1f} MB"
            )
        )
        mapped = [s.files_mb for s in steady]
        lines.append(
            f"of which mapped files (libraries, fonts): {min(mapped):.1f}..{max(mapped):.1f} MB "
            f"(first {mapped[0]:.1f}, last {mapped[-1]:.1f})"
        )
        for label, name in (("threads", "threads"), ("open files", "fds")):
            values = [getattr(s, name) for s in steady]
            lines.append(
                f"{label} after warm-up: {min(values)}..{max(values)} "
                f"(first {values[0]}, last {values[-1]})"
            )
    lines.append("verdict: " + ("PASS" if verdict.ok else "FAIL: " + "; ".join(verdict.problems)))
    lines.append("")
    lines.append("   t (s)   RSS (MB)  private   files  threads  fds")
    for s in samples:
        lines.append(
            f"{s.at_s:8.0f} {s.rss_mb:10.1f} {s.private_mb:8.1f} {s.files_mb:7.1f} "
            f"{s.threads:8d} {s.fds:4d}"
        )
    return "\n".join(lines) + "\n"
