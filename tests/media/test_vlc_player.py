"""The story player on real libvlc, with clips made by ffmpeg (audio output: dummy).

These are the behaviours a visitor notices: a story starts, time moves, pause and seek do what the
buttons say, the end is shown, replay starts over, a broken file gives an error and not a hang.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.media.player import Player, PlayerError, PlayerState
from kiosk.media.vlc_backend import VlcBackend, libvlc_available
from tests.conftest import DEMO, run_python
from tests.media.conftest import BLUE_RGB, CLIP_SECONDS, Clips

WAIT_S = 10.0


@pytest.fixture
def player(vlc_backend: VlcBackend) -> Iterator[Player]:
    player = Player(vlc_backend, volume_default=70, volume_max=90)
    yield player
    player.close()


def record(player: Player) -> list[PlayerState]:
    states: list[PlayerState] = []
    player.add_listener(states.append)
    return states


def test_libvlc_is_reported_available_with_its_version() -> None:
    ok, message = libvlc_available()
    assert ok, message
    assert message.startswith("libvlc 3.")


def test_video_goes_through_loading_playing_paused_playing_ended_in_order(
    player: Player, clips: Clips
) -> None:
    states = record(player)
    player.open(clips.video)
    assert player.wait_until(lambda: player.state == PlayerState.PLAYING, WAIT_S)
    player.pause()
    assert player.wait_until(lambda: player.state == PlayerState.PAUSED, WAIT_S)
    player.play()
    assert player.wait_until(lambda: player.state == PlayerState.ENDED, WAIT_S)
    assert states == [
        PlayerState.LOADING,
        PlayerState.PLAYING,
        PlayerState.PAUSED,
        PlayerState.PLAYING,
        PlayerState.ENDED,
    ]
    assert player.duration_s() == pytest.approx(CLIP_SECONDS, abs=0.2)
    assert player.position_s() == pytest.approx(player.duration_s())


def test_position_advances_while_playing(player: Player, clips: Clips) -> None:
    player.open(clips.video)
    assert player.wait_until(lambda: player.position_s() > 0.3, WAIT_S)
    first = player.position_s()
    assert player.wait_until(lambda: player.position_s() > first + 0.5, WAIT_S)


def test_seek_lands_within_half_a_second_of_its_target(player: Player, clips: Clips) -> None:
    player.open(clips.video)
    assert player.wait_until(lambda: player.state == PlayerState.PLAYING, WAIT_S)
    player.pause()
    assert player.wait_until(lambda: player.state == PlayerState.PAUSED, WAIT_S)
    player.seek(2.0)
    assert player.wait_until(lambda: player.position_s() > 1.0, WAIT_S)
    assert abs(player.position_s() - 2.0) < 0.5


def test_forward_ten_seconds_on_a_short_clip_stops_at_the_end_not_beyond(
    player: Player, clips: Clips
) -> None:
    player.open(clips.video)
    assert player.wait_until(lambda: player.state == PlayerState.PLAYING, WAIT_S)
    player.skip(10.0)
    assert player.wait_until(lambda: player.state == PlayerState.ENDED, WAIT_S)
    assert player.position_s() <= player.duration_s()


def test_replay_after_the_end_starts_again_from_the_beginning(player: Player, clips: Clips) -> None:
    player.open(clips.audio)
    assert player.wait_until(lambda: player.state == PlayerState.PLAYING, WAIT_S)
    player.seek(2.5)
    assert player.wait_until(lambda: player.state == PlayerState.ENDED, WAIT_S)
    states = record(player)
    player.replay()
    assert player.wait_until(lambda: player.state == PlayerState.PLAYING, WAIT_S)
    assert states == [PlayerState.LOADING, PlayerState.PLAYING]
    assert player.position_s() < 1.5
    assert player.wait_until(lambda: player.position_s() > 0.3, WAIT_S)


def test_audio_only_story_plays_to_its_end(player: Player, clips: Clips) -> None:
    states = record(player)
    player.open(clips.audio)
    assert player.wait_until(lambda: player.state == PlayerState.ENDED, WAIT_S)
    assert states == [PlayerState.LOADING, PlayerState.PLAYING, PlayerState.ENDED]


def test_video_frames_arrive_in_the_frame_buffer_with_the_clip_colour(
    player: Player, vlc_backend: VlcBackend, clips: Clips
) -> None:
    player.open(clips.video)
    assert player.wait_until(lambda: vlc_backend.frames.latest() is not None, WAIT_S)
    frame = vlc_backend.frames.latest()
    assert frame is not None
    assert (frame.width, frame.height) == (320, 240)
    red, green, blue = frame.pixel(160, 120)
    assert max(abs(red - BLUE_RGB[0]), abs(green - BLUE_RGB[1]), abs(blue - BLUE_RGB[2])) < 12


def test_truncated_file_is_reported_as_an_error_not_a_story(player: Player, clips: Clips) -> None:
    states = record(player)
    player.open(clips.corrupt)
    assert player.wait_until(lambda: player.state == PlayerState.ERROR, WAIT_S)
    assert player.error == PlayerError.CORRUPT
    assert PlayerState.PLAYING not in states


def test_missing_file_is_reported_at_once(player: Player, clips: Clips) -> None:
    player.open(clips.missing)
    assert player.state == PlayerState.ERROR
    assert player.error == PlayerError.MISSING


def test_a_good_story_plays_after_a_broken_one(player: Player, clips: Clips) -> None:
    player.open(clips.corrupt)
    assert player.wait_until(lambda: player.state == PlayerState.ERROR, WAIT_S)
    player.open(clips.video)
    assert player.wait_until(lambda: player.state == PlayerState.PLAYING, WAIT_S)


def test_volume_never_exceeds_the_staff_maximum(player: Player, clips: Clips) -> None:
    player.open(clips.video)
    assert player.wait_until(lambda: player.state == PlayerState.PLAYING, WAIT_S)
    assert player.set_volume(100) == 90
    player.reset_preferences()
    assert player.volume == 70


def test_without_libvlc_the_player_says_unavailable(clips: Clips) -> None:
    player = Player(None, unavailable_reason="libvlc cannot be loaded")
    player.open(clips.video)
    assert player.state == PlayerState.ERROR
    assert player.error == PlayerError.UNAVAILABLE
    assert not player.available


def test_audio_description_track_can_be_chosen_and_left(
    player: Player, vlc_backend: VlcBackend, clips: Clips
) -> None:
    player.open(clips.video, audio_description=clips.description)
    assert player.wait_until(lambda: len(vlc_backend.audio_tracks()) == 2, WAIT_S)
    main, description = (ident for ident, _ in vlc_backend.audio_tracks())
    player.set_audio_description(True)
    assert vlc_backend.current_audio_track() == description
    player.set_audio_description(False)
    assert vlc_backend.current_audio_track() == main


def test_a_kiosk_whose_libvlc_does_not_load_builds_an_unavailable_player(tmp_path: Path) -> None:
    script = (
        "from pathlib import Path\n"
        "from kiosk.media.service import build_media_service\n"
        "from kiosk.settings import Settings\n"
        f"service = build_media_service(Settings(cache_dir=Path({str(tmp_path)!r})))\n"
        "service.player.open(Path('story.mp4'))\n"
        "print(service.player.available, service.player.error)\n"
    )
    result = run_python(
        script, env=dict(os.environ, PYTHON_VLC_LIB_PATH=str(tmp_path / "libvlc.so.5"))
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "unavailable"]
    assert "stories cannot be played" in result.stderr


def test_a_prepared_story_shows_its_first_picture_still_and_starts_at_once_when_opened(
    player: Player, vlc_backend: VlcBackend, clips: Clips
) -> None:
    # On an artist's page their first story waits paused on its first picture, silently.
    states = record(player)
    assert player.prepare(clips.video)
    assert player.wait_until(lambda: vlc_backend.frames.latest() is not None, WAIT_S)
    frame = vlc_backend.frames.latest()
    assert frame is not None
    red, green, blue = frame.pixel(160, 120)
    assert max(abs(red - BLUE_RGB[0]), abs(green - BLUE_RGB[1]), abs(blue - BLUE_RGB[2])) < 12
    player.wait_until(lambda: False, 0.5)  # half a second on the artist's page
    assert player.state == PlayerState.IDLE and states == []
    assert vlc_backend.position_s() == 0.0  # still: nothing heard, nothing moving
    # The tap: the same picture stays up while the story starts from its beginning.
    player.open(clips.video)
    still = vlc_backend.frames.latest()
    assert still is not None and still.generation == frame.generation  # not cleared
    assert player.wait_until(lambda: player.state == PlayerState.PLAYING, WAIT_S)
    assert player.wait_until(lambda: player.position_s() > 0.3, WAIT_S)
    assert player.wait_until(lambda: player.state == PlayerState.ENDED, WAIT_S)
    assert states == [PlayerState.LOADING, PlayerState.PLAYING, PlayerState.ENDED]
    assert player.duration_s() == pytest.approx(CLIP_SECONDS, abs=0.2)


def test_a_story_tapped_while_it_is_being_prepared_still_starts(
    player: Player, clips: Clips
) -> None:
    states = record(player)
    player.prepare(clips.video)
    player.open(clips.video)  # at once, before libvlc has paused on the first picture
    assert player.wait_until(lambda: player.state == PlayerState.PLAYING, WAIT_S)
    assert player.wait_until(lambda: player.position_s() > 0.3, WAIT_S)
    assert states == [PlayerState.LOADING, PlayerState.PLAYING]


def test_another_story_tapped_plays_that_one_and_a_broken_prepared_one_says_so(
    player: Player, vlc_backend: VlcBackend, clips: Clips
) -> None:
    player.prepare(clips.video)
    player.open(clips.audio)
    assert player.wait_until(lambda: player.state == PlayerState.ENDED, WAIT_S)
    assert player.media == clips.audio
    player.close()
    player.prepare(clips.corrupt)
    player.wait_until(lambda: False, 0.5)
    assert player.state == PlayerState.IDLE  # nothing to say before the visitor asks
    player.open(clips.corrupt)
    assert player.wait_until(lambda: player.state == PlayerState.ERROR, WAIT_S)
    assert player.error == PlayerError.CORRUPT


def test_leaving_the_artist_page_releases_the_prepared_story(
    player: Player, vlc_backend: VlcBackend, clips: Clips
) -> None:
    player.prepare(clips.video)
    assert player.wait_until(lambda: vlc_backend.frames.latest() is not None, WAIT_S)
    player.drop_prepared()
    assert player.prepared is None
    player.open(clips.video)  # opened afresh: the released picture is not reused
    assert vlc_backend.frames.latest() is None
    assert player.wait_until(lambda: player.state == PlayerState.PLAYING, WAIT_S)


def test_a_paused_story_is_not_redrawn_until_it_moves_again(
    player: Player, vlc_backend: VlcBackend
) -> None:
    # libvlc shows a paused picture again about 15 times a second; each would be a copy and a
    # full repaint of the video on the kiosk's screen, for a picture that has not changed.
    moving = DEMO / "artists" / "artiste-exemple-1" / "stories" / "video.mp4"
    player.open(moving)
    assert player.wait_until(lambda: player.position_s() > 0.5, WAIT_S)
    player.pause()
    assert player.wait_until(lambda: player.state == PlayerState.PAUSED, WAIT_S)
    player.wait_until(lambda: False, 0.3)
    still = vlc_backend.frames.latest()
    assert still is not None
    player.wait_until(lambda: False, 1.0)
    assert vlc_backend.frames.latest() is still
    player.play()
    assert player.wait_until(lambda: vlc_backend.frames.latest() is not still, WAIT_S)


def test_a_closed_video_story_lets_go_of_its_pictures(
    player: Player, clips: Clips, vlc_backend: VlcBackend
) -> None:
    # A visitor leaves a video: until the next story the kiosk shows only its welcome loop, and
    # the decoded pictures (several megabytes at full HD) must not stay in memory all that time.
    player.open(clips.video)
    assert player.wait_until(lambda: vlc_backend.frames.latest() is not None, WAIT_S)
    assert vlc_backend.picture_bytes > 0
    player.close()
    assert vlc_backend.frames.latest() is None
    assert vlc_backend.picture_bytes == 0
    # The next story sets its pictures up again.
    player.open(clips.video)
    assert player.wait_until(lambda: vlc_backend.frames.latest() is not None, WAIT_S)
