"""Media probing with the real libvlc on generated files."""

from __future__ import annotations

import os
from pathlib import Path

from PIL import Image

from kiosk.content.probe import mp4_fault, probe_media, sniff
from tests.content.conftest import DEMO

VIDEO = DEMO / "artists/artiste-exemple-1/stories/video.mp4"
AUDIO = DEMO / "artists/artiste-exemple-1/stories/entretien.m4a"


def test_demo_video_and_audio_are_described() -> None:
    infos = probe_media([VIDEO, AUDIO])
    video, audio = infos[VIDEO], infos[AUDIO]
    assert video.parsed and video.has_video and video.has_audio
    assert (video.width, video.height) == (640, 360)
    assert "h264" in video.codecs
    assert video.duration_s is not None and 10 < video.duration_s < 15
    assert audio.parsed and audio.has_audio and not audio.has_video


def test_a_file_that_never_answers_times_out_without_blocking_the_others(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.mp4"
    os.mkfifo(pipe)
    infos = probe_media([pipe, VIDEO], timeout_s=0.3)
    assert infos[pipe].timed_out and not infos[pipe].parsed
    assert infos[VIDEO].parsed


def test_sniffing_tells_what_a_file_really_is(tmp_path: Path) -> None:
    png = tmp_path / "image.mp4"
    Image.new("RGB", (8, 8)).save(png, "PNG")
    assert (sniff(png), sniff(VIDEO), sniff(AUDIO)) == ("png", "mp4", "mp4")


def test_mp4_structure_finds_a_cut_copy(tmp_path: Path) -> None:
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(VIDEO.read_bytes()[:-1000])
    assert (mp4_fault(VIDEO), mp4_fault(cut)) == (None, "truncated")
