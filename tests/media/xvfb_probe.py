"""Run in a child process on a display: play a clip in the story page, report what shows.

Prints one JSON object: the colour found in the middle of the video item in a grab of the window,
the visible top-level X windows (from ``xdotool``, on xcb only), Qt's visible top-level windows,
and tap-to-first-frame times: the first includes creating the page, the others re-open the story
in the page already shown (``--repeat N``). The tests judge the figures; timings are only reported.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtGui import QGuiApplication

REPO = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(REPO))


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, timeout=10, check=False).stdout


def visible_x_windows() -> list[str]:
    """Ids of the mapped windows directly under the root window (no window manager on Xvfb)."""
    root = int(_run("xwininfo", "-root").split("Window id:")[1].split()[0], 16)
    found = _run("xdotool", "search", "--onlyvisible", "--maxdepth", "1", "--name", "")
    return [ident for ident in found.split() if int(ident) != root]


def main(clip: Path, repeat: int) -> int:
    app = QGuiApplication(sys.argv[:1])
    from kiosk.media.player import Player
    from kiosk.media.vlc_backend import VlcBackend, VlcOptions
    from kiosk.ui.kiosk_state import KioskState
    from kiosk.ui.player_model import PlayerModel
    from kiosk.ui.video_item import VideoItem, seconds_to_first_frame
    from tests.media.screen import (
        close_page,
        exhibition_with,
        item,
        show_page,
        story,
        write_captions,
    )

    backend = VlcBackend(VlcOptions(audio_output="dummy"))
    folder = Path(tempfile.mkdtemp(prefix="kiosk-probe-"))
    exhibition = exhibition_with(story(clip, write_captions(folder)), folder)
    model = PlayerModel(Player(backend), backend.frames, exhibition=exhibition)
    kiosk = KioskState(exhibition, language="fr", languages=("fr", "en"), kiosk_mode=False)
    kiosk.open("story", "arrivee")
    views = []

    def open_page() -> None:
        views.append(show_page("pages/StoryPage", {"kiosk": kiosk, "player": model}, (1280, 720)))

    # The first tap creates the page (the view-model relays the video item's signal).
    timings_s = [seconds_to_first_frame(model, open_page)]
    view = views[0]
    video = item(view, "videoItem")
    assert isinstance(video, VideoItem)
    for _ in range(repeat):
        model.close()
        timings_s.append(seconds_to_first_frame(video, lambda: model.openStoryById("arrivee")))
    _settle(app)
    image = view.grabWindow()
    centre = video.mapToScene(QPointF(video.width() / 2, video.height() / 3))
    colour = image.pixelColor(int(centre.x()), int(centre.y()))
    on_x = os.environ.get("QT_QPA_PLATFORM") == "xcb"
    milliseconds = [round(t * 1000, 1) for t in timings_s if t is not None]
    report = {
        "colour": [colour.red(), colour.green(), colour.blue()],
        "x_windows": visible_x_windows() if on_x else [],
        "qt_visible_windows": sum(1 for w in app.topLevelWindows() if w.isVisible()),
        "state": model.state,
        "first_frame_ms": milliseconds,
        "reopen_median_ms": statistics.median(milliseconds[1:]) if repeat else None,
        "frames_painted": video.frames_painted,
    }
    close_page(view)
    model.shutdown()
    print(json.dumps(report))
    return 0


def _settle(app: QGuiApplication) -> None:
    import time

    until = time.perf_counter() + 0.3
    while time.perf_counter() < until:
        app.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 0))
