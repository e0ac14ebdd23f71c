"""Fixtures shared by the whole suite: isolated folders, an X server, the kiosk as a process.

Every test runs with its own data, log and cache folders, so nothing touches the developer's
files and no test sees another's state. Qt renders offscreen unless a test asks for Xvfb.
"""

from __future__ import annotations

import gc
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.ui.pyside_fixes import pin_bool_singletons

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

# PySide6 6.12 on Python 3.11 leaks references to True on each signal: see kiosk/ui/pyside_fixes.py.
pin_bool_singletons()

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "assets" / "demo"


def run_python(
    program: str, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``program`` run by a fresh interpreter from the repository's root, its output captured
    (for what must not happen in the test's own process: a tuned allocator, a second Qt app)."""
    return subprocess.run(
        [sys.executable, "-c", program, *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture(autouse=True)
def collect_cycles_on_the_gui_thread() -> Iterator[None]:
    """After each test (and its fixtures), free its Qt objects caught in reference cycles here.

    Left to Python's collector, they would be freed by whichever thread next allocates enough,
    perhaps a libvlc or worker thread: a QObject destroyed off its thread cannot stop its timers,
    which then fire on freed memory during a later test.
    """
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def isolated_kiosk_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point every kiosk folder at a fresh temporary directory."""
    root = tmp_path_factory.mktemp("kiosk-home")
    for name in ("data", "log", "cache"):
        (root / name).mkdir()
        monkeypatch.setenv(f"KIOSK_{name.upper()}_DIR", str(root / name))
    monkeypatch.setenv("KIOSK_CONFIG", str(root / "config.toml"))
    (root / "config.toml").write_text("", "utf-8")
    # Whatever a test saves, the developer's own configuration stays untouched (a staff
    # panel test once wrote its languages and time zone there, and later runs read them).
    monkeypatch.setenv("XDG_CONFIG_HOME", str(root / "user-config"))
    return root


@dataclass(frozen=True)
class XServer:
    display: str

    def env(self, base: dict[str, str] | None = None) -> dict[str, str]:
        env = dict(os.environ if base is None else base)
        env["DISPLAY"] = self.display
        env["QT_QPA_PLATFORM"] = "xcb"
        env.pop("WAYLAND_DISPLAY", None)
        return env

    def run(self, *command: str, timeout: float = 20) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            command, env=self.env(), capture_output=True, text=True, timeout=timeout, check=False
        )

    def capture(self, output: Path) -> Path:
        """A PNG of the whole screen (ImageMagick's ``import``)."""
        result = self.run("import", "-window", "root", str(output))
        assert result.returncode == 0, result.stderr
        return output


@pytest.fixture(scope="session")
def xvfb() -> Iterator[XServer]:
    """A private X server (1920x1080) for tests that need a real window or GL."""
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed; `make test` installs it (packaging/system-deps.sh)")
    read_fd, write_fd = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb did not report a display number"
    try:
        yield XServer(f":{number}")
    finally:
        process.terminate()
        process.wait(timeout=10)


@dataclass
class KioskProcess:
    """A ``kiosk run`` child process and where it logs."""

    process: subprocess.Popen[str]
    log_file: Path

    def log_text(self) -> str:
        return self.log_file.read_text("utf-8") if self.log_file.exists() else ""

    def wait_for_log(self, needle: str, timeout_s: float = 30) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if needle in self.log_text():
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        output = self.process.stderr.read() if self.process.poll() is not None else ""
        pytest.fail(f"kiosk never logged {needle!r}; log:\n{self.log_text()}\n{output}")

    def terminate(self, timeout_s: float = 5) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout_s)


@pytest.fixture
def start_kiosk(xvfb: XServer, isolated_kiosk_dirs: Path) -> Iterator[object]:
    """Start ``kiosk run`` on the Xvfb display; every process is stopped at the end."""
    started: list[KioskProcess] = []

    def start(*arguments: str) -> KioskProcess:
        env = xvfb.env()
        process = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "run", "--content", str(DEMO), *arguments],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        kiosk = KioskProcess(process, Path(env["KIOSK_LOG_DIR"]) / "kiosk.log")
        started.append(kiosk)
        return kiosk

    yield start
    for kiosk in started:
        if kiosk.process.poll() is None:
            kiosk.process.kill()
            kiosk.process.wait(timeout=10)


def wait_until_pages_ready(qtbot: object, shell: object) -> None:
    """Wait until every page is compiled (Main.qml ``preparePages``, after the first frame).

    Touching sooner could hang a test: the first load of a page makes the GUI thread wait for
    QML's loader thread, which may wait for the GIL that QTest's touch delivery holds.
    """
    qtbot.waitUntil(lambda: shell.pages_ready, timeout=15000)  # type: ignore[attr-defined]


def ocr_text(image: Path) -> str:
    """The words tesseract reads in ``image``, lower-cased, on one line."""
    if shutil.which("tesseract") is None:
        pytest.fail(
            "tesseract is not installed; `make test` installs it (packaging/system-deps.sh)"
        )
    result = subprocess.run(
        ["tesseract", str(image), "-", "--psm", "3"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return " ".join(result.stdout.lower().split())
