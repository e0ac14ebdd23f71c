"""What the player says to a visitor, checked in each kiosk language (Qt-free)."""

from __future__ import annotations

import pytest

from kiosk.media.messages import caption_language_label, error_sentence
from kiosk.media.player import PlayerError


@pytest.mark.parametrize(
    ("visitor", "captions", "label"),
    [
        ("en", "fr", "Captions in French"),
        ("fr", "en", "Sous-titres en anglais"),
        ("de", "fr", "Untertitel auf Französisch"),
        ("es", "fr", "Subtítulos en francés"),
        ("ar", "fr", "ترجمة نصية باللغة الفرنسية"),
    ],
)
def test_captions_in_another_language_are_named_as_the_visitor_writes_it(
    visitor: str, captions: str, label: str
) -> None:
    assert caption_language_label(captions, visitor) == label


def test_captions_in_the_visitors_language_or_none_need_no_label() -> None:
    assert caption_language_label("fr", "fr") == ""
    assert caption_language_label(None, "en") == ""


def test_a_story_that_cannot_play_gets_a_calm_sentence_in_the_visitors_language() -> None:
    assert error_sentence(None, "fr") == ""
    french = error_sentence(PlayerError.CORRUPT, "fr")
    assert french and french != error_sentence(PlayerError.CORRUPT, "en")
    assert "libvlc" not in french.lower() and "error" not in french.lower()
