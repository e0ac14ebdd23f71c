"""QML's qsTr served by the gettext catalogues in a real QML engine, and live switching.

The pages load through ``QQmlApplicationEngine.load``, as the kiosk's shell does (see the note
in :mod:`kiosk.i18n.qt_translator` about ``QQuickView.setSource``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow
from pytestqt.qtbot import QtBot

from kiosk.i18n.catalog import translation
from kiosk.i18n.qt_translator import GettextTranslator, LanguageSwitcher

PAGE = """
import QtQuick
import QtQuick.Window

Window {
    id: page
    visible: true
    width: 400; height: 100
    property int artists: 1
    Row {
        LayoutMirroring.enabled: Qt.application.layoutDirection === Qt.RightToLeft
        LayoutMirroring.childrenInherit: true
        spacing: 10
        Text { objectName: "start"; text: qsTr("Start") }
        Text { objectName: "play"; text: qsTr("Play", "verb") }
        Text { objectName: "count"; text: qsTr("%n artists", "", page.artists) }
        Text { objectName: "unknown"; text: qsTr("Not in any catalogue") }
    }
}
"""


@pytest.fixture
def engine(qapp: QGuiApplication, tmp_path: Path) -> Iterator[QQmlApplicationEngine]:
    """A QML engine for a small page; language state restored afterwards."""
    direction, locale = QGuiApplication.layoutDirection(), QLocale()
    (tmp_path / "Page.qml").write_text(PAGE, "utf-8")
    qml_engine = QQmlApplicationEngine()
    yield qml_engine
    for root in qml_engine.rootObjects():
        root.close()  # type: ignore[attr-defined]
    qml_engine.deleteLater()
    QGuiApplication.setLayoutDirection(direction)
    QLocale.setDefault(locale)


def _load(engine: QQmlApplicationEngine, tmp_path: Path) -> QQuickWindow:
    engine.load(QUrl.fromLocalFile(str(tmp_path / "Page.qml")))
    (root,) = engine.rootObjects()
    assert isinstance(root, QQuickWindow)
    return root


def _text(root: QQuickWindow, name: str) -> str:
    item = root.findChild(QQuickItem, name)
    assert item is not None
    return str(item.property("text"))


def test_qstr_is_answered_from_the_gettext_catalogue(
    qapp: QGuiApplication, engine: QQmlApplicationEngine, tmp_path: Path, catalogue_dir: Path
) -> None:
    translator = GettextTranslator("fr", translation("fr", str(catalogue_dir)))
    qapp.installTranslator(translator)
    try:
        root = _load(engine, tmp_path)
        assert _text(root, "start") == "Commencer"
        assert _text(root, "play") == "Lire"
        assert _text(root, "count") == "1 artiste"
        assert _text(root, "unknown") == "Not in any catalogue"
        root.setProperty("artists", 3)
        assert _text(root, "count") == "3 artistes"
    finally:
        qapp.removeTranslator(translator)


def test_switching_language_retranslates_and_mirrors_the_visible_page(
    qapp: QGuiApplication,
    engine: QQmlApplicationEngine,
    tmp_path: Path,
    catalogue_dir: Path,
    qtbot: QtBot,
) -> None:
    switcher = LanguageSwitcher(qapp, "fr", directory=str(catalogue_dir))
    try:
        switcher.attach(engine)
        root = _load(engine, tmp_path)
        start = root.findChild(QQuickItem, "start")
        play = root.findChild(QQuickItem, "play")
        assert start is not None and play is not None
        assert _text(root, "start") == "Commencer"
        qtbot.waitUntil(lambda: start.x() < play.x())

        switcher.switch("ar")

        assert _text(root, "start") == "ابدأ"
        assert QGuiApplication.layoutDirection().name == "RightToLeft"
        # The row is laid out again from the right: the first word now sits right of the second.
        qtbot.waitUntil(lambda: start.x() > play.x())

        switcher.switch("fr")
        assert _text(root, "start") == "Commencer"
        qtbot.waitUntil(lambda: start.x() < play.x())
    finally:
        switcher.uninstall()


def test_pseudo_locale_reaches_qml(
    qapp: QGuiApplication, engine: QQmlApplicationEngine, tmp_path: Path
) -> None:
    switcher = LanguageSwitcher(qapp, "pseudo")
    try:
        switcher.attach(engine)
        root = _load(engine, tmp_path)
        assert _text(root, "start") == "[Šţåŕţ ~~~~]"
        assert _text(root, "count").startswith("[1 ")
    finally:
        switcher.uninstall()


def test_uninstalling_shows_the_english_source_again(
    qapp: QGuiApplication, engine: QQmlApplicationEngine, tmp_path: Path, catalogue_dir: Path
) -> None:
    switcher = LanguageSwitcher(qapp, "fr", directory=str(catalogue_dir))
    switcher.attach(engine)
    root = _load(engine, tmp_path)
    assert _text(root, "start") == "Commencer"
    switcher.uninstall()
    engine.retranslate()
    assert _text(root, "start") == "Start"
