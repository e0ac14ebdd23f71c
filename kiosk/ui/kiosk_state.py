"""The root view-model QML sees: the page, the language, the visitor's session.

It is handed to ``Main.qml`` as a required property (no context-property globals). Pages receive
it from the page loader. Deeper view-models hang off it as properties: ``content`` (the exhibition
in the visitor's language), ``accessibility`` (text size, contrast...), ``idle`` (the countdown),
``staffGesture`` (the hidden corner) and ``player`` (the media view-model, when there is one).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.content.model import Exhibition, LocalizedText
from kiosk.i18n.catalog import gettext_for
from kiosk.i18n.languages import LANGUAGES, is_rtl, offered_codes
from kiosk.navigation import DORMANT_PAGES, Navigation, NavigationLock, Route, UnknownPageError
from kiosk.paths import kept_path
from kiosk.session import MIN_WARNING_S, IdleSession, TapBurst, VisitorPreferences
from kiosk.settings import Settings
from kiosk.ui.accessibility import AccessibilitySettings
from kiosk.ui.exhibition_view import ExhibitionView
from kiosk.ui.idle_adapter import IdleMonitor
from kiosk.ui.images import PHOTO_PX, image_url
from kiosk.ui.page_components import PAGE_COMPONENTS
from kiosk.ui.qml_notify import notify_later
from kiosk.ui.staff_gesture import StaffGesture

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)


@QmlElement
@QmlUncreatable("KioskState is created by the application")
class KioskState(QObject):  # type: ignore[operator]
    """Page, language and visitor session for QML.

    Attributes:
        navigation: the Qt-free page stack this object mirrors.
        on_language: called with the new language code, so the application can install the
            matching translator before QML re-evaluates its strings.
        reset_hooks: called on every idle reset (the media view-model stops and restores its
            default volume there).
        pages_dir: where the pages' QML files are, to tell whether a page exists yet.
        accessibility_settings: the visitor's comfort settings (QML: ``kiosk.accessibility``).
        idle_monitor: the idle countdown (QML: ``kiosk.idle``); its expiry resets the session.
    """

    pageChanged = Signal()
    languageChanged = Signal()
    languagesChanged = Signal()
    exhibitionChanged = Signal()
    playerChanged = Signal()
    staffChanged = Signal()

    def __init__(
        self,
        exhibition: Exhibition,
        language: str,
        languages: tuple[str, ...],
        kiosk_mode: bool,
        demo_badge: bool = True,
        on_language: Callable[[str], None] | None = None,
        parent: QObject | None = None,
        *,
        preferences: VisitorPreferences | None = None,
        idle_session: IdleSession | None = None,
        staff_burst: TapBurst | None = None,
        clock: Callable[[], datetime] | None = None,
        timezone: str = "Europe/Paris",
        cache_dir: Path | None = None,
        nav_lock: NavigationLock | None = None,
        attract_interval_s: int = 8,
        font_family: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._exhibition = exhibition
        self._default_language = language
        self._language = language
        self._languages = offered_codes(languages)
        self._kiosk_mode = kiosk_mode
        self._demo_badge = demo_badge
        self._on_language = on_language
        self._cache_dir = cache_dir
        self._attract_interval_s = attract_interval_s
        self._font_family = font_family or (lambda _language: "Noto Sans")
        self.navigation = Navigation()
        self.reset_hooks: list[Callable[[], None]] = []
        self.pages_dir: Path | None = None
        self._nav_lock = nav_lock or NavigationLock()
        self._player: QObject | None = None
        self._staff_panel: QObject | None = None
        # Where lists were scrolled to, so "back" returns to the same place (cleared when a page
        # is opened afresh and at every idle reset).
        self._positions: dict[str, float] = {}
        self._content = ExhibitionView(
            exhibition, language, clock or (lambda: datetime.now(UTC)), timezone, cache_dir, self
        )
        defaults = preferences or VisitorPreferences()
        self.accessibility_settings = AccessibilitySettings(defaults, self)
        self.idle_monitor = IdleMonitor(idle_session or IdleSession(90, 30), self)
        self.idle_monitor.expired.connect(self.reset_session)
        self._staff = StaffGesture(staff_burst or TapBurst(5, 3.0), self._open_staff, self)

    # -- parts -----------------------------------------------------------------------------

    def _content_view(self) -> ExhibitionView:
        return self._content

    content = Property(QObject, _content_view, constant=True)  # type: ignore[arg-type]

    def _accessibility_settings(self) -> AccessibilitySettings:
        return self.accessibility_settings

    accessibility = Property(QObject, _accessibility_settings, constant=True)  # type: ignore[arg-type]

    def _idle_monitor(self) -> IdleMonitor:
        return self.idle_monitor

    idle = Property(QObject, _idle_monitor, constant=True)  # type: ignore[arg-type]

    def _staff_gesture(self) -> StaffGesture:
        return self._staff

    staffGesture = Property(QObject, _staff_gesture, constant=True)  # type: ignore[arg-type]

    def _get_player(self) -> QObject | None:
        return self._player

    player = Property(QObject, _get_player, notify=playerChanged)  # type: ignore[arg-type]

    def set_player(self, player: QObject | None) -> None:
        """Attach the media view-model (the story page binds to ``kiosk.player``)."""
        self._player = player
        self.playerChanged.emit()

    def _get_staff(self) -> QObject | None:
        return self._staff_panel

    staff = Property(QObject, _get_staff, notify=staffChanged)  # type: ignore[arg-type]

    def set_staff(self, panel: QObject | None) -> None:
        """Attach the staff panel (``pages/StaffPage.qml`` binds to ``kiosk.staff``)."""
        self._staff_panel = panel
        self.staffChanged.emit()

    # -- exhibition ------------------------------------------------------------------------

    @property
    def exhibition(self) -> Exhibition:
        return self._exhibition

    def set_exhibition(self, exhibition: Exhibition) -> None:
        """Show another exhibition (after a publish, at the next idle reset)."""
        self._exhibition = exhibition
        self._content.set_exhibition(exhibition)
        notify_later(self, "exhibitionChanged")
        notify_later(self, "languageChanged")

    def _text(self, value: LocalizedText) -> str:
        return value.get(self._language, self._exhibition.default_language)

    def _title(self) -> str:
        return self._text(self._exhibition.title)

    title = Property(str, _title, notify=languageChanged)  # type: ignore[arg-type]

    def _subtitle(self) -> str:
        return self._text(self._exhibition.subtitle)

    subtitle = Property(str, _subtitle, notify=languageChanged)  # type: ignore[arg-type]

    def _attract_images(self) -> list[str]:
        pictures = self._exhibition.welcome_pictures()
        return [image_url(path, self._cache_dir, PHOTO_PX) for path in pictures]

    attractImages = Property(list, _attract_images, notify=exhibitionChanged)  # type: ignore[arg-type]

    def _attract_interval_ms(self) -> int:
        return self._attract_interval_s * 1000

    attractIntervalMs = Property(int, _attract_interval_ms, notify=exhibitionChanged)  # type: ignore[arg-type]

    def _demo(self) -> bool:
        return self._exhibition.demo and self._demo_badge

    demo = Property(bool, _demo, notify=exhibitionChanged)  # type: ignore[arg-type]

    def _kiosk_mode_value(self) -> bool:
        return self._kiosk_mode

    kioskMode = Property(bool, _kiosk_mode_value, constant=True)  # type: ignore[arg-type]

    # -- language --------------------------------------------------------------------------

    def _get_language(self) -> str:
        return self._language

    @Slot(str)
    def setLanguage(self, language: str) -> None:
        """Switch at once and stay on the same page (the translator follows first)."""
        if language == self._language or language not in LANGUAGES:
            return
        self._language = language
        if self._on_language is not None:
            self._on_language(language)
        self._content.set_language(language)
        notify_later(self, "languageChanged")

    language = Property(str, _get_language, setLanguage, notify=languageChanged)  # type: ignore[arg-type]

    def _font_family_value(self) -> str:
        return self._font_family(self._language)

    fontFamily = Property(str, _font_family_value, notify=languageChanged)  # type: ignore[arg-type]

    def _rtl(self) -> bool:
        return is_rtl(self._language)

    rtl = Property(bool, _rtl, notify=languageChanged)  # type: ignore[arg-type]

    def _language_list(self) -> list[dict[str, str]]:
        return [{"code": code, "name": LANGUAGES[code].native_name} for code in self._languages]

    languages = Property(list, _language_list, notify=languagesChanged)  # type: ignore[arg-type]

    def _offer_languages(self, languages: tuple[str, ...]) -> None:
        offered = offered_codes(languages)
        if offered == self._languages:
            return
        self._languages = offered
        notify_later(self, "languagesChanged")
        # At once rather than at the next idle reset: staff change the settings on this very
        # screen, so no visitor is in the middle of a visit, and a language left without its
        # button would leave the picker with nothing marked and no way back to it.
        if self._language not in offered:
            self.setLanguage(self._default_language)

    @Slot(int, result=str)
    def invitation(self, index: int) -> str:
        """The attract loop's call to action in the kiosk's n-th language (it cycles)."""
        code = self._languages[index % len(self._languages)]
        return gettext_for(code).gettext("Touch the screen to start")

    # -- navigation ------------------------------------------------------------------------

    def _page(self) -> str:
        return self.navigation.current.page

    page = Property(str, _page, notify=pageChanged)  # type: ignore[arg-type]

    def _page_argument(self) -> str:
        return self.navigation.current.argument

    pageArgument = Property(str, _page_argument, notify=pageChanged)  # type: ignore[arg-type]

    def _page_component(self) -> str:
        return PAGE_COMPONENTS[self.navigation.current.page]

    pageComponent = Property(str, _page_component, notify=pageChanged)  # type: ignore[arg-type]

    def _page_available(self) -> bool:
        """False while a page's QML is not written yet (the staff panel comes later)."""
        if self.pages_dir is None:
            return True
        if self.navigation.current.page == "staff" and self._staff_panel is None:
            return False  # the panel could not be built (read-only data folder...)
        return kept_path(self.pages_dir, f"{self._page_component()}.qml").is_file()

    pageAvailable = Property(bool, _page_available, notify=pageChanged)  # type: ignore[arg-type]

    def _page_components(self) -> list[str]:
        """Every page's QML component, for Main.qml to compile ahead of the first visit."""
        return sorted(set(PAGE_COMPONENTS.values()))

    pageComponents = Property(list, _page_components, constant=True)  # type: ignore[arg-type]

    def _can_go_back(self) -> bool:
        return self.navigation.depth > 1

    canGoBack = Property(bool, _can_go_back, notify=pageChanged)  # type: ignore[arg-type]

    def _page_changed(self, was_dormant: bool) -> None:
        # No visitor session on the attract loop, nor on the staff page (the staff panel has
        # its own, longer timeout and locks itself).
        dormant = self.navigation.current.page in DORMANT_PAGES
        if was_dormant and not dormant:
            self.idle_monitor.visitor_arrived()
        elif dormant and not was_dormant:
            self.idle_monitor.visitor_left()
        self.pageChanged.emit()

    def _go(self, route: Route, locked: bool = True) -> bool:
        was_dormant = self.navigation.current.page in DORMANT_PAGES
        if route == self.navigation.current:
            return False
        if locked and not self._nav_lock.acquire():
            log.debug("navigation to %s ignored: another one just happened", route)
            return False
        self._positions.pop(route.page, None)
        self.navigation.open(route)
        self._page_changed(was_dormant)
        return True

    def _open_staff(self) -> None:
        if self.pages_dir is not None and self._staff_panel is None:
            log.error("staff gesture ignored: the staff panel is unavailable")
            return
        # The gesture is deliberate and rare: the double-tap lock does not apply to it.
        if self._go(Route("staff"), locked=False):
            # The panel speaks the default language, not the last visitor's: QML's texts and
            # direction follow it. The visit has ended, so this is no visitor's choice.
            self.setLanguage(self._default_language)

    @Slot(str)
    @Slot(str, str)
    def open(self, page: str, argument: str = "") -> None:
        try:
            route = Route.parse(f"{page}:{argument}" if argument else page)
        except UnknownPageError as error:
            log.error("navigation refused: %s", error)
            return
        self._go(route)

    @Slot()
    def back(self) -> None:
        if self.navigation.depth <= 1 and self.navigation.current.page in ("home", "attract"):
            return
        if not self._nav_lock.acquire():
            return
        was_dormant = self.navigation.current.page in DORMANT_PAGES
        if self.navigation.back():
            self._page_changed(was_dormant)

    @Slot()
    def home(self) -> None:
        self.open("home")

    def show_route(self, route: Route) -> None:
        """Jump straight to a page (screenshots, tests, staff preview)."""
        was_dormant = self.navigation.current.page in DORMANT_PAGES
        self.navigation = Navigation(Route("home")) if route.page != "attract" else Navigation()
        self.navigation.open(route)
        self._page_changed(was_dormant)

    def apply_settings(self, settings: Settings) -> None:
        """Staff changed the settings: rules, languages, zone now; defaults at the next reset."""
        self.idle_monitor.session.timeout_s = float(settings.idle_timeout_s)
        self.idle_monitor.session.warning_s = max(MIN_WARNING_S, float(settings.idle_warning_s))
        self._attract_interval_s = settings.attract_interval_s
        self._demo_badge = settings.demo_badge
        self._default_language = settings.default_language
        self._offer_languages(settings.languages)
        if self.navigation.current.page == "staff":
            self.setLanguage(self._default_language)  # the panel speaks its new language
        self._content.set_timezone(settings.timezone)
        self.accessibility_settings.defaults = replace(
            self.accessibility_settings.defaults,
            reduce_motion=settings.reduce_motion,
            volume=settings.volume_default,
        )
        notify_later(self, "exhibitionChanged")

    @Slot(str, float)
    def rememberPosition(self, key: str, position: float) -> None:
        self._positions[key] = position

    @Slot(str, result=float)
    def position(self, key: str) -> float:
        """Where the list ``key`` was left, when coming back to it; 0 (the top) otherwise."""
        return self._positions.get(key, 0.0)

    # -- session ---------------------------------------------------------------------------

    @Slot()
    def reset_session(self) -> None:
        """The visitor has gone: everything they changed goes back to what the next one gets.

        Pages are destroyed when the attract loop replaces them, so scroll and gallery positions
        start from the top next time; language, accessibility and media are reset here.
        """
        log.info("idle reset: back to the attract loop")
        for hook in self.reset_hooks:
            hook()
        self.accessibility_settings.reset()
        self._positions.clear()
        self.setLanguage(self._default_language)
        self._nav_lock.release()
        was_dormant = self.navigation.current.page in DORMANT_PAGES
        self.navigation.reset()
        self._page_changed(was_dormant)
