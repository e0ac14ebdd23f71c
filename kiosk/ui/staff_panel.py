"""The staff panel's root view-model and the one function that builds it.

:class:`StaffPanel` holds the PIN pad and, once the right PIN is entered, the sections the
staff page shows: content (import, versions, preview), statistics, settings and health. It
locks itself and asks to leave after ``settings.staff_timeout_s`` without a touch, key or click
anywhere in the application (an application-wide event filter, so no QML area can miss one);
the PIN pad alone gives way after a minute at most. Build it with :func:`create_staff_panel`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import Executor
from pathlib import Path

from PySide6.QtCore import Property, QCoreApplication, QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.analytics.events import VisitorStats
from kiosk.content.loader import load_exhibition
from kiosk.content.model import Exhibition
from kiosk.content.removable import removable_media
from kiosk.content.store import ContentStore
from kiosk.navigation import Route
from kiosk.paths import AppPaths
from kiosk.settings import Settings
from kiosk.staff.inbox import Inbox
from kiosk.staff.pin import PinGate
from kiosk.ui.content_switcher import ContentSwitcher, PreviewFactory
from kiosk.ui.live_settings import LiveSettings
from kiosk.ui.staff_health import StaffHealth, libvlc_version
from kiosk.ui.staff_import import StaffImport
from kiosk.ui.staff_pin_pad import StaffPinPad
from kiosk.ui.staff_settings import StaffSettings
from kiosk.ui.staff_stats import StaffStats, story_title_lookup
from kiosk.ui.staff_tasks import Background, background_executor
from kiosk.ui.staff_versions import StaffVersions

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

PIN_STATE_FILE = "staff-pin.json"
# The PIN pad alone gives way sooner than an open panel (staff_timeout_s, when shorter).
PIN_PAD_TIMEOUT_S = 60
ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)


@QmlElement
@QmlUncreatable("StaffPanel is created by create_staff_panel")
class StaffPanel(QObject):  # type: ignore[operator]
    """PIN pad, sections and the inactivity timeout.

    Attributes:
        live: the settings in force (``staff_timeout_s``, PIN hash, language).
    """

    unlockedChanged = Signal()
    leaveRequested = Signal()

    def __init__(
        self,
        live: LiveSettings,
        gate: PinGate,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.live = live
        self._unlocked = False
        self._watching = False
        self._pin_pad = StaffPinPad(gate, self.language, self)
        self._pin_pad.accepted.connect(self._unlock)
        self._sections: dict[str, QObject] = {}
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._timed_out)
        live.changed.connect(lambda: gate.set_hash(live.current.staff_pin_hash))

    def language(self) -> str:
        return self.live.current.default_language

    def add_section(self, name: str, section: QObject) -> None:
        section.setParent(self)
        self._sections[name] = section

    def section(self, name: str) -> QObject:
        return self._sections[name]

    # QML ----------------------------------------------------------------------------------

    def _get_pin_pad(self) -> StaffPinPad:
        return self._pin_pad

    pinPad = Property(QObject, _get_pin_pad, constant=True)  # type: ignore[arg-type]

    def _get_unlocked(self) -> bool:
        return self._unlocked

    unlocked = Property(bool, _get_unlocked, notify=unlockedChanged)  # type: ignore[arg-type]

    def _content(self) -> QObject:
        return self._sections["import"]

    importer = Property(QObject, _content, constant=True)  # type: ignore[arg-type]

    def _versions(self) -> QObject:
        return self._sections["versions"]

    versions = Property(QObject, _versions, constant=True)  # type: ignore[arg-type]

    def _switcher(self) -> QObject:
        return self._sections["switcher"]

    switcher = Property(QObject, _switcher, constant=True)  # type: ignore[arg-type]

    def _stats(self) -> QObject:
        return self._sections["stats"]

    stats = Property(QObject, _stats, constant=True)  # type: ignore[arg-type]

    def _settings(self) -> QObject:
        return self._sections["settings"]

    settings = Property(QObject, _settings, constant=True)  # type: ignore[arg-type]

    def _health(self) -> QObject:
        return self._sections["health"]

    health = Property(QObject, _health, constant=True)  # type: ignore[arg-type]

    # Opening and leaving ------------------------------------------------------------------

    @Slot()
    def shown(self) -> None:
        """The staff page is on screen (PIN pad or sections): start counting time without touch.

        The PIN pad times out too, sooner: a child who opened it by chance with the hidden
        gesture must not leave the next visitor in front of a keypad.
        """
        if not self._watching:
            self._watching = True
            app = QCoreApplication.instance()
            if app is not None:
                app.installEventFilter(self)
        self._restart_idle()

    def _unlock(self) -> None:
        self._unlocked = True
        log.info("staff panel opened")
        self.shown()
        self.unlockedChanged.emit()

    @Slot()
    def lock(self) -> None:
        """Close the sections (the next visit needs the PIN again); ends any preview."""
        self._idle.stop()
        if self._watching:
            self._watching = False
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
        self._pin_pad.clear()
        switcher = self._sections.get("switcher")
        if isinstance(switcher, ContentSwitcher):
            switcher.end_preview()
        if self._unlocked:
            self._unlocked = False
            log.info("staff panel closed")
            self.unlockedChanged.emit()

    @Slot()
    def leave(self) -> None:
        """The staff member is done: lock, and ask the page to go back to the visitors."""
        self.lock()
        self.leaveRequested.emit()

    def timeout_s(self) -> int:
        """Seconds without touch before the page gives way to the visitors."""
        timeout = self.live.current.staff_timeout_s
        return timeout if self._unlocked else min(timeout, PIN_PAD_TIMEOUT_S)

    def _restart_idle(self) -> None:
        self._idle.start(self.timeout_s() * 1000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._watching and event.type() in ACTIVITY_EVENTS:
            self._restart_idle()
        return False

    def _timed_out(self) -> None:
        where = "panel" if self._unlocked else "PIN pad"
        log.info("staff %s left after %d s without touch", where, self.timeout_s())
        self.leave()


def _default_preview_factory(
    live: LiveSettings, equip_player: Callable[[QObject], None] | None = None
) -> PreviewFactory:
    def make(exhibition: Exhibition, parent: QObject) -> QObject:
        from kiosk.ui.kiosk_state import KioskState

        settings = live.current  # a preview shows the languages and time zone in force
        state = KioskState(
            exhibition,
            language=settings.default_language,
            languages=settings.languages,
            kiosk_mode=False,
            demo_badge=settings.demo_badge,
            parent=parent,
            timezone=settings.timezone,
        )
        state.idle_monitor.stop()  # a preview has no visitor session to time out
        state.show_route(Route("home"))  # not open(): its double-tap guard would eat a tap
        if equip_player is not None:
            equip_player(state)
        return state

    return make


def create_staff_panel(
    settings: Settings,
    paths: AppPaths,
    *,
    live: LiveSettings | None = None,
    store: ContentStore | None = None,
    stats: VisitorStats | None = None,
    switcher: ContentSwitcher | None = None,
    show_content: Callable[[Path], None] | None = None,
    displayed_id: str | None = None,
    removable_roots: Callable[[], list[Path]] = removable_media,
    executor: Executor | None = None,
    started: float | None = None,
    vlc_version: Callable[[], str] = libvlc_version,
    exhibition: Callable[[], Exhibition] | None = None,
    inbox: Inbox | None = None,
    preview_player: Callable[[QObject], None] | None = None,
    parent: QObject | None = None,
) -> StaffPanel:
    """Build the staff panel and its sections from the settings and the kiosk's folders.

    The shell passes what it already owns (live settings, statistics, the switcher wired to
    the visitors' screens, the exhibition on screen for story titles, the inbox whose last
    outcome the panel shows); anything not given is created here. ``preview_player`` gives a
    preview's kiosk state a player of its own, so staff can play a version's stories before
    publishing it (without it, the preview's story page says stories cannot be played).
    """
    live = live or LiveSettings(settings, parent)
    store = store or ContentStore.for_data_dir(paths.data_dir)
    stats = stats or VisitorStats.for_settings(paths.data_dir, settings)
    # Each new event counts for its day in the time zone in force.
    live.changed.connect(lambda: stats.set_timezone(live.current.timezone))
    owned_executor = background_executor() if executor is None else None
    executor = executor or owned_executor
    background = Background(executor)
    # Failures are kept on disk so that switching the kiosk off and on does not end a lockout.
    gate = PinGate(settings.staff_pin_hash, state_file=paths.data_dir / PIN_STATE_FILE)
    panel = StaffPanel(live, gate, parent)
    if owned_executor is not None:  # its worker thread goes with the panel
        panel.destroyed.connect(lambda *_args: owned_executor.shutdown(wait=False))
    language = panel.language

    def load(folder: Path) -> Exhibition | None:
        return load_exhibition(folder, language()).exhibition

    if switcher is None:
        switcher = ContentSwitcher(
            store,
            show_content or (lambda folder: None),
            load,
            _default_preview_factory(live, preview_player),
            displayed_id,
            own_folder=settings.content_dir is not None,
        )

    def extra_roots() -> list[Path]:
        roots = [Path.home()]
        if live.current.inbox_dir is not None:
            roots.insert(0, live.current.inbox_dir)
        return roots

    panel.add_section("switcher", switcher)
    inbox_outcome = inbox.last_outcome if inbox is not None else None
    panel.add_section(
        "import",
        StaffImport(
            store,
            removable_roots,
            extra_roots,
            language,
            executor,
            inbox_outcome,
            cache_dir=paths.cache_dir,
        ),
    )
    panel.add_section(
        "versions",
        StaffVersions(store, switcher, background, language, lambda: live.current.timezone),
    )
    story_title = story_title_lookup(exhibition, language) if exhibition is not None else str
    panel.add_section(
        "stats", StaffStats(stats, background, language, removable_roots, story_title)
    )
    panel.add_section("settings", StaffSettings(live, language))
    panel.add_section(
        "health",
        StaffHealth(
            store,
            paths.data_dir,
            paths.log_dir,
            language,
            started if started is not None else time.monotonic(),
            vlc_version,
        ),
    )
    panel.section("import").imported.connect(  # type: ignore[attr-defined]
        lambda _version_id: panel.section("versions").refresh()  # type: ignore[attr-defined]
    )
    return panel
