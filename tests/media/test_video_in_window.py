"""The video plays inside the kiosk window under a real X server, and nowhere else.

A clip of a known colour plays in the story page; a grab of the window shows that colour where
the video item is, and the X server has exactly one visible top-level window: libvlc never opens
its own. It runs in a child process so the xcb platform does not clash with the offscreen one.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import XServer
from tests.media.conftest import BLUE_RGB, Clips

PROBE = Path(__file__).with_name("xvfb_probe.py")


@pytest.mark.display
def test_clip_colour_is_seen_inside_the_one_kiosk_window(xvfb: XServer, clips: Clips) -> None:
    result = subprocess.run(
        [sys.executable, str(PROBE), str(clips.video)],
        env=xvfb.env(),
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert "colour" in report, f"no frame was painted: {report} {result.stderr}"
    red, green, blue = report["colour"]
    assert max(abs(red - BLUE_RGB[0]), abs(green - BLUE_RGB[1]), abs(blue - BLUE_RGB[2])) < 16
    assert len(report["x_windows"]) == 1, report
    assert report["qt_visible_windows"] == 1, report
    print(f"\nfirst frame painted {report['first_frame_ms']} ms after the page was created")
