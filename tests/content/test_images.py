"""Picture renditions: upright, screen-sized, cached by content."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PIL import Image

from kiosk.content.images import (
    exhibition_pictures,
    inspect_image,
    prepare_renditions,
    rendition,
    thumbnail,
)
from kiosk.content.loader import load_exhibition
from kiosk.ui.images import image_url
from tests.content.conftest import DEMO

SIDEWAYS = DEMO / "artists/artiste-exemple-1/photos/photo-2.jpg"


def test_rendition_is_upright_and_fits(tmp_path: Path) -> None:
    with Image.open(SIDEWAYS) as stored:
        assert stored.size == (853, 1280)  # stored on its side, with EXIF orientation 6
    out = rendition(SIDEWAYS, tmp_path, 640)
    with Image.open(out) as shown:
        assert shown.size == (640, 427)
        assert shown.format == "JPEG"
        # The drawing has its dark title band at the top once upright.
        assert sum(shown.getpixel((320, 10))) < 100


def test_rendition_is_made_once_per_content(tmp_path: Path) -> None:
    first = rendition(SIDEWAYS, tmp_path, 800)
    stamp = first.stat().st_mtime_ns
    copy = tmp_path / "same-photo-other-name.jpg"
    copy.write_bytes(SIDEWAYS.read_bytes())
    assert rendition(copy, tmp_path, 800) == first
    assert first.stat().st_mtime_ns == stamp
    assert rendition(SIDEWAYS, tmp_path, 400) != first


def test_transparent_logo_keeps_its_transparency(tmp_path: Path) -> None:
    out = thumbnail(DEMO / "logos/afrisson.png", tmp_path)
    with Image.open(out) as shown:
        assert shown.format == "PNG" and shown.mode == "RGBA"
        assert shown.getpixel((0, 0))[3] == 0


def test_large_photo_is_reduced_for_the_screen(tmp_path: Path) -> None:
    big = tmp_path / "big.jpg"
    Image.new("RGB", (6000, 4000), (120, 80, 40)).save(big, quality=70)
    with Image.open(rendition(big, tmp_path / "cache", 1920)) as shown:
        assert shown.size == (1920, 1280)


def test_unusable_picture_raises_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"")
    assert inspect_image(bad).fault == "empty"
    with pytest.raises(ValueError, match="empty"):
        rendition(bad, tmp_path / "cache", 640)


def test_every_demo_picture_is_prepared_once(tmp_path: Path) -> None:
    exhibition = load_exhibition(DEMO).exhibition
    assert exhibition is not None
    pictures = exhibition_pictures(exhibition)
    assert len(pictures) == 3 + 3 * 4 + 9  # welcome, portraits and photos, logos
    made = prepare_renditions(pictures, tmp_path)
    assert len(made) == 2 * len(pictures)
    stamps = {path: path.stat().st_mtime_ns for path in made.values()}
    again = prepare_renditions(pictures, tmp_path)
    assert {path: path.stat().st_mtime_ns for path in again.values()} == stamps


def test_a_bad_picture_is_left_out_of_the_preparation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"\\x89PNG broken")
    assert prepare_renditions([bad, SIDEWAYS], tmp_path / "cache", (320,)).keys() == {
        (SIDEWAYS, 320)
    }


@pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="pathlib interns the parts of new paths up to Python 3.11"
)
def test_showing_the_same_pictures_again_builds_no_new_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every page view asks for its pictures' renditions. Paths built anew each time put fresh
    # strings into the interpreter's interned-string table, whose dead slots made the one-hour
    # soak's memory climb (docs/reliability.md, 2026-11-28).
    pictures = sorted(DEMO.glob("artists/*/photos/*.jpg"))
    shown = [image_url(picture, tmp_path, 640) for picture in pictures]
    interned: list[str] = []
    real_intern = sys.intern
    monkeypatch.setattr(sys, "intern", lambda text: interned.append(text) or real_intern(text))
    for _visit in range(20):
        assert [image_url(picture, tmp_path, 640) for picture in pictures] == shown
    assert interned == []


def test_a_rendition_removed_from_the_cache_is_made_again(tmp_path: Path) -> None:
    first = rendition(SIDEWAYS, tmp_path, 500)
    first.unlink()  # a technician emptied the cache folder while the kiosk ran
    again = rendition(SIDEWAYS, tmp_path, 500)
    assert again == first
    with Image.open(again) as shown:
        assert max(shown.size) == 500
