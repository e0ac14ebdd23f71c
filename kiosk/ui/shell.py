"""Builds the kiosk's window: view-models, QML engine, translator, the first page.

Shared by ``kiosk run`` (a real window) and ``kiosk screenshot`` (offscreen), so a screenshot
shows exactly what a visitor sees.
"""

from __future__ import annotations

import importlib
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import (
    Q_ARG,
    QCoreApplication,
    QEvent,
    QMetaObject,
    QObject,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk.content.loader import load_exhibition
from kiosk.content.model import Exhibition, LocalizedText
from kiosk.memory_tuning import drop_module_sources, give_back_free_memory
from kiosk.navigation import NavigationLock, Route
from kiosk.paths import AppPaths
from kiosk.session import IdleSession, TapBurst, VisitorPreferences
from kiosk.settings import Settings
from kiosk.ui.background import run_in_thread
from kiosk.ui.kiosk_state import KioskState
from kiosk.ui.programme_model import wall_clock
from kiosk.ui.render_probe import watch_rendering
from kiosk.ui.staff_wiring import attach_staff_panel, shown_content

QML_DIR = Path(__file__).resolve().parent / "qml"

log = logging.getLogger(__name__)

# Player states during which a visitor is watching: the idle countdown waits.
PLAYING_STATES = frozenset({"loading", "playing"})
# After an idle reset: long enough for the visitor's pages to be dropped, well before a new visitor.
RETURN_MEMORY_AFTER_RESET_MS = 2000


class ShellError(RuntimeError):
    """The window could not be created (broken QML, no usable graphics)."""


@dataclass
class Shell:
    """The live window and what it is bound to; ``close()`` tears it down in order."""

    engine: QQmlApplicationEngine
    window: QQuickWindow
    state: KioskState
    player: QObject | None = None
    cleanups: list[Callable[[], None]] = field(default_factory=list)
    owner: QObject | None = None

    @property
    def pages_ready(self) -> bool:
        """Every page is compiled: from now on, showing a page never waits for QML's loader."""
        return bool(self.window.property("pagesReady"))

    def close(self) -> None:
        """Destroy the QML items before the view-models they bind to go away; libvlc last."""
        self.state.idle_monitor.stop()
        for cleanup in self.cleanups:
            cleanup()
        self.window.removeEventFilter(self.state.idle_monitor)
        self.window.hide()
        self.engine.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        shutdown = getattr(self.player, "shutdown", None)
        if shutdown is not None:
            shutdown()
        if self.owner is not None:
            # The view-models (and the staff panel's application-wide filter) go with it.
            self.owner.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
            self.owner = None


def content_folder(settings: Settings, paths: AppPaths) -> Path:
    """The package to show: ``--content``, else the published version, else the demo."""
    return shown_content(settings, paths)[0]


def load_or_placeholder(folder: Path, *, header_only: bool = False) -> Exhibition:
    """The exhibition in ``folder``; a calm placeholder when it cannot be read at all.

    ``header_only``: ``exhibition.toml`` alone, for the attract loop's first frame.
    """
    result = load_exhibition(folder, header_only=header_only)
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


PlayerFactory = Callable[[Settings, Exhibition, QObject], QObject | None]


def after_first_frame(window: QQuickWindow, action: Callable[[], object]) -> None:
    """Run ``action`` on the GUI thread once the window's first frame is on screen.

    ``frameSwapped`` comes from the render thread under Qt's threaded render loop: the action is
    posted to the window's thread rather than run there.
    """

    def on_frame() -> None:
        QTimer.singleShot(0, window, action)

    window.frameSwapped.connect(on_frame, Qt.ConnectionType.SingleShotConnection)


def register_media_types() -> None:
    """The story page's types (``Kiosk.Media``) exist once their modules are imported."""
    for module in ("kiosk.ui.player_model", "kiosk.ui.video_item", "kiosk.ui.transcript_model"):
        importlib.import_module(module)


def default_player(settings: Settings, exhibition: Exhibition, parent: QObject) -> QObject | None:
    """The libvlc player; silent under the offscreen platform (screenshots, tests)."""
    from kiosk.ui.player_factory import create_player_model

    offscreen = os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen")
    return create_player_model(
        settings, exhibition, audio_output="dummy" if offscreen else None, parent=parent
    )


def connect_player(state: KioskState, player: QObject) -> None:
    """The player follows the visitor's language and captions choice, and the idle rules follow
    the player: no warning while a story plays; an idle reset stops it and restores its volume."""
    state.set_player(player)
    idle = state.idle_monitor
    accessibility = state.accessibility_settings
    captions = player.property("captions")

    def on_state() -> None:
        idle.set_media_playing(str(player.property("state")) in PLAYING_STATES)

    def on_language() -> None:
        QMetaObject.invokeMethod(player, "setLanguage", Q_ARG(str, state.language))

    def on_captions() -> None:
        QMetaObject.invokeMethod(captions, "setOn", Q_ARG(bool, accessibility.captions))

    def on_reset() -> None:
        QMetaObject.invokeMethod(player, "close")
        QMetaObject.invokeMethod(player, "resetForNewVisitor")
        on_captions()

    def on_page() -> None:
        # Open the story as soon as the visitor taps, while QML builds the page: libvlc buffers
        # in parallel, so the first frame comes sooner. Connected before Main.qml's loader.
        # On an artist's page their first story is made ready (paused on its first picture), so
        # that tapping it only has to resume it; elsewhere nothing is kept ready.
        route = state.navigation.current
        if route.page == "story":
            if player.property("storyId") != route.argument:
                QMetaObject.invokeMethod(player, "openStoryById", Q_ARG(str, route.argument))
        elif route.page == "artist":
            QMetaObject.invokeMethod(player, "prepareArtist", Q_ARG(str, route.argument))
        else:
            QMetaObject.invokeMethod(player, "dropPrepared")

    def on_player_captions() -> None:
        # The story page's own "Captions" button and the accessibility page stay in step.
        accessibility.setCaptions(bool(captions.property("on")))

    player.stateChanged.connect(on_state)  # type: ignore[attr-defined]
    captions.changed.connect(on_player_captions)
    state.languageChanged.connect(on_language)
    state.pageChanged.connect(on_page)
    accessibility.changed.connect(on_captions)
    state.reset_hooks.append(on_reset)
    on_language()


def language_switcher(
    app: QGuiApplication, engine: QQmlApplicationEngine, language: str
) -> tuple[Callable[[str], None], Callable[[], None]]:
    """The catalogue switch for ``qsTr`` plus a re-translation of every binding, and its undo."""
    from kiosk.i18n.qt_translator import LanguageSwitcher

    switcher = LanguageSwitcher(app, language, parent=engine)
    switcher.attach(engine)
    return switcher.switch, switcher.uninstall


def font_family_for(language: str) -> str:
    """The bundled family for ``language``'s script (Noto Sans Arabic for Arabic)."""
    from kiosk.i18n.fonts import families_for

    return families_for(language)[0]


def load_fonts() -> None:
    """Register the bundled fonts once, so no screen depends on the machine's fonts."""
    from kiosk.i18n.fonts import FontError, load_bundled_fonts

    try:
        load_bundled_fonts()
    except FontError as error:
        log.error("bundled fonts unavailable: %s", error)


def build_shell(
    app: QGuiApplication,
    settings: Settings,
    paths: AppPaths,
    route: Route | None = None,
    size: tuple[int, int] | None = None,
    player_factory: PlayerFactory | None = default_player,
    clock: Callable[[], float] = time.monotonic,
    staff: bool = True,
    record_visits: bool = True,
) -> Shell:
    """Create the view-models and the window, showing ``route`` (the attract loop by default).

    ``clock`` drives the idle session and the corner gesture (tests pass a fake one);
    ``staff`` builds the staff panel behind the hidden corner; ``record_visits`` counts the
    visits in its statistics (a screenshot is not a visit).
    """
    folder, displayed_id = shown_content(settings, paths)
    # Starting on the attract loop (kiosk run), the first frame needs only exhibition.toml; the
    # artists, the player and the staff panel come right after it: nobody can reach them
    # sooner, and a thousand artists no longer delay the first picture by a second. Another
    # first page (screenshots, --page) may need everything at once.
    services_now = route is not None and route.page != "attract"
    exhibition = load_or_placeholder(folder, header_only=not services_now)
    owner = QObject(app)
    load_fonts()
    engine = QQmlApplicationEngine()
    switch_language, uninstall_language = language_switcher(app, engine, settings.default_language)
    state = KioskState(
        exhibition,
        language=settings.default_language,
        languages=settings.languages,
        kiosk_mode=settings.kiosk_mode,
        demo_badge=settings.demo_badge,
        on_language=switch_language,
        font_family=font_family_for,
        parent=owner,
        preferences=VisitorPreferences(
            reduce_motion=settings.reduce_motion, volume=settings.volume_default
        ),
        idle_session=IdleSession(settings.idle_timeout_s, settings.idle_warning_s, clock),
        staff_burst=TapBurst(settings.staff_gesture_taps, settings.staff_gesture_window_s, clock),
        # The moment only: the view-model puts it in the time zone in force (staff may change it).
        clock=lambda: settings.now or wall_clock(),
        timezone=settings.timezone,
        cache_dir=paths.cache_dir,
        nav_lock=NavigationLock(clock=clock),
        attract_interval_s=settings.attract_interval_s,
    )
    state.pages_dir = QML_DIR / "pages"
    engine.setInitialProperties({"kiosk": state})

    def return_memory_between_visitors() -> None:
        # The visit's JavaScript garbage first: left for the engine's own timing, a collection
        # may fall in the middle of the next visit, with its pages alive, and the engine then
        # grows its heap for good (1.4 to 2.7 MB within half an hour of varied use; a collection
        # here kept it at 1.4 MB: docs/reliability.md, "Soak").
        engine.collectGarbage()
        drop_module_sources()  # those of modules imported during the visit
        give_back_free_memory()

    # Once the visitor's pages have gone (they are dropped from the event loop), the memory they
    # freed goes back to the system: see kiosk/memory_tuning.py.
    state.reset_hooks.append(
        lambda: QTimer.singleShot(
            RETURN_MEMORY_AFTER_RESET_MS, owner, return_memory_between_visitors
        )
    )

    def attach_services(exhibition: Exhibition) -> QObject | None:
        """The player and the staff panel; returns the player."""
        register_media_types()
        player = player_factory(settings, exhibition, owner) if player_factory else None
        if player is not None:
            connect_player(state, player)
        if staff:
            attach_staff_panel(
                state,
                settings,
                paths,
                displayed_id,
                player,
                owner,
                record_visits,
                preview_player=equip_preview if player_factory else None,
            )
        return player

    def equip_preview(preview: QObject) -> None:
        # Staff check a version's stories before publishing it: the preview plays them with a
        # player of its own, and the visitors' player (and any story it holds) is left alone.
        assert player_factory is not None and isinstance(preview, KioskState)
        preview_player = player_factory(settings, preview.exhibition, preview)
        if preview_player is not None:
            connect_player(preview, preview_player)

    player = attach_services(exhibition) if services_now else None
    engine.load(QUrl.fromLocalFile(str(QML_DIR / "Main.qml")))
    roots = engine.rootObjects()
    if not roots or not isinstance(roots[0], QQuickWindow):
        raise ShellError(f"the QML interface could not be loaded from {QML_DIR}")
    window = roots[0]
    shell = Shell(
        engine=engine,
        window=window,
        state=state,
        player=player,
        cleanups=[uninstall_language],
        owner=owner,
    )

    def show_whole(whole: Exhibition) -> None:
        state.set_exhibition(whole)
        log.info("whole exhibition loaded: %d artists", len(whole.artists))
        shell.player = attach_services(whole)
        QMetaObject.invokeMethod(window, "preparePages")

    def finish_after_first_frame() -> None:
        drop_module_sources()
        if services_now:
            QMetaObject.invokeMethod(window, "preparePages")
            return
        # In a thread: a large package takes a second or two to read, and the attract loop
        # must go on moving and answering meanwhile.
        run_in_thread(lambda: load_or_placeholder(folder), show_whole, owner, "load-exhibition")

    window.installEventFilter(state.idle_monitor)
    watch_rendering(window)
    after_first_frame(window, finish_after_first_frame)
    if size is not None:
        window.resize(*size)
    if route is not None:
        state.show_route(route)
    return shell
