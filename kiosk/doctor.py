"""``kiosk doctor``: the technician's first tool. One line per check, exit 1 if a needed one fails.

Checks that could abort the process (a Qt platform plugin that cannot connect to a display
calls ``qFatal``) run in a child interpreter, so the doctor itself always reports.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from kiosk import __version__
from kiosk.media.libvlc_loader import load_vlc, unavailable_reason
from kiosk.paths import AppPaths, source_root
from kiosk.settings import Settings


@dataclass(frozen=True)
class Check:
    """One line of the doctor's report.

    Attributes:
        needed: a failing needed check makes the doctor exit 1; others are warnings.
    """

    name: str
    ok: bool
    needed: bool
    detail: str


QT_PROBE_COMMAND = "_qt-probe"
PROBE_BYTES = 256 * 1024


def qt_probe_main(font_paths: list[str]) -> int:
    """Runs in the child process: start Qt, load the fonts, print what worked."""
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    loaded = [Path(p).name for p in font_paths if QFontDatabase.addApplicationFont(p) >= 0]
    print(app.platformName())
    print(",".join(loaded))
    return 0


def probe_command(*arguments: str) -> list[str]:
    """How to run a hidden subcommand in a child: the frozen binary or this interpreter."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *arguments]
    return [sys.executable, "-m", "kiosk", *arguments]


def check_libvlc() -> Check:
    """libvlc loads and reports its version (python-vlc exits the process when it cannot)."""
    vlc = load_vlc()
    if vlc is None:
        return Check("libvlc", False, True, unavailable_reason())
    try:
        version = vlc.libvlc_get_version()
        instance = vlc.Instance("--quiet", "--no-video-title-show", "--aout=dummy")
    except (OSError, AttributeError, NameError) as error:
        return Check("libvlc", False, True, f"libvlc is present but unusable ({error})")
    if instance is None:
        return Check("libvlc", False, True, "found but cannot start (plugins missing?)")
    instance.release()
    text = version.decode() if isinstance(version, bytes) else str(version)
    return Check("libvlc", True, True, f"version {text}")


def bundled_fonts() -> list[Path]:
    return sorted((source_root() / "assets" / "fonts").glob("**/*.[ot]tf"))


def check_qt(environ: dict[str, str] | None = None) -> Check:
    """The Qt platform plugin the kiosk would use, started for real in a child process (a plugin
    that cannot reach its display aborts the process); the bundled fonts are loaded there too."""
    env = dict(os.environ if environ is None else environ)
    has_display = bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    note = ""
    if not has_display and not env.get("QT_QPA_PLATFORM"):
        env["QT_QPA_PLATFORM"] = "offscreen"
        note = " (no display now: checked offscreen rendering)"
    fonts = bundled_fonts()
    command = probe_command(QT_PROBE_COMMAND, *map(str, fonts))
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        return Check("Qt platform", False, True, f"cannot start the probe: {error}")
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["no output"])[-1]
        return Check("Qt platform", False, True, f"the platform plugin does not load: {last}")
    lines = [*result.stdout.splitlines(), "", ""]
    platform, loaded = lines[0], [name for name in lines[1].split(",") if name]
    fonts_note = f"; {len(loaded)} of {len(fonts)} bundled fonts load in Qt"
    return Check("Qt platform", True, True, f"{platform}{note}{fonts_note}")


def check_content(settings: Settings, paths: AppPaths) -> Check:
    from kiosk.content.loader import load_exhibition
    from kiosk.ui.shell import content_folder

    folder = content_folder(settings, paths)
    result = load_exhibition(folder)
    if result.exhibition is None:
        return Check("content", False, True, f"{folder}: cannot be shown ({result.problems})")
    exhibition = result.exhibition
    return Check(
        "content",
        True,
        True,
        f"{folder}: {len(exhibition.artists)} artists, {len(exhibition.programme)} events",
    )


def check_writable(name: str, folder: Path) -> Check:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # Real bytes, flushed: an empty file can still be created on a full disk.
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-") as probe:
            probe.write(b"\0" * PROBE_BYTES)
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as error:
        return Check(name, False, True, f"{folder} is not writable ({error.strerror})")
    return Check(name, True, True, f"{folder} is writable")


def extra_checks(settings: Settings) -> list[Check]:
    """Machine checks for installed kiosks (display, touch, disk, clock), when available."""
    try:
        from kiosk.doctor_checks_system import system_checks  # type: ignore[import-not-found]
    except ImportError:
        return []
    return [Check(c.name, c.ok, c.needed, c.detail) for c in system_checks(settings)]


def run_checks(settings: Settings, report: Callable[[Check], None] | None = None) -> list[Check]:
    """Run every check; ``report`` sees each result as soon as it is known."""
    paths = AppPaths.resolve(settings.data_dir, settings.log_dir, settings.cache_dir)
    probes: Iterable[tuple[str, Callable[[], Check | list[Check]]]] = (
        ("kiosk", lambda: Check("kiosk", True, False, f"version {__version__}")),
        ("libvlc", check_libvlc),
        ("Qt platform", check_qt),
        ("content", lambda: check_content(settings, paths)),
        ("data folder", lambda: check_writable("data folder", paths.data_dir)),
        ("log folder", lambda: check_writable("log folder", paths.log_dir)),
        ("system", lambda: extra_checks(settings)),
    )
    checks: list[Check] = []
    for name, probe in probes:
        try:
            outcome = probe()
        # A diagnostic tool reports whatever happens; python-vlc even calls sys.exit() when
        # the library it was pointed at does not load.
        except (Exception, SystemExit) as error:
            outcome = Check(name, False, True, f"the check itself failed: {error!r}")
        for check in outcome if isinstance(outcome, list) else [outcome]:
            checks.append(check)
            if report is not None:
                report(check)
    return checks


def format_line(check: Check) -> str:
    mark = "ok" if check.ok else ("FAIL" if check.needed else "warn")
    return f"[{mark:>4}] {check.name}: {check.detail}"


def doctor_command(args: argparse.Namespace, settings: Settings) -> int:
    """``kiosk doctor [--json]``."""
    if getattr(args, "content", None) is not None:
        from kiosk.settings import replace

        settings = replace(settings, content_dir=args.content)
    if args.json:
        checks = run_checks(settings)
        failed = any(check.needed and not check.ok for check in checks)
        print(json.dumps({"ok": not failed, "checks": [asdict(c) for c in checks]}, indent=2))
    else:
        checks = run_checks(settings, lambda check: print(format_line(check), flush=True))
        failed = any(check.needed and not check.ok for check in checks)
    return 1 if failed else 0
