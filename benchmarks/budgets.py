"""The figures the harness reports, their budgets, and the small statistics they are built from.

A measurement returns an :class:`Outcome`: values for some keys (a number, or ``None`` with a
reason in ``notes``), plus raw samples kept for the record. Budgets live here and only here: no
timing assertion anywhere else in the project.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

Value = float | None
Compare = Literal["<=", ">="]


@dataclass(frozen=True)
class Budget:
    key: str
    limit: float
    compare: Compare = "<="

    def met(self, value: Value) -> bool | None:
        """True/False when the value is known, None when it is not (not measured)."""
        if value is None:
            return None
        return value <= self.limit if self.compare == "<=" else value >= self.limit


# Issue 9's budgets, plus issue 4 item 5 (media first frame) and issue 7 item 7 (frame gaps
# during a 1 GB import).
BUDGETS: tuple[Budget, ...] = (
    Budget("startup.ratio", 2.5),
    Budget("startup.browser_ratio", 0.5),
    Budget("tap_to_frame_ms.p95", 33.0),
    Budget("media_first_frame_ms.p50", 150.0),
    Budget("idle_cpu_percent", 3.0),
    Budget("rss_mb.steady", 300.0),
    Budget("rss_mb.growth", 15.0),
    Budget("scale.startup_ratio", 1.3),
    Budget("scale.rss_ratio", 1.5),
    Budget("import.ratio", 2.0),
    Budget("import.frame_gap_ms.max", 100.0),
    Budget("package.size_mb", 250.0),
    Budget("package.startup_ratio", 1.2),
)
BUDGET_BY_KEY = {budget.key: budget for budget in BUDGETS}

# Every key results.json always carries (a number or null), in the order of the table.
KEYS: tuple[str, ...] = (
    "startup.kiosk_s",
    "startup.floor_s",
    "startup.ratio",
    "startup.browser_s",
    "startup.browser_ratio",
    "tap_to_frame_ms.p50",
    "tap_to_frame_ms.p95",
    "media_first_frame_ms.p50",
    "media_first_frame_ms.p95",
    "idle_cpu_percent",
    "idle_cpu_percent.xserver",
    "rss_mb.steady",
    "rss_mb.growth",
    "scale.startup_s",
    "scale.startup_ratio",
    "scale.rss_mb",
    "scale.rss_ratio",
    "import.seconds",
    "import.baseline_s",
    "import.ratio",
    "import.frame_gap_ms.max",
    "import.frame_gap_ms.p99",
    "import.frame_gap_ms.max_without_import",
    "package.size_mb",
    "package.startup_s",
    "package.startup_ratio",
)


@dataclass
class Outcome:
    """What one measurement found.

    Attributes:
        values: figure key -> number, or None when it could not be taken.
        notes: figure key -> why it is None, or a remark worth printing beside it.
        samples: raw samples (seconds or milliseconds, as the key says) for the record.
    """

    values: dict[str, Value] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    samples: dict[str, list[float]] = field(default_factory=dict)

    @classmethod
    def unavailable(cls, keys: Sequence[str], reason: str) -> Outcome:
        return cls(values=dict.fromkeys(keys), notes=dict.fromkeys(keys, reason))

    def merge(self, other: Outcome) -> None:
        self.values.update(other.values)
        self.notes.update(other.notes)
        self.samples.update(other.samples)


def percentile(samples: Sequence[float], fraction: float) -> float:
    """The ``fraction`` quantile by linear interpolation (numpy's default method)."""
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    position = (len(ordered) - 1) * fraction
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(samples: Sequence[float]) -> float:
    return percentile(samples, 0.5)


def p95(samples: Sequence[float]) -> float:
    return percentile(samples, 0.95)


def ratio(numerator: Value, denominator: Value) -> Value:
    if numerator is None or denominator is None or denominator <= 0:
        return None
    return numerator / denominator


def rounded(value: Value, digits: int = 3) -> Value:
    return None if value is None else round(value, digits)
