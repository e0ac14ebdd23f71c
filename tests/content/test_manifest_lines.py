"""Finding the line of a key in a TOML manifest (tomllib gives none)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk.content.loader import load_exhibition
from kiosk.content.manifest import KeyLines, format_key
from tests.content.conftest import ARTIST

TEXT = '''# comment
[artist]
name = "A"
photos = [
  "a.jpg",
  "b.jpg",
]
bio = """first line
name = "not a key"
"""
instrument = { fr = "Kora", en = "Kora" }

[[story]]
id = "one"
title.fr = "Un"

[[story]]
id = "two"

[story.captions]
fr = "two.fr.vtt"
'''


@pytest.mark.parametrize(
    ("path", "value", "line"),
    [
        (("artist", "name"), None, 3),
        (("artist", "photos", 1), "b.jpg", 6),
        (("artist", "instrument", "en"), None, 11),
        (("story", 0, "id"), None, 14),
        (("story", 0, "title", "fr"), None, 15),
        (("story", 1, "id"), None, 18),
        (("story", 1, "captions", "fr"), None, 21),
        (("story", 1, "captions", "de"), None, 20),  # missing key: its table's line
        (("artist", "missing"), None, 2),
    ],
)
def test_key_lines(path: tuple[str | int, ...], value: str | None, line: int) -> None:
    assert KeyLines(TEXT).line_of(path, value) == line


def test_text_inside_multiline_strings_is_not_a_key() -> None:
    lines = KeyLines('[a]\nx = """\nname = 1\n"""\nname = 2\n')
    assert lines.line_of(("a", "name")) == 5


def test_key_paths_are_written_as_staff_count() -> None:
    assert format_key(("story", 1, "captions", "fr")) == "story[2].captions.fr"


def test_hidden_broken_item_is_logged(package: Path, caplog: pytest.LogCaptureFixture) -> None:
    (package / ARTIST / "stories" / "video.mp4").unlink()
    with caplog.at_level(logging.ERROR, logger="kiosk.content.loader"):
        result = load_exhibition(package)
    assert result.exhibition is not None and not result.exhibition.artists[0].stories
    assert any("story[1].media" in record.getMessage() for record in caplog.records)
