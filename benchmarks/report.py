"""Writes ``results.json`` (every figure, a number or null) and ``results.md`` (the table).

The table says plainly, line by line, whether each budget is met, missed, or not measured, and
gives the date, the machine and the platform the figures were taken on.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.budgets import BUDGET_BY_KEY, KEYS, Outcome, Value

LABELS = {
    "startup.kiosk_s": "Cold start of `kiosk run` to its first frame (s)",
    "startup.floor_s": "Cold start of a bare QML window with one button (s, floor)",
    "startup.ratio": "Start-up: kiosk / floor",
    "startup.browser_s": "Headless Chromium screenshot of the same screen as HTML (s)",
    "startup.browser_ratio": "Start-up: kiosk / browser",
    "tap_to_frame_ms.p50": "Tap to first frame showing its result, median (ms)",
    "tap_to_frame_ms.p95": "Tap to first frame showing its result, p95 (ms)",
    "media_first_frame_ms.p50": "Tap on a video story to its first frame, median (ms)",
    "media_first_frame_ms.p95": "Tap on a video story to its first frame, p95 (ms)",
    "idle_cpu_percent": "Idle CPU, attract loop (% of one core)",
    "idle_cpu_percent.xserver": "Idle CPU of the X server receiving the frames (%)",
    "rss_mb.steady": "Resident memory after visiting every page (MB)",
    "rss_mb.growth": "Memory growth over random navigations and plays (MB)",
    "scale.startup_s": "Cold start with 1,000 artists / 5,000 images (s)",
    "scale.startup_ratio": "Start-up: 1,000 artists / demo",
    "scale.rss_mb": "Resident memory with 1,000 artists (MB)",
    "scale.rss_ratio": "Resident memory: 1,000 artists / demo",
    "import.seconds": "`kiosk content import` of the generated package (s)",
    "import.baseline_s": "`cp -r` + `sha256sum` of the same files (s)",
    "import.ratio": "Import / (cp -r + sha256sum)",
    "import.frame_gap_ms.max": "Longest gap between frames during an import (ms)",
    "import.frame_gap_ms.p99": "Gap between frames during an import, p99 (ms)",
    "import.frame_gap_ms.max_without_import": "Longest gap between frames, no import (ms)",
    "package.size_mb": "Size of dist/kiosk (MB)",
    "package.startup_s": "Cold start of the frozen build (s)",
    "package.startup_ratio": "Start-up: frozen / source",
}


def machine() -> dict[str, str]:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return {
        "cpu": f"{cpu}, {os.cpu_count()} cores",
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "qt": _qt_version(),
        "commit": _commit(),
    }


def _qt_version() -> str:
    try:
        import PySide6
        from PySide6 import QtCore

        return f"PySide6 {PySide6.__version__}, Qt {QtCore.qVersion()}"
    except ImportError:
        return "PySide6 missing"


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
            cwd=Path(__file__).resolve().parent,
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "kiosk"],
            capture_output=True,
            text=True,
            check=False,
            cwd=Path(__file__).resolve().parent,
        )
        return out.stdout.strip() + (" + uncommitted changes" if dirty.stdout.strip() else "")
    except OSError:
        return "unknown"


def build_results(
    outcome: Outcome, mode: str, platform_text: str, seconds: float
) -> dict[str, Any]:
    values: dict[str, Value] = {key: outcome.values.get(key) for key in KEYS}
    extra = {k: v for k, v in outcome.values.items() if k not in values}
    values.update(sorted(extra.items()))
    verdicts = {b.key: _verdict(b.key, values.get(b.key)) for b in BUDGET_BY_KEY.values()}
    notes = dict(outcome.notes)
    for key in KEYS:
        if values[key] is None and key not in notes:
            notes[key] = "not measured in this run"
    return {
        **values,
        "meta": {
            "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "mode": mode,
            "run_seconds": round(seconds),
            "platform": platform_text,
            "machine": machine(),
            "budgets": {b.key: f"{b.compare} {b.limit:g}" for b in BUDGET_BY_KEY.values()},
            "verdicts": verdicts,
            "notes": dict(sorted(notes.items())),
            "samples": outcome.samples,
        },
    }


def _verdict(key: str, value: Value) -> str:
    budget = BUDGET_BY_KEY[key]
    met = budget.met(value)
    if met is None:
        return "not measured"
    return "met" if met else "MISSED"


def _number(value: Value) -> str:
    if value is None:
        return "null"
    return f"{value:.3g}" if abs(value) < 10 else f"{value:,.0f}"


def markdown(results: dict[str, Any]) -> str:
    meta = results["meta"]
    box = meta["machine"]
    lines = [
        f"Measured {meta['date']} ({meta['mode']} run, {meta['run_seconds']} s) on "
        f"{box['cpu']}, {box['memory']}, {box['os']}, Python {box['python']}, {box['qt']}, "
        f"commit {box['commit']}. {meta['platform']}",
        "",
        "| Figure | Value | Budget | Verdict |",
        "| --- | ---: | ---: | --- |",
    ]
    notes = meta["notes"]
    for key in KEYS:
        value = results.get(key)
        budget = meta["budgets"].get(key, "")
        verdict = meta["verdicts"].get(key, "")
        if verdict == "MISSED":
            verdict = "**MISSED**"
        if value is None and key in notes:
            verdict = (verdict + ": " if verdict else "") + notes[key]
        label = LABELS.get(key, key)
        lines.append(f"| {label} (`{key}`) | {_number(value)} | {budget} | {verdict} |")
    extra = [
        f"`{key}` {_number(value)}"
        for key, value in results.items()
        if key not in KEYS and key != "meta" and value is not None
    ]
    if extra:
        lines += ["", "Other figures: " + ", ".join(extra) + "."]
    remarks = [
        f"- `{k}`: {v}" for k, v in notes.items() if k not in KEYS or results.get(k) is not None
    ]
    if remarks:
        lines += ["", "Notes:", "", *remarks]
    return "\n".join(lines) + "\n"


def write(results: dict[str, Any], folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    json_path, md_path = folder / "results.json", folder / "results.md"
    temporary = folder / "results.json.tmp"
    temporary.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    temporary.replace(json_path)
    md_path.write_text(markdown(results), "utf-8")
    return json_path, md_path
