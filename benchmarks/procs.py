"""Child processes for the measurements: an Xvfb display, environments, /proc readings.

Cold starts and idle CPU are measured in child processes so that nothing the harness has loaded
(Python modules, Qt libraries) is shared with what is measured. Times are ``time.monotonic()``,
which is CLOCK_MONOTONIC on Linux and so comparable between processes.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GENERATED = REPO / "benchmarks" / "generated"
PYCACHE = GENERATED / "pycache"
DEMO = REPO / "assets" / "demo"
SCREEN = "1920x1080x24"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True)
class Display:
    """A running X server (``:N``) or, with ``name`` empty, Qt's offscreen platform."""

    name: str
    pid: int = 0

    def env(self, base: dict[str, str] | None = None) -> dict[str, str]:
        env = dict(os.environ if base is None else base)
        env.pop("WAYLAND_DISPLAY", None)
        env.pop("QT_QUICK_BACKEND", None)
        if self.name:
            env["DISPLAY"] = self.name
            env["QT_QPA_PLATFORM"] = "xcb"
        else:
            env["QT_QPA_PLATFORM"] = "offscreen"
        return env


@contextlib.contextmanager
def xvfb(use: bool = True) -> Iterator[Display]:
    """Start a private Xvfb (it picks a free display number itself), or stand in offscreen."""
    if not use:
        yield Display("")
        return
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", SCREEN, "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield Display(f":{number}", process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def kiosk_env(display: Display, home: Path) -> dict[str, str]:
    """Environment for a kiosk child: its own data, log, cache and empty config in ``home``."""
    env = display.env()
    for name in ("data", "log", "cache"):
        (home / name).mkdir(parents=True, exist_ok=True)
        env[f"KIOSK_{name.upper()}_DIR"] = str(home / name)
    config = home / "config.toml"
    if not config.exists():
        config.write_text("", "utf-8")
    env["KIOSK_CONFIG"] = str(config)
    # An installed kiosk starts from bytecode (pip compiles it at install, PyInstaller bundles
    # it), so the measured one does too; kept outside the source tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def compile_bytecode() -> None:
    """Compile the kiosk's modules into :data:`PYCACHE` (as an installation does)."""
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(PYCACHE))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(REPO / "kiosk")],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


@contextlib.contextmanager
def scratch(prefix: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix=f"kiosk-bench-{prefix}-") as folder:
        yield Path(folder)


def stop(process: subprocess.Popen[bytes], timeout: float = 10.0) -> None:
    """Ask politely (SIGTERM, which the kiosk handles), then insist."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass(frozen=True)
class LineSeen:
    at: float
    line: str


def wait_for_line(
    process: subprocess.Popen[bytes], marker: str, timeout: float
) -> tuple[LineSeen | None, list[str]]:
    """Read the child's merged output until a line holds ``marker``; the moment it was read.

    Returns None (and the lines read, for the reason) when the child ends or time runs out.
    """
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    seen: list[str] = []
    fd = process.stdout.fileno()
    os.set_blocking(fd, False)
    buffer = b""
    while time.monotonic() < deadline:
        try:
            chunk = os.read(fd, 65536)
        except BlockingIOError:
            chunk = None
        now = time.monotonic()
        if chunk == b"":
            break
        if chunk:
            buffer += chunk
            *lines, buffer = buffer.split(b"\n")
            for raw in lines:
                line = raw.decode("utf-8", "replace")
                seen.append(line)
                if marker in line:
                    return LineSeen(now, line), seen
            continue
        time.sleep(0.001)
    return None, seen


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process (all its threads), from /proc/<pid>/stat."""
    text = Path(f"/proc/{pid}/stat").read_text()
    fields = text[text.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def rss_mb(pid: int | None = None) -> float:
    """Resident memory in MB (10^6 bytes) from /proc/<pid>/statm."""
    where = "self" if pid is None else str(pid)
    pages = int(Path(f"/proc/{where}/statm").read_text().split()[1])
    return pages * PAGE_BYTES / 1_000_000


def spawn(command: Sequence[str], env: dict[str, str], cwd: Path = REPO) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        list(command),
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def tail(lines: list[str], count: int = 3) -> str:
    """The last meaningful lines of a child's output, for a reason text."""
    kept = [line.strip() for line in lines if line.strip()]
    return " | ".join(kept[-count:])[-400:] or "no output"
