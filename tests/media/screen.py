"""Helpers for screen tests of the player: a story with captions, the page in a QQuickView."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QPointF, Qt, QUrl
from PySide6.QtQuick import QQuickItem, QQuickView
from PySide6.QtTest import QTest

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


def story(
    media: Path,
    captions: dict[str, Path],
    kind: StoryKind = StoryKind.VIDEO,
    audio_description: Path | None = None,
) -> Story:
    return Story(
        id="arrivee",
        kind=kind,
        title=LocalizedText({"fr": "L'arrivée", "en": "Arriving"}),
        media=media,
        captions=captions,
        audio_description=audio_description,
    )


def write_long_captions(folder: Path, count: int) -> dict[str, Path]:
    """``count`` one-second cues in French, enough to need scrolling in a transcript."""
    path = folder / "long.fr.vtt"
    cues = (f"00:{i:02d}.000 --> 00:{i:02d}.900\nPhrase numéro {i}\n" for i in range(count))
    path.write_text("WEBVTT\n\n" + "\n".join(cues), "utf-8")
    return {"fr": path}


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
    """The item called ``object_name``: a QML child, or an item shown inside the page (the video
    picture, which the view-model owns and moves from page to page)."""
    found = view.rootObject().findChild(QQuickItem, object_name)
    if found is None:
        found = next(iter(items_named(view.rootObject(), object_name)), None)
    assert found is not None, f"no item named {object_name}"
    return found


def items_named(root: QQuickItem, object_name: str) -> list[QQuickItem]:
    """Every visual descendant called ``object_name`` (list delegates included)."""
    found = []
    for child in root.childItems():
        if child.objectName() == object_name:
            found.append(child)
        found += items_named(child, object_name)
    return found


def close_page(view: QQuickView) -> None:
    """Destroy the QML items before the view-models they bind to go away."""
    view.close()
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def tap(view: QQuickView, target: str | QQuickItem) -> None:
    """A finger tap in the middle of an item (or of the item with that object name)."""
    if isinstance(target, str):
        target = item(view, target)
    centre = target.mapToScene(QPointF(target.width() / 2, target.height() / 2)).toPoint()
    QTest.mouseClick(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)


def drag_along(view: QQuickView, object_name: str, from_ratio: float, to_ratio: float) -> None:
    """Press on a named item at ``from_ratio`` of its width, slide to ``to_ratio``, release."""
    target = item(view, object_name)

    def point(ratio: float) -> QPoint:
        return target.mapToScene(QPointF(target.width() * ratio, target.height() / 2)).toPoint()

    no_modifier = Qt.KeyboardModifier.NoModifier
    QTest.mousePress(view, Qt.MouseButton.LeftButton, no_modifier, point(from_ratio))
    for step in range(1, 6):
        ratio = from_ratio + (to_ratio - from_ratio) * step / 5
        QTest.mouseMove(view, point(ratio))
    QTest.mouseRelease(view, Qt.MouseButton.LeftButton, no_modifier, point(to_ratio))
