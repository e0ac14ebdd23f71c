"""Soak: hours of compressed use of the real kiosk, with its memory, threads and files watched.

``make soak HOURS=N`` runs ``python -m tests.reliability.soak --hours N``; ``test_soak.py`` runs
a few minutes of the same in a child process. What runs is what ``kiosk run --kiosk`` builds:
``build_shell`` with the real libvlc player (audio to libvlc's dummy output), the staff panel
and its content switcher, full screen on a private 1920x1080 Xvfb (the xcb platform, with Qt
Quick's software renderer, or OpenGL with ``--renderer gl``) or, with ``--platform offscreen``,
Qt's offscreen platform.

The process is the kiosk and its visitor only: no pytest around it, so what grows is the
kiosk's. Visitors come one after another (see soak_visits.py): languages change, stories play
with libvlc, pages open and close; the kiosk's clock jumps over the idle time so each visit ends
with a real idle reset. A package is imported with the real importer into the kiosk's own store
and published 20 s in, then every 5 minutes (runs under an hour import only that once); the
screens switch to it at the next idle reset, as they do when staff publish. Samples are taken
between visits (attract loop, player closed, the reset's memory return done) once per
``--sample-every`` seconds (60 by default; 10 for runs under an hour). The report goes to
stdout and to ``--report`` (``benchmarks/generated/soak-report.txt`` by default). Exit
status 0 when the budget holds, 1 when it does not, 2 when the kiosk failed a visitor.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "assets" / "demo"
DEFAULT_REPORT = REPO / "benchmarks" / "generated" / "soak-report.txt"
FIRST_IMPORT_S = 20.0
SAMPLE_SETTLE_MS = 500  # after the post-reset memory return, before a sample


@contextlib.contextmanager
def private_display() -> Iterator[str]:
    """A private Xvfb at 1920x1080, as the kiosk screen."""
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
    try:
        yield f":{number}"
    finally:
        process.terminate()
        process.wait(timeout=10)


class Importer:
    """Imports a fresh copy of the demo package in a worker thread, as the staff panel does."""

    def __init__(self, work: Path, data_dir: Path, cache_dir: Path) -> None:
        self.work = work
        self.data_dir = data_dir
        self.cache_dir = cache_dir
        self.count = 0
        self.failures: list[str] = []
        self._thread: threading.Thread | None = None

    @property
    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        self.count += 1
        source = self.work / f"package-{self.count % 2}"
        shutil.rmtree(source, ignore_errors=True)
        shutil.copytree(DEMO, source)
        # Each import differs, as a real update does (identical content is not stored twice).
        with open(source / "exhibition.toml", "a", encoding="utf-8") as manifest:
            manifest.write(f"\n# soak import {self.count}\n")
        self._thread = threading.Thread(target=self._run, args=(source,), name="soak-import")
        self._thread.start()

    def _run(self, source: Path) -> None:
        from kiosk.content.importer import PackageImportError, import_package_sync
        from kiosk.content.store import ContentStore

        store = ContentStore.for_data_dir(self.data_dir)
        try:
            import_package_sync(source, store, publish=True, cache_dir=self.cache_dir)
        except PackageImportError as error:
            self.failures.append(error.message)

    def join(self) -> None:
        if self._thread is not None:
            self._thread.join()


def run_soak(args: argparse.Namespace) -> int:
    """The soak itself; the Qt application lives only inside this function."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QCursor, QGuiApplication

    from kiosk.app import select_renderer
    from kiosk.logging_setup import configure_logging
    from kiosk.memory_tuning import tune_allocator
    from kiosk.paths import AppPaths
    from kiosk.settings import Settings
    from kiosk.ui.gui_thread_gc import GuiThreadCollector
    from kiosk.ui.lockdown import LockdownFilter
    from kiosk.ui.player_factory import create_player_model
    from kiosk.ui.pyside_fixes import pin_bool_singletons
    from kiosk.ui.shell import RETURN_MEMORY_AFTER_RESET_MS, build_shell
    from tests.reliability.refcount import pin_none
    from tests.reliability.soak_samples import Verdict, read_sample, report_text
    from tests.reliability.soak_visits import JumpClock, SoakError, Visitor

    work = Path(tempfile.mkdtemp(prefix="kiosk-soak-", dir=args.work))
    settings = Settings(
        mode="kiosk",
        data_dir=work / "data",
        log_dir=work / "log",
        cache_dir=work / "cache",
    )
    paths = AppPaths.resolve(settings.data_dir, settings.log_dir, settings.cache_dir)
    paths.ensure()
    configure_logging(paths.log_dir, "INFO")
    pin_bool_singletons()
    tune_allocator()  # as kiosk.app.run does
    pin_none()  # the visitor's own Qt calls would wear None out: see refcount.py
    select_renderer(settings)
    app = QGuiApplication(sys.argv[:1])
    GuiThreadCollector(app)  # as kiosk.app.run does
    app.installEventFilter(LockdownFilter(app))
    app.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
    clock = JumpClock()

    def player(settings_: Settings, exhibition: object, parent: object) -> object:
        return create_player_model(settings_, exhibition, audio_output="dummy", parent=parent)  # type: ignore[arg-type]

    shell = build_shell(app, settings, paths, player_factory=player, clock=clock)  # type: ignore[arg-type]
    shell.window.setFlag(Qt.WindowType.FramelessWindowHint, True)
    shell.window.showFullScreen()
    idle_s = settings.idle_timeout_s + settings.idle_warning_s
    visitor = Visitor(shell, clock, idle_s, args.variety)
    importer = Importer(work, paths.data_dir, paths.cache_dir)
    switches = {"count": 0}
    shell.state.exhibitionChanged.connect(
        lambda: switches.__setitem__("count", switches["count"] + 1)
    )

    started = time.monotonic()
    samples = [read_sample(0.0)]
    next_sample = args.sample_every
    next_import = FIRST_IMPORT_S  # during warm-up: the switch's new pictures fill the caches
    error = ""
    try:
        visitor.wait(1000)
        visitor.wait_until(lambda: shell.pages_ready, "pages compiled", timeout_s=30)
        while time.monotonic() - started < args.seconds:
            now = time.monotonic() - started
            if now >= next_import and not importer.busy:
                importer.start()
                next_import += args.import_every
            visitor.visit()
            now = time.monotonic() - started
            if now >= next_sample:
                # Measured as the kiosk stands between two real visitors: the reset finished,
                # the memory the visit freed handed back (a real visitor comes minutes later,
                # not the instant the soak's clock jumps).
                visitor.wait(RETURN_MEMORY_AFTER_RESET_MS + SAMPLE_SETTLE_MS)
                samples.append(read_sample(now))
                next_sample += args.sample_every
                sample = samples[-1]
                print(
                    f"soak {now:6.0f} s: RSS {sample.rss_mb:.1f} MB, {sample.threads} threads, "
                    f"{sample.fds} files, {visitor.counters['visits']} visits",
                    file=sys.stderr,
                    flush=True,
                )
    except SoakError as failure:
        error = f"the kiosk failed a visitor after {time.monotonic() - started:.0f} s: {failure}"
    importer.join()
    shell.close()
    counters = dict(visitor.counters)
    counters["imports"] = importer.count
    counters["exhibition switches"] = switches["count"]
    verdict = Verdict(samples, time.monotonic() - started).judge()
    if error:
        verdict.problems.insert(0, error)
    if importer.failures:
        verdict.problems.append(f"imports failed: {importer.failures}")
    if importer.count and not switches["count"]:
        verdict.problems.append("no published import ever reached the screens")
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    title = (
        f"Kiosk soak, {args.seconds / 3600:.2f} h requested, platform {platform}, "
        f"renderer {args.renderer}, variety {args.variety}, {time.strftime('%Y-%m-%d %H:%M')}"
    )
    text = report_text(verdict, counters, title)
    print(text)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(text, "utf-8")
    shutil.rmtree(work, ignore_errors=True)
    if error:
        return 2
    return 0 if verdict.ok else 1


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.reliability.soak", description=__doc__)
    length = parser.add_mutually_exclusive_group()
    length.add_argument("--hours", type=float, help="how long (default 1)")
    length.add_argument("--seconds", type=float, help="how long, for short runs")
    parser.add_argument("--platform", choices=("xvfb", "offscreen"), default="xvfb")
    parser.add_argument(
        "--renderer",
        choices=("software", "gl"),
        default="software",
        help="Qt Quick's scene graph: software (as the other display tests), or OpenGL "
        "(Mesa's llvmpipe under Xvfb, with the basic render loop)",
    )
    parser.add_argument("--sample-every", type=float, help="seconds between samples")
    parser.add_argument("--import-every", type=float, help="seconds between imports")
    parser.add_argument(
        "--variety",
        choices=("small", "full"),
        help="visits over every language and artist (full, the default from an hour) or two "
        "languages and one artist (small, the default for shorter runs): see soak_visits.py",
    )
    parser.add_argument("--report", type=Path, default=DEFAULT_REPORT)
    parser.add_argument("--work", type=Path, help="where the kiosk's folders go (a temporary one)")
    args = parser.parse_args(argv)
    if args.seconds is None:
        args.seconds = (args.hours if args.hours is not None else 1.0) * 3600
    short = args.seconds < 3600
    if args.sample_every is None:
        args.sample_every = 10.0 if short else 60.0
    if args.variety is None:
        args.variety = "small" if short else "full"
    if args.import_every is None:
        # Each published version brings its own pictures into Qt's caches (about 1 MB until
        # they are evicted): a short run imports once, during warm-up, to judge the visits.
        args.import_every = math.inf if short else 300.0
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    if args.renderer == "software":
        os.environ["QT_QUICK_BACKEND"] = "software"
    else:
        # The threaded render loop stalls QTest's waits under Xvfb's GLX; the basic loop
        # renders on the GUI thread, which the soak's measurements do not mind.
        os.environ.pop("QT_QUICK_BACKEND", None)
        os.environ["QSG_RENDER_LOOP"] = "basic"
    if args.platform == "offscreen":
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return run_soak(args)
    if os.environ.get("DISPLAY") and os.environ.get("QT_QPA_PLATFORM") == "xcb":
        return run_soak(args)  # a display given by the caller (the test's Xvfb)
    # Stopped with SIGTERM (a CI timeout, a technician): unwind, so the private Xvfb goes too.
    signal.signal(signal.SIGTERM, lambda _signum, _frame: sys.exit(128 + signal.SIGTERM))
    if shutil.which("Xvfb") is None:
        print("soak: Xvfb is not installed (make test installs it); or use --platform offscreen")
        return 1
    with private_display() as display:
        os.environ["DISPLAY"] = display
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        return run_soak(args)


if __name__ == "__main__":
    sys.exit(main())
