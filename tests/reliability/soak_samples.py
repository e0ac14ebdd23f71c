"""What the soak measures and how it judges it: process samples, the slope after warm-up, a report.

No Qt here. A sample is read from ``/proc/self`` (resident memory, threads, open files); the
verdict compares the samples taken after warm-up with the budget of issue 10: resident memory
rising by less than 1 MB per hour, no growth in threads or file descriptors.
"""

from __future__ import annotations

import os
import statistics
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
    """

    at_s: float
    rss_mb: float
    threads: int
    fds: int


def read_sample(at_s: float) -> Sample:
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[1])
    return Sample(
        at_s=at_s,
        rss_mb=pages * os.sysconf("SC_PAGE_SIZE") / 1e6,
        threads=len(os.listdir("/proc/self/task")),
        fds=len(os.listdir("/proc/self/fd")),
    )


def slope_per_hour(samples: list[Sample]) -> float:
    """Least-squares slope of resident memory, in MB per hour."""
    if len(samples) < 2:
        return 0.0
    times = [s.at_s / 3600 for s in samples]
    values = [s.rss_mb for s in samples]
    return statistics.linear_regression(times, values).slope


def warm_up_s(duration_s: float) -> float:
    """Caches fill and libvlc loads its plugins first: a sixth of the run, 1 to 10 minutes."""
    return min(600.0, max(60.0, duration_s / 6))


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

    def judge(self) -> Verdict:
        steady = self.steady
        if len(steady) < 4:
            self.problems.append(f"only {len(steady)} samples after warm-up: run longer")
            return self
        head, tail = steady[:3], steady[-3:]
        slope = slope_per_hour(steady)
        growth = statistics.median(s.rss_mb for s in tail) - statistics.median(
            s.rss_mb for s in head
        )
        if self.duration_s >= SHORT_RUN_S and slope >= RSS_BUDGET_MB_PER_HOUR:
            self.problems.append(
                f"memory rises {slope:.2f} MB/hour (budget {RSS_BUDGET_MB_PER_HOUR})"
            )
        if self.duration_s < SHORT_RUN_S and growth >= SHORT_RUN_GROWTH_MB:
            ceiling = SHORT_RUN_GROWTH_MB
            self.problems.append(f"memory grew {growth:.1f} MB after warm-up (ceiling {ceiling})")
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
        lines.append(
            f"resident memory: {samples[0].rss_mb:.1f} MB at start, {first.rss_mb:.1f} MB after "
            f"warm-up, {last.rss_mb:.1f} MB at the end; slope after warm-up "
            f"{slope_per_hour(steady):+.2f} MB/hour (budget < {RSS_BUDGET_MB_PER_HOUR})"
        )
        for label, name in (("threads", "threads"), ("open files", "fds")):
            values = [getattr(s, name) for s in steady]
            lines.append(
                f"{label} after warm-up: {min(values)}..{max(values)} "
                f"(first {values[0]}, last {values[-1]})"
            )
    lines.append("verdict: " + ("PASS" if verdict.ok else "FAIL: " + "; ".join(verdict.problems)))
    lines.append("")
    lines.append("   t (s)   RSS (MB)  threads  fds")
    for s in samples:
        lines.append(f"{s.at_s:8.0f} {s.rss_mb:10.1f} {s.threads:8d} {s.fds:4d}")
    return "\n".join(lines) + "\n"
