"""The root view-model QML sees: the exhibition's headline data, the page, the language.

It is handed to ``Main.qml`` as a required property (no context-property globals). Pages receive
it from the page loader. Deeper view-models (artists, programme, player, staff) hang off it as
properties so each page can bind to what it needs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Property, QObject, QUrl, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.content.model import Exhibition
from kiosk.i18n.catalog import gettext_for
from kiosk.i18n.languages import LANGUAGES, is_rtl
from kiosk.navigation import Navigation, Route, UnknownPageError

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

PAGE_COMPONENTS = {
    "attract": "AttractPage",
    "home": "HomePage",
    "exhibition": "ExhibitionPage",
    "artist": "ArtistPage",
    "story": "StoryPage",
    "programme": "ProgrammePage",
    "about": "AboutPage",
    "accessibility": "AccessibilityPage",
    "staff": "StaffPage",
}


@QmlElement
@QmlUncreatable("KioskState is created by the application")
class KioskState(QObject):  # type: ignore[operator]
    """Page, language and exhibition headline for QML.

    Attributes:
        navigation: the Qt-free page stack this object mirrors.
        on_language: called with the new language code, so the application can install the
            matching translator before QML re-evaluates its strings.
    """

    pageChanged = Signal()
    languageChanged = Signal()
    exhibitionChanged = Signal()

    def __init__(
        self,
        exhibition: Exhibition,
        language: str,
        languages: tuple[str, ...],
        kiosk_mode: bool,
        demo_badge: bool = True,
        on_language: Callable[[str], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._exhibition = exhibition
        self._language = language
        self._languages = tuple(code for code in languages if code in LANGUAGES) or ("fr",)
        self._kiosk_mode = kiosk_mode
        self._demo_badge = demo_badge
        self._on_language = on_language
        self.navigation = Navigation()

    # -- exhibition -------------------------------------------------------------------------

    @property
    def exhibition(self) -> Exhibition:
        return self._exhibition

    def set_exhibition(self, exhibition: Exhibition) -> None:
        """Show another exhibition (after a publish, at the next idle reset)."""
        self._exhibition = exhibition
        self.exhibitionChanged.emit()

    def _text(self, value: object) -> str:
        from kiosk.content.model import LocalizedText

        assert isinstance(value, LocalizedText)
        return value.get(self._language, self._exhibition.default_language)

    @Property(str, notify=exhibitionChanged)  # type: ignore[arg-type]
    def exhibitionId(self) -> str:
        return self._exhibition.id

    def _title(self) -> str:
        return self._text(self._exhibition.title)

    title = Property(str, _title, notify=languageChanged)  # type: ignore[arg-type]

    def _subtitle(self) -> str:
        return self._text(self._exhibition.subtitle)

    subtitle = Property(str, _subtitle, notify=languageChanged)  # type: ignore[arg-type]

    def _attract_images(self) -> list[str]:
        return [
            QUrl.fromLocalFile(str(path)).toString() for path in self._exhibition.attract_images
        ]

    attractImages = Property(list, _attract_images, notify=exhibitionChanged)  # type: ignore[arg-type]

    def _demo(self) -> bool:
        return self._exhibition.demo and self._demo_badge

    demo = Property(bool, _demo, notify=exhibitionChanged)  # type: ignore[arg-type]

    # -- mode ------------------------------------------------------------------------------

    def _kiosk_mode_value(self) -> bool:
        return self._kiosk_mode

    kioskMode = Property(bool, _kiosk_mode_value, constant=True)  # type: ignore[arg-type]

    # -- language --------------------------------------------------------------------------

    def _get_language(self) -> str:
        return self._language

    @Slot(str)
    def setLanguage(self, language: str) -> None:
        if language == self._language or language not in LANGUAGES:
            return
        self._language = language
        if self._on_language is not None:
            self._on_language(language)
        self.languageChanged.emit()

    language = Property(str, _get_language, setLanguage, notify=languageChanged)  # type: ignore[arg-type]

    def _rtl(self) -> bool:
        return is_rtl(self._language)

    rtl = Property(bool, _rtl, notify=languageChanged)  # type: ignore[arg-type]

    def _language_list(self) -> list[dict[str, str]]:
        return [{"code": code, "name": LANGUAGES[code].native_name} for code in self._languages]

    languages = Property(list, _language_list, constant=True)  # type: ignore[arg-type]

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

    def _can_go_back(self) -> bool:
        return self.navigation.depth > 1

    canGoBack = Property(bool, _can_go_back, notify=pageChanged)  # type: ignore[arg-type]

    @Slot(str)
    @Slot(str, str)
    def open(self, page: str, argument: str = "") -> None:
        try:
            route = Route.parse(f"{page}:{argument}" if argument else page)
        except UnknownPageError as error:
            log.error("navigation refused: %s", error)
            return
        if self.navigation.open(route):
            self.pageChanged.emit()

    @Slot()
    def back(self) -> None:
        if self.navigation.back():
            self.pageChanged.emit()

    @Slot()
    def home(self) -> None:
        self.open("home")

    def show_route(self, route: Route) -> None:
        """Jump straight to a page (screenshots, tests, staff preview)."""
        self.navigation = Navigation(Route("home")) if route.page != "attract" else Navigation()
        self.navigation.open(route)
        self.pageChanged.emit()

    def reset(self, language: str) -> None:
        """Back to the attract loop in the default language (idle reset)."""
        self.navigation.reset()
        self.setLanguage(language)
        self.pageChanged.emit()
