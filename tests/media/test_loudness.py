"""Stories at comparable loudness: measured once, then the visitor's volume means the same level.

Two recordings of the same tone, one 6 dB quieter, stand for an interview recorded close to the
microphone and one recorded across a room. (libvlc's dummy audio output used in tests keeps no
volume, so the gained volume is checked where the player hands it to the backend.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.media.fake_backend import FakeBackend, FakeClock
from kiosk.media.loudness import (
    TARGET_LUFS,
    LoudnessCache,
    gain_db,
    measure_loudness_lufs,
    measure_missing,
)
from kiosk.media.player import Player
from tests.media.conftest import CLIP_SECONDS, _ffmpeg


@pytest.fixture(scope="session")
def loud_and_quiet(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("loudness")
    paths = []
    for name, level in (("close.ogg", 1.0), ("far.ogg", 0.5)):
        path = folder / name
        _ffmpeg(
            *("-f", "lavfi", "-i", f"sine=frequency=440:duration={CLIP_SECONDS}"),
            *("-af", f"volume={level}", "-c:a", "libvorbis", str(path)),
        )
        paths.append(path)
    return paths[0], paths[1]


def test_a_recording_half_as_loud_measures_six_db_lower(
    loud_and_quiet: tuple[Path, Path],
) -> None:
    loud, quiet = (measure_loudness_lufs(path) for path in loud_and_quiet)
    assert loud is not None and quiet is not None
    assert loud - quiet == pytest.approx(6.0, abs=0.5)
    assert loud + gain_db(loud) == pytest.approx(TARGET_LUFS)
    assert quiet + gain_db(quiet) == pytest.approx(TARGET_LUFS)


def test_measurements_survive_a_restart_and_a_copy_of_the_file(
    loud_and_quiet: tuple[Path, Path], tmp_path: Path
) -> None:
    cache_file = tmp_path / "cache" / "loudness.json"
    _, quiet = loud_and_quiet
    measured = LoudnessCache(cache_file).measure_into(quiet)
    copy = tmp_path / "published" / quiet.name
    copy.parent.mkdir()
    shutil.copy(quiet, copy)
    assert LoudnessCache(cache_file).lufs(copy) == measured


def test_same_visitor_volume_lifts_the_quiet_story_and_never_the_staff_maximum(
    loud_and_quiet: tuple[Path, Path], tmp_path: Path
) -> None:
    cache = LoudnessCache(tmp_path / "loudness.json")
    loud, quiet = loud_and_quiet
    levels = []
    for story in (loud, quiet):
        cache.measure_into(story)
        backend = FakeBackend(FakeClock())
        player = Player(backend, volume_default=50, volume_max=90)
        player.open(story, gain_db=cache.gain_db(story))
        player.pump()
        levels.append(backend.volume)
        assert player.set_volume(100) == 90  # the visitor's scale still stops at the maximum
    assert levels[1] / levels[0] == pytest.approx(2.0, rel=0.05)


def test_measuring_a_folder_skips_what_is_known_and_what_has_no_sound(
    loud_and_quiet: tuple[Path, Path], tmp_path: Path
) -> None:
    cache = LoudnessCache(tmp_path / "loudness.json")
    not_audio = tmp_path / "notes.mp4"
    not_audio.write_bytes(b"not a recording")
    files = [*loud_and_quiet, not_audio, tmp_path / "missing.mp4"]
    assert measure_missing(files, cache) == 2
    assert measure_missing(files, cache) == 0


def test_a_cache_read_at_start_up_sees_what_a_later_import_measured_once_reloaded(
    loud_and_quiet: tuple[Path, Path], tmp_path: Path
) -> None:
    cache_file = tmp_path / "loudness.json"
    _, quiet = loud_and_quiet
    player_side = LoudnessCache(cache_file)  # read when the kiosk started: nothing measured
    measured = LoudnessCache(cache_file).measure_into(quiet)  # an import, later
    assert player_side.lufs(quiet) is None
    player_side.reload()
    assert measured is not None and player_side.lufs(quiet) == measured
