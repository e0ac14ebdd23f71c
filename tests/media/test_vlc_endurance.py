"""200 play/stop cycles across different files on one libvlc instance: no hang, no leak.

A kiosk plays stories all day on one libvlc instance and one reused player; a medium that is not
released, or a frame buffer that is not reused, shows up here as resident memory that keeps
growing. The cycles run in a fresh child process, like the kiosk's own. The figures are printed
(``-s``) for the report.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.media.conftest import Clips

PROBE = Path(__file__).with_name("endurance_probe.py")
# libvlc fills its decoder and plugin pools over the first few dozen media; growth is measured
# after that.
WARM_UP = 50
CYCLES = 200
MAX_GROWTH_MB = 10.0


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_two_hundred_play_stop_cycles_keep_memory_flat(clips: Clips) -> None:
    files = [clips.video, clips.audio, clips.video_orange, clips.corrupt]
    result = subprocess.run(
        [sys.executable, str(PROBE), str(WARM_UP), str(CYCLES), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=280,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"\nresident memory growth over {CYCLES} cycles: {report['growth_mb']} MB")
    print("resident MB every 25 media:", report["trace_mb"])
    assert report["failures"] == []
    assert report["growth_mb"] < MAX_GROWTH_MB
