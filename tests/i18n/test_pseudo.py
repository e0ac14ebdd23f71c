"""The pseudo-locale: every string about 40% longer, bracketed, placeholders intact."""

from __future__ import annotations

import pytest

from kiosk.i18n.catalog import translation
from kiosk.i18n.placeholders import placeholders
from kiosk.i18n.pseudo import pseudolocalize

SENTENCES = [
    "Watch and listen to their stories",
    "The musicians",
    "File {name} is missing",
    "Version {id} is active again.",
    "%s of %s copied",
    "%(count)d files in %(folder)s",
    "Part %1 of %2",
    "%n artists",
    "Touch the screen to start, then choose a musician to hear their story.",
]


def test_start_becomes_accented_bracketed_and_padded() -> None:
    assert pseudolocalize("Start") == "[Šţåŕţ ~~~~]"


@pytest.mark.parametrize("text", SENTENCES)
def test_strings_grow_by_about_forty_percent(text: str) -> None:
    longer = pseudolocalize(text)
    assert longer.startswith("[") and longer.endswith("]")
    assert len(longer) >= 1.4 * len(text)
    if len(text) >= 20:
        assert len(longer) <= 1.5 * len(text)


@pytest.mark.parametrize("text", SENTENCES)
def test_placeholders_are_kept_intact(text: str) -> None:
    assert placeholders(pseudolocalize(text)) == placeholders(text)


def test_pseudo_text_still_formats() -> None:
    assert "report.txt" in pseudolocalize("File {name} is missing").format(name="report.txt")


def test_words_no_longer_read_as_plain_english() -> None:
    assert "Watch" not in pseudolocalize("Watch and listen")


def test_pseudo_catalogue_serves_gettext_and_plurals() -> None:
    catalogue = translation("pseudo")
    assert catalogue.gettext("Back") == pseudolocalize("Back")
    assert catalogue.ngettext("{n} story", "{n} stories", 1) == pseudolocalize("{n} story")
    assert catalogue.ngettext("{n} story", "{n} stories", 4) == pseudolocalize("{n} stories")
