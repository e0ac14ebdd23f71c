"""The exhibition's musicians for QML: a list model for the grid, and one artist's details.

Texts follow the visitor's language (content falls back to the exhibition's default language).
Pictures are handed over as URLs of screen-sized renditions.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.content.model import Artist, Exhibition
from kiosk.ui.images import PHOTO_PX, PORTRAIT_PX, image_url
from kiosk.ui.localized import text_and_notice

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

ModelIndex = QModelIndex | QPersistentModelIndex


class ArtistRole(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    NAME = Qt.ItemDataRole.UserRole + 2
    INSTRUMENT = Qt.ItemDataRole.UserRole + 3
    ORIGIN = Qt.ItemDataRole.UserRole + 4
    TOWN = Qt.ItemDataRole.UserRole + 5
    PORTRAIT = Qt.ItemDataRole.UserRole + 6
    EXAMPLE = Qt.ItemDataRole.UserRole + 7
    STORY_COUNT = Qt.ItemDataRole.UserRole + 8


ROLE_NAMES = {
    ArtistRole.ID: b"artistId",
    ArtistRole.NAME: b"name",
    ArtistRole.INSTRUMENT: b"instrument",
    ArtistRole.ORIGIN: b"origin",
    ArtistRole.TOWN: b"town",
    ArtistRole.PORTRAIT: b"portrait",
    ArtistRole.EXAMPLE: b"example",
    ArtistRole.STORY_COUNT: b"storyCount",
}


@QmlElement
@QmlUncreatable("ArtistsModel is created by the application")
class ArtistsModel(QAbstractListModel):  # type: ignore[operator]
    """One row per artist, in the order the content package gives."""

    def __init__(
        self,
        exhibition: Exhibition,
        language: str,
        cache_dir: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._exhibition = exhibition
        self._language = language
        self._cache_dir = cache_dir
        self._portraits: dict[str, str] = {}

    def set_exhibition(self, exhibition: Exhibition) -> None:
        self.beginResetModel()
        self._exhibition = exhibition
        self._portraits.clear()
        self.endResetModel()

    def set_language(self, language: str) -> None:
        """Texts change in place, so the grid keeps its scroll position."""
        self._language = language
        if self.rowCount():
            self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._exhibition.artists)

    def roleNames(self) -> dict[int, QByteArray]:
        return {int(role): QByteArray(name) for role, name in ROLE_NAMES.items()}

    def _portrait(self, artist: Artist) -> str:
        if artist.id not in self._portraits:
            self._portraits[artist.id] = image_url(artist.portrait, self._cache_dir, PORTRAIT_PX)
        return self._portraits[artist.id]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._exhibition.artists):
            return None
        artist = self._exhibition.artists[index.row()]
        default = self._exhibition.default_language
        values: dict[int, Any] = {
            ArtistRole.ID: artist.id,
            ArtistRole.NAME: artist.name,
            ArtistRole.INSTRUMENT: artist.instrument.get(self._language, default),
            ArtistRole.ORIGIN: artist.origin.get(self._language, default),
            ArtistRole.TOWN: artist.town,
            ArtistRole.EXAMPLE: artist.example,
            ArtistRole.STORY_COUNT: len(artist.stories),
        }
        if role == Qt.ItemDataRole.DisplayRole:
            return artist.name
        if role == ArtistRole.PORTRAIT:
            return self._portrait(artist)
        return values.get(role)


def artist_details(
    exhibition: Exhibition, artist_id: str, language: str, cache_dir: Path | None
) -> dict[str, Any]:
    """Everything the artist page shows, as plain values QML can bind to."""
    artist = exhibition.artist(artist_id)
    if artist is None:
        return {"found": False, "name": "", "bio": "", "bioNotice": "", "photos": [], "stories": []}
    default = exhibition.default_language
    bio, bio_notice = text_and_notice(artist.bio, language, default)
    return {
        "found": True,
        "id": artist.id,
        "name": artist.name,
        "instrument": artist.instrument.get(language, default),
        "origin": artist.origin.get(language, default),
        "town": artist.town,
        "example": artist.example,
        "bio": bio,
        "bioNotice": bio_notice,
        "portrait": image_url(artist.portrait, cache_dir, PORTRAIT_PX),
        "photos": [image_url(photo, cache_dir, PHOTO_PX) for photo in artist.photos],
        "stories": [
            {
                "id": story.id,
                "title": story.title.get(language, default),
                "summary": story.summary.get(language, default),
                "kind": str(story.kind),
            }
            for story in artist.stories
        ],
    }


def artist_pictures(exhibition: Exhibition, artist_id: str, cache_dir: Path | None) -> list[str]:
    """The photos of the gallery, or the portrait alone when there are none."""
    artist = exhibition.artist(artist_id)
    if artist is None:
        return []
    if artist.photos:
        return [image_url(photo, cache_dir, PHOTO_PX) for photo in artist.photos]
    portrait = image_url(artist.portrait, cache_dir, PHOTO_PX)
    return [portrait] if portrait else []
