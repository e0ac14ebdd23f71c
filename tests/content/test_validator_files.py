"""The validator on broken pictures, media and captions: each problem names the manifest line
that points at the file (or the caption file's own line), the field, and the file itself."""

from __future__ import annotations

import os
from pathlib import Path

from PIL import Image, PngImagePlugin

from kiosk.content.report import Problem, Report, Severity
from kiosk.content.validate import validate_package
from tests.content.conftest import ARTIST, edit, line_of, make_clip

MANIFEST = f"{ARTIST.as_posix()}/artist.toml"


def only(report: Report, code: str) -> Problem:
    found = [problem for problem in report if problem.code == code]
    assert len(found) == 1, f"expected one {code}, got {report.problems}"
    return found[0]


def media_problem(package: Path, code: str) -> Problem:
    report = validate_package(package, "en")
    problem = only(report, code)
    assert problem.severity is Severity.ERROR
    assert not report.publishable
    assert problem.file == MANIFEST
    assert problem.line == line_of(package / MANIFEST, 'media = "stories/video.mp4"')
    assert problem.field == "story[1].media"
    assert f"{ARTIST.as_posix()}/stories/video.mp4" in problem.message
    assert problem.hint
    return problem


def test_cut_off_mp4_is_reported_as_incomplete(package: Path) -> None:
    video = package / ARTIST / "stories" / "video.mp4"
    data = video.read_bytes()
    video.write_bytes(data[: len(data) // 2])
    assert "incomplete" in media_problem(package, "media.truncated").message


def test_cut_off_mp4_with_index_at_the_end_is_reported_as_incomplete(
    package: Path, tmp_path: Path
) -> None:
    # ffmpeg's default layout puts the index (moov) last: a cut copy loses it.
    clip = make_clip(tmp_path / "clip.mp4", "testsrc2=size=320x180:rate=25:duration=1")
    data = clip.read_bytes()
    (package / ARTIST / "stories" / "video.mp4").write_bytes(data[: len(data) - 300])
    media_problem(package, "media.truncated")


def test_zero_byte_media_is_reported_as_empty(package: Path) -> None:
    (package / ARTIST / "stories" / "video.mp4").write_bytes(b"")
    assert "0 bytes" in media_problem(package, "media.empty").message


def test_png_renamed_mp4_is_named_for_what_it_is(package: Path) -> None:
    Image.new("RGB", (64, 64), "red").save(package / ARTIST / "stories" / "video.mp4", "PNG")
    assert "PNG" in media_problem(package, "media.wrong_kind").message


def test_noise_named_mp4_cannot_be_decoded_by_libvlc(package: Path) -> None:
    (package / ARTIST / "stories" / "video.mp4").write_bytes(os.urandom(50_000))
    media_problem(package, "media.undecodable")


def picture_problem(package: Path, code: str) -> Problem:
    report = validate_package(package, "en")
    problem = only(report, code)
    assert problem.severity is Severity.ERROR
    assert (problem.file, problem.field) == (MANIFEST, "artist.portrait")
    assert problem.line == line_of(package / MANIFEST, 'portrait = "portrait.jpg"')
    assert f"{ARTIST.as_posix()}/portrait.jpg" in problem.message
    return problem


def test_decompression_bomb_is_refused_not_crashing(package: Path) -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("comment", "A" * (20 * 1024 * 1024), zip=True)  # 20 MB of text in ~20 kB
    Image.new("RGB", (800, 1000)).save(package / ARTIST / "portrait.jpg", "PNG", pnginfo=info)
    assert "decompression bomb" in picture_problem(package, "image.bomb").message


def test_20000_pixel_square_png_is_refused_with_its_size(package: Path) -> None:
    Image.new("1", (20000, 20000)).save(package / ARTIST / "portrait.jpg", "PNG")
    problem = picture_problem(package, "image.too_many_pixels")
    assert "20000 × 20000" in problem.message


def test_cut_off_jpeg_is_reported_as_incomplete(package: Path) -> None:
    portrait = package / ARTIST / "portrait.jpg"
    Image.effect_noise((800, 1000), 60).convert("RGB").save(portrait, "JPEG", quality=90)
    data = portrait.read_bytes()
    portrait.write_bytes(data[: len(data) // 2])
    picture_problem(package, "image.truncated")


def test_gif_is_not_an_accepted_picture_format(package: Path) -> None:
    Image.new("RGB", (800, 1000)).save(package / ARTIST / "portrait.jpg", "GIF")
    picture_problem(package, "image.format")


def test_text_file_named_jpg_is_not_a_picture(package: Path) -> None:
    (package / ARTIST / "portrait.jpg").write_text("not a picture", "utf-8")
    picture_problem(package, "image.not_image")


def test_malformed_vtt_points_at_the_caption_line(package: Path) -> None:
    captions = package / ARTIST / "stories" / "video.fr.vtt"
    captions.write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nBonjour\n\n00:01,5 -> 2\nx\n", "utf-8")
    report = validate_package(package, "en")
    problem = only(report, "caption.timing")
    assert problem.severity is Severity.ERROR
    assert problem.file == f"{ARTIST.as_posix()}/stories/video.fr.vtt"
    assert problem.line == 6
    assert problem.field == "story[1].captions.fr"


def test_vtt_in_latin1_points_at_the_first_bad_line(package: Path) -> None:
    captions = package / ARTIST / "stories" / "video.en.vtt"
    captions.write_bytes("WEBVTT\n\n00:00.000 --> 00:01.000\nÉté\n".encode("latin-1"))
    problem = only(validate_package(package, "en"), "caption.encoding")
    assert (problem.file, problem.line) == (f"{ARTIST.as_posix()}/stories/video.en.vtt", 4)


def test_captions_after_the_end_of_the_video_are_a_warning(package: Path) -> None:
    captions = package / ARTIST / "stories" / "video.fr.vtt"
    captions.write_text("WEBVTT\n\n10:00.000 --> 10:02.000\nTrop tard\n", "utf-8")
    report = validate_package(package, "en")
    problem = only(report, "caption.after_end")
    assert problem.severity is Severity.WARNING
    assert report.publishable


def test_video_without_captions_is_an_accessibility_warning(package: Path) -> None:
    manifest = package / MANIFEST
    text = manifest.read_text("utf-8")
    manifest.write_text(text[: text.index("[story.captions]")], "utf-8")
    report = validate_package(package, "en")
    problem = only(report, "story.no_captions")
    assert problem.severity is Severity.WARNING
    assert "artiste-exemple-video" in problem.message
    assert report.publishable


def test_very_large_video_is_a_stutter_warning(package: Path) -> None:
    make_clip(
        package / ARTIST / "stories" / "video.mp4",
        "color=c=blue:size=2560x1440:rate=5:duration=0.4",
        "-movflags",
        "+faststart",
    )
    report = validate_package(package, "en")
    problem = only(report, "media.large_picture")
    assert problem.severity is Severity.WARNING
    assert "2560 × 1440" in problem.message
    assert report.publishable


def test_named_pipe_inside_the_package_is_an_error(package: Path) -> None:
    os.mkfifo(package / ARTIST / "photos" / "pipe.jpg")
    problem = only(validate_package(package, "en"), "path.special")
    assert problem.file == f"{ARTIST.as_posix()}/photos/pipe.jpg"


def test_validator_never_writes_to_the_package(package: Path) -> None:
    (package / ARTIST / "stories" / "video.mp4").write_bytes(b"")
    before = {p: (p.stat().st_mtime_ns, p.stat().st_size) for p in package.rglob("*")}
    validate_package(package, "en")
    after = {p: (p.stat().st_mtime_ns, p.stat().st_size) for p in package.rglob("*")}
    assert before == after


def test_broken_audio_description_is_reported_at_its_line(package: Path) -> None:
    edit(
        package / MANIFEST,
        'media = "stories/video.mp4"',
        'media = "stories/video.mp4"\naudio_description = "stories/description.m4a"',
    )
    (package / ARTIST / "stories" / "description.m4a").write_bytes(os.urandom(20_000))
    problem = only(validate_package(package, "en"), "media.undecodable")
    assert problem.field == "story[1].audio_description"
    assert problem.line == line_of(package / MANIFEST, "audio_description =")
