"""The "State" section: libvlc version, the last errors from the log, the last native crash."""

from __future__ import annotations

from kiosk.paths import AppPaths
from tests.staff_ui.conftest import PIN

LOG_LINES = [
    "2026-11-26 09:58:00,120 INFO    kiosk.app: first frame shown",
    "2026-11-26 09:59:10,500 ERROR   kiosk.media.player: cannot open story-3.mp4: no such file",
    "2026-11-26 10:00:00,000 WARNING kiosk.idle: visitor left",
    "2026-11-26 10:01:02,003 ERROR   kiosk.content.loader: artists/x/artist.toml: unreadable",
    "2026-11-26 10:02:00,000 INFO    kiosk.app: stopping",
]


def test_health_shows_libvlc_the_last_errors_and_the_last_crash(
    make_screen: object, paths: AppPaths
) -> None:
    (paths.log_dir / "kiosk.log").write_text("\n".join(LOG_LINES) + "\n", "utf-8")
    (paths.log_dir / "native-crash-20261120-080000.log").write_text("old crash\n", "utf-8")
    (paths.log_dir / "native-crash-20261125-213000.log").write_text(
        "Fatal Python error: Segmentation fault\n\nThread 0x00007f (most recent call first):\n",
        "utf-8",
    )
    screen = make_screen()  # type: ignore[operator]
    screen.enter_pin(PIN)
    screen.tap("staffTab_health")

    libvlc = screen.text("health_libvlcVersion")
    assert libvlc.startswith("3."), libvlc  # the real libvlc of this machine
    errors = [str(item.property("text")) for item in screen.find_all("healthError")]
    assert errors == [LOG_LINES[1], LOG_LINES[3]]
    crash = screen.text("healthCrash")
    assert "native-crash-20261125-213000.log" in crash
    assert "Segmentation fault" in crash
    assert screen.text("health_kioskVersion")
    assert "GB" in screen.text("health_diskFree")
