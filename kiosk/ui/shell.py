"""Builds the kiosk's window: view-models, QML engine, translator, the first page.

Shared by ``kiosk run`` (a real window) and ``kiosk screenshot`` (offscreen), so a screenshot
shows exactly what a visitor sees.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk.content.loader import load_exhibition
from kiosk.content.model import Exhibition, LocalizedText
from kiosk.navigation import Route
from kiosk.paths import AppPaths, bundled_demo_dir
from kiosk.settings import Settings
from kiosk.ui.kiosk_state import KioskState

QML_DIR = Path(__file__).resolve().parent / "qml"

log = logging.getLogger(__name__)


class ShellError(RuntimeError):
    """The window could not be created (broken QML, no usable graphics)."""


@dataclass
class Shell:
    """The live window and what it is bound to; ``close()`` tears it down in order."""

    engine: QQmlApplicationEngine
    window: QQuickWindow
    state: KioskState

    def close(self) -> None:
        """Destroy the QML items before the view-models they bind to go away."""
        self.window.hide()
        self.engine.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def content_folder(settings: Settings, paths: AppPaths) -> Path:
    """The package to show: ``--content``, else the published version, else the demo."""
    if settings.content_dir is not None:
        return settings.content_dir
    try:
        from kiosk.content.store import ContentStore

        active = ContentStore(paths.data_dir / "content").active_path()  # type: ignore[attr-defined]
    except (ImportError, AttributeError, OSError) as error:
        log.debug("no content store yet: %s", error)
        active = None
    return active if active is not None else bundled_demo_dir()


def load_or_placeholder(folder: Path) -> Exhibition:
    """The exhibition in ``folder``; a calm placeholder when it cannot be read at all."""
    result = load_exhibition(folder)
    if result.exhibition is not None:
        return result.exhibition
    log.error("cannot show the content in %s: %s", folder, result.problems)
    return Exhibition(
        root=folder,
        id="unavailable",
        title=LocalizedText(
            {
                "fr": "Exposition momentanément indisponible",
                "en": "Exhibition temporarily unavailable",
            }
        ),
        default_language="fr",
        languages=("fr",),
    )


def build_shell(
    app: QGuiApplication,
    settings: Settings,
    paths: AppPaths,
    route: Route | None = None,
    size: tuple[int, int] | None = None,
) -> Shell:
    """Create the view-models and the window, showing ``route`` (the attract loop by default)."""
    exhibition = load_or_placeholder(content_folder(settings, paths))
    translator_owner = QObject(app)
    state = KioskState(
        exhibition,
        language=settings.default_language,
        languages=settings.languages,
        kiosk_mode=settings.kiosk_mode,
        demo_badge=settings.demo_badge,
        parent=translator_owner,
    )
    engine = QQmlApplicationEngine()
    engine.setInitialProperties({"kiosk": state})
    engine.load(QUrl.fromLocalFile(str(QML_DIR / "Main.qml")))
    roots = engine.rootObjects()
    if not roots or not isinstance(roots[0], QQuickWindow):
        raise ShellError(f"the QML interface could not be loaded from {QML_DIR}")
    window = roots[0]
    if size is not None:
        window.resize(*size)
    if route is not None:
        state.show_route(route)
    return Shell(engine=engine, window=window, state=state)
