"""Run in a fresh child process: play and stop stories many times on one libvlc instance.

Prints one JSON object with the resident memory growth after the warm-up and a trace every 25
media. A fresh process measures what a kiosk process does, without the test runner's own
allocations or the threads of earlier tests in the same interpreter.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(REPO))


def resident_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def main(warm_up: int, measured: int, files: list[Path]) -> int:
    from kiosk.media.player import Player, PlayerState
    from kiosk.media.vlc_backend import VlcBackend, VlcOptions

    backend = VlcBackend(VlcOptions(audio_output="dummy"))
    player = Player(backend)
    baseline, trace, failures = 0.0, [], []
    settled = (PlayerState.PLAYING, PlayerState.ERROR)
    for cycle in range(warm_up + measured):
        if cycle == warm_up:
            gc.collect()
            baseline = resident_mb()
        if cycle % 25 == 0:
            trace.append(round(resident_mb(), 1))
        media = files[cycle % len(files)]
        player.open(media)
        playing_video = media.suffix == ".mp4"
        if not player.wait_until(lambda: player.state in settled, 10):
            failures.append(f"{cycle}: {media.name} still {player.state}")
        elif (
            playing_video
            and player.state == PlayerState.PLAYING
            and not player.wait_until(lambda: backend.frames.latest() is not None, 10)
        ):
            failures.append(f"{cycle}: {media.name} showed no frame")
        player.stop()
    gc.collect()
    growth = resident_mb() - baseline
    backend.shutdown()
    print(json.dumps({"growth_mb": round(growth, 1), "trace_mb": trace, "failures": failures}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]), int(sys.argv[2]), [Path(p) for p in sys.argv[3:]]))
