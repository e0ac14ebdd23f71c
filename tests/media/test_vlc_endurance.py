"""200 play/stop cycles across different files on one libvlc instance: no hang, no leak.

A kiosk plays stories all day on one libvlc instance and one reused player; a medium that is not
released, or a frame buffer that is not reused, shows up here as resident memory that keeps
growing. The figure is printed (``-s``) for the report.
"""

from __future__ import annotations

import gc
import os

import pytest

from kiosk.media.player import Player, PlayerState
from kiosk.media.vlc_backend import VlcBackend
from tests.media.conftest import Clips

# libvlc fills its decoder and plugin pools over the first few dozen media (about 70 MB, flat
# from then on: 125.0 MB after 100 cycles, 126.0 MB after 600); growth is measured after that.
WARM_UP = 50
CYCLES = WARM_UP + 200
MAX_GROWTH_MB = 10.0


def resident_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_two_hundred_play_stop_cycles_keep_memory_flat(
    vlc_backend: VlcBackend, clips: Clips
) -> None:
    player = Player(vlc_backend)
    files = [clips.video, clips.audio, clips.video_orange, clips.corrupt]
    baseline = 0.0
    for cycle in range(CYCLES):
        if cycle == WARM_UP:
            gc.collect()
            baseline = resident_mb()
        media = files[cycle % len(files)]
        player.open(media)
        expected = PlayerState.ERROR if media == clips.corrupt else PlayerState.PLAYING
        assert player.wait_until(lambda e=expected: player.state == e, 10.0), (cycle, media)
        if media.suffix == ".mp4" and expected == PlayerState.PLAYING:
            assert player.wait_until(lambda: vlc_backend.frames.latest() is not None, 10.0)
        player.stop()
        assert player.state == PlayerState.IDLE
    gc.collect()
    growth = resident_mb() - baseline
    print(f"\nresident memory growth after {CYCLES - WARM_UP} cycles: {growth:.1f} MB")
    assert growth < MAX_GROWTH_MB
