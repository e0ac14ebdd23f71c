"""What the visitor reads beside a story (kiosk/media/story_captions.py), without Qt or libvlc:
the captions and the written transcript follow the visitor's language, the caption changes only
when the story reaches another cue, and "captions off" survives from one story to the next."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.model import LocalizedText, Story, StoryKind
from kiosk.media.story_captions import StoryCaptions
from tests.media.screen import CAPTIONS, write_captions


def audio_story(tmp_path: Path) -> Story:
    transcripts = {}
    for language, text in {"fr": "Je suis arrivé en 1990.", "en": "I arrived in 1990."}.items():
        path = tmp_path / f"transcript.{language}.md"
        path.write_text(f"# {text}\n", "utf-8")
        transcripts[language] = path
    media = tmp_path / "story.ogg"
    media.write_bytes(b"")
    return Story(
        "s1", StoryKind.AUDIO, LocalizedText({"fr": "Récit"}), media, transcripts=transcripts
    )


def video_story(tmp_path: Path, ident: str) -> Story:
    media = tmp_path / f"{ident}.mp4"
    media.write_bytes(b"")
    files = write_captions(tmp_path)
    return Story(ident, StoryKind.VIDEO, LocalizedText({"fr": "Récit"}), media, captions=files)


def test_a_written_transcript_follows_the_visitors_language(tmp_path: Path) -> None:
    captions = StoryCaptions("fr")
    captions.load(audio_story(tmp_path))
    assert [cue.text for cue in captions.transcript()] == ["Je suis arrivé en 1990."]
    assert captions.set_language("en")
    assert [cue.text for cue in captions.transcript()] == ["I arrived in 1990."]
    # Untimed paragraphs: tapping one cannot seek anywhere.
    assert captions.cue_start(0) is None


def test_the_caption_changes_only_at_the_next_cue(tmp_path: Path) -> None:
    captions = StoryCaptions("fr")
    captions.load(video_story(tmp_path, "s2"))
    assert captions.follow(0.5)
    assert captions.text() == CAPTIONS["fr"][0]
    assert not captions.follow(0.6)  # same cue: nothing to redraw
    captions.set_language("en")
    assert captions.follow(0.6)  # same moment, new language: redrawn
    assert captions.text() == CAPTIONS["en"][0]


def test_captions_off_stays_off_for_the_next_story(tmp_path: Path) -> None:
    captions = StoryCaptions("fr")
    captions.load(video_story(tmp_path, "first"))
    captions.enabled = False  # the visitor turned them off during the first story
    captions.load(video_story(tmp_path, "second"))
    assert captions.follow(0.5)
    assert captions.text() == ""
    captions.enabled = True
    assert captions.text() == CAPTIONS["fr"][0]


def test_leaving_the_story_leaves_nothing_to_show(tmp_path: Path) -> None:
    captions = StoryCaptions("fr")
    captions.load(video_story(tmp_path, "first"))
    captions.follow(0.5)
    captions.load(None)
    assert captions.text() == ""
    assert captions.transcript() == [] and captions.shown_language is None
