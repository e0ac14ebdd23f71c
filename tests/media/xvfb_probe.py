"""Run in a child process on an X display: play a clip in the story page, report what shows.

Prints one JSON object: the colour found in the middle of the video item in a grab of the window,
the number of visible top-level X windows (from ``xdotool``), Qt's own top-level windows, and how
long the first frame took. The test (``test_video_in_window.py``) judges the figures.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QPointF, QTimer
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


def main(clip: Path) -> int:
    app = QGuiApplication(sys.argv[:1])
    from kiosk.media.player import Player
    from kiosk.media.vlc_backend import VlcBackend, VlcOptions
    from kiosk.ui.kiosk_state import KioskState
    from kiosk.ui.player_model import PlayerModel
    from tests.media.screen import exhibition_with, item, show_page, story, write_captions

    backend = VlcBackend(VlcOptions(audio_output="dummy"))
    folder = Path(tempfile.mkdtemp(prefix="kiosk-probe-"))
    exhibition = exhibition_with(story(clip, write_captions(folder)), folder)
    model = PlayerModel(Player(backend), backend.frames, exhibition=exhibition)
    kiosk = KioskState(exhibition, language="fr", languages=("fr", "en"), kiosk_mode=False)
    kiosk.open("story", "arrivee")
    started = time.perf_counter()
    view = show_page("pages/StoryPage", {"kiosk": kiosk, "player": model}, (1280, 720))
    video = item(view, "videoItem")
    report: dict[str, object] = {}

    def first_frame(painted_at: float) -> None:
        report["first_frame_ms"] = round((painted_at - started) * 1000, 1)
        # Let the window composite the painted frame before grabbing it.
        QTimer.singleShot(300, grab)

    def grab() -> None:
        image = view.grabWindow()
        centre = video.mapToScene(QPointF(video.width() / 2, video.height() / 3))
        colour = image.pixelColor(int(centre.x()), int(centre.y()))
        report["colour"] = [colour.red(), colour.green(), colour.blue()]
        report["x_windows"] = visible_x_windows()
        report["qt_windows"] = [w.objectName() or type(w).__name__ for w in app.topLevelWindows()]
        report["qt_visible_windows"] = sum(1 for w in app.topLevelWindows() if w.isVisible())
        report["state"] = model.state
        app.quit()

    video.firstFrameShown.connect(first_frame)
    QTimer.singleShot(20000, app.quit)
    app.exec()
    view.close()
    model.shutdown()
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))
