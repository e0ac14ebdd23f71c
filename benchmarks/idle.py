"""Idle CPU: what the kiosk costs while nobody touches it (the attract loop running).

A ``kiosk run --kiosk`` child under Xvfb is left alone for a while after its first frame; its
user plus system CPU time (all threads, /proc/<pid>/stat) over the window, divided by the wall
time, is the percentage of one core. The X server's own share (it receives the frames) is
reported beside it, since on a real machine the compositor pays that part.
"""

from __future__ import annotations

import time

from benchmarks.budgets import Outcome, rounded
from benchmarks.procs import (
    DEMO,
    Display,
    cpu_seconds,
    kiosk_env,
    scratch,
    spawn,
    stop,
    tail,
    wait_for_line,
)
from benchmarks.startup import MARKER, START_TIMEOUT_S, kiosk_command

SETTLE_S = 3.0


def measure_idle(display: Display, seconds: float) -> Outcome:
    keys = ("idle_cpu_percent", "idle_cpu_percent.xserver")
    with scratch("idle") as home:
        process = spawn(kiosk_command(DEMO), kiosk_env(display, home))
        try:
            seen, lines = wait_for_line(process, MARKER, START_TIMEOUT_S)
            if seen is None:
                return Outcome.unavailable(keys, f"the kiosk did not start: {tail(lines)}")
            time.sleep(SETTLE_S)
            started = time.monotonic()
            kiosk_before = cpu_seconds(process.pid)
            server_before = cpu_seconds(display.pid) if display.pid else None
            time.sleep(seconds)
            if process.poll() is not None:
                return Outcome.unavailable(keys, "the kiosk stopped while idle")
            elapsed = time.monotonic() - started
            kiosk_cpu = cpu_seconds(process.pid) - kiosk_before
            server_cpu = (
                cpu_seconds(display.pid) - server_before if server_before is not None else None
            )
        finally:
            stop(process)
    outcome = Outcome(
        values={
            "idle_cpu_percent": rounded(100 * kiosk_cpu / elapsed, 2),
            "idle_cpu_percent.xserver": (
                rounded(100 * server_cpu / elapsed, 2) if server_cpu is not None else None
            ),
        }
    )
    outcome.notes["idle_cpu_percent"] = (
        f"attract loop, {elapsed:.0f} s after a {SETTLE_S:.0f} s settle"
    )
    return outcome
