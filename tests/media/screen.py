"""Helpers for screen tests of the player: a story with captions, the page in a QQuickView."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtQuick import QQuickItem, QQuickView

import kiosk.ui.player_model
import kiosk.ui.video_item  # registers VideoItem for QML
from kiosk.content.model import Artist, Exhibition, LocalizedText, Story, StoryKind

QML_DIR = Path(kiosk.ui.player_model.__file__).resolve().parent / "qml"

CAPTIONS = {
    "fr": ["Je suis arrivé à Saint-Denis", "La musique du quartier"],
    "en": ["I came to Saint-Denis", "The music of the neighbourhood"],
}


def write_captions(folder: Path) -> dict[str, Path]:
    """Two cues per language: 0-2 s and 2-4 s."""
    files = {}
    for language, (first, second) in CAPTIONS.items():
        path = folder / f"story.{language}.vtt"
        path.write_text(
            f"WEBVTT\n\n00:00.000 --> 00:02.000\n{first}\n\n00:02.000 --> 00:04.000\n{second}\n",
            "utf-8",
        )
        files[language] = path
    return files


def exhibition_with(story: Story, root: Path) -> Exhibition:
    artist = Artist(
        id="amadou",
        name="Amadou",
        instrument=LocalizedText({"fr": "kora"}),
        origin=LocalizedText({"fr": "Mali"}),
        town="Saint-Denis",
        bio=LocalizedText({"fr": "…"}),
        portrait=None,
        stories=(story,),
    )
    return Exhibition(
        root=root,
        id="test",
        title=LocalizedText({"fr": "Exposition", "en": "Exhibition"}),
        default_language="fr",
        languages=("fr", "en"),
        artists=(artist,),
    )


def story(media: Path, captions: dict[str, Path], kind: StoryKind = StoryKind.VIDEO) -> Story:
    return Story(
        id="arrivee",
        kind=kind,
        title=LocalizedText({"fr": "L'arrivée", "en": "Arriving"}),
        media=media,
        captions=captions,
    )


def show_page(name: str, properties: dict[str, QObject], size: tuple[int, int]) -> QQuickView:
    """A window showing ``qml/<name>.qml`` with its required properties set."""
    view = QQuickView()
    view.setInitialProperties(properties)
    view.setResizeMode(QQuickView.ResizeMode.SizeRootObjectToView)
    view.resize(*size)
    view.setSource(QUrl.fromLocalFile(str(QML_DIR / f"{name}.qml")))
    assert view.status() == QQuickView.Status.Ready, view.errors()
    view.show()
    return view


def item(view: QQuickView, object_name: str) -> QQuickItem:
    found = view.rootObject().findChild(QQuickItem, object_name)
    assert found is not None, f"no item named {object_name}"
    return found
