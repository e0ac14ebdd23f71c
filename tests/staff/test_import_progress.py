"""The import's progress line, as a staff member reads it in the panel's language."""

from __future__ import annotations

import pytest

from kiosk.content.import_progress import ImportProgress, Phase
from kiosk.staff.import_progress import describe_progress

COPYING = ImportProgress(
    Phase.COPYING,
    bytes_done=12_500_000,
    bytes_total=40_000_000,
    bytes_per_s=8_100_000,
    seconds_left=4.2,
)
EXPECTED = {
    "fr": "12,5 sur 40,0 Mo · 8,1 Mo/s · encore 4\xa0s",
    "en": "12.5 of 40.0 MB · 8.1 MB/s · 4 s left",
    "de": "12,5 von 40,0 MB · 8,1 MB/s",
}


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_progress_uses_the_language_decimal_separator(language: str) -> None:
    assert describe_progress(COPYING, language).startswith(EXPECTED[language])


def test_progress_without_an_estimate_leaves_the_time_out() -> None:
    unknown = ImportProgress(Phase.COPYING, 0, 40_000_000)
    assert describe_progress(unknown, "fr") == "0,0 sur 40,0 Mo · 0,0 Mo/s"
