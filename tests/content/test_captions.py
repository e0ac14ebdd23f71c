"""Caption files as the player and the transcript screen read them."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.captions import CaptionError, Cue, parse_captions
from tests.content.conftest import DEMO


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_vtt_cues_come_out_in_seconds_with_their_text(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a.vtt",
        "WEBVTT\n\nNOTE a comment\n\nintro\n00:00.500 --> 00:02.000 align:start\nBonjour\n\n"
        "01:00:01.000 --> 01:00:03.250\n<i>Deux</i> lignes\nici\n",
    )
    assert parse_captions(path) == [
        Cue(0.5, 2.0, "Bonjour"),
        Cue(3601.0, 3603.25, "Deux lignes\nici"),
    ]


def test_srt_cues_come_out_in_seconds(tmp_path: Path) -> None:
    path = write(tmp_path, "a.srt", "1\n00:00:01,000 --> 00:00:02,500\nSalut\n\n")
    assert parse_captions(path) == [Cue(1.0, 2.5, "Salut")]


def test_demo_arabic_captions_parse() -> None:
    cues = parse_captions(DEMO / "artists/artiste-exemple-1/stories/video.ar.vtt")
    assert len(cues) == 3 and cues[0].text.startswith("مرحبًا")


@pytest.mark.parametrize(
    ("name", "text", "line", "kind"),
    [
        ("nohead.vtt", "00:00.000 --> 00:01.000\nx\n", 1, "header"),
        ("arrow.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nx\n\n00:01.000 -> 00:02.000\ny\n", 6,
         "timing"),
        ("stamp.vtt", "WEBVTT\n\n00:00 --> 00:01.000\nx\n", 3, "timing"),
        ("order.vtt", "WEBVTT\n\n00:05.000 --> 00:01.000\nx\n", 3, "order"),
        ("cue.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nx\n\nstray text\nmore\n", 6, "timing"),
        ("bad.srt", "1\n00:00:01,000 --> 00:00:02,000\nx\n\n2\n00:00:03 --> 00:00:04,000\ny\n", 6,
         "timing"),
    ],
)  # fmt: skip
def test_malformed_captions_give_the_line(
    tmp_path: Path, name: str, text: str, line: int, kind: str
) -> None:
    with pytest.raises(CaptionError) as caught:
        parse_captions(write(tmp_path, name, text))
    assert (caught.value.line, caught.value.kind) == (line, kind)
    assert caught.value.file.name == name


def test_non_utf8_captions_give_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin.vtt"
    path.write_bytes("WEBVTT\n\n00:00.000 --> 00:01.000\nÇa va\n".encode("latin-1"))
    with pytest.raises(CaptionError) as caught:
        parse_captions(path)
    assert (caught.value.line, caught.value.kind) == (4, "encoding")


def test_other_extensions_are_refused(tmp_path: Path) -> None:
    with pytest.raises(CaptionError):
        parse_captions(write(tmp_path, "a.txt", "WEBVTT\n"))
