"""Screenshots of the staff panel for docs/staff-guide.md (not a test; run by hand).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.staff_ui.make_screenshots docs/screenshots

Builds the panel on scripted statistics, three exhibitions already published in turn (so the
oldest has its Delete button) and a demo package on a pretend USB stick, touches through it like
the tests do, and saves ``staff-*.png`` in the given folder. The panel speaks the kiosk's default
language (French), as on site: the guide is French first.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from kiosk.analytics.events import VisitorStats
from kiosk.content.importer import import_package_sync
from kiosk.content.store import ContentStore
from kiosk.i18n.qt_translator import LanguageSwitcher
from kiosk.paths import AppPaths
from kiosk.settings import load_settings
from kiosk.staff.pin import hash_pin
from kiosk.ui.shell import load_fonts
from tests.staff_ui.conftest import PIN, copy_demo
from tests.staff_ui.harness import StaffScreen, build_screen, qasync_running

LANGUAGE_MIX = ("fr", "fr", "fr", "ar", "en", "fr", "es", "de", "fr", "ar")
STORIES = ("artiste-exemple-1-video", "artiste-exemple-2-entretien", "artiste-exemple-3-video")
EARLIER = (
    "Exposition de septembre (exemple)",
    "Exposition d'octobre (exemple)",
    "Exposition de novembre (exemple)",
)


def scripted_month(paths: AppPaths) -> VisitorStats:
    """Three weeks of plausible visits (weekends busier), the same every run."""
    start = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    now = [start]
    stats = VisitorStats.for_data_dir(paths.data_dir, clock=lambda: now[0])
    visit = 0
    for day in range(21):
        weekday = (start + timedelta(days=day)).weekday()
        visits = (14 if weekday >= 5 else 5) + (day * 7) % 5
        for index in range(visits):
            now[0] = start + timedelta(days=day, minutes=15 * index)
            language = LANGUAGE_MIX[visit % len(LANGUAGE_MIX)]
            stats.start_session(language)
            stats.language_chosen(language)
            for story in STORIES[: 1 + visit % 3]:
                stats.story_played(story, 20.0 + (visit * 13) % 60, 90.0)
            stats.idle_reset()
            visit += 1
    return stats


def save(screen: StaffScreen, out: Path, name: str) -> None:
    screen.settle()
    QTest.qWait(100)
    image = screen.window.grabWindow()
    path = out / f"staff-{name}.png"
    image.save(str(path))
    print(path)


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QGuiApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        for name in ("data", "log", "cache"):
            (root / name).mkdir()
            os.environ[f"KIOSK_{name.upper()}_DIR"] = str(root / name)
        config = root / "config.toml"
        config.write_text(f'staff_pin_hash = "{hash_pin(PIN)}"\n', "utf-8")
        os.environ["KIOSK_CONFIG"] = str(config)
        settings = load_settings()
        paths = AppPaths.resolve(settings.data_dir, settings.log_dir, settings.cache_dir)
        store = ContentStore.for_data_dir(paths.data_dir)
        for index, title in enumerate(EARLIER):
            earlier = copy_demo(root / "earlier" / str(index), title)
            import_package_sync(earlier, store, publish=True)
        usb = root / "media" / "CLE-USB"
        copy_demo(usb / "expo-decembre", "Les musiciens africains racontent leur 93")
        (paths.log_dir / "kiosk.log").write_text(
            "2026-11-22 16:02:11,204 ERROR   kiosk.media.player: story-3.mp4: cannot be decoded\n",
            "utf-8",
        )
        # As the kiosk does before its QML: its own fonts, its default language.
        load_fonts()
        LanguageSwitcher(app, settings.default_language)
        with qasync_running(app):
            screen = build_screen(settings, paths, [usb], stats=scripted_month(paths))
            for digit in PIN[:3]:
                screen.tap(f"pinKey_{digit}")
            save(screen, out, "pin")
            screen.tap(f"pinKey_{PIN[3]}")
            screen.tap("pinKey_ok")
            screen.tap("refreshSources")
            importer = screen.panel.property("importer")
            screen.tap("importPackage_0")
            screen.wait_until(lambda: importer.property("resultKind") != "")
            save(screen, out, "content")
            screen.tap("staffTab_stats")
            save(screen, out, "stats")
            screen.tap("staffTab_settings")
            save(screen, out, "settings")
            screen.tap("staffTab_health")
            save(screen, out, "health")
            screen.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
