"""What the pages show of the exhibition, in the visitor's language.

One QObject, reached from QML as ``kiosk.content``: the exhibition's introduction, the artists'
list model for the grid, one artist's details, the programme grouped by day with "now" and
"next", and the about page's text, credits and organisations. Slots take the language as an
argument so a QML binding that passes ``kiosk.language`` is re-evaluated, in place, when the
visitor switches language.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.content.model import Exhibition
from kiosk.ui.about_model import about_groups
from kiosk.ui.artists_model import ArtistsModel, artist_details, artist_pictures
from kiosk.ui.images import PORTRAIT_PX, image_url
from kiosk.ui.localized import localized_entry
from kiosk.ui.programme_model import kiosk_now, programme_days
from kiosk.ui.qml_notify import notify_later

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlUncreatable("ExhibitionView is created by the application")
class ExhibitionView(QObject):  # type: ignore[operator]
    """The exhibition's content for the pages.

    Attributes:
        clock: returns the current moment: aware (shown in the kiosk's time zone), or naive and
            already kiosk-local (``--now`` in demonstrations).
    """

    exhibitionChanged = Signal()

    def __init__(
        self,
        exhibition: Exhibition,
        language: str,
        clock: Callable[[], datetime],
        timezone: str,
        cache_dir: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._exhibition = exhibition
        self.clock = clock
        self._timezone = timezone
        self._cache_dir = cache_dir
        self._artists = ArtistsModel(exhibition, language, cache_dir, self)

    def set_exhibition(self, exhibition: Exhibition) -> None:
        self._exhibition = exhibition
        self._artists.set_exhibition(exhibition)
        notify_later(self, "exhibitionChanged")

    def set_timezone(self, timezone: str) -> None:
        """Staff moved the kiosk to another time zone: "now" and "next" follow from here on."""
        self._timezone = timezone

    def set_language(self, language: str) -> None:
        self._artists.set_language(language)

    def _artists_model(self) -> ArtistsModel:
        return self._artists

    artists = Property(QObject, _artists_model, constant=True)  # type: ignore[arg-type]

    def _artist_count(self) -> int:
        return len(self._exhibition.artists)

    artistCount = Property(int, _artist_count, notify=exhibitionChanged)  # type: ignore[arg-type]

    @Slot(str, result="QVariantMap")
    def intro(self, language: str) -> dict[str, str]:
        """The introduction over the musicians' grid: ``text`` ("" for none) and its ``notice``."""
        return localized_entry(self._exhibition.intro, language, self._exhibition.default_language)

    @Slot(str, str, result="QVariantMap")
    def artist(self, artist_id: str, language: str) -> dict[str, Any]:
        return artist_details(self._exhibition, artist_id, language, self._cache_dir)

    @Slot(int, result="QVariantList")
    def portraits(self, count: int) -> list[str]:
        """The first ``count`` artists' portraits (the home page's musicians tile)."""
        found = [a.portrait for a in self._exhibition.artists if a.portrait is not None]
        return [image_url(path, self._cache_dir, PORTRAIT_PX) for path in found[:count]]

    @Slot(str, result="QVariantList")
    def artistPictures(self, artist_id: str) -> list[str]:
        """The gallery's pictures; not tied to the language, so a switch keeps the photo shown."""
        return artist_pictures(self._exhibition, artist_id, self._cache_dir)

    @Slot(str, result="QVariantList")
    def programme(self, language: str) -> list[dict[str, Any]]:
        # The zone is applied here, at each call, not when the clock is made: staff may change it.
        now = kiosk_now(self.clock(), self._timezone)
        return programme_days(self._exhibition, language, now, self._timezone, self._cache_dir)

    @Slot(str, result="QVariantList")
    def organisations(self, language: str) -> list[dict[str, Any]]:
        return about_groups(self._exhibition, language, self._cache_dir)

    @Slot(str, result="QVariantMap")
    def aboutText(self, language: str) -> dict[str, str]:
        """The about page's presentation: ``text`` ("" for none) and its language ``notice``."""
        return localized_entry(
            self._exhibition.about_text, language, self._exhibition.default_language
        )

    @Slot(str, result="QVariantMap")
    def credits(self, language: str) -> dict[str, str]:
        """The about page's credits: ``text`` ("" for none) and its language ``notice``."""
        return localized_entry(
            self._exhibition.credits, language, self._exhibition.default_language
        )
