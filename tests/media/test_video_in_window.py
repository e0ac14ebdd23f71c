"""The video plays inside the kiosk window, and nowhere else.

A clip of a known colour plays in the story page; a grab of the window shows that colour where
the video item is. Under a real X server (Xvfb, xcb platform) the server has exactly one visible
top-level window: libvlc never opens its own. Offscreen (how ``kiosk screenshot`` renders) the
grab shows real frames too. Each case runs in a child process so platforms do not clash.
Tap-to-first-frame times are printed (``-s``), not asserted: timings belong to the benchmarks.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DEMO, XServer
from tests.media.conftest import BLUE_RGB, Clips

PROBE = Path(__file__).with_name("xvfb_probe.py")
REOPENS = 10
# The demo clip is a colour-bar test pattern: the middle of the picture, a third of the way
# down, is its pure blue bar (assets/make_demo.py).
DEMO_VIDEO = DEMO / "artists" / "artiste-exemple-1" / "stories" / "video.mp4"
DEMO_RGB = (0, 0, 255)


def probe(clip: Path, env: dict[str, str]) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, str(PROBE), str(clip), str(REOPENS)],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"\n{env['QT_QPA_PLATFORM']}: first frames (ms) {report['first_frame_ms']}")
    return report


def assert_clip_colour(report: dict[str, Any], expected: tuple[int, int, int] = BLUE_RGB) -> None:
    red, green, blue = report["colour"]
    assert max(abs(red - expected[0]), abs(green - expected[1]), abs(blue - expected[2])) < 16
    assert report["frames_painted"] > 0
    assert len(report["first_frame_ms"]) == REOPENS + 1, "a re-opened story showed no frame"


@pytest.mark.display
def test_clip_colour_is_seen_inside_the_one_kiosk_window_under_x(
    xvfb: XServer, clips: Clips
) -> None:
    report = probe(clips.video, xvfb.env())
    assert_clip_colour(report)
    assert report["x_windows"] and len(report["x_windows"]) == 1, report
    assert report["qt_visible_windows"] == 1, report


@pytest.mark.display
def test_demo_video_pixels_are_seen_inside_the_one_kiosk_window_under_x(xvfb: XServer) -> None:
    report = probe(DEMO_VIDEO, xvfb.env())
    assert_clip_colour(report, DEMO_RGB)
    assert report["x_windows"] and len(report["x_windows"]) == 1, report
    print(f"demo video: tap-to-first-frame median {report['reopen_median_ms']} ms (re-opens)")


def test_clip_colour_is_seen_in_an_offscreen_render(clips: Clips) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software")
    report = probe(clips.video, env)
    assert_clip_colour(report)
    assert report["qt_visible_windows"] == 1, report
