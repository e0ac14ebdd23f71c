"""Rules of the story player that do not need libvlc, checked with the fake backend.

What a visitor would notice if they broke: a story ending while another is already playing, a
seek after the end doing nothing, captions in a language the visitor did not choose without a
word, a broken caption file taking the story down, a transcript missing for an audio story.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.media.backend import BackendEvent, EventKind
from kiosk.media.caption_track import CaptionTrack, read_transcript
from kiosk.media.fake_backend import FakeBackend, FakeClock
from kiosk.media.player import Player, PlayerError, PlayerState
from tests.media.screen import CAPTIONS, write_captions


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def media(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(b"fake")
    return path


def test_a_late_end_of_the_previous_story_does_not_end_the_new_one(
    tmp_path: Path, clock: FakeClock
) -> None:
    first, second = media(tmp_path, "a.mp4"), media(tmp_path, "b.mp4")
    backend = FakeBackend(clock)
    player = Player(backend)
    player.open(first)
    player.pump()
    old_generation = player.generation
    player.open(second)
    player.pump()
    # libvlc may report the old medium's end after the new one started.
    assert backend._sink is not None  # the player's inbox, as libvlc's callback would post
    backend._sink(BackendEvent(EventKind.END_REACHED, old_generation))
    player.pump()
    assert player.state == PlayerState.PLAYING
    assert player.media == second


def test_seeking_after_the_end_plays_again_from_there(tmp_path: Path, clock: FakeClock) -> None:
    story = media(tmp_path, "a.mp4")
    backend = FakeBackend(clock, durations={story: 30.0})
    player = Player(backend)
    player.open(story)
    player.pump()
    clock.advance(30.0)
    player.pump()
    assert player.state == PlayerState.ENDED
    player.seek(12.0)
    player.pump()
    assert player.state == PlayerState.PLAYING
    assert player.position_s() == pytest.approx(12.0)


def test_a_story_that_never_finishes_loading_becomes_an_error(
    tmp_path: Path, clock: FakeClock
) -> None:
    story = media(tmp_path, "a.mp4")
    player = Player(FakeBackend(clock))
    player.open(story)  # events not pumped: as if libvlc never answered
    player.give_up_loading(player.generation)
    assert player.state == PlayerState.ERROR
    assert player.error == PlayerError.CORRUPT


def test_a_broken_file_fails_like_libvlc_reports_it(tmp_path: Path, clock: FakeClock) -> None:
    story = media(tmp_path, "broken.mp4")
    player = Player(FakeBackend(clock, broken=frozenset({story})))
    player.open(story)
    player.pump()
    assert player.state == PlayerState.ERROR


def test_captions_fall_back_to_the_default_language_and_say_so(tmp_path: Path) -> None:
    track = CaptionTrack(write_captions(tmp_path), default_language="fr")
    assert track.select("de") == "fr"
    assert track.fallback
    assert track.text_at(2.5) == CAPTIONS["fr"][1]
    assert track.select("en") == "en"
    assert not track.fallback


def test_an_unreadable_caption_file_is_skipped_for_the_next_language(tmp_path: Path) -> None:
    files = write_captions(tmp_path)
    files["en"].write_text("not a caption file at all\n", "utf-8")
    track = CaptionTrack(files, default_language="fr")
    assert track.select("en") == "fr"
    assert track.text_at(0.5) == CAPTIONS["fr"][0]


def test_between_cues_no_caption_shows_but_the_transcript_keeps_the_last_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "gap.fr.vtt"
    path.write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nun\n\n00:03.000 --> 00:04.000\ndeux\n")
    track = CaptionTrack({"fr": path}, default_language="fr")
    track.select("fr")
    assert track.text_at(2.0) == ""
    assert track.latest_at(2.0) == 0


def test_a_written_transcript_is_read_as_paragraphs_in_the_nearest_language(
    tmp_path: Path,
) -> None:
    french = tmp_path / "entretien.fr.md"
    french.write_text("# Transcription\n\n*Enregistré à Saint-Denis.*\n\nPremière\nligne.\n")
    paragraphs = read_transcript({"fr": french}, language="ar", default_language="fr")
    assert paragraphs == ["Transcription", "Enregistré à Saint-Denis.", "Première ligne."]


def test_a_lower_staff_maximum_quietens_a_playing_story_at_once(
    tmp_path: Path, clock: FakeClock, qapp: object
) -> None:
    from kiosk.ui.player_model import PlayerModel

    story = media(tmp_path, "a.mp4")
    backend = FakeBackend(clock, durations={story: 30.0})
    model = PlayerModel(Player(backend, volume_default=70, volume_max=90), backend.frames)
    model.player.open(story)
    model.player.pump()
    model.setVolume(90)
    assert model.property("volume") == 90

    model.set_volume_limits(default=40, maximum=50)

    assert model.property("volume") == 50
    assert model.property("volumeMax") == 50
    model.setVolume(80)
    assert model.property("volume") == 50
    model.player.reset_preferences()  # the next visitor starts at the new default
    assert model.player.volume == 40
