"""Frames during an import: does the window keep drawing while a package is copied and hashed?

The window is asked to redraw continuously by a GUI-thread timer, so a frame can only be late if
the GUI thread is held (the GIL, a blocking call) or the renderer is starved. The same is done
first without an import, for the floor of this machine. The import runs as the staff panel runs
it: ``kiosk.content.importer.import_package`` awaited on the qasync loop, the work in the loop's
executor, progress reports handed back to the GUI thread.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer

from benchmarks.budgets import percentile
from benchmarks.probes.tasks import Driver

BASELINE_S = 5.0


def gaps_ms(swaps: list[float], start: float, end: float) -> list[float]:
    inside = [t for t in swaps if start <= t <= end]
    return [(b - a) * 1000 for a, b in itertools.pairwise(inside)]


def _staff_page(driver: Driver) -> str:
    """Show the staff panel, where staff watch an import (the attract loop if it is missing)."""
    try:
        driver.go("staff", settle=1.0)
    except ValueError:
        return str(driver.state.page)
    return str(driver.state.page)


def run_import_gaps(driver: Driver, args: argparse.Namespace) -> dict[str, Any]:
    import qasync

    from kiosk.content.importer import import_package
    from kiosk.content.store import ContentStore

    if args.package is None or not (Path(args.package) / "exhibition.toml").is_file():
        return {"error": f"no package to import at {args.package}"}
    page = _staff_page(driver)
    swaps: list[float] = []
    ticks: list[float] = []
    driver.window.frameSwapped.connect(lambda: swaps.append(time.perf_counter()))
    redraw = QTimer()
    redraw.setInterval(4)
    redraw.timeout.connect(driver.window.update)
    redraw.timeout.connect(lambda: ticks.append(time.perf_counter()))
    redraw.start()
    store = ContentStore.for_data_dir(Path(driver.paths.data_dir))
    store.ensure()
    progress_reports = 0

    def on_progress(_report: object) -> None:
        nonlocal progress_reports
        progress_reports += 1

    loop = qasync.QEventLoop(driver.app)
    asyncio.set_event_loop(loop)
    marks: dict[str, float] = {}

    async def scenario() -> Any:
        marks["baseline_start"] = time.perf_counter()
        await asyncio.sleep(BASELINE_S)
        marks["import_start"] = time.perf_counter()
        result = await import_package(Path(args.package), store, progress=on_progress)
        marks["import_end"] = time.perf_counter()
        return result

    with loop:
        result = loop.run_until_complete(scenario())
    redraw.stop()
    baseline = gaps_ms(swaps, marks["baseline_start"], marks["import_start"])
    during = gaps_ms(swaps, marks["import_start"], marks["import_end"])
    stalls = gaps_ms(ticks, marks["import_start"], marks["import_end"])
    baseline_stalls = gaps_ms(ticks, marks["baseline_start"], marks["import_start"])
    return {
        "page": page,
        "gaps_ms": during,
        "baseline_gaps_ms_max": max(baseline) if baseline else None,
        "baseline_gaps_ms_p50": percentile(baseline, 0.5) if baseline else None,
        "gui_stall_ms_max": max(stalls) if stalls else None,
        "baseline_gui_stall_ms_max": max(baseline_stalls) if baseline_stalls else None,
        "baseline_frames": len(baseline) + 1,
        "max_ms": max(during) if during else None,
        "p99_ms": percentile(during, 0.99) if during else None,
        "frames": len(during) + 1,
        "import_s": marks["import_end"] - marks["import_start"],
        "bytes": result.version.size_bytes,
        "progress_reports": progress_reports,
    }
