"""The soak in ``make test``: five minutes of compressed visits to the real kiosk, watched.

Runs ``python -m tests.reliability.soak`` as a child process on the suite's Xvfb (see soak.py
for what it does and why it is a process of its own). ``KIOSK_SOAK_SECONDS`` changes the length;
``make soak HOURS=N`` is the long version. Below five minutes the steady half starts too early:
memory still climbs in steps for two to three minutes (a 100-second run measured +7 MB). The
child's verdict decides: after warm-up, no growth in threads or open files, and resident memory
growing less than the budget (soak_samples.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REPO, XServer

SOAK_SECONDS = float(os.environ.get("KIOSK_SOAK_SECONDS", "300"))
FIGURES = (
    "activity:",
    "resident memory:",
    "of which",
    "threads after",
    "open files after",
    "verdict:",
)

pytestmark = [pytest.mark.display, pytest.mark.slow]


@pytest.mark.timeout(SOAK_SECONDS + 180)
@pytest.mark.xfail(
    strict=False,
    reason="known defect, issue 10 open: the one-hour soak's memory floor still rises "
    "(+3.87 MB/hour on 2026-11-28 at 26dea2e, budget 1; live data grows ~0.7 MB/hour, the "
    "rest is pages glibc's heap, Python's arenas and the JavaScript heap touch for the first "
    "time through the first hour: docs/reliability.md); "
    "the 5-minute run passes its 3 MB ceiling but is near it under load. "
    "The soak still runs and prints its figures.",
)
def test_compressed_use_leaks_no_memory_threads_or_files(
    xvfb: XServer, tmp_path: Path, reliability_report: Callable[[str], None]
) -> None:
    report = tmp_path / "soak-report.txt"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.reliability.soak",
            "--seconds",
            str(SOAK_SECONDS),
            "--report",
            str(report),
            "--work",
            str(tmp_path),
        ],
        cwd=REPO,
        env=xvfb.env(),
        capture_output=True,
        text=True,
        timeout=SOAK_SECONDS + 150,
        check=False,
    )
    text = report.read_text("utf-8") if report.exists() else ""
    for line in text.splitlines():
        if line.startswith(FIGURES):
            reliability_report(line)
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == 0, f"{text}\n{result.stderr[-3000:]}"
