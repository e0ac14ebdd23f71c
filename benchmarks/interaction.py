"""Figures taken inside a running kiosk window: taps, media first frame, memory, import frames.

Each runs ``benchmarks.probes.ui_driver`` in a new child process under the harness's Xvfb (a real
window, GL rendering as on the kiosk) and turns the child's raw samples into figures.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks.budgets import Outcome, median, p95, percentile, rounded
from benchmarks.procs import DEMO, GENERATED, Display, kiosk_env, scratch

DRIVER = "benchmarks.probes.ui_driver"


def drive(
    display: Display, task: str, timeout: float, *options: str, content: Path = DEMO
) -> dict[str, Any]:
    """Run one driver task in a child process; its JSON result, or {"error": why}."""
    with scratch(f"ui-{task}") as home:
        out = home / "result.json"
        if task == "floor-taps":
            command = [sys.executable, "-m", "benchmarks.probes.floor_taps"]
        else:
            command = [sys.executable, "-m", DRIVER, task, "--content", str(content)]
        command += ["--out", str(out), *options]
        try:
            finished = subprocess.run(
                command,
                env=kiosk_env(display, home / "kiosk"),
                cwd=Path(__file__).resolve().parent.parent,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return {"error": f"the UI driver did not finish '{task}' within {timeout:.0f} s"}
        if not out.is_file():
            lines = (finished.stderr or finished.stdout or "").strip().splitlines()
            return {"error": f"UI driver exited {finished.returncode}: {' | '.join(lines[-3:])}"}
        result: dict[str, Any] = json.loads(out.read_text("utf-8"))
        return result


def _fail(keys: tuple[str, ...], result: dict[str, Any]) -> Outcome | None:
    if "error" in result:
        return Outcome.unavailable(keys, str(result["error"]))
    return None


def measure_taps(display: Display, count: int) -> Outcome:
    keys = ("tap_to_frame_ms.p50", "tap_to_frame_ms.p95")
    result = drive(display, "taps", 60 + count * 2.0, "--count", str(count))
    failed = _fail(keys, result)
    if failed:
        return failed
    samples: list[float] = result["samples_ms"]
    if not samples:
        return Outcome.unavailable(keys, "no tap produced a frame")
    outcome = Outcome(
        values={
            "tap_to_frame_ms.p50": rounded(median(samples), 1),
            "tap_to_frame_ms.p95": rounded(p95(samples), 1),
            "tap_to_frame_ms.max": rounded(max(samples), 1),
            "tap_to_frame.taps": float(len(samples)),
        },
        samples={"tap_to_frame_ms": [round(s, 2) for s in samples]},
    )
    pages = ", ".join(f"{page} {n}" for page, n in sorted(result["pages"].items()))
    outcome.notes["tap_to_frame_ms.p95"] = f"{len(samples)} taps on pages: {pages}"
    if result["no_frame"]:
        outcome.notes["tap_to_frame.no_frame"] = (
            f"{len(result['no_frame'])} taps changed nothing on screen: "
            + ", ".join(sorted(set(result["no_frame"])))[:300]
        )
    outcome.notes["tap_to_frame.targets"] = json.dumps(result["targets"])[:600]
    slowest = sorted(
        result.get("by_target_ms", {}).items(), key=lambda kv: median(kv[1]), reverse=True
    )[:6]
    if slowest:
        outcome.notes["tap_to_frame.slowest"] = "median ms by target: " + ", ".join(
            f"{name} {median(times):.0f} ({len(times)})" for name, times in slowest
        )
    floor = drive(display, "floor-taps", 60 + count, "--count", str(min(count, 50)))
    floor_samples: list[float] = floor.get("samples_ms", [])
    if floor_samples:
        outcome.values["tap_to_frame_ms.floor_p50"] = rounded(median(floor_samples), 1)
        outcome.values["tap_to_frame_ms.floor_p95"] = rounded(p95(floor_samples), 1)
        outcome.samples["tap_to_frame_ms.floor"] = [round(s, 2) for s in floor_samples]
    else:
        outcome.notes["tap_to_frame_ms.floor_p50"] = str(floor.get("error", "no frame"))
    return outcome


def measure_media(display: Display, count: int) -> Outcome:
    keys = ("media_first_frame_ms.p50", "media_first_frame_ms.p95")
    result = drive(display, "media", 90 + count * 6.0, "--count", str(count))
    failed = _fail(keys, result)
    if failed:
        return failed
    samples: list[float] = result["samples_ms"]
    if not samples:
        return Outcome.unavailable(keys, f"no video frame shown ({result['failures']} failures)")
    outcome = Outcome(
        values={
            "media_first_frame_ms.p50": rounded(median(samples), 1),
            "media_first_frame_ms.p95": rounded(p95(samples), 1),
            "media_first_frame_ms.first": rounded(samples[0], 1),
        },
        samples={"media_first_frame_ms": [round(s, 2) for s in samples]},
    )
    phases = result.get("phases_ms", {})
    if phases:
        outcome.notes["media_first_frame_ms.phases"] = "median ms after the tap: " + ", ".join(
            f"{name} {median(times):.0f}"
            for name, times in sorted(phases.items(), key=lambda kv: median(kv[1]))
        )
    outcome.notes["media_first_frame_ms.p50"] = (
        f"{len(samples)} taps on '{result['target']}' opening story {result['story']}"
        + (f"; {result['failures']} without a frame" if result["failures"] else "")
    )
    return outcome


def measure_memory(display: Display, navigations: int, plays: int) -> Outcome:
    keys = ("rss_mb.steady", "rss_mb.growth")
    timeout = 120 + navigations * 0.25 + plays * 3.0
    result = drive(display, "memory", timeout, "--count", str(navigations), "--plays", str(plays))
    failed = _fail(keys, result)
    if failed:
        return failed
    outcome = Outcome(
        values={
            "rss_mb.steady": rounded(result["steady_mb"], 1),
            "rss_mb.growth": rounded(result["after_mb"] - result["before_mb"], 1),
        },
        samples={"rss_mb.trace": result["trace_mb"]},
    )
    outcome.notes["rss_mb.growth"] = (
        f"{result['navigations']} random navigations and {result['plays_shown']} video plays "
        f"(of {result['plays_asked']}) in {result['seconds']:.0f} s, after a warm-up of "
        f"{result['warm_up_navigations']} navigations; {result['before_mb']:.1f} -> "
        f"{result['after_mb']:.1f} MB"
    )
    return outcome


def measure_import_frames(display: Display, package: Path | None = None) -> Outcome:
    keys = ("import.frame_gap_ms.max", "import.frame_gap_ms.p99")
    package = package or GENERATED / "import-1gb"
    if not (package / "exhibition.toml").is_file():
        return Outcome.unavailable(
            keys, f"no generated package in {package} (python -m benchmarks.generate)"
        )
    result = drive(display, "import", 900, "--package", str(package))
    failed = _fail(keys, result)
    if failed:
        return failed
    gaps: list[float] = result["gaps_ms"]
    outcome = Outcome(
        values={
            "import.frame_gap_ms.max": rounded(result["max_ms"], 1),
            "import.frame_gap_ms.p99": rounded(result["p99_ms"], 1),
            "import.frame_gap_ms.max_without_import": rounded(result["baseline_gaps_ms_max"], 1),
            "import.in_ui_s": rounded(result["import_s"], 2),
            "import.gui_stall_ms.max": rounded(result["gui_stall_ms_max"], 1),
            "import.gui_stall_ms.max_without_import": rounded(
                result["baseline_gui_stall_ms_max"], 1
            ),
        }
    )
    if gaps:
        outcome.samples["import.frame_gap_ms.worst"] = sorted(round(g, 1) for g in gaps)[-20:]
        outcome.notes["import.frame_gap_ms.max"] = (
            f"{result['frames']} frames while importing {result['bytes'] / 1e9:.2f} GB in "
            f"{result['import_s']:.1f} s on the {result['page']} page; p50 gap "
            f"{percentile(gaps, 0.5):.1f} ms (without import {result['baseline_gaps_ms_p50']:.1f} "
            f"ms); GUI thread timer at 4 ms: longest stall {result['gui_stall_ms_max']:.1f} ms"
        )
    return outcome


def measure_route_leaks(display: Display, visits: int) -> Outcome:
    """Memory kept per visit of each page (KB); the worst page is the figure."""
    keys = ("rss_kb.per_visit_max",)
    result = drive(display, "leaks", 120 + visits * 20.0, "--count", str(visits))
    failed = _fail(keys, result)
    if failed:
        return failed
    per_visit: dict[str, float] = result["per_visit_kb"]
    worst = max(per_visit, key=lambda route: per_visit[route])
    outcome = Outcome(values={"rss_kb.per_visit_max": per_visit[worst]})
    outcome.notes["rss_kb.per_visit_max"] = f"worst page {worst}; KB kept per visit: " + ", ".join(
        f"{route} {kb:.0f}" for route, kb in per_visit.items()
    )
    return outcome
